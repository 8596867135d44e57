import type { PayloadOf, UnsignedPayload, ValidItem } from './entries.js';
import { basicReason, type Governance } from './governance.js';
import type { EntryReason } from './reasons.js';
import { ownerAt } from './roomKeys.js';
import type { Roster } from './roster.js';
import { openSealed, sealSecret, type SealContext, type SealRecipient } from './sealing.js';
import type { WebCryptoKey as CryptoKey } from './webcrypto.js';

/**
 * Restricted rooms (限閱空間, compartments): a part of a workspace — e.g. 法務特權 (attorney–client
 * privileged) or 高層 — with its own document and its own key, synced only among its members.
 *
 * Two signed entry kinds in the workspace's log:
 * - `compartment.create {compartmentId, name}`: an owner names a room. Names and member lists are
 *   visible to the whole workspace (so everyone's UI can say who can see what); content is not.
 * - `compartment.key {compartmentId, keyId, epk, seals}`: a fresh room key sealed to each member's
 *   X25519 agreement key (sealing.ts; context: workspace, room, key id). The members of a room are
 *   the recipients of its latest valid key entry (replay order); removing someone is a new key
 *   without them, so the removed member's laptop finds no box for itself.
 *
 * A key entry counts when: its signature verifies, it is for this workspace, the room was created
 * (validly) before it in replay order, the signer was an owner at that point, every recipient was
 * an active member of the workspace then, and the signer either receives the key or held the
 * room's previous one (whoever makes a key knows it, so the list of who can see the room stays
 * true; an owner outside a room cannot hand themselves its key unseen, only openly as a member).
 * A later removal of the signing owner does not undo a key (judged like roster entries).
 */

export type CompartmentCreatePayload = PayloadOf<'compartment.create'>;
export type CompartmentKeyPayload = PayloadOf<'compartment.key'>;

const DOMAIN = 'crisis-room/compartment-key/v1';
const contextOf = (ws: string, compartmentId: string, keyId: string): SealContext => ({ domain: DOMAIN, context: [ws, compartmentId, keyId] });

/** Whether `key` was an active member of the workspace at `at`. */
export function activeAt(roster: Roster, key: string, at: number): boolean {
  const h = roster.byKey.get(key)?.history ?? [];
  let state: (typeof h)[number] | undefined;
  for (const s of h) if (s.at <= at) state = s;
  return Boolean(state?.active);
}

/** One key of a room, judged. */
export interface CompartmentKey {
  item: ValidItem;
  payload: CompartmentKeyPayload;
  valid: boolean;
  reason?: EntryReason;
}

export interface Compartment {
  id: string;
  name: string;
  created: ValidItem;
  /** The key in force (the last valid key entry), if any. */
  current?: CompartmentKey;
  /** Members: the recipients of the key in force, as signing keys (in the entry's order). */
  members: readonly string[];
  /** Members of the key in force who have been removed from the workspace since (rotate them out). */
  removedSince: readonly string[];
  keys: readonly CompartmentKey[];
}

export interface Compartments {
  rooms: readonly Compartment[];
  byId: ReadonlyMap<string, Compartment>;
  /** Every create/key entry that does not count, with why (for the audit trail). */
  rejected: ReadonlyMap<ValidItem, EntryReason>;
  /** False while the roster or a room entry is still being checked (nothing is final yet: drop nothing). */
  settled: boolean;
}

