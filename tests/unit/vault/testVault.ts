import { setVault, Vault, type OsKeySource } from '../../../renderer/vault';
import { memoryStore } from '../../../renderer/vault/keyringStore';

/** Argon2id parameters small enough for unit tests (the app uses 19 MiB, t = 2). */
export const TEST_KDF = { alg: 'argon2id', m: 1024, t: 1, p: 1 } as const;

/** An OS key store that always gives `key`. */
export function fixedOsKey(key: Uint8Array = new Uint8Array(32).fill(7)): OsKeySource {
  return { masterKey: async () => ({ status: 'ok', key }) };
}

/** An unlocked vault kept in memory, installed as the page's vault. */
export async function installTestVault(): Promise<{ vault: Vault; store: ReturnType<typeof memoryStore> }> {
  const store = memoryStore();
  const vault = new Vault({ store, osKey: fixedOsKey(crypto.getRandomValues(new Uint8Array(32))), kdf: TEST_KDF });
  await vault.start();
  setVault(vault);
  return { vault, store };
}
