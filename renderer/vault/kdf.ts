import { argon2id } from 'hash-wasm';

/**
 * Passphrase → key-encryption key, Argon2id (hash-wasm; WebAssembly, which the CSP allows with
 * `'wasm-unsafe-eval'`). Parameters are stored with the keyring so they can be raised later.
 * Defaults: OWASP's first recommendation (19 MiB, t = 2, p = 1).
 */
export interface KdfParams {
  alg: 'argon2id';
  /** Memory in KiB. */
  m: number;
  t: number;
  p: number;
  salt: string;
}

export const DEFAULT_KDF = { alg: 'argon2id', m: 19 * 1024, t: 2, p: 1 } as const;

/** Shortest passphrase the first-start form accepts. */
export const MIN_PASSPHRASE_LENGTH = 10;

export async function deriveKek(passphrase: string, params: KdfParams, saltBytes: Uint8Array): Promise<Uint8Array> {
  return argon2id({
    password: passphrase.normalize('NFC'),
    salt: saltBytes,
    parallelism: params.p,
    iterations: params.t,
    memorySize: params.m,
    hashLength: 32,
    outputType: 'binary',
  });
}