/** Replays the restricted rooms of a workspace from its governance derivation. */
export function deriveCompartments(gov: Governance): Compartments {
  const rooms = new Map<string, { id: string; name: string; created: ValidItem; keys: CompartmentKey[]; current?: CompartmentKey }>();
  const rejected = new Map<ValidItem, EntryReason>();
  const settled = gov.roster.settled;
  for (const item of gov.ordered) {
    const pl = item.payload;
    if (pl.kind !== 'compartment.create' && pl.kind !== 'compartment.key') continue;
    const reject = (reason: EntryReason): void => {
      rejected.set(item, reason);
      if (pl.kind === 'compartment.key') rooms.get(pl.compartmentId)?.keys.push({ item, payload: pl, valid: false, reason });
    };
    const basic = basicReason(gov, item);
    if (basic) {
      reject(basic);
      continue;
    }
    if (!settled) {
      reject('verifying');
      continue;
    }
    if (!ownerAt(gov.roster, pl.by, pl.at)) {
      reject('notOwner');
      continue;
    }
    if (pl.kind === 'compartment.create') {
      if (rooms.has(pl.compartmentId)) reject('roomExists');
      else rooms.set(pl.compartmentId, { id: pl.compartmentId, name: pl.name, created: item, keys: [] });
      continue;
    }
    const room = rooms.get(pl.compartmentId);
    if (!room) {
      reject('unknownRoom');
      continue;
    }
    const recipients = pl.seals.map((s) => s.to);
    if (recipients.some((k) => !activeAt(gov.roster, k, pl.at))) {
      reject('recipientNotMember');
      continue;
    }
    const heldBefore = room.current?.payload.seals.some((s) => s.to === pl.by) ?? false;
    if (!recipients.includes(pl.by) && !heldBefore) {
      reject('keyHolderMissing');
      continue;
    }
    const key: CompartmentKey = { item, payload: pl, valid: true };
    room.keys.push(key);
    room.current = key;
  }
  const list: Compartment[] = [...rooms.values()].map((r) => {
    const members = r.current ? r.current.payload.seals.map((s) => s.to) : [];
    return {
      id: r.id,
      name: r.name,
      created: r.created,
      ...(r.current ? { current: r.current } : {}),
      members,
      removedSince: members.filter((k) => gov.roster.byKey.get(k)?.removed ?? true),
      keys: r.keys,
    };
  });
  // A room entry still being verified could still create a room or change who is in it.
  const final = settled && ![...rejected.values()].includes('verifying');
  return { rooms: list, byId: new Map(list.map((r) => [r.id, r])), rejected, settled: final };
}

/** Why a create/key entry does not count (undefined: it counts). For the audit trail. */
export function compartmentReason(gov: Governance, item: ValidItem, derived: Compartments = deriveCompartments(gov)): EntryReason | undefined {
  return derived.rejected.get(item);
}

/** The rooms `memberKey` is a member of (the key in force is sealed to them). */
export function compartmentsOf(c: Compartments, memberKey: string): Compartment[] {
  return c.rooms.filter((r) => r.members.includes(memberKey));
}

/** Payload naming a new room (sign with signEntry, then publish its first key). */
export function createCompartmentPayload(opts: { workspaceId: string; compartmentId: string; name: string }): UnsignedPayload {
  return { ws: opts.workspaceId, kind: 'compartment.create', compartmentId: opts.compartmentId, name: opts.name.replace(/\s+/g, ' ').trim() };
}

/**
 * Payload of a room key: `roomKey` sealed to every recipient (the members from now on). Used to
 * start a room, add members (same key holders plus the newcomer get a fresh key: nothing stops a
 * newcomer reading the history anyway, but the key in force is always one the list names) and
 * remove them (a fresh key they do not get). Throws for an unusable agreement key.
 */
export async function sealCompartmentKey(opts: { workspaceId: string; compartmentId: string; keyId: string; roomKey: string; recipients: readonly SealRecipient[] }): Promise<UnsignedPayload> {
  const { epk, seals } = await sealSecret(contextOf(opts.workspaceId, opts.compartmentId, opts.keyId), opts.roomKey, opts.recipients);
  return { ws: opts.workspaceId, kind: 'compartment.key', compartmentId: opts.compartmentId, keyId: opts.keyId, epk, seals };
}

/** Opens this member's box of a room key: the key, or null (no box for them, tampered, other room). Never throws. */
export function openCompartmentKey(pl: Pick<CompartmentKeyPayload, 'ws' | 'compartmentId' | 'keyId' | 'epk' | 'seals'>, myKey: string, agreementPrivateKey: CryptoKey): Promise<string | null> {
  return openSealed(contextOf(pl.ws, pl.compartmentId, pl.keyId), pl, myKey, agreementPrivateKey);
}

/** Recipients for a room's next key: the given members' roster entries (active members only). */
export function compartmentRecipients(gov: Governance, memberKeys: readonly string[]): SealRecipient[] {
  return memberKeys.flatMap((k) => {
    const m = gov.roster.byKey.get(k);
    return m && !m.removed ? [{ key: m.key, agreementKey: m.agreementKey }] : [];
  });
}
