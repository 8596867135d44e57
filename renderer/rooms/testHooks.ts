import * as Y from 'yjs';
import { roomCredential } from '../../shared/sync/roomAuth';
import { textOf } from '../../shared/rooms/items';
import { getDb, ROOM_UPDATES_TABLE } from '../workspace/db';
import { roomSync, useRooms } from './roomService';
import { testHooksEnabled } from '../platform/testHooksEnabled';

/** What end-to-end tests read of restricted rooms on this laptop (only with test hooks on). */
export interface RoomsTestHooks {
  /** Rooms as this laptop sees them: name, members (signing keys), state, key id in force. */
  rooms: () => Array<{ id: string; name: string; members: string[]; state: string; keyId: string | null }>;
  /** Every restricted-room row stored on this laptop, read through the app's own (decrypting) database. */
  storedRows: () => Promise<Array<{ id: string; workspaceId: string; updates: number; text: string }>>;
  /** The signaling topic of the room's key as this laptop syncs it (null: not syncing it). */
  topic: (roomId: string) => string | null;
  /** Peers this laptop currently syncs the room with. */
  peers: (roomId: string) => number;
}

declare global {
  interface Window {
    __crisisRoomRoomsTest?: RoomsTestHooks;
  }
}

export function installRoomsTestHooks(): void {
  if (!testHooksEnabled()) return;
  window.__crisisRoomRoomsTest = {
    rooms: () =>
      Object.values(useRooms.getState().rooms).map((r) => ({
        id: r.room.id,
        name: r.room.name,
        members: [...r.room.members],
        state: r.state,
        keyId: r.room.current?.payload.keyId ?? null,
      })),
    storedRows: async () => {
      const db = getDb();
      const rows = await db.compartments.toArray();
      const out = [];
      for (const row of rows) {
        // Read the stored updates into a scratch document (not the live one) and list its text.
        const updates = (await db.table(ROOM_UPDATES_TABLE).where('k').equals(row.id).toArray()) as Array<{ u: Uint8Array }>;
        const scratch = new Y.Doc();
        for (const u of updates) Y.applyUpdateV2(scratch, u.u, 'import');
        const text = [...scratch.share.keys()].map((k) => textOf(scratch.getMap(k))).join('\n');
        scratch.destroy();
        out.push({ id: row.id, workspaceId: row.workspaceId, updates: updates.length, text });
      }
      return out;
    },
    topic: (roomId) => {
      const s = roomSync(roomId);
      return s ? roomCredential(s.key).topic : null;
    },
    peers: (roomId) => roomSync(roomId)?.session.status().peers.filter((p) => p.connected).length ?? 0,
  };
}
