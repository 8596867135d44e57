import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { write } from '../../../shared/doc/origins';
import { moveRecord } from '../../../shared/rooms/items';
import { createStatement, statementsOf } from '../../../shared/statements/store';
import { statementHomeStore } from '../../../renderer/features/statements/statementHome';
import { docWithStatement, typeInto } from './helpers';

/**
 * The store the studio's page sits under (useStatementHome): React renders the studio again when
 * it notifies and the snapshot changed. Typing in a body must not notify (issue 14, P14: a deep
 * listener re-rendered the whole studio on every keystroke).
 */
describe('statementHomeStore', () => {
  it('does not notify while a body, a field or another statement is typed into; notifies when statements come and go', () => {
    const { doc, id, rec } = docWithStatement();
    const other = createStatement(doc, { title: '另一份', kind: 'holding', language: 'zh-TW', by: '王小明', body: '文字。' }, 'user');
    const store = statementHomeStore(doc, [], id);
    let notified = 0;
    const stop = store.subscribe(() => notified++);
    const first = store.getSnapshot();
    expect(first).toEqual({ doc, roomId: null });
    for (let i = 0; i < 20; i++) typeInto(doc, id, 0, i, '字');
    typeInto(doc, other, 0, 0, '字');
    write(doc, 'user', () => rec.set('title', '正式聲明'));
    expect(notified).toBe(0);
    expect(store.getSnapshot()).toBe(first);
    write(doc, 'user', () => statementsOf(doc).delete(other));
    expect(notified).toBe(1);
    expect(store.getSnapshot()).toBe(first);
    stop();
  });

  it('follows a statement moved into an open room, and keeps the snapshot while the answer is the same', () => {
    const { doc, id } = docWithStatement();
    const roomDoc = new Y.Doc();
    const store = statementHomeStore(doc, [{ doc: roomDoc, room: { id: 'room-1' } }], id);
    let notified = 0;
    const stop = store.subscribe(() => notified++);
    expect(store.getSnapshot().roomId).toBeNull();
    expect(moveRecord(doc, roomDoc, 'statements', id, 'user')).toBe(true);
    expect(notified).toBeGreaterThan(0);
    const moved = store.getSnapshot();
    expect(moved).toEqual({ doc: roomDoc, roomId: 'room-1' });
    expect(store.getSnapshot()).toBe(moved);
    const before = notified;
    typeInto(roomDoc, id, 0, 0, '字');
    expect(notified).toBe(before);
    stop();
  });
});
