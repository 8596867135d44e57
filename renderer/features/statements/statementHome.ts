import type * as Y from 'yjs';
import { statementsOf } from '../../../shared/statements/store';

/** Where a statement lives: the workspace's document (roomId null) or an open restricted room's. */
export interface StatementHome {
  doc: Y.Doc;
  roomId: string | null;
}

/** An open room as the studio needs it: its id and its document. */
export interface OpenRoomDoc {
  doc: Y.Doc;
  room: { id: string };
}

/**
 * An external store (for useSyncExternalStore) of the document holding statement `id`: the
 * workspace's, else the first open room that has it, else the workspace's.
 *
 * It follows only the statements collections' own keys (a statement added, removed or moved
 * between documents), shallowly: the studio sits under it, and a deep listener made every
 * keystroke in the statement's body re-render the whole studio (issue 14, P14). The snapshot
 * keeps its identity while the answer is the same.
 */
export function statementHomeStore(wsDoc: Y.Doc, rooms: readonly OpenRoomDoc[], id: string) {
  let last: StatementHome = { doc: wsDoc, roomId: null };
  const locate = (): StatementHome => {
    if (statementsOf(wsDoc).has(id)) return { doc: wsDoc, roomId: null };
    for (const r of rooms) if (statementsOf(r.doc).has(id)) return { doc: r.doc, roomId: r.room.id };
    return { doc: wsDoc, roomId: null };
  };
  return {
    subscribe(onChange: () => void): () => void {
      const colls = [wsDoc, ...rooms.map((r) => r.doc)].map((d) => statementsOf(d));
      const handler = () => onChange();
      for (const c of colls) c.observe(handler);
      return () => colls.forEach((c) => c.unobserve(handler));
    },
    getSnapshot(): StatementHome {
      const next = locate();
      if (next.doc !== last.doc || next.roomId !== last.roomId) last = next;
      return last;
    },
  };
}
