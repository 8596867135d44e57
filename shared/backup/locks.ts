import { argon2id } from 'hash-wasm';
import { fromBase64Url, toBase64Url } from '../governance/base64url.js';
import type { Subtle, WebCryptoKey as CryptoKey, WebCryptoKeyPair as CryptoKeyPair } from '../governance/webcrypto.js';
import { BackupError } from './errors.js';
import { DOMAIN, FILE_KEY_BYTES, IV_BYTES, KDF_BOUNDS, KDF_DEFAULTS } from './limits.js';
import type { KdfParams, Lock } from './schemas.js';

/**
 * Locks: the random file key, wrapped for whoever may open the file. A passphrase lock derives a
 * key-encryption key with Argon2id; a member lock seals to the member's X25519 agreement key the
 * way room-key rotations do (shared/governance/roomKeys.ts): ephemeral X25519 → HKDF-SHA-256 →
 * AES-256-GCM, with the file id and the recipient in the additional data, so a box cannot be
 * moved to another file or member.
 */

const subtle = (): Subtle => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available here');
  return s;
};
const enc = new TextEncoder();
const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** Argon2id of a passphrase to 32 bytes (the page runs it in a worker: it blocks for a second or more). */
export type PassphraseKdf = (passphrase: string, kdf: KdfParams) => Promise<Uint8Array>;

/** Argon2id with hash-wasm on this thread. */
export const argon2idHere: PassphraseKdf = (passphrase, kdf) =>
  argon2id({
    password: passphrase.normalize('NFC'),
    salt: fromBase64Url(kdf.salt) ?? new Uint8Array(16),
    parallelism: kdf.p,
    iterations: kdf.t,
    memorySize: kdf.m,
    hashLength: 32,
    outputType: 'binary',
  });

/** Who may open a file: a passphrase, members' agreement keys, or both. */
export interface Protection {
  passphrase?: string;
  members?: ReadonlyArray<{ agreementKey: string; name: string }>;
  /** Argon2id cost (tests lower it; readers accept only KDF_BOUNDS). */
  kdf?: { m: number; t: number; p: number };
  derive?: PassphraseKdf;
}

/** What the reader holds: a passphrase typed now, and/or this laptop's agreement key pair. */
export interface Credentials {
  passphrase?: string;
  device?: { agreementKey: string; privateKey: CryptoKey };
  derive?: PassphraseKdf;
}

export function checkKdfBounds(kdf: Pick<KdfParams, 'm' | 't' | 'p'>): void {
  for (const k of ['m', 't', 'p'] as const) {
    const { min, max } = KDF_BOUNDS[k];
    if (kdf[k] < min || kdf[k] > max) throw new BackupError('kdfOutOfBounds', { param: k, value: kdf[k] });
  }
}

async function passphraseKey(passphrase: string, kdf: KdfParams, usage: 'encrypt' | 'decrypt', derive: PassphraseKdf = argon2idHere): Promise<CryptoKey> {
  const raw = await derive(passphrase, kdf);
  return subtle().importKey('raw', own(raw), 'AES-GCM', false, [usage]);
}

async function memberKey(shared: ArrayBuffer, fileId: string, to: string, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const ikm = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: own(enc.encode(`${DOMAIN}\nmember\n${fileId}`)), info: own(enc.encode(to)) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

async function importX25519(b64: string): Promise<CryptoKey | null> {
  const raw = fromBase64Url(b64);
  if (!raw || raw.length !== 32) return null;
  try {
    return await subtle().importKey('raw', own(raw), { name: 'X25519' }, false, []);
  } catch {
    return null;
  }
}

const lockAad = (fileId: string, what: string) => own(enc.encode(`${DOMAIN}\nlock\n${fileId}\n${what}`));

async function wrap(key: CryptoKey, fileKey: Uint8Array, aad: Uint8Array<ArrayBuffer>): Promise<string> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, own(fileKey)));
  const box = new Uint8Array(IV_BYTES + ct.length);
  box.set(iv);
  box.set(ct, IV_BYTES);
  return toBase64Url(box);
}

