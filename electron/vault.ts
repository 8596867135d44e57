import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { VaultKeyResult } from '../shared/ipc.js';
import type { SafeStorageLike } from './facade.js';

/**
 * The at-rest vault's master key on a desktop (renderer/vault): 32 random bytes kept in a file
 * in the user-data folder, encrypted with Electron's `safeStorage` (the OS key store). The page
 * asks for it once per load over the `vaultMasterKey` route. Where the OS store is unavailable,
 * or is Linux's 'basic_text' (a key hard-coded in Chromium: no protection), the answer is
 * `unavailable` and the page protects its key with a passphrase instead.
 */
export const VAULT_KEY_FILE = 'vault-key.json';

const StoredSchema = z.strictObject({ v: z.literal(1), wrapped: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(4096) });
const KeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

export interface VaultKeyDeps {
  safeStorage: SafeStorageLike;
  /** The key file (normally `vault-key.json` in userData). */
  file: string;
  platform: string;
  random?: (n: number) => Uint8Array;
}

/** Why the OS store cannot protect the key here (null: it can). */
export function osStoreProblem(safeStorage: SafeStorageLike, platform: string): string | null {
  if (!safeStorage.isEncryptionAvailable()) return 'the OS key store is not available';
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return "the OS key store is Chromium's plain-text fallback (basic_text)";
  return null;
}

/** The handler of the `vaultMasterKey` route. */
export function createVaultKeyHandler(deps: VaultKeyDeps): (request: { create: boolean }) => Promise<VaultKeyResult> {
  let queue: Promise<unknown> = Promise.resolve();
  const run = async ({ create }: { create: boolean }): Promise<VaultKeyResult> => {
    const problem = osStoreProblem(deps.safeStorage, deps.platform);
    if (problem) return { status: 'unavailable', reason: problem };
    let text: string | null = null;
    try {
      text = await readFile(deps.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return { status: 'unavailable', reason: `the key file cannot be read (${(err as Error).message})` };
    }
    if (text !== null) {
      try {
        const stored = StoredSchema.parse(JSON.parse(text));
        const b64 = KeySchema.parse(deps.safeStorage.decryptString(Buffer.from(stored.wrapped, 'base64')));
        return { status: 'ok', key: new Uint8Array(Buffer.from(b64, 'base64')) };
      } catch (err) {
        return { status: 'unavailable', reason: `the key file does not open with this OS account's key (${(err as Error).message})` };
      }
    }
    if (!create) return { status: 'missing', reason: 'no key stored yet' };
    const key = (deps.random ?? ((n) => new Uint8Array(randomBytes(n))))(32);
    const wrapped = Buffer.from(deps.safeStorage.encryptString(Buffer.from(key).toString('base64'))).toString('base64');
    await mkdir(dirname(deps.file), { recursive: true });
    const tmp = `${deps.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ v: 1, wrapped }), { encoding: 'utf8', mode: 0o600 });
    await rename(tmp, deps.file);
    return { status: 'ok', key };
  };
  return (request) => {
    const p = queue.then(() => run(request));
    queue = p.catch(() => undefined);
    return p;
  };
}
