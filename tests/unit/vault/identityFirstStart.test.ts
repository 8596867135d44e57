import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createIdentity, loadIdentity, useIdentity } from '../../../renderer/identity/identity';
import { setVault, Vault } from '../../../renderer/vault';
import { memoryStore } from '../../../renderer/vault/keyringStore';
import { fixedOsKey, TEST_KDF } from './testVault';

describe('reading the identity at a first start', () => {
  it('looks again after the unlock when the early read found no row (the first-start form made it meanwhile): never "none"', async () => {
    const store = memoryStore();
    const osKey = fixedOsKey(crypto.getRandomValues(new Uint8Array(32)));
    const vault = new Vault({ store, osKey, kdf: TEST_KDF });
    setVault(vault);
    const statuses: string[] = [];
    const stop = useIdentity.subscribe((s) => statuses.push(s.status));
    const reads: string[] = [];
    const original = IDBObjectStore.prototype.get;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      reads.push(`${this.name}:${String(key)}`);
      return original.call(this, key);
    });
    try {
      const loading = loadIdentity();
      // The early read happened (and found nothing) while the vault was locked.
      await vi.waitFor(() => expect(reads).toContain('device:self'));
      await new Promise((r) => setTimeout(r, 20));
      // The first-start form: another vault over the same keyring is unlocked and the identity made with it.
      const form = new Vault({ store, osKey, kdf: TEST_KDF });
      await form.start();
      setVault(form);
      await createIdentity({ name: '林律師 Lin', unit: '法律顧問 Law firm', phone: '', email: '' });
      setVault(vault);
      useIdentity.setState({ status: 'loading', profile: null, keys: null });
      statuses.length = 0;

      await vault.start();
      await loading;
      expect(useIdentity.getState().status).toBe('ready');
      expect(useIdentity.getState().profile?.name).toBe('林律師 Lin');
      expect(statuses).not.toContain('none');
    } finally {
      spy.mockRestore();
      stop();
    }
  });

  it('the first-start form unlocking and making the identity while the read runs: never "none" in between', async () => {
    const store = memoryStore();
    const osKey = fixedOsKey(crypto.getRandomValues(new Uint8Array(32)));
    const vault = new Vault({ store, osKey, kdf: TEST_KDF });
    setVault(vault);
    // Another laptop profile: a fresh identity database.
    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase('crisis-room-identity');
      r.onsuccess = r.onerror = r.onblocked = () => resolve();
    });
    useIdentity.setState({ status: 'loading', profile: null, keys: null });
    const statuses: string[] = [];
    const stop = useIdentity.subscribe((s) => statuses.push(s.status));
    try {
      const loading = loadIdentity();
      await new Promise((r) => setTimeout(r, 20));
      // What OnboardingPage does: the vault is made (unlocked), then the identity, with no pause.
      await vault.start();
      await createIdentity({ name: '陳主任 Chen', unit: '營運 Operations', phone: '', email: '' });
      await loading;
      expect(useIdentity.getState().status).toBe('ready');
      expect(statuses).not.toContain('none');
    } finally {
      stop();
    }
  });
});
