import * as Y from 'yjs';
import { getDb, ROOM_UPDATES_TABLE, type CompartmentRow, type CrisisRoomDb } from '../workspace/db';
import { openStoredDoc, type StoredDoc } from '../workspace/storedDoc';
import { dropJournal } from '../workspace/journal';
import { ensureDataKey, shredDataKey } from '../vault';

/**
 * Restricted rooms on this laptop's disk: one row per room whose member this laptop's person is
 * (table `compartments`, renderer/workspace/db.ts), its Y.Doc stored and loaded with the same
 * durable-write machinery as a workspace (workspace/storedDoc.ts), encrypted at rest with the
 * data key of the room id (renderer/vault). A laptop whose person is not a member never has a
 * row: rows are made only by `openRoomDoc`, which the room service calls only for rooms whose key
 * in force opened for this laptop. When the person is taken out, `dropRoomDoc` shreds the room's
 * data key and deletes the row, its updates and journal.
 */

export interface OpenRoomDoc {
  id: string;
  workspaceId: string;
  doc: Y.Doc;
  close: () => void;
}

/** Opens (creating when new) the stored document of room `id` of workspace `workspaceId`. */
export async function openRoomDoc(workspaceId: string, id: string, db: CrisisRoomDb = getDb()): Promise<OpenRoomDoc> {
  let row = await db.compartments.get(id);
  if (row && row.workspaceId !== workspaceId) throw new Error('This restricted room belongs to another workspace');
  if (!row) {
    // Its data key is in the keyring before anything of it is stored.
    await ensureDataKey(id);
    const fresh = new Y.Doc();
    await db.compartments.add({ id, workspaceId, doc: fresh } as unknown as Parameters<CrisisRoomDb['compartments']['add']>[0]);
    fresh.destroy();
    row = await db.compartments.get(id);
    if (!row) throw new Error('The restricted room could not be stored');
  }
  const stored: StoredDoc = await openStoredDoc(db, id, row.doc, ROOM_UPDATES_TABLE);
  return { id, workspaceId, doc: row.doc, close: () => stored.close() };
}

/** Ids of the rooms of `workspaceId` stored on this laptop. */
export async function storedRoomIds(workspaceId: string, db: CrisisRoomDb = getDb()): Promise<string[]> {
  return (await db.compartments.where('workspaceId').equals(workspaceId).primaryKeys()) as string[];
}

/**
 * Removes room `id` from this laptop for good: its data key leaves the keyring first (what
 * IndexedDB's files still hold of it can no longer be read), then the row, its updates and any
 * journal entry are deleted.
 */
export async function dropRoomDoc(id: string, db: CrisisRoomDb = getDb()): Promise<void> {
  await shredDataKey(id);
  await db.transaction('rw', db.compartments, db.table(ROOM_UPDATES_TABLE), async () => {
    await db.compartments.delete(id);
    await db.table(ROOM_UPDATES_TABLE).where('k').equals(id).delete();
  });
  await dropJournal(id);
}

export type { CompartmentRow };
