import { Dexie } from 'dexie';
import { ensureDataKey } from '../vault';
import { getDb, LEGACY_DB_NAME, UPDATES_TABLE, type CrisisRoomDb } from './db';

/** Whether the plaintext database of a version from before encryption is still on this laptop. */
export function legacyDbExists(legacyName = LEGACY_DB_NAME): Promise<boolean> {
  return Dexie.exists(legacyName);
}

/**
 * A laptop upgraded from before encryption keeps its workspaces: the plaintext database
 * (`LEGACY_DB_NAME`) is copied, row by row, into the encrypted one (each workspace's data key
 * made first), then deleted. Runs once, after the vault is unlocked; a copy interrupted halfway
 * runs again next time (rows are put by key, updates are idempotent for Yjs).
 */
export async function migrateLegacyDb(db: CrisisRoomDb = getDb(), legacyName = LEGACY_DB_NAME): Promise<number> {
  if (!(await Dexie.exists(legacyName))) return 0;
  const old = new Dexie(legacyName);
  let moved: number;
  try {
    await old.open();
    const names = old.tables.map((t) => t.name);
    if (!names.includes('workspaces')) return 0;
    const rows = (await old.table('workspaces').toArray()) as Array<Record<string, unknown> & { id: string }>;
    const updates = names.includes(UPDATES_TABLE) ? ((await old.table(UPDATES_TABLE).toArray()) as Array<{ i: number; k?: unknown; u?: unknown; f?: number }>) : [];
    for (const row of rows) await ensureDataKey(row.id);
    const known = new Set(rows.map((r) => r.id));
    const docUpdates = updates.filter((u) => u.u instanceof Uint8Array && typeof u.k === 'string' && known.has(u.k));
    await db.transaction('rw', db.workspaces, db.table(UPDATES_TABLE), async () => {
      for (const row of rows) {
        const { id, name, createdAt, updatedAt, deletedAt } = row;
        await db.workspaces.put({ id, name, createdAt, updatedAt, deletedAt: deletedAt ?? null } as never);
      }
      if (docUpdates.length) await db.table(UPDATES_TABLE).bulkAdd(docUpdates.map(({ k, u }) => ({ k, u, f: 1 })));
    });
    moved = rows.length;
  } finally {
    old.close();
  }
  await Dexie.delete(legacyName);
  return moved;
}
