import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { moveRecord, textOf, generateRoomSecret, RoomSecretSchema, roomSessionId } from '../../../shared/rooms/items';
import { createStatement, getStatement, bodyOf, listStatements } from '../../../shared/statements/store';
import { addComment } from '../../../shared/statements/comments';
import { recordId } from '../../../shared/doc/collection';

const MARKER = 'PRIVILEGED-召回和解條件-7731';

describe('items in restricted rooms', () => {
  it('moves a statement with its body and comments into the room document and out of the workspace document', () => {
    const ws = new Y.Doc();
    const room = new Y.Doc();
    const origins: unknown[] = [];
    for (const d of [ws, room]) d.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const id = createStatement(ws, { title: '和解聲明', kind: 'holding', language: 'zh-TW', by: '林律師', body: `第一段\n${MARKER}` }, 'user');
    addComment(getStatement(ws, id)!, { by: '王總', byKey: '', text: `請確認 ${MARKER}`, from: 0, to: 3 }, 'user');
    const before = textOf(getStatement(ws, id));
    expect(before).toContain(MARKER);
    expect(moveRecord(ws, room, 'statements', id, 'user')).toBe(true);
    expect(getStatement(ws, id)).toBeUndefined();
    expect(listStatements(room).map((r) => recordId(r))).toEqual([id]);
    const moved = getStatement(room, id)!;
    expect(textOf(moved)).toBe(before);
    expect(bodyOf(moved)!.toString()).toContain(MARKER);
    // Nothing of the text is left in the workspace document's state (deleted content is collected).
    const wsState = new TextDecoder().decode(Y.encodeStateAsUpdateV2(ws));
    expect(wsState).not.toContain(MARKER);
    expect(new TextDecoder().decode(Y.encodeStateAsUpdateV2(room))).toContain(MARKER);
    expect(origins.every((o) => o === 'user')).toBe(true);
    // A second move (already there / gone) changes nothing.
    expect(moveRecord(ws, room, 'statements', id, 'user')).toBe(false);
  });

  it('room keys are 256-bit and room sessions never take a workspace id', () => {
    const k = generateRoomSecret();
    expect(RoomSecretSchema.safeParse(k).success).toBe(true);
    expect(k).not.toBe(generateRoomSecret());
    expect(roomSessionId('abc')).toBe('room.abc');
  });
});
