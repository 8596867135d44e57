import { describe, expect, it } from 'vitest';
import {
  compartmentRecipients,
  compartmentsOf,
  createCompartmentPayload,
  deriveCompartments,
  openCompartmentKey,
  sealCompartmentKey,
  type CompartmentKeyPayload,
} from '../../../shared/governance/compartments';
import { auditTrail } from '../../../shared/governance/audit';
import { parseLogItem, serializeEntry, type SignedEntry, type UnsignedPayload } from '../../../shared/governance/entries';
import { signEntry } from '../../../shared/governance/log';
import type { DeviceKeys } from '../../../shared/governance/keys';
import { fromBase64Url, toBase64Url } from '../../../shared/governance/base64url';
import { openRoomKeySeal } from '../../../shared/governance/roomKeys';
import { generateRoomKey } from '../../../shared/sync/room';
import { people, settledGov, signed, T0, team, WS } from '../governance/helpers';

const ROOM = 'legal-room-0001';
const recipient = (k: DeviceKeys) => ({ key: k.publicKey, agreementKey: k.agreementKey });
const asKey = (p: UnsignedPayload) => p as Omit<CompartmentKeyPayload, 'by' | 'at'>;

async function keyEntry(signer: DeviceKeys, at: number, keyId: string, members: DeviceKeys[], roomKey = generateRoomKey(), compartmentId = ROOM): Promise<SignedEntry> {
  const payload = await sealCompartmentKey({ workspaceId: WS, compartmentId, keyId, roomKey, recipients: members.map(recipient) });
  return signEntry(signer, { ...payload, at });
}

async function legalTeam() {
  const { keys, entries } = await team({ legal: ['legal_approver'], exec: ['executive_approver'], agency: ['external_partner'] });
  const create = await signed(keys.owner!, { ...createCompartmentPayload({ workspaceId: WS, compartmentId: ROOM, name: ' 法務特權（律師–當事人） ' }), at: T0 + 100 } as never);
  return { keys, entries: [...entries, create] };
}

