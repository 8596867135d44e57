import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addLogEntry, declareIncident, incidentRecord, readIncident, type DeclareContext } from '../../../shared/incidents/incidents';
import { addRoomNote, moveLogEntryToRoom, roomNotesFor } from '../../../shared/rooms/notes';
import { textOf } from '../../../shared/rooms/items';
import { ROOTS } from '../../../shared/doc/workspaceDoc';

const ctx: DeclareContext = { crisisType: { id: 'type-food', firstResponderUnitId: '', steps: [] }, unitIds: new Set(), levels: [1, 2, 3, 4] };
const declareTestIncident = (doc: Y.Doc) =>
  declareIncident(doc, { title: '產品召回', drill: false, crisisTypeId: 'type-food', risk: { likelihood: 3, loss: 3, feasibility: 3 }, t0: Date.UTC(2026, 0, 5), declaredBy: '林律師' }, ctx, 'user');

describe('incident notes in a restricted room', () => {
  it('are stored in the room document only, per incident, oldest first; bad input is refused and changes nothing', () => {
    const ws = new Y.Doc();
    const room = new Y.Doc();
    const incidentId = declareTestIncident(ws);
    addRoomNote(room, { incidentId, at: 20, by: '林律師', category: 'decision', text: '和解上限 300 萬（特權）' }, 'user');
    addRoomNote(room, { incidentId, at: 10, by: '王總', category: 'action', text: '董事會已同意' }, 'user');
    addRoomNote(room, { incidentId: 'other-incident', at: 5, by: 'x', category: 'action', text: 'elsewhere' }, 'user');
    expect(roomNotesFor(room, incidentId).map((n) => n.text)).toEqual(['董事會已同意', '和解上限 300 萬（特權）']);
    const before = Y.encodeStateAsUpdateV2(room);
    expect(() => addRoomNote(room, { incidentId, at: 1, by: 'x', category: 'action', text: '   ' }, 'user')).toThrow('a note needs text');
    expect(Y.encodeStateAsUpdateV2(room)).toEqual(before);
    // Nothing of it is in the workspace document.
    expect(textOf(ws.getMap(ROOTS.incidents))).not.toContain('和解上限');
  });

  it('a workspace log entry moves into the room (copied, then deleted from the workspace); app-written entries stay', () => {
    const ws = new Y.Doc();
    const room = new Y.Doc();
    const incidentId = declareTestIncident(ws);
    const rec = incidentRecord(ws, incidentId)!;
    const entryId = addLogEntry(rec, { at: 42, by: '林律師', category: 'decision', text: '責任評估：可能需賠償' }, 'user');
    const systemId = addLogEntry(rec, { at: 43, by: '', category: 'decision', text: 'severity', system: { kind: 'severityChanged', from: 2, to: 1, reason: '' } }, 'system');
    const noteId = moveLogEntryToRoom(rec, entryId, room, 'user');
    expect(noteId).toBeTruthy();
    const notes = roomNotesFor(room, incidentId);
    expect(notes).toEqual([{ id: noteId, incidentId, at: 42, by: '林律師', category: 'decision', text: '責任評估：可能需賠償', movedFrom: entryId }]);
    expect(readIncident(rec).log.map((e) => e.id)).toEqual([systemId]);
    expect(textOf(ws.getMap(ROOTS.incidents))).not.toContain('責任評估');
    // The app's own entry does not move; an unknown id changes nothing.
    expect(moveLogEntryToRoom(rec, systemId, room, 'user')).toBeNull();
    expect(moveLogEntryToRoom(rec, 'no-such-entry', room, 'user')).toBeNull();
    expect(readIncident(rec).log).toHaveLength(1);
    expect(roomNotesFor(room, incidentId)).toHaveLength(1);
  });
});
