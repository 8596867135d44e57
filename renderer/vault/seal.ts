import { gcm } from '@noble/ciphers/aes.js';
import { aeadDecrypt, aeadEncrypt } from './aead';
import { SEAL_NONCE, SEAL_VERSION, sealWith } from './sealFormat';

/**
 * Synchronous authenticated encryption (noble) with a random nonce and associated data that binds
 * a ciphertext to where it is stored (table + row). Synchronous on purpose: IndexedDB
 * transactions commit on their own once the page awaits anything else (WebCrypto is async), and
 * the leave journal is written during `pagehide`.
 *
 * Sealed layouts (the first byte says which):
 * - 2 (written now): XChaCha20-Poly1305 (aead.ts), nonce (24) ‖ ciphertext ‖ tag (16). Faster
 *   than AES-GCM without hardware help (noble, 2.3 MiB in one Node run on a loaded machine: 44 vs
 *   328 ms), which is what opening a large workspace pays; a 24-byte random nonce needs no counter.
 * - 1 (still read): AES-256-GCM, nonce (12) ‖ ciphertext ‖ tag (16).
 */

const VERSION = SEAL_VERSION;
const NONCE = SEAL_NONCE;
const GCM_VERSION = 1;
const GCM_NONCE = 12;
const TAG = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Why something did not decrypt: damaged, wrong key, or stored somewhere else (AAD). */
export class SealError extends Error {
  constructor(message = 'the data does not decrypt with this key (damaged, or sealed with another key)') {
    super(message);
    this.name = 'SealError';
  }
}

export function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

export function seal(key: Uint8Array, aad: string, plain: Uint8Array): Uint8Array {
  return sealWith(aeadEncrypt, key, aad, plain);
}

export function open(key: Uint8Array, aad: string, sealed: Uint8Array): Uint8Array {
  if (!(sealed instanceof Uint8Array)) throw new SealError('not sealed data');
  const v = sealed[0];
  const n = v === VERSION ? NONCE : v === GCM_VERSION ? GCM_NONCE : -1;
  if (n < 0 || sealed.length < 1 + n + TAG) throw new SealError('not sealed data');
  try {
    const nonce = sealed.subarray(1, 1 + n);
    const body = sealed.subarray(1 + n);
    const ad = encoder.encode(aad);
    return v === VERSION ? aeadDecrypt(key, nonce, ad, body) : gcm(key, nonce, ad).decrypt(body);
  } catch {
    throw new SealError();
  }
}

export const sealText = (key: Uint8Array, aad: string, text: string): Uint8Array => seal(key, aad, encoder.encode(text));
export const openText = (key: Uint8Array, aad: string, sealed: Uint8Array): string => decoder.decode(open(key, aad, sealed));

export function toB64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromB64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
