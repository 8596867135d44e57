import { encodeUtf8 } from 'lib0/string';
import { fromBase64Url, toBase64Url } from './base64url.js';
import type { Subtle, WebCryptoKey as CryptoKey, WebCryptoKeyPair as CryptoKeyPair } from './webcrypto.js';

/**
 * Sealing one secret to several members (room key rotations, restricted-room keys). An ephemeral
 * X25519 key pair per sealing (`epk`); for each recipient, X25519(ephemeral private, recipient
 * agreement key) → HKDF-SHA-256 (salt: domain and context, info: the recipient's signing key) →
 * AES-256-GCM key; the box is IV ‖ ciphertext of the secret, with domain, context and recipient as
 * additional data, so a box cannot be moved to another member, context (workspace, rotation,
 * room) or purpose (domain). All through WebCrypto. Opening never throws: entries come from peers.
 */

const IV_BYTES = 12;

const subtle = (): Subtle => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available here');
  return s;
};
const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** A member a secret is sealed to. */
export interface SealRecipient {
  /** Ed25519 signing key (the member's identity). */
  key: string;
  /** X25519 agreement key, base64url. */
  agreementKey: string;
}

/** What a sealed box is bound to: a purpose (`domain`) and the lines of its context. */
export interface SealContext {
  domain: string;
  /** E.g. [workspaceId, rotationId]; joined by newlines (ids never contain one). */
  context: readonly string[];
}

export interface Sealed {
  epk: string;
  seals: Array<{ to: string; box: string }>;
}

const salt = (c: SealContext) => own(encodeUtf8([c.domain, ...c.context].join('\n')));
const aad = (c: SealContext, recipient: string) => own(encodeUtf8([c.domain, ...c.context, recipient].join('\n')));

async function boxKey(shared: ArrayBuffer, c: SealContext, recipient: string, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const ikm = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: salt(c), info: own(encodeUtf8(recipient)) }, ikm, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

async function importAgreementKey(b64: string): Promise<CryptoKey | null> {
  const raw = fromBase64Url(b64);
  if (!raw || raw.length !== 32) return null;
  try {
    return await subtle().importKey('raw', own(raw), { name: 'X25519' }, false, []);
  } catch {
    return null;
  }
}

/** Seals `secret` to every recipient. Throws when a recipient's agreement key is not a usable X25519 key. */
export async function sealSecret(c: SealContext, secret: string, recipients: readonly SealRecipient[]): Promise<Sealed> {
  const eph = (await subtle().generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
  const epk = toBase64Url(new Uint8Array(await subtle().exportKey('raw', eph.publicKey)));
  const seals: Sealed['seals'] = [];
  for (const r of recipients) {
    const pub = await importAgreementKey(r.agreementKey);
    if (!pub) throw new Error(`Not an X25519 key: ${r.agreementKey}`);
    const shared = await subtle().deriveBits({ name: 'X25519', public: pub }, eph.privateKey, 256);
    const key = await boxKey(shared, c, r.key, 'encrypt');
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const ct = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: aad(c, r.key) }, key, own(encodeUtf8(secret))));
    const box = new Uint8Array(IV_BYTES + ct.length);
    box.set(iv);
    box.set(ct, IV_BYTES);
    seals.push({ to: r.key, box: toBase64Url(box) });
  }
  return { epk, seals };
}

/**
 * Opens the box addressed to `myKey` with this device's X25519 private key: the secret, or null
 * when there is no box for `myKey` or it does not open (wrong key, tampered box, other context).
 */
export async function openSealed(c: SealContext, sealed: { epk: string; seals: readonly { to: string; box: string }[] }, myKey: string, agreementPrivateKey: CryptoKey): Promise<string | null> {
  const seal = sealed.seals.find((s) => s.to === myKey);
  if (!seal) return null;
  try {
    const box = fromBase64Url(seal.box);
    const epk = await importAgreementKey(sealed.epk);
    if (!box || box.length <= IV_BYTES + 16 || !epk) return null;
    const shared = await subtle().deriveBits({ name: 'X25519', public: epk }, agreementPrivateKey, 256);
    const key = await boxKey(shared, c, myKey, 'decrypt');
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: own(box.subarray(0, IV_BYTES)), additionalData: aad(c, myKey) }, key, own(box.subarray(IV_BYTES)));
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return null;
  }
}
