import { gcm } from '@noble/ciphers/aes.js';

/**
 * Synchronous AES-256-GCM (noble) with a random 12-byte nonce and associated data that binds a
 * ciphertext to where it is stored (table + row). Synchronous on purpose: IndexedDB transactions
 * commit on their own once the page awaits anything else (WebCrypto is async), and the leave
 * journal is written during `pagehide`.
 *
 * Sealed layout: version byte (1) ‖ nonce (12) ‖ ciphertext ‖ tag (16).
 */

const VERSION = 1;
const NONCE = 12;
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
  const nonce = randomBytes(NONCE);
  const body = gcm(key, nonce, encoder.encode(aad)).encrypt(plain);
  const out = new Uint8Array(1 + NONCE + body.length);
  out[0] = VERSION;
  out.set(nonce, 1);
  out.set(body, 1 + NONCE);
  return out;
}

export function open(key: Uint8Array, aad: string, sealed: Uint8Array): Uint8Array {
  if (!(sealed instanceof Uint8Array) || sealed.length < 1 + NONCE + TAG || sealed[0] !== VERSION) throw new SealError('not sealed data');
  try {
    return gcm(key, sealed.subarray(1, 1 + NONCE), encoder.encode(aad)).decrypt(sealed.subarray(1 + NONCE));
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
