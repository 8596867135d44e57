import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAttachment, attachmentsFor, moveAttachmentToRoom } from '../../../shared/attachments/attachments';
import { AttachmentExportSchema } from '../../../shared/attachments/selection';
import { applySelection, decodeSelection, decodeWorkspace, encodeSelection, encodeWorkspace, openRoomSection, sealRoomSection, selectIncident } from '../../../shared/backup';
import { collectionOf, metaOf } from '../../../shared/doc/workspaceDoc';
import { write } from '../../../shared/doc/origins';
import { generateDeviceKeys } from '../../../shared/governance';

/**
 * Attachments in backups: a whole-workspace backup is the workspace document's state (its
 * attachments with it); a restricted room's section is the room document's state sealed to its
 * members (its attachments with it); "one incident with its statements" carries the incident's
 * workspace attachments, never a room's.
 */

const MARKER = 'ATTACH-BACKUP-MARKER-9034';
const enc = (s: string) => new TextEncoder().encode(s);

async function workspaceWithIncident(): Promise<Y.Doc> {
  const doc = new Y.Doc();
  write(doc, 'user', () => {
    metaOf(doc).set('name', 'Crisis room');
    const rec = new Y.Map<unknown>();
    rec.set('id', 'inc-1');
    rec.set('title', 'Recall');
    collectionOf(doc, 'incidents').set('inc-1', rec);
  });
  await addAttachment(doc, { incidentId: 'inc-1', name: 'photo.jpg', type: 'image/jpeg', bytes: enc(`JPEG ${MARKER}`), addedAt: 1, by: 'Mei' }, 'user');
  await addAttachment(doc, { incidentId: 'inc-2', name: 'other.txt', type: 'text/plain', bytes: enc('not this incident'), addedAt: 2, by: 'Mei' }, 'user');
  return doc;
}

describe('attachments in backups', () => {
  it('a whole-workspace payload restores the workspace attachments with their bytes', async () => {
    const ws = await workspaceWithIncident();
    const restored = decodeWorkspace(encodeWorkspace(ws));
    const { attachments, damaged } = await attachmentsFor(restored, 'inc-1');
    expect(damaged).toEqual([]);
    expect(attachments).toEqual((await attachmentsFor(ws, 'inc-1')).attachments);
  });

  it('a room section carries the room attachments, sealed: no marker in clear, opened by a member', async () => {
    const room = new Y.Doc();
    await addAttachment(room, { incidentId: 'inc-1', name: 'counsel.pdf', type: 'application/pdf', bytes: enc(`PDF ${MARKER}`), addedAt: 3, by: 'Mei' }, 'user');
    const mei = await generateDeviceKeys();
    const sealed = await sealRoomSection('ws-1', { id: 'room-abcdefgh', update: Y.encodeStateAsUpdateV2(room), recipients: [{ key: mei.publicKey, agreementKey: mei.agreementKey }] });
    expect(Buffer.from(sealed).includes(Buffer.from(MARKER))).toBe(false);
    const opened = await openRoomSection('ws-1', 'room-abcdefgh', sealed, { key: mei.publicKey, agreementPrivateKey: mei.agreement.privateKey });
    const back = new Y.Doc();
    Y.applyUpdateV2(back, opened!, 'import');
    expect((await attachmentsFor(back, 'inc-1')).attachments.map((a) => a.name)).toEqual(['counsel.pdf']);
  });

  it('"one incident with its statements" carries its workspace attachments (not other incidents’, not a room’s) and imports them', async () => {
    const ws = await workspaceWithIncident();
    const room = new Y.Doc();
    const moved = await addAttachment(ws, { incidentId: 'inc-1', name: 'secret.txt', type: 'text/plain', bytes: enc('ROOM ONLY'), addedAt: 5, by: 'Mei' }, 'user');
    moveAttachmentToRoom(ws, room, moved, 'user');
    const payload = encodeSelection(selectIncident(ws, 'inc-1'));
    expect(Buffer.from(payload).includes(Buffer.from('ROOM ONLY'))).toBe(false);
    const sel = decodeSelection(payload);
    expect(sel.kind === 'incident' && sel.attachments?.map((a) => a.name)).toEqual(['photo.jpg']);
    const target = new Y.Doc();
    applySelection(target, sel, 'import');
    applySelection(target, sel, 'import'); // again: nothing doubles
    const { attachments, damaged } = await attachmentsFor(target, 'inc-1');
    expect(damaged).toEqual([]);
    expect(attachments).toEqual((await attachmentsFor(ws, 'inc-1')).attachments);
    expect((await attachmentsFor(target, 'inc-2')).attachments).toEqual([]);
  });

  it('refuses a selection whose attachment bytes do not match its size or shape', async () => {
    const ws = await workspaceWithIncident();
    const sel = selectIncident(ws, 'inc-1');
    if (sel.kind !== 'incident') throw new Error('incident selection expected');
    const att = sel.attachments![0]!;
    expect(AttachmentExportSchema.safeParse({ ...att, size: att.size + 1 }).success).toBe(false);
    expect(AttachmentExportSchema.safeParse({ ...att, name: '../x' }).success).toBe(false);
    const bad = encodeSelection({ ...sel, attachments: [{ ...att, bytes: `${att.bytes}!!` }] });
    expect(() => decodeSelection(bad)).toThrow();
  });

  it('an imported attachment whose bytes were altered (valid shape) is listed as damaged', async () => {
    const ws = await workspaceWithIncident();
    const sel = selectIncident(ws, 'inc-1');
    if (sel.kind !== 'incident') throw new Error('incident selection expected');
    const att = sel.attachments![0]!;
    const other = Buffer.from(enc(`JPEG ${MARKER}`.replace('J', 'X'))).toString('base64url');
    const target = new Y.Doc();
    applySelection(target, decodeSelection(encodeSelection({ ...sel, attachments: [{ ...att, bytes: other }] })), 'import');
    expect((await attachmentsFor(target, 'inc-1')).damaged.map((d) => d.reason)).toEqual(['hashMismatch']);
  });
});
