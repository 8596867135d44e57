import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import { reportStorageError } from './persistence';
import { getVault, vaultMiddleware, type Vault } from '../vault';

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

/**
 * One row per restricted room this laptop's person is a member of (renderer/rooms): its own
 * Y.Doc, stored like a workspace's (updates in `ROOM_UPDATES_TABLE`, keyed by the room id).
 */
export interface CompartmentRow {
  id: string;
  workspaceId: string;
  doc: Y.Doc;
}

export const ROOM_UPDATES_TABLE = '$compartments.doc_updates';

/**
 * The database's name. Since issue 12 every row is encrypted (renderer/vault): a new name, so a
 * laptop's plaintext database from before (`LEGACY_DB_NAME`) is copied over encrypted and then
 * deleted (migrate.ts) instead of being rewritten in place.
 */
export const DB_NAME = 'crisis-room-v2';
export const LEGACY_DB_NAME = 'crisis-room';

export interface DbOptions {
  /**
   * The vault whose keys encrypt every row (renderer/vault middleware). `null` only for the
   * benchmark's baseline (bench P9) and for reading a legacy plaintext database.
   */
  vault?: Vault | null;
}

export class CrisisRoomDb extends Dexie {
  workspaces!: EntityTable<WorkspaceRow, 'id'>;
  compartments!: EntityTable<CompartmentRow, 'id'>;
  /** The vault whose keys encrypt every row; null: rows are stored in clear (see DbOptions). */
  readonly vault: Vault | null;

  constructor(name = DB_NAME, options: DbOptions = {}) {
    // y-dexie's periodic GC is off: it merged every stored document on the page's thread every
    // five minutes; workspace/compaction.ts merges new rows in a worker, at idle (issue 14, P14).
    // Dexie's query cache is off: a keystroke's row is written under Dexie (durableWrites.ts), so
    // the cache would not know of it and could hand a document opened again a stale list of rows.
    super(name, { addons: [yDexie({ gc: false }) as (db: Dexie) => void], cache: 'disabled' });
    // No index on `name`: index keys are stored in clear. Indexed fields (id, updatedAt,
    // deletedAt) are the only ones the vault leaves readable.
    this.version(1).stores({ workspaces: 'id, updatedAt, deletedAt, doc: Y.Doc' });
    // Restricted rooms (renderer/rooms): only on laptops of their members.
    this.version(2).stores({ compartments: 'id, workspaceId, doc: Y.Doc' });
    const vault = (this.vault = options.vault === undefined ? getVault() : options.vault);
    if (vault) this.use(vaultMiddleware(vault, () => new Set(this.tables.filter((t) => (t.schema as { yProps?: unknown[] }).yProps?.length).map((t) => t.name))));
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
