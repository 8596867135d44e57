import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';

/** One row per workspace; its Y.Doc lives in y-dexie's updates table beside it. */
export interface WorkspaceRow {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** Set while a deletion can still be undone; the row is purged once the grace period is over. */
  deletedAt: number | null;
  doc: Y.Doc;
}

export const UPDATES_TABLE = '$workspaces.doc_updates';

export class CrisisRoomDb extends Dexie {
  workspaces!: EntityTable<WorkspaceRow, 'id'>;

  constructor(name = 'crisis-room') {
    super(name, { addons: [yDexie] });
    this.version(1).stores({ workspaces: 'id, name, updatedAt, doc: Y.Doc' });
  }
}

let instance: CrisisRoomDb | null = null;

/** The app's database (one per origin). */
export function getDb(): CrisisRoomDb {
  instance ??= new CrisisRoomDb();
  return instance;
}
