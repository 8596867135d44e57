import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import { reportStorageError } from './persistence';

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

/** The app's database (one per origin). Storage trouble is reported, never swallowed. */
export function getDb(): CrisisRoomDb {
  if (!instance) {
    instance = new CrisisRoomDb();
    // Another window deleting or upgrading the database closes our connection; Dexie would
    // silently reopen an empty one, so say so and let "save again" write everything back.
    instance.on('versionchange', (ev: IDBVersionChangeEvent) => {
      reportStorageError({
        name: 'VersionChangeError',
        message: ev.newVersion === null ? 'the database was deleted by another window' : `another window is upgrading the database to version ${ev.newVersion}`,
      });
    });
    instance.on('blocked', () => reportStorageError({ name: 'BlockedError', message: 'another window is holding an older version of the database open' }));
  }
  return instance;
}

/**
 * Adds a row together with its initial document state. y-dexie's middleware stores an added
 * Y.Doc's state in the updates table within the same IndexedDB transaction as the row (its
 * typings leave Y.Doc properties out of InsertType, hence the cast).
 */
export function addWorkspaceRow(db: CrisisRoomDb, row: WorkspaceRow): Promise<string> {
  return db.workspaces.add(row as unknown as Parameters<CrisisRoomDb['workspaces']['add']>[0]);
}
