/**
 * WebCrypto types read off the global `crypto`, so shared/ compiles both with the DOM library
 * (renderer, tests) and with Node's own types (main process, tsconfig.node.json), which name
 * the same objects differently (`CryptoKey` vs `webcrypto.CryptoKey`).
 */
export type Subtle = typeof globalThis.crypto.subtle;
/** A WebCrypto key. */
export type WebCryptoKey = Awaited<ReturnType<Subtle['importKey']>>;
/** A WebCrypto key pair. */
export interface WebCryptoKeyPair {
  publicKey: WebCryptoKey;
  privateKey: WebCryptoKey;
}
