import type { PayloadOf, UnsignedPayload, ValidItem } from './entries.js';
import { basicReason, type Governance } from './governance.js';
import type { EntryReason } from './reasons.js';
import type { Roster } from './roster.js';
import { openSealed, sealSecret, type SealContext, type SealRecipient } from './sealing.js';
import type { WebCryptoKey as CryptoKey } from './webcrypto.js';

/**
 * Room key rotation. The room key is the password of a workspace's peer-to-peer room: whoever
 * holds it can sync. A removed member keeps the old one, so after removing someone an owner
 * rotates: a fresh room key is sealed to each remaining member's X25519 agreement key and
 * published as a signed `room.rekey` entry. Each member's laptop opens its own seal and moves to
 * the new room; the removed member finds no seal for them (and cannot open anyone else's).
 *
 * Sealing (sealing.ts, shared with restricted rooms): an ephemeral X25519 key pair per rotation
 * (`epk` in the entry), one AES-GCM box per recipient bound to the workspace, rotation id and
 * recipient, so a box cannot be moved to another member, rotation or workspace.
 */

export type RekeyPayload = PayloadOf<'room.rekey'>;
export type { SealRecipient } from './sealing.js';

const DOMAIN = 'crisis-room/room-key/v1';
const contextOf = (workspaceId: string, rekeyId: string): SealContext => ({ domain: DOMAIN, context: [workspaceId, rekeyId] });

/**
 * The payload of a rotation: `roomKey` sealed to every recipient (sign it with signEntry). Throws
 * when a recipient's agreement key is not a usable X25519 key or there are too many recipients.
 */
export async function sealRoomKey(opts: { workspaceId: string; rekeyId: string; roomKey: string; recipients: readonly SealRecipient[] }): Promise<UnsignedPayload> {
  const { epk, seals } = await sealSecret(contextOf(opts.workspaceId, opts.rekeyId), opts.roomKey, opts.recipients);
  return { ws: opts.workspaceId, kind: 'room.rekey', rekeyId: opts.rekeyId, epk, seals };
}

/**
 * Opens the seal of `rekey` addressed to `myKey` with this device's X25519 private key: the room
 * key, or null when there is no seal for `myKey` or it does not open (wrong key, tampered box).
 * Never throws: the entry comes from a peer.
 */
export function openRoomKeySeal(rekey: Pick<RekeyPayload, 'ws' | 'rekeyId' | 'epk' | 'seals'>, myKey: string, agreementPrivateKey: CryptoKey): Promise<string | null> {
  return openSealed(contextOf(rekey.ws, rekey.rekeyId), rekey, myKey, agreementPrivateKey);
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
