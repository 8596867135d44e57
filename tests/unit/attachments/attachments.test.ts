import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { write } from '../../../shared/doc/origins';
import {
  addAttachment,
  AttachmentError,
  attachmentsFor,
  attachmentsOf,
  deleteAttachment,
  MAX_ATTACHMENT_BYTES,
  moveAttachmentToRoom,
  readAttachment,
  sha256Hex,
} from '../../../shared/attachments/attachments';

const MARKER = 'ATTACHMENT-和解條件-MARKER-5521';
const enc = (s: string) => new TextEncoder().encode(s);
const base = (bytes: Uint8Array, extra: Partial<Parameters<typeof addAttachment>[1]> = {}) => ({ incidentId: 'inc-1', name: 'memo.txt', type: 'text/plain', bytes, addedAt: 1000, by: '林律師', ...extra });

/** Whether `needle` occurs in `hay` as a byte sequence. */
function holds(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

async function refused(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AttachmentError);
    return (err as AttachmentError).code;
  }
  throw new Error('expected a refusal');
}

describe('attachments: validation', () => {
  it('refuses empty and oversize files, bad names, bad types and a wrong hash, writing nothing', async () => {
    const doc = new Y.Doc();
    expect(await refused(addAttachment(doc, base(new Uint8Array(0)), 'user'))).toBe('empty');
    expect(await refused(addAttachment(doc, base(new Uint8Array(MAX_ATTACHMENT_BYTES + 1)), 'user'))).toBe('tooLarge');
    expect(await refused(addAttachment(doc, base(enc('x'), { name: '../..//' }), 'user'))).toBe('badName');
    expect(await refused(addAttachment(doc, base(enc('x'), { name: '\u0001\u0002' }), 'user'))).toBe('badName');
    expect(await refused(addAttachment(doc, base(enc('x'), { type: 'not a type' }), 'user'))).toBe('badType');
    expect(await refused(addAttachment(doc, base(enc('x'), { sha256: 'a'.repeat(64) }), 'user'))).toBe('hashMismatch');
    expect(await refused(addAttachment(doc, base(enc('x'), { incidentId: '' }), 'user'))).toBe('badInput');
    expect(attachmentsOf(doc).size).toBe(0);
  });

  it('keeps a clean name and type: last path segment, no control or bidi characters, ≤ 200 characters', async () => {
    const doc = new Y.Doc();
    const long = `${'長'.repeat(300)}.pdf`;
    await addAttachment(doc, base(enc('a'), { name: 'C:\\Users\\x\\evil\u202Etxt.exe', type: 'Text/Plain; charset=UTF-8' }), 'user');
    await addAttachment(doc, base(enc('b'), { name: `../../${long}`, type: '', addedAt: 2000 }), 'user');
    await addAttachment(doc, base(enc('c'), { name: 'a:b*?.txt.', addedAt: 3000 }), 'user');
    const { attachments, damaged } = await attachmentsFor(doc, 'inc-1');
    expect(damaged).toEqual([]);
    expect(attachments.map((a) => a.name)).toEqual(['eviltxt.exe', `${'長'.repeat(196)}.pdf`, 'a_b__.txt']);
    expect([...attachments[1]!.name].length).toBe(200);
    expect(attachments.map((a) => a.type)).toEqual(['text/plain', 'application/octet-stream', 'text/plain']);
  });

  it('accepts exactly 10 MiB', async () => {
    const doc = new Y.Doc();
    const id = await addAttachment(doc, base(new Uint8Array(MAX_ATTACHMENT_BYTES).fill(7)), 'user');
    expect((await readAttachment(doc, id)).bytes.length).toBe(MAX_ATTACHMENT_BYTES);
  });
});