async function unwrap(key: CryptoKey, boxB64: string, aad: Uint8Array<ArrayBuffer>): Promise<Uint8Array | null> {
  const box = fromBase64Url(boxB64);
  if (!box || box.length !== IV_BYTES + FILE_KEY_BYTES + 16) return null;
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: own(box.subarray(0, IV_BYTES)), additionalData: aad }, key, own(box.subarray(IV_BYTES))));
  } catch {
    return null;
  }
}

/** Wraps `fileKey` for each way `protection` allows. Throws when it allows none. */
export async function makeLocks(fileId: string, fileKey: Uint8Array, protection: Protection): Promise<Lock[]> {
  const locks: Lock[] = [];
  if (protection.passphrase !== undefined) {
    if (protection.passphrase.length === 0) throw new Error('The passphrase is empty');
    const cost = protection.kdf ?? KDF_DEFAULTS;
    const kdf: KdfParams = { alg: 'argon2id', salt: toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16))), ...cost };
    checkKdfBounds(kdf);
    const key = await passphraseKey(protection.passphrase, kdf, 'encrypt', protection.derive);
    locks.push({ type: 'passphrase', kdf, box: await wrap(key, fileKey, lockAad(fileId, `passphrase\n${kdf.salt}\n${kdf.m}\n${kdf.t}\n${kdf.p}`)) });
  }
  const seen = new Set<string>();
  for (const member of protection.members ?? []) {
    if (seen.has(member.agreementKey)) continue;
    seen.add(member.agreementKey);
    const pub = await importX25519(member.agreementKey);
    if (!pub) throw new Error(`Not an X25519 key: ${member.agreementKey}`);
    const eph = (await subtle().generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
    const epk = toBase64Url(new Uint8Array(await subtle().exportKey('raw', eph.publicKey)));
    const shared = await subtle().deriveBits({ name: 'X25519', public: pub }, eph.privateKey, 256);
    const key = await memberKey(shared, fileId, member.agreementKey, 'encrypt');
    locks.push({ type: 'member', to: member.agreementKey, name: member.name.slice(0, 80), epk, box: await wrap(key, fileKey, lockAad(fileId, `member\n${member.agreementKey}\n${epk}`)) });
  }
  if (locks.length === 0) throw new Error('A backup needs a passphrase or at least one member to be encrypted to');
  return locks;
}

/** Whether this file can be opened without a passphrase here (a box addressed to this laptop). */
export function addressedTo(locks: readonly Lock[], agreementKey: string | undefined): boolean {
  return agreementKey !== undefined && locks.some((l) => l.type === 'member' && l.to === agreementKey);
}

/**
 * Opens the file key with what the reader holds: this laptop's box first, then the passphrase.
 * Throws `passphraseNeeded`, `wrongPassphrase` or `notForThisDevice`.
 */
export async function openLocks(fileId: string, locks: readonly Lock[], creds: Credentials): Promise<Uint8Array> {
  const device = creds.device;
  if (device) {
    for (const lock of locks) {
      if (lock.type !== 'member' || lock.to !== device.agreementKey) continue;
      const epk = await importX25519(lock.epk);
      if (!epk) continue;
      const shared = await subtle().deriveBits({ name: 'X25519', public: epk }, device.privateKey, 256);
      const key = await memberKey(shared, fileId, lock.to, 'decrypt');
      const fileKey = await unwrap(key, lock.box, lockAad(fileId, `member\n${lock.to}\n${lock.epk}`));
      if (fileKey) return fileKey;
    }
  }
  const pass = locks.find((l) => l.type === 'passphrase');
  if (!pass) throw new BackupError('notForThisDevice');
  if (creds.passphrase === undefined || creds.passphrase.length === 0) throw new BackupError('passphraseNeeded');
  checkKdfBounds(pass.kdf);
  const key = await passphraseKey(creds.passphrase, pass.kdf, 'decrypt', creds.derive);
  const { salt, m, t, p } = pass.kdf;
  const fileKey = await unwrap(key, pass.box, lockAad(fileId, `passphrase\n${salt}\n${m}\n${t}\n${p}`));
  if (!fileKey) throw new BackupError('wrongPassphrase');
  return fileKey;
}
