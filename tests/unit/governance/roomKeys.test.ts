import { describe, expect, it } from 'vitest';
import { deriveRoomKeyRotations, openRoomKeySeal, rekeyRecipients, sealRoomKey, type RekeyPayload } from '../../../shared/governance/roomKeys';
import { auditTrail } from '../../../shared/governance/audit';
import { parseLogItem, serializeEntry, type UnsignedPayload } from '../../../shared/governance/entries';
import { signEntry } from '../../../shared/governance/log';
import { fromBase64Url, toBase64Url } from '../../../shared/governance/base64url';
import type { DeviceKeys } from '../../../shared/governance/keys';
import { generateRoomKey } from '../../../shared/sync/room';
import { people, settledGov, signed, T0, team, WS } from './helpers';

const ROOM_KEY = generateRoomKey();
const recipient = (k: DeviceKeys) => ({ key: k.publicKey, agreementKey: k.agreementKey });
const asRekey = (p: UnsignedPayload) => p as Omit<RekeyPayload, 'by' | 'at'>;

describe('room key rotation', () => {
  it('seals the new key so each recipient opens exactly their own seal, and nobody else any', async () => {
    const { a, b, removed } = await people('a', 'b', 'removed');
    const payload = asRekey(await sealRoomKey({ workspaceId: WS, rekeyId: 'rekey-000000001', roomKey: ROOM_KEY, recipients: [recipient(a), recipient(b)] }));
    expect(payload.seals.map((s) => s.to)).toEqual([a.publicKey, b.publicKey]);
    expect(await openRoomKeySeal(payload, a.publicKey, a.agreement.privateKey)).toBe(ROOM_KEY);
    expect(await openRoomKeySeal(payload, b.publicKey, b.agreement.privateKey)).toBe(ROOM_KEY);
    // The removed member has no seal, and cannot open anyone else's with their key.
    expect(await openRoomKeySeal(payload, removed.publicKey, removed.agreement.privateKey)).toBeNull();
    const stolen = { ...payload, seals: payload.seals.map((s) => ({ ...s, to: removed.publicKey })) };
    expect(await openRoomKeySeal({ ...stolen, seals: [stolen.seals[0]!] }, removed.publicKey, removed.agreement.privateKey)).toBeNull();
    // A's seal relabelled for B, or moved to another rotation or workspace, does not open.
    expect(await openRoomKeySeal({ ...payload, seals: [{ to: b.publicKey, box: payload.seals[0]!.box }] }, b.publicKey, b.agreement.privateKey)).toBeNull();
    expect(await openRoomKeySeal({ ...payload, rekeyId: 'rekey-000000002' }, a.publicKey, a.agreement.privateKey)).toBeNull();
    expect(await openRoomKeySeal({ ...payload, ws: 'other' }, a.publicKey, a.agreement.privateKey)).toBeNull();
    // A flipped bit in the box, or garbage, is refused without throwing.
    const box = fromBase64Url(payload.seals[0]!.box)!;
    box[box.length - 1]! ^= 1;
    expect(await openRoomKeySeal({ ...payload, seals: [{ to: a.publicKey, box: toBase64Url(box) }] }, a.publicKey, a.agreement.privateKey)).toBeNull();
    expect(await openRoomKeySeal({ ...payload, epk: 'A'.repeat(43) }, a.publicKey, a.agreement.privateKey)).toBeNull();
    // Each rotation uses a fresh ephemeral key: the same room key seals differently.
    const again = asRekey(await sealRoomKey({ workspaceId: WS, rekeyId: 'rekey-000000001', roomKey: ROOM_KEY, recipients: [recipient(a)] }));
    expect(again.epk).not.toBe(payload.epk);
    expect(again.seals[0]!.box).not.toBe(payload.seals[0]!.box);
  });

  it('counts rotations by owners only; the last valid one is in force; entries stay small enough for the log', async () => {
    const { keys, entries } = await team({ editor: ['editor'], gone: ['legal_approver'] });
    const o = keys.owner!;
    const removal = await signed(o, { kind: 'roster.remove', at: T0 + 10, key: keys.gone!.publicKey });
    const beforeRemoval = await settledGov([...entries], { genesisKey: o.publicKey });
    expect(rekeyRecipients(beforeRemoval).map((r) => r.key)).toContain(keys.gone!.publicKey);
    const gov0 = await settledGov([...entries, removal], { genesisKey: o.publicKey });
    const recipients = rekeyRecipients(gov0);
    expect(recipients.map((r) => r.key)).toEqual([o.publicKey, keys.editor!.publicKey]);
    const first = await signEntry(o, { ...(await sealRoomKey({ workspaceId: WS, rekeyId: 'rekey-first-0001', roomKey: generateRoomKey(), recipients })), at: T0 + 20 });
    const byEditor = await signEntry(keys.editor!, { ...(await sealRoomKey({ workspaceId: WS, rekeyId: 'rekey-editor-001', roomKey: generateRoomKey(), recipients })), at: T0 + 30 });
    const second = await signEntry(o, { ...(await sealRoomKey({ workspaceId: WS, rekeyId: 'rekey-second-001', roomKey: ROOM_KEY, recipients })), at: T0 + 40 });
    const gov = await settledGov([...entries, removal, second, byEditor, first], { genesisKey: o.publicKey });
    const { rotations, current } = deriveRoomKeyRotations(gov);
    expect(rotations.map((r) => [r.payload.rekeyId, r.valid, r.reason ?? ''])).toEqual([
      ['rekey-first-0001', true, ''],
      ['rekey-editor-001', false, 'notOwner'],
      ['rekey-second-001', true, ''],
    ]);
    expect(current?.payload.rekeyId).toBe('rekey-second-001');
    expect(await openRoomKeySeal(current!.payload, keys.editor!.publicKey, keys.editor!.agreement.privateKey)).toBe(ROOM_KEY);
    expect(await openRoomKeySeal(current!.payload, keys.gone!.publicKey, keys.gone!.agreement.privateKey)).toBeNull();
    expect(auditTrail(gov, { kinds: ['room.rekey'] }).map((r) => [r.counted, r.detail])).toEqual([
      [true, 'rekey=rekey-first-0001 sealedTo=2'],
      [false, 'rekey=rekey-editor-001 sealedTo=2'],
      [true, 'rekey=rekey-second-001 sealedTo=2'],
    ]);
    // While the roster is unverified no rotation is in force.
    expect(deriveRoomKeyRotations(await settledGov([...entries, second], { genesisKey: o.publicKey, verdict: () => 'pending' })).current).toBeUndefined();
    // A full team of 48 fits in one entry.
    const many = await people(...Array.from({ length: 48 }, (_, i) => `m${i}`));
    const big = await signEntry(o, await sealRoomKey({ workspaceId: WS, rekeyId: 'rekey-big-000001', roomKey: generateRoomKey(), recipients: Object.values(many).map(recipient) }));
    expect(parseLogItem(serializeEntry(big), 0).payload?.kind).toBe('room.rekey');
  });
});