describe('attachments: in a document', () => {
  it('adds (hash from WebCrypto, a copy of the bytes, origin on every write), lists per incident, reads back', async () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const bytes = enc(`第一行\n${MARKER}`);
    const sha = await sha256Hex(bytes);
    const id = await addAttachment(doc, base(bytes, { sha256: sha }), 'user');
    await addAttachment(doc, base(enc('other'), { incidentId: 'inc-2' }), 'user');
    bytes[0] = 0; // the caller's buffer changing later does not change the stored copy
    const { attachments, damaged } = await attachmentsFor(doc, 'inc-1');
    expect(damaged).toEqual([]);
    expect(attachments).toEqual([{ id, incidentId: 'inc-1', name: 'memo.txt', type: 'text/plain', size: enc(`第一行\n${MARKER}`).length, sha256: sha, addedAt: 1000, by: '林律師' }]);
    const read = await readAttachment(doc, id);
    expect(new TextDecoder().decode(read.bytes)).toBe(`第一行\n${MARKER}`);
    expect(attachmentsOf(doc).get(id)!.get('bytes')).toBeInstanceOf(Uint8Array);
    expect(origins.length).toBeGreaterThan(0);
    expect(origins.every((o) => o === 'user')).toBe(true);
    // Survives a round trip through a Yjs update (binary content).
    const copy = new Y.Doc();
    Y.applyUpdateV2(copy, Y.encodeStateAsUpdateV2(doc), 'import');
    expect((await attachmentsFor(copy, 'inc-1')).attachments.map((a) => a.sha256)).toEqual([sha]);
  });

  it('reports damaged records (unparseable, bytes not matching the hash) instead of dropping them', async () => {
    const doc = new Y.Doc();
    const good = await addAttachment(doc, base(enc('good')), 'user');
    const tampered = await addAttachment(doc, base(enc('abcd'), { name: 'tampered.txt' }), 'user');
    const broken = await addAttachment(doc, base(enc('xyz'), { name: 'broken.txt' }), 'user');
    const coll = attachmentsOf(doc);
    write(doc, 'remote', () => {
      coll.get(tampered)!.set('bytes', enc('abce')); // same size, other content
      coll.get(broken)!.set('sha256', 'not-a-hash');
    });
    const { attachments, damaged } = await attachmentsFor(doc, 'inc-1');
    expect(attachments.map((a) => a.id)).toEqual([good]);
    expect(damaged).toEqual(
      expect.arrayContaining([
        { id: tampered, name: 'tampered.txt', reason: 'hashMismatch' },
        { id: broken, name: 'broken.txt', reason: 'invalid' },
      ]),
    );
    expect(damaged).toHaveLength(2);
    expect(await refused(readAttachment(doc, tampered))).toBe('hashMismatch');
    expect(await refused(readAttachment(doc, 'nope'))).toBe('notFound');
    // A damaged record can still be deleted.
    expect(deleteAttachment(doc, tampered, 'user')).toBe(true);
    expect((await attachmentsFor(doc, 'inc-1')).damaged.map((d) => d.id)).toEqual([broken]);
  });

  it('moves a workspace attachment into a room: its bytes are in the room document and gone from the workspace state', async () => {
    const ws = new Y.Doc(); // gc on, as the app's documents
    const room = new Y.Doc();
    const origins: unknown[] = [];
    for (const d of [ws, room]) d.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const marker = enc(MARKER);
    const id = await addAttachment(ws, base(enc(`前言 ${MARKER} 結語`)), 'user');
    expect(holds(Y.encodeStateAsUpdate(ws), marker)).toBe(true);
    expect(moveAttachmentToRoom(ws, room, id, 'user')).toBe(true);
    expect((await attachmentsFor(ws, 'inc-1')).attachments).toEqual([]);
    const inRoom = await attachmentsFor(room, 'inc-1');
    expect(inRoom.attachments.map((a) => a.id)).toEqual([id]);
    expect(inRoom.damaged).toEqual([]);
    // Observed: with gc on, the deleted ContentBinary is collected (replaced by a GC struct), so
    // neither update encoding of the workspace document holds the bytes after the move.
    expect(holds(Y.encodeStateAsUpdate(ws), marker)).toBe(false);
    expect(holds(Y.encodeStateAsUpdateV2(ws), marker)).toBe(false);
    expect(holds(Y.encodeStateAsUpdate(room), marker)).toBe(true);
    expect(origins.every((o) => o === 'user')).toBe(true);
    // Again: nothing changes.
    expect(moveAttachmentToRoom(ws, room, id, 'user')).toBe(false);
  });

  it('without gc (a document kept for history) the deleted bytes stay in the state: what gc buys', async () => {
    const ws = new Y.Doc({ gc: false });
    const room = new Y.Doc();
    const id = await addAttachment(ws, base(enc(MARKER)), 'user');
    moveAttachmentToRoom(ws, room, id, 'user');
    expect(holds(Y.encodeStateAsUpdate(ws), enc(MARKER))).toBe(true);
  });

  it('deletes an attachment (and says false for one that is not there)', async () => {
    const doc = new Y.Doc();
    const id = await addAttachment(doc, base(enc(MARKER)), 'user');
    expect(deleteAttachment(doc, id, 'user')).toBe(true);
    expect(deleteAttachment(doc, id, 'user')).toBe(false);
    expect((await attachmentsFor(doc, 'inc-1')).attachments).toEqual([]);
    expect(holds(Y.encodeStateAsUpdate(doc), enc(MARKER))).toBe(false);
  });
});
