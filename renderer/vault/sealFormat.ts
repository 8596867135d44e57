/**
 * The layout of what `seal` writes (seal.ts): version 2, nonce (24) ‖ XChaCha20-Poly1305 ciphertext
 * ‖ tag (16), the associated data binding it to where it is stored. Kept apart from the cipher's
 * choice (aead.ts, which may load libsodium) so the compaction worker can seal with noble alone
 * (renderer/workspace/compactionMerge.ts), and open the stored rows it merges (`openWith`).
 */

export const SEAL_VERSION = 2;
export const SEAL_NONCE = 24;

const encoder = new TextEncoder();

/** XChaCha20-Poly1305 encryption (key 32, nonce 24, associated data) returning ciphertext ‖ tag. */
export type AeadEncrypt = (key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, plain: Uint8Array) => Uint8Array;

/** Seals `plain` with `encrypt` and a fresh random nonce, in the layout above. */
export function sealWith(encrypt: AeadEncrypt, key: Uint8Array, aad: string, plain: Uint8Array): Uint8Array {
  const nonce = crypto.getRandomValues(new Uint8Array(SEAL_NONCE));
  const body = encrypt(key, nonce, encoder.encode(aad), plain);
  const out = new Uint8Array(1 + SEAL_NONCE + body.length);
  out[0] = SEAL_VERSION;
  out.set(nonce, 1);
  out.set(body, 1 + SEAL_NONCE);
  return out;
}

/** XChaCha20-Poly1305 decryption of ciphertext ‖ tag; throws when the key, nonce or associated data do not match. */
export type AeadDecrypt = (key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, sealed: Uint8Array) => Uint8Array;

/** Whether `sealed` is in the layout above (what `openWith` opens; seal.ts also opens an older one). */
export const isSealedV2 = (sealed: unknown): sealed is Uint8Array => sealed instanceof Uint8Array && sealed[0] === SEAL_VERSION && sealed.length >= 1 + SEAL_NONCE + 16;

/** Opens what `sealWith` wrote with `decrypt`; throws on anything else, or sealed with another key or for another place. */
export function openWith(decrypt: AeadDecrypt, key: Uint8Array, aad: string, sealed: Uint8Array): Uint8Array {
  if (!isSealedV2(sealed)) throw new Error('not sealed data');
  return decrypt(key, sealed.subarray(1, 1 + SEAL_NONCE), encoder.encode(aad), sealed.subarray(1 + SEAL_NONCE));
}
