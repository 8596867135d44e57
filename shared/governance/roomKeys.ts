import { encodeUtf8 } from 'lib0/string';
import { fromBase64Url, toBase64Url } from './base64url.js';
import type { PayloadOf, UnsignedPayload, ValidItem } from './entries.js';
import { basicReason, type Governance } from './governance.js';
import type { EntryReason } from './reasons.js';
import type { Roster } from './roster.js';
import type { Subtle, WebCryptoKey as CryptoKey, WebCryptoKeyPair as CryptoKeyPair } from './webcrypto.js';

/**
 * Room key rotation. The room key is the password of a workspace's peer-to-peer room: whoever
 * holds it can sync. A removed member keeps the old one, so after removing someone an owner
 * rotates: a fresh room key is sealed to each remaining member's X25519 agreement key and
 * published as a signed `room.rekey` entry. Each member's laptop opens its own seal and moves to
 * the new room; the removed member finds no seal for them (and cannot open anyone else's).
 *
 * Sealing: an ephemeral X25519 key pair per rotation (`epk` in the entry); for each recipient,
 * X25519(ephemeral private, recipient agreement key) → HKDF-SHA-256 (salt: workspace and rotation
 * id, info: the recipient's signing key) → AES-256-GCM key; the box is IV ‖ ciphertext of the room
 * key, with the workspace, rotation id and recipient as additional data, so a box cannot be moved
 * to another member, rotation or workspace. All through WebCrypto.
 */

export type RekeyPayload = PayloadOf<'room.rekey'>;

const DOMAIN = 'crisis-room/room-key/v1';
const IV_BYTES = 12;

const subtle = (): Subtle => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available here');
  return s;
};
const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** A member a new room key is sealed to. */
export interface SealRecipient {
  /** Ed25519 signing key (the member's identity). */
  key: string;
  /** X25519 agreement key, base64url. */
  agreementKey: string;
}

async function boxKey(shared: ArrayBuffer, workspaceId: string, rekeyId: string, recipient: string, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const ikm = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: own(encodeUtf8(`${DOMAIN}\n${workspaceId}\n${rekeyId}`)), info: own(encodeUtf8(recipient)) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

const aad = (workspaceId: string, rekeyId: string, recipient: string) => own(encodeUtf8(`${DOMAIN}\n${workspaceId}\n${rekeyId}\n${recipient}`));

async function importAgreementKey(b64: string): Promise<CryptoKey | null> {
  const raw = fromBase64Url(b64);
  if (!raw || raw.length !== 32) return null;
  try {
    return await subtle().importKey('raw', own(raw), { name: 'X25519' }, false, []);
  } catch {
    return null;
  }
}

/**
 * The payload of a rotation: `roomKey` sealed to every recipient (sign it with signEntry). Throws
 * when a recipient's agreement key is not a usable X25519 key or there are too many recipients.
 */
export async function sealRoomKey(opts: { workspaceId: string; rekeyId: string; roomKey: string; recipients: readonly SealRecipient[] }): Promise<UnsignedPayload> {
  const eph = (await subtle().generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
  const epk = toBase64Url(new Uint8Array(await subtle().exportKey('raw', eph.publicKey)));
  const seals: RekeyPayload['seals'] = [];
  for (const r of opts.recipients) {
    const pub = await importAgreementKey(r.agreementKey);
    if (!pub) throw new Error(`Not an X25519 key: ${r.agreementKey}`);
    const shared = await subtle().deriveBits({ name: 'X25519', public: pub }, eph.privateKey, 256);
    const key = await boxKey(shared, opts.workspaceId, opts.rekeyId, r.key, 'encrypt');
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const ct = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: aad(opts.workspaceId, opts.rekeyId, r.key) }, key, own(encodeUtf8(opts.roomKey))));
    const box = new Uint8Array(IV_BYTES + ct.length);
    box.set(iv);
    box.set(ct, IV_BYTES);
    seals.push({ to: r.key, box: toBase64Url(box) });
  }
  return { ws: opts.workspaceId, kind: 'room.rekey', rekeyId: opts.rekeyId, epk, seals };
}

/**
 * Opens the seal of `rekey` addressed to `myKey` with this device's X25519 private key: the room
 * key, or null when there is no seal for `myKey` or it does not open (wrong key, tampered box).
 * Never throws: the entry comes from a peer.
 */
export async function openRoomKeySeal(rekey: Pick<RekeyPayload, 'ws' | 'rekeyId' | 'epk' | 'seals'>, myKey: string, agreementPrivateKey: CryptoKey): Promise<string | null> {
  const seal = rekey.seals.find((s) => s.to === myKey);
  if (!seal) return null;
  try {
    const box = fromBase64Url(seal.box);
    const epk = await importAgreementKey(rekey.epk);
    if (!box || box.length <= IV_BYTES + 16 || !epk) return null;
    const shared = await subtle().deriveBits({ name: 'X25519', public: epk }, agreementPrivateKey, 256);
    const key = await boxKey(shared, rekey.ws, rekey.rekeyId, myKey, 'decrypt');
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: own(box.subarray(0, IV_BYTES)), additionalData: aad(rekey.ws, rekey.rekeyId, myKey) }, key, own(box.subarray(IV_BYTES)));
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return null;
  }
}

/** Whether `key` was an active owner at time `at` of the replay. */
export function ownerAt(roster: Roster, key: string, at: number): boolean {
  const h = roster.byKey.get(key)?.history ?? [];
  let state: (typeof h)[number] | undefined;
  for (const s of h) if (s.at <= at) state = s;
  return Boolean(state?.active && state.roles.includes('owner'));
}

/** Why a rotation does not count. Judged like a roster entry: the signer was an owner when signing. */
export function rekeyReason(gov: Governance, item: ValidItem): EntryReason | undefined {
  const basic = basicReason(gov, item);
  if (basic) return basic;
  if (!gov.roster.settled) return 'verifying';
  return ownerAt(gov.roster, item.payload.by, item.payload.at) ? undefined : 'notOwner';
}

export interface RoomKeyRotation {
  item: ValidItem;
  payload: RekeyPayload;
  valid: boolean;
  reason?: EntryReason;
}

/** Every rotation, judged, and the one in force (the last valid one in replay order). */
export function deriveRoomKeyRotations(gov: Governance): { rotations: RoomKeyRotation[]; current?: RoomKeyRotation } {
  const rotations: RoomKeyRotation[] = [];
  let current: RoomKeyRotation | undefined;
  for (const item of gov.ordered) {
    if (item.payload.kind !== 'room.rekey') continue;
    const reason = rekeyReason(gov, item);
    const r: RoomKeyRotation = { item, payload: item.payload, valid: !reason, ...(reason ? { reason } : {}) };
    rotations.push(r);
    if (r.valid) current = r;
  }
  return { rotations, ...(current ? { current } : {}) };
}

/** Members a rotation now seals to: every active member with an agreement key. */
export function rekeyRecipients(gov: Governance): SealRecipient[] {
  return gov.roster.members.filter((m) => !m.removed).map((m) => ({ key: m.key, agreementKey: m.agreementKey }));
}
