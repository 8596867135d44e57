import { fromBase64Url, toBase64Url } from './base64url.js';
import type { Subtle, WebCryptoKey as CryptoKey, WebCryptoKeyPair as CryptoKeyPair } from './webcrypto.js';

/**
 * A member's device keys, made with WebCrypto (Node 20+, Chromium 137+ / Electron 45+). The
 * private halves are generated non-extractable: the app stores the CryptoKey objects themselves
 * (IndexedDB keeps them by structured clone), so the key material never exists as bytes the
 * renderer could leak. Public keys travel as unpadded base64url of their 32 raw bytes.
 */
export interface DeviceKeys {
  /** Ed25519: signs roster changes, approvals, overrides, releases, incident entries. */
  signing: CryptoKeyPair;
  /** X25519: key agreement, for restricted rooms' keys. */
  agreement: CryptoKeyPair;
  /** Raw Ed25519 public key, base64url (43 characters): the member's identity in the roster. */
  publicKey: string;
  /** Raw X25519 public key, base64url. */
  agreementKey: string;
}

/** What signing needs: the private signing key and the matching public key. */
export interface Signer {
  signing: Pick<CryptoKeyPair, 'privateKey'>;
  publicKey: string;
}

const subtle = (): Subtle => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available here');
  return s;
};

/** Copies bytes into a fresh ArrayBuffer-backed array (what WebCrypto's types ask for). */
const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** Generates a new device's key pairs (private keys non-extractable). */
export async function generateDeviceKeys(): Promise<DeviceKeys> {
  const signing = (await subtle().generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const agreement = (await subtle().generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
  return deviceKeysOf(signing, agreement);
}

/** Rebuilds {@link DeviceKeys} from stored key pairs (e.g. read back from IndexedDB). */
export async function deviceKeysOf(signing: CryptoKeyPair, agreement: CryptoKeyPair): Promise<DeviceKeys> {
  const publicKey = toBase64Url(new Uint8Array(await subtle().exportKey('raw', signing.publicKey)));
  const agreementKey = toBase64Url(new Uint8Array(await subtle().exportKey('raw', agreement.publicKey)));
  return { signing, agreement, publicKey, agreementKey };
}

/** Ed25519 signature (64 bytes, base64url) over `bytes`. */
export async function sign(privateKey: CryptoKey, bytes: Uint8Array): Promise<string> {
  return toBase64Url(new Uint8Array(await subtle().sign('Ed25519', privateKey, own(bytes))));
}

// Imported public keys, by their base64url text: a roster has few keys and many entries.
const imported = new Map<string, Promise<CryptoKey | undefined>>();
const MAX_IMPORTED = 1024;

function importVerifyKey(publicKeyB64: string): Promise<CryptoKey | undefined> {
  let key = imported.get(publicKeyB64);
  if (!key) {
    const raw = fromBase64Url(publicKeyB64);
    key =
      raw && raw.length === 32
        ? subtle()
            .importKey('raw', own(raw), { name: 'Ed25519' }, false, ['verify'])
            .catch(() => undefined)
        : Promise.resolve(undefined);
    if (imported.size >= MAX_IMPORTED) imported.clear();
    imported.set(publicKeyB64, key);
  }
  return key;
}

/**
 * Whether `sigB64` is `publicKeyB64`'s Ed25519 signature over `bytes`. False (never a throw)
 * for a malformed key or signature: both come from peers.
 */
export async function verifySignature(publicKeyB64: string, bytes: Uint8Array, sigB64: string): Promise<boolean> {
  const sig = fromBase64Url(sigB64);
  if (!sig || sig.length !== 64) return false;
  const key = await importVerifyKey(publicKeyB64);
  if (!key) return false;
  try {
    return await subtle().verify('Ed25519', key, own(sig), own(bytes));
  } catch {
    return false;
  }
}
