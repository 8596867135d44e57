/**
 * The at-rest vault for bench pages (renderer/vault): unlocked at once with a fixed bench master
 * key standing in for the OS key store (no passphrase, no Argon2id in the timings), keyring in
 * this origin's OPFS as in the app. The app's stores are then measured as the app runs them:
 * every row encrypted. `exportBenchKeyring`/`importBenchKeyring` move the wrapped data keys along
 * with a database copied into another origin.
 */
import { getVault, setVault, Vault } from '../../renderer/vault';
import { browserKeyringStore, opfsStore } from '../../renderer/vault/keyringStore';

const BENCH_MASTER_KEY = new Uint8Array(32).fill(0x5b);
const osKey = { masterKey: async () => ({ status: 'ok' as const, key: BENCH_MASTER_KEY }) };

export async function installBenchVault(): Promise<Vault> {
  const vault = new Vault({ store: browserKeyringStore, osKey });
  await vault.start();
  if (vault.status !== 'unlocked') throw new Error(`bench vault: ${vault.state.getState().error ?? vault.status}`);
  setVault(vault);
  return vault;
}

/** The keyring as stored (wrapped keys only). */
export function exportBenchKeyring(): string {
  return JSON.stringify(getVault().keyringSnapshot());
}

/** Replaces this origin's keyring with `text` (from another bench origin) and unlocks it again. */
export async function importBenchKeyring(text: string): Promise<void> {
  await opfsStore(await navigator.storage.getDirectory()).write(text);
  await installBenchVault();
}
