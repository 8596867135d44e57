import { Dexie } from 'dexie';
import { UPDATES_TABLE, type CrisisRoomDb } from './db';

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
 * The row is the one y-dexie writes (`{ k, u, f: 1 }`, auto-increment `i`), written through
 * Dexie, so y-dexie's loading and compression, Dexie's query cache and other windows' live
 * queries all see it as usual. Settles when IndexedDB confirms (or refuses) the write.
 */
export function storeUpdateNow(db: CrisisRoomDb, workspaceId: string, update: Uint8Array, table: string = UPDATES_TABLE): Promise<void> {
  return Dexie.ignoreTransaction(() =>
    db.transaction('rw', table, (tx) => {
      const added = tx.table(table).add({ k: workspaceId, u: update, f: 1 });
      try {
        tx.idbtrans.commit();
      } catch {
        // An engine without commit(): IndexedDB commits on its own once the add completes.
      }
      return added;
    }),
  ).then(() => undefined);
}
