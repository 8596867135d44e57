import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';

/**
 * XChaCha20-Poly1305 (IETF), synchronous: libsodium's WebAssembly build once it has loaded, the
 * noble JavaScript implementation until then (or where WebAssembly is refused). Both produce and
 * read the same bytes (tests/unit/vault/seal.test.ts checks one against the other).
 *
 * Why two: every row read at open is decrypted inside its IndexedDB transaction, so the cipher must
 * be synchronous (WebCrypto is not). In Chromium the first large decryption in a page is what an
 * open pays: 2.3 MiB took noble 137–209 ms and libsodium 90–141 ms cold, and libsodium 43–52 ms
 * once a few 4 KiB calls at load had let V8 optimise its WebAssembly (measured on this machine
 * with a throwaway page; `npm run bench -- P9` measures the whole open).
 */

interface Aead {
  encrypt(key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, plain: Uint8Array): Uint8Array;
  decrypt(key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, sealed: Uint8Array): Uint8Array;
}

export const nobleAead: Aead = {
  encrypt: (key, nonce, ad, plain) => xchacha20poly1305(key, nonce, ad).encrypt(plain),
  decrypt: (key, nonce, ad, sealed) => xchacha20poly1305(key, nonce, ad).decrypt(sealed),
};

let impl: Aead = nobleAead;
let loading: Promise<'libsodium' | 'noble'> | null = null;

export const aeadEncrypt = (key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, plain: Uint8Array): Uint8Array => impl.encrypt(key, nonce, ad, plain);
export const aeadDecrypt = (key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, sealed: Uint8Array): Uint8Array => impl.decrypt(key, nonce, ad, sealed);

/** Which implementation seals and opens now. */
export function aeadImplementation(): 'libsodium' | 'noble' {
  return impl === nobleAead ? 'noble' : 'libsodium';
}

/**
 * Loads libsodium (once) and makes it the implementation after a short warm-up; resolves to the
 * implementation in use. Never rejects: without WebAssembly the JavaScript one stays.
 */
export function loadFastAead(): Promise<'libsodium' | 'noble'> {
  loading ??= (async () => {
    try {
      const sodium = (await import('libsodium-wrappers')).default;
      await sodium.ready;
      const wasm: Aead = {
        encrypt: (key, nonce, ad, plain) => sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plain, ad, null, nonce, key),
        decrypt: (key, nonce, ad, sealed) => sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, sealed, ad, nonce, key),
      };
      // Warm-up, and a check that it agrees with the JavaScript implementation.
      const key = new Uint8Array(32).fill(1);
      const nonce = new Uint8Array(24).fill(2);
      const ad = new Uint8Array([3]);
      const probe = new Uint8Array(4096).map((_, i) => i & 0xff);
      for (let i = 0; i < 4; i++) wasm.decrypt(key, nonce, ad, wasm.encrypt(key, nonce, ad, probe));
      const expected = nobleAead.encrypt(key, nonce, ad, probe.subarray(0, 64));
      const got = wasm.encrypt(key, nonce, ad, probe.subarray(0, 64));
      if (got.length !== expected.length || got.some((b, i) => b !== expected[i])) throw new Error('libsodium and noble disagree');
      impl = wasm;
      performance.mark('crisis-room:aead-libsodium');
    } catch (err) {
      console.warn('[vault] WebAssembly cipher unavailable; the JavaScript one is used:', (err as Error).message);
    }
    return aeadImplementation();
  })();
  return loading;
}

/** Tests: back to the JavaScript implementation. */
export function resetAeadForTests(): void {
  impl = nobleAead;
  loading = null;
}