describe('restricted rooms (compartments)', () => {
  it('seals a room key so that each member opens only their own box, bound to workspace, room and key id', async () => {
    const { a, b, outsider } = await people('a', 'b', 'outsider');
    const roomKey = generateRoomKey();
    const pl = asKey(await sealCompartmentKey({ workspaceId: WS, compartmentId: ROOM, keyId: 'key-00000001', roomKey, recipients: [recipient(a), recipient(b)] }));
    expect(await openCompartmentKey(pl, a.publicKey, a.agreement.privateKey)).toBe(roomKey);
    expect(await openCompartmentKey(pl, b.publicKey, b.agreement.privateKey)).toBe(roomKey);
    expect(await openCompartmentKey(pl, outsider.publicKey, outsider.agreement.privateKey)).toBeNull();
    // A's box relabelled for the outsider, moved to another room, key id or workspace: does not open.
    expect(await openCompartmentKey({ ...pl, seals: [{ to: outsider.publicKey, box: pl.seals[0]!.box }] }, outsider.publicKey, outsider.agreement.privateKey)).toBeNull();
    expect(await openCompartmentKey({ ...pl, compartmentId: 'other-room-0001' }, a.publicKey, a.agreement.privateKey)).toBeNull();
    expect(await openCompartmentKey({ ...pl, keyId: 'key-00000002' }, a.publicKey, a.agreement.privateKey)).toBeNull();
    expect(await openCompartmentKey({ ...pl, ws: 'other' }, a.publicKey, a.agreement.privateKey)).toBeNull();
    // A room key box is not a workspace room key box (different purpose), even with the same ids.
    expect(await openRoomKeySeal({ ws: WS, rekeyId: 'key-00000001', epk: pl.epk, seals: pl.seals }, a.publicKey, a.agreement.privateKey)).toBeNull();
    const box = fromBase64Url(pl.seals[0]!.box)!;
    box[box.length - 1]! ^= 1;
    expect(await openCompartmentKey({ ...pl, seals: [{ to: a.publicKey, box: toBase64Url(box) }] }, a.publicKey, a.agreement.privateKey)).toBeNull();
  });

  it('members are the recipients of the latest valid key; removing someone rotates them out; name and members are public, the key is not', async () => {
    const { keys, entries } = await legalTeam();
    const { owner, legal, exec, agency } = keys as Record<string, DeviceKeys>;
    const first = await keyEntry(owner!, T0 + 101, 'key-first-0001', [owner!, legal!, exec!]);
    const laterKey = generateRoomKey();
    const rotation = await keyEntry(owner!, T0 + 200, 'key-second-001', [owner!, legal!], laterKey);
    // Delivered in any order, the replay is the same.
    const gov = await settledGov([rotation, ...entries, first], { genesisKey: owner!.publicKey });
    const rooms = deriveCompartments(gov);
    expect(rooms.rooms).toHaveLength(1);
    const room = rooms.byId.get(ROOM)!;
    expect(room.name).toBe('法務特權（律師–當事人）');
    expect(room.current?.payload.keyId).toBe('key-second-001');
    expect(room.members).toEqual([owner!.publicKey, legal!.publicKey]);
    expect(compartmentsOf(rooms, exec!.publicKey)).toEqual([]);
    expect(compartmentsOf(rooms, agency!.publicKey)).toEqual([]);
    expect(compartmentsOf(rooms, legal!.publicKey).map((r) => r.id)).toEqual([ROOM]);
    // The removed executive finds no box in the key in force; the remaining members open the new key.
    expect(await openCompartmentKey(room.current!.payload, exec!.publicKey, exec!.agreement.privateKey)).toBeNull();
    expect(await openCompartmentKey(room.current!.payload, legal!.publicKey, legal!.agreement.privateKey)).toBe(laterKey);
    // Nothing in the log reveals the key: it appears in no stored entry.
    for (const e of [first, rotation]) expect(serializeEntry(e)).not.toContain(laterKey);
    // Audit trail: both keys count, described without secrets.
    expect(auditTrail(gov, { kinds: ['compartment.create', 'compartment.key'] }).map((r) => [r.kind, r.counted, r.detail])).toEqual([
      ['compartment.create', true, `room=${ROOM}`],
      ['compartment.key', true, `room=${ROOM} key=key-first-0001 sealedTo=3`],
      ['compartment.key', true, `room=${ROOM} key=key-second-001 sealedTo=2`],
    ]);
  });

  it('refuses rooms and keys from non-owners, keys for rooms never created, forged signatures, non-member recipients and hidden key holders', async () => {
    const { keys, entries } = await legalTeam();
    const { owner, legal, exec, agency } = keys as Record<string, DeviceKeys>;
    const { stranger } = await people('stranger');
    const good = await keyEntry(owner!, T0 + 101, 'key-good-00001', [owner!, legal!, exec!]);
    // The agency (not an owner) creates its own room and re-keys the legal room to let itself in.
    const agencyRoom = await signed(agency!, { ...createCompartmentPayload({ workspaceId: WS, compartmentId: 'agency-room-01', name: 'Agency' }), at: T0 + 110 } as never);
    const agencyKey = await keyEntry(agency!, T0 + 111, 'key-agency-001', [agency!, legal!]);
    // A forged entry: the owner's name on the agency's payload, signature not the owner's.
    const forged = { p: agencyKey.p.replace(`"by":"${agency!.publicKey}"`, `"by":"${owner!.publicKey}"`), s: agencyKey.s };
    expect(forged.p).not.toBe(agencyKey.p);
    // Owner: a key for a room that does not exist, a second creation, a key sealed to a stranger, a key the owner keeps unlisted.
    const noRoom = await keyEntry(owner!, T0 + 120, 'key-noroom-001', [owner!], generateRoomKey(), 'never-made-001');
    const again = await signed(owner!, { ...createCompartmentPayload({ workspaceId: WS, compartmentId: ROOM, name: 'Renamed' }), at: T0 + 121 } as never);
    const toStranger = await keyEntry(owner!, T0 + 122, 'key-strange-01', [owner!, legal!, stranger!]);
    // The legal approver is a member of the room but not an owner: cannot change its membership.
    const byMember = await keyEntry(legal!, T0 + 123, 'key-member-001', [legal!]);
    const gov = await settledGov([...entries, good, agencyRoom, agencyKey, forged, noRoom, again, toStranger, byMember], { genesisKey: owner!.publicKey });
    const rooms = deriveCompartments(gov);
    expect(rooms.rooms.map((r) => [r.id, r.name])).toEqual([[ROOM, '法務特權（律師–當事人）']]);
    const room = rooms.byId.get(ROOM)!;
    expect(room.current?.payload.keyId).toBe('key-good-00001');
    expect(room.members).toEqual([owner!.publicKey, legal!.publicKey, exec!.publicKey]);
    const reasons = auditTrail(gov, { kinds: ['compartment.create', 'compartment.key'] }).map((r) => [r.detail.split(' ')[1] ?? r.detail, r.counted, r.reason ?? '']);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ['key=key-good-00001', true, ''],
        ['room=agency-room-01', false, 'notOwner'],
        ['key=key-agency-001', false, 'notOwner'],
        ['key=key-noroom-001', false, 'unknownRoom'],
        ['key=key-strange-01', false, 'recipientNotMember'],
        ['key=key-member-001', false, 'notOwner'],
      ]),
    );
    const auditRows = auditTrail(gov, { kinds: ['compartment.create', 'compartment.key'] });
    expect(auditRows.filter((r) => !r.counted && r.reason === 'badSignature')).toHaveLength(1);
    expect(auditRows.find((r) => r.kind === 'compartment.create' && r.subject === 'Renamed')?.reason).toBe('roomExists');

    // An owner outside the room cannot mint a key they hold without being listed.
    const { keys: k2, entries: e2 } = await team({ owner2: ['owner'], legal: ['legal_approver'] });
    const create2 = await signed(k2.owner!, { ...createCompartmentPayload({ workspaceId: WS, compartmentId: ROOM, name: '高層' }), at: T0 + 100 } as never);
    const hidden = await keyEntry(k2.owner!, T0 + 101, 'key-hidden-001', [k2.legal!]);
    const open = await keyEntry(k2.owner!, T0 + 102, 'key-open-00001', [k2.owner!, k2.legal!]);
    // Owner2, not a member, rotates the room with themselves openly listed: counts (owners manage rooms, visibly).
    const owner2In = await keyEntry(k2.owner2!, T0 + 103, 'key-owner2-001', [k2.owner2!, k2.legal!]);
    // The first owner leaves the room: allowed because they held the previous key.
    const gov2 = await settledGov([...e2, create2, hidden, open, owner2In], { genesisKey: k2.owner!.publicKey });
    const r2 = deriveCompartments(gov2);
    expect(r2.rejected.size).toBe(1);
    expect([...r2.rejected.values()]).toEqual(['keyHolderMissing']);
    expect(r2.byId.get(ROOM)!.members).toEqual([k2.owner2!.publicKey, k2.legal!.publicKey]);
    const leave = await keyEntry(k2.owner2!, T0 + 104, 'key-leave-0001', [k2.legal!]);
    const r3 = deriveCompartments(await settledGov([...e2, create2, open, owner2In, leave], { genesisKey: k2.owner!.publicKey }));
    expect(r3.byId.get(ROOM)!.members).toEqual([k2.legal!.publicKey]);
  });

  it('rotation picks the latest valid key; a member removed from the workspace is flagged; nothing counts while the roster is unverified', async () => {
    const { keys, entries } = await legalTeam();
    const { owner, legal, exec } = keys as Record<string, DeviceKeys>;
    const first = await keyEntry(owner!, T0 + 101, 'key-first-0001', [owner!, legal!, exec!]);
    const second = await keyEntry(owner!, T0 + 300, 'key-second-001', [owner!, legal!]);
    // A later entry by a non-owner, and a later forged one, do not displace the latest valid key.
    const later = await keyEntry(exec!, T0 + 400, 'key-late-00001', [owner!, legal!, exec!]);
    const laterRaw = JSON.parse(serializeEntry(later)) as { p: string; s: string };
    const tampered = { p: laterRaw.p.replace('key-late-00001', 'key-late-00002'), s: laterRaw.s };
    const removeExec = await signed(owner!, { kind: 'roster.remove', at: T0 + 200, key: exec!.publicKey });
    const gov = await settledGov([...entries, first, second, later, tampered, removeExec], { genesisKey: owner!.publicKey });
    const room = deriveCompartments(gov).byId.get(ROOM)!;
    expect(room.current?.payload.keyId).toBe('key-second-001');
    expect(room.keys.map((k) => [k.payload.keyId, k.valid, k.reason ?? ''])).toEqual(
      expect.arrayContaining([
        ['key-first-0001', true, ''],
        ['key-second-001', true, ''],
        ['key-late-00001', false, 'notOwner'],
      ]),
    );
    // Before the rotation, the executive removed from the workspace is still listed (flagged, rotate now).
    const govBefore = await settledGov([...entries, first, removeExec], { genesisKey: owner!.publicKey });
    const before = deriveCompartments(govBefore).byId.get(ROOM)!;
    expect(before.removedSince).toEqual([exec!.publicKey]);
    expect(compartmentRecipients(govBefore, before.members).map((r) => r.key)).toEqual([owner!.publicKey, legal!.publicKey]);
    // Unverified roster: nothing in force.
    const pending = deriveCompartments(await settledGov([...entries, first], { genesisKey: owner!.publicKey, verdict: () => 'pending' }));
    expect(pending.rooms).toEqual([]);
    expect(pending.settled).toBe(false);
    // Entries parse strictly: extra fields or a bad id are malformed.
    const bad = JSON.parse(first.p) as Record<string, unknown>;
    expect(parseLogItem(JSON.stringify({ p: JSON.stringify({ ...bad, compartmentId: 'x' }), s: first.s }), 0).malformed).toBe('badPayload');
    // A full team of 48 fits in one entry.
    const many = Object.values(await people(...Array.from({ length: 48 }, (_, i) => `m${i}`)));
    expect(parseLogItem(serializeEntry(await keyEntry(owner!, T0 + 500, 'key-big-000001', many)), 0).payload?.kind).toBe('compartment.key');
  });
});
