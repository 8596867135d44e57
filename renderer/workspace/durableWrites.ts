import { Dexie } from 'dexie';
import { sealUpdateRow } from '../vault';
import { UPDATES_TABLE, type CrisisRoomDb } from './db';
import { announceStoredRow } from './internals/dexieSignal';

/**
 * Stores one local Yjs update at once, in its own IndexedDB transaction whose commit is
 * requested right after the row is added (`IDBTransaction.commit()`).
 *
 * y-dexie (like any `db.table.add`) lets IndexedDB commit a write only once this page has
 * handled the write's result: a round trip through the page's main thread, which is busy
 * rendering while someone types. Measured in Chromium 156 on the playbook page: p90 240 ms and
 * up to 660 ms from a key press until its write completed; a reload in that window aborted the
 * write (7 of 40 characters lost) and a `kill -9` lost it (`npm run crashtest`,
 * tests/e2e/durability.spec.ts). With `commit()` requested in the same task as the key press,
 * the browser commits without waiting for the page. (Writes still queued when the page unloads
 * can be aborted all the same: updateWriter.ts copies them to the leave journal.)
 *
 * The row is the one y-dexie writes (`{ k, u, f: 1 }`, auto-increment `i`), sealed as the vault's
 * middleware seals it (renderer/vault `sealUpdateRow`), and written straight to IndexedDB on
 * Dexie's connection, under Dexie: through Dexie each keystroke also paid Dexie's transaction
 * machinery, a re-run of y-dexie's live query in this window (reading back and applying the
 * update the document had just made) and a change notice to the other windows (issue 14, bench
 * P14). Other windows still hear of the row (internals/dexieSignal.ts, a few rows at a time);
 * y-dexie's loading, compaction (compaction.ts) and Dexie's reads see it as any row.
 * Settles when IndexedDB confirms (or refuses) the write.
 */
export function storeUpdateNow(db: CrisisRoomDb, workspaceId: string, update: Uint8Array, table: string = UPDATES_TABLE): Promise<void> {
  return storeUpdatesNow(db, workspaceId, [update], table);
}

/** The same for several updates, one row each, in ONE transaction (all are stored, or none). */
export function storeUpdatesNow(db: CrisisRoomDb, workspaceId: string, updates: readonly Uint8Array[], table: string = UPDATES_TABLE): Promise<void> {
  const idb = db.isOpen() ? db.backendDB() : null;
  if (!idb) return storeThroughDexie(db, workspaceId, updates, table);
  return new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(table, 'readwrite');
    const store = tx.objectStore(table);
    const reqs = updates.map((u) => {
      const row = { k: workspaceId, u, f: 1 };
      return store.add(db.vault ? sealUpdateRow(db.vault, table, row) : row);
    });
    try {
      tx.commit();
    } catch {
      // An engine without commit(): IndexedDB commits on its own once the add completes.
    }
    tx.oncomplete = () => {
      resolve();
      for (const req of reqs) announceStoredRow(db.name, table, workspaceId, req.result as number);
    };
    tx.onabort = tx.onerror = () => reject(tx.error ?? new DOMException('the write was aborted', 'AbortError'));
  });
}

/** Before Dexie has opened its connection: the same write through Dexie (which opens it). */
function storeThroughDexie(db: CrisisRoomDb, workspaceId: string, updates: readonly Uint8Array[], table: string): Promise<void> {
  return Dexie.ignoreTransaction(() =>
    db.transaction('rw', table, (tx) => {
      const added = tx.table(table).bulkAdd(updates.map((u) => ({ k: workspaceId, u, f: 1 })));
      try {
        tx.idbtrans.commit();
      } catch {
        // As above.
      }
      return added;
    }),
  ).then(() => undefined);
}
