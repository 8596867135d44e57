import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Vault, VaultError } from '../../../renderer/vault';
import { memoryStore } from '../../../renderer/vault/keyringStore';
import { parseKeyring } from '../../../renderer/vault/keyring';
import { fixedOsKey, TEST_KDF } from './testVault';

const passVault = (store = memoryStore()) => ({ store, vault: new Vault({ store, kdf: TEST_KDF }) });

describe('the vault keyring', () => {
  it('protects a new master key with the passphrase; the right passphrase unlocks, a wrong one fails clearly and changes nothing', async () => {
    const { store, vault } = passVault();
    await vault.start();
    expect(vault.status).toBe('absent');
    await expect(vault.create('short')).rejects.toMatchObject({ code: 'passphraseTooShort' });
    await vault.create('correct horse battery');
    expect(vault.status).toBe('unlocked');
    await vault.ensureDataKey('ws-1');
    const sealed = vault.sealFor('ws-1', 'aad', new TextEncoder().encode('秘密 secret'));
    const file = store.text!;
    expect(file).not.toContain('correct horse');
    expect(parseKeyring(file).mk.kind).toBe('passphrase');

    // Next page load: locked until the passphrase is typed.
    const again = new Vault({ store, kdf: TEST_KDF });
    await again.start();
    expect(again.status).toBe('locked');
    expect(() => again.dataKey('ws-1')).toThrow(VaultError);
    const wrong = await again.unlock('wrong horse battery').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(VaultError);
    expect((wrong as VaultError).code).toBe('wrongPassphrase');
    expect(again.status).toBe('locked');
    expect(store.text).toBe(file);
    await again.unlock('correct horse battery');
    expect(new TextDecoder().decode(again.openFor('ws-1', 'aad', sealed))).toBe('秘密 secret');
    // Bound to where it is stored: other associated data does not open it.
    expect(() => again.openFor('ws-1', 'other', sealed)).toThrow();
  });

  it('fails closed with a clear error when the OS gives another master key', async () => {
    const store = memoryStore();
    const a = new Vault({ store, osKey: fixedOsKey(new Uint8Array(32).fill(1)) });
    await a.start();
    expect(a.status).toBe('unlocked');
    await a.ensureDataKey('ws');
    const b = new Vault({ store, osKey: fixedOsKey(new Uint8Array(32).fill(2)) });
    await b.start();
    expect(b.status).toBe('error');
    expect(b.state.getState().error).toMatch(/does not open the keyring/);
    expect(() => b.sealFor('ws', 'x', new Uint8Array(1))).toThrow(/locked/);
    // A handed-over key from another tab is checked the same way.
    const c = new Vault({ store, kdf: TEST_KDF, askOtherTabs: async () => new Uint8Array(32).fill(2) });
    await c.start();
    expect(c.status).toBe('locked');
    expect(c.adopt(new Uint8Array(32).fill(2))).toBe(false);
    expect(c.adopt(new Uint8Array(32).fill(1))).toBe(true);
  });

  it('takes the master key from another unlocked tab instead of asking again', async () => {
    const { store, vault } = passVault();
    await vault.create('correct horse battery');
    const tab = new Vault({ store, kdf: TEST_KDF, askOtherTabs: async () => vault.masterKeyForHandoff() });
    await tab.start();
    expect(tab.status).toBe('unlocked');
  });

  it('shreds a data key: the keyring is rewritten without it before the call returns, and its ciphertext no longer opens', async () => {
    const { store, vault } = passVault();
    await vault.create('correct horse battery');
    await vault.ensureDataKey('ws-gone');
    await vault.ensureDataKey('ws-kept');
    const sealed = vault.sealFor('ws-gone', 'a', new TextEncoder().encode('gone'));
    const wrapped = parseKeyring(store.text!).keys['ws-gone']!;
    await vault.shredDataKey('ws-gone');
    const file = parseKeyring(store.text!);
    expect(Object.keys(file.keys)).toEqual(['ws-kept']);
    expect(store.text).not.toContain(wrapped);
    expect(file.shredded).toEqual(['ws-gone']);
    expect(vault.isShredded('ws-gone')).toBe(true);
    expect(() => vault.openFor('ws-gone', 'a', sealed)).toThrow(/no data key/);
    // Not even after the next unlock.
    const again = new Vault({ store, kdf: TEST_KDF });
    await again.start();
    await again.unlock('correct horse battery');
    expect(again.hasDataKey('ws-gone')).toBe(false);
    expect(again.hasDataKey('ws-kept')).toBe(true);
  });

  it('refuses a damaged keyring file', async () => {
    const vault = new Vault({ store: memoryStore('{"v":1,"mk":{"kind":"os"}}'), osKey: fixedOsKey() });
    await vault.start();
    expect(vault.status).toBe('error');
    expect(vault.state.getState().error).toMatch(/damaged/);
  });
});
