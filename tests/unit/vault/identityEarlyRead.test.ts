import 'fake-indexeddb/auto';

import { describe, expect, it, vi } from 'vitest';
import { createIdentity, loadIdentity, useIdentity } from '../../../renderer/identity/identity';
import { setVault, Vault } from '../../../renderer/vault';
import { memoryStore } from '../../../renderer/vault/keyringStore';
import { fixedOsKey, TEST_KDF } from './testVault';

describe('reading the identity at start-up', () => {
  it('reads the sealed device row while the vault is still locked, and opens it once unlocked', async () => {
    const store = memoryStore();
    const osKey = fixedOsKey(crypto.getRandomValues(new Uint8Array(32)));
    const first = new Vault({ store, osKey, kdf: TEST_KDF });
    await first.start();
    setVault(first);
    await createIdentity({ name: '陳美玲 Mei', unit: '公關 PR', phone: '', email: '' });
    const publicKey = useIdentity.getState().keys!.publicKey;

    // The next start: a vault over the same keyring, not started yet (locked).
    const vault = new Vault({ store, osKey, kdf: TEST_KDF });
    setVault(vault);
    useIdentity.setState({ status: 'loading', profile: null, keys: null });
    const reads: string[] = [];
    const original = IDBObjectStore.prototype.get;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key: unknown) {
      reads.push(`${this.name}:${String(key)}:${vault.status === 'unlocked' ? 'unlocked' : 'locked'}`);
      return original.call(this, key as never);
    });
    try {
      const loading = loadIdentity();
      await vi.waitFor(() => expect(reads).toContain('device:self:locked'));
      expect(useIdentity.getState().status).toBe('loading');

      await vault.start();
      await loading;
      expect(useIdentity.getState().status).toBe('ready');
      expect(useIdentity.getState().profile?.name).toBe('陳美玲 Mei');
      expect(useIdentity.getState().keys?.publicKey).toBe(publicKey);
      // The row was read once, before the unlock; nothing read it again after.
      expect(reads.filter((r) => r.startsWith('device:'))).toEqual(['device:self:locked']);
    } finally {
      spy.mockRestore();
    }
  });
});
