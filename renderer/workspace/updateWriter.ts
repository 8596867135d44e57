import { UPDATES_TABLE, type CrisisRoomDb } from './db';
import { sealSpecFor, sealUpdateRow } from '../vault';
import { announceStoredRow } from './internals/dexieSignal';
import { storeUpdatesNow } from './durableWrites';
import type { Merger } from './compactionMerge';
import { pageMerger } from './compaction';
import { REMOTE_BATCH_BYTES, REMOTE_BATCH_MS, RemoteBatch, type StoredBatch } from './remoteBatch';
import type { PendingWriter } from './flush';
import { journalReady, removeJournalEntries, writeJournal } from './journal';
import { trackWrite } from './persistence';
import { toV2 } from './updateFormat';
import { mergeUpdatesV2Checked } from '../../shared/doc/mergeChecked';

/**
 * Stores a workspace's local updates the moment they are made, and keeps them safe while the
 * page goes away.
 *
 * Each update gets its own write at once, its commit requested in the same task
 * (durableWrites.ts): nothing waits in memory, and nothing waits for this page's main thread —
 * which, while someone types, runs input first and IndexedDB's callbacks late (a writer that
 * waited for the previous write to complete lost typing under a `kill -9`, `npm run crashtest`).
 *
 * When the page is hidden or left (`flush`), the updates IndexedDB has not confirmed yet go to
 * the leave journal as one entry (journal.ts): the browser may abort writes still queued when a
 * page unloads, never the journal's. The next open applies it (`recoverJournal`).
 */
export class UpdateWriter implements PendingWriter {
  private readonly unconfirmed = new Set<Uint8Array>();
  private readonly writes = new Set<Promise<boolean>>();
  /** Journal entries this session wrote; removed once every update they copy is confirmed. */
  private journaled: IDBValidKey[] = [];
  /** Peers' updates, stored a batch at a time (remoteBatch.ts). */
  private readonly remote: RemoteBatch;
  private readonly rowsTable: string;

  constructor(
    private readonly db: CrisisRoomDb,
    private readonly workspaceId: string,
    /** y-dexie's updates table of the document (workspaces' by default; restricted rooms have their own). */
    private readonly table?: string,
    merger: Merger = pageMerger(),
  ) {
    const rowsTable = (this.rowsTable = table ?? UPDATES_TABLE);
    const sink = {
      write: (rows: Uint8Array[], covers: Uint8Array[]) => this.write(rows, covers),
      // Sealed rows only: the worker stores what the vault seals (without a vault, this page writes).
      ...(db.vault ? { target: { db: db.name, table: rowsTable, k: workspaceId } } : {}),
      storing: (covers: Uint8Array[], done: Promise<StoredBatch | null>) => this.storing(covers, done),
    };
    this.remote = new RemoteBatch(sink, merger, REMOTE_BATCH_MS, REMOTE_BATCH_BYTES, () => (db.vault ? sealSpecFor(db.vault, rowsTable, workspaceId) : null));
  }

  /**
   * Stores `update` (Yjs V2) now; "saving…" counts it until IndexedDB confirms it. Peers' updates
   * not stored yet go in the same transaction, before it.
   */
  add(update: Uint8Array): void {
    const earlier = this.remote.takeAll();
    this.write([...earlier.map(toV2), update], [...earlier, update]);
  }

  /** Stores a peer's update (V2, or V1 marked so: updateFormat.ts) with the others arriving about now, as one row (remoteBatch.ts). */
  addRemote(update: Uint8Array): void {
    this.unconfirmed.add(update);
    this.remote.add(update);
  }

  /** The document closes: the peers' updates not stored yet are written now, as they are. */
  close(): void {
    const earlier = this.remote.takeAll();
    if (earlier.length > 0) this.write(earlier.map(toV2), earlier);
    this.flush();
  }

  private write(rows: Uint8Array[], covers: readonly Uint8Array[]): void {
    for (const u of covers) this.unconfirmed.add(u);
    const done = storeUpdatesNow(this.db, this.workspaceId, rows, this.table);
    trackWrite(done);
    const ok = done.then(
      () => {
        for (const u of covers) this.unconfirmed.delete(u);
        this.tidy();
        return true;
      },
      // Refused: it stays unconfirmed (journaled when the page goes; "save again" stores it).
      () => false,
    );
    this.writes.add(ok);
    void ok.then(() => this.writes.delete(ok));
  }

  /** The worker is storing `covers` (remoteBatch.ts): counted as a write ("saving…") until it has. */
  private storing(covers: readonly Uint8Array[], done: Promise<StoredBatch | null>): void {
    for (const u of covers) this.unconfirmed.add(u);
    trackWrite(done);
    const ok = done.then((stored) => {
      // Null: this page wrote them instead, a write of its own.
      if (!stored) return true;
      stored.rows.forEach((u, j) => {
        // As for a row this page writes: it keeps the plaintext (sealed by the worker: nothing is sealed
        // here), and other windows hear of the row.
        sealUpdateRow(this.db.vault!, this.rowsTable, { k: this.workspaceId, u });
        announceStoredRow(this.db.name, this.rowsTable, this.workspaceId, stored.keys[j]!);
      });
      for (const u of covers) this.unconfirmed.delete(u);
      this.tidy();
      return true;
    });
    this.writes.add(ok);
    void ok.then(() => this.writes.delete(ok));
  }

  /** Resolves once every write issued so far is settled: true when IndexedDB confirmed them all. */
  async stored(): Promise<boolean> {
    const results = await Promise.all([...this.writes]);
    return results.every(Boolean);
  }

  /** The page is being hidden or left: copy what is not confirmed to the journal. */
  flush(): void {
    if (this.unconfirmed.size === 0) return;
    const copy = mergeUpdatesV2Checked([...this.unconfirmed].map(toV2));
    void writeJournal(this.workspaceId, copy).then((key) => {
      if (key === null) return;
      this.journaled.push(key);
      this.tidy();
    });
  }

  /** Updates that leaving now could lose: unconfirmed ones when there is no journal to keep them. */
  atRisk(): number {
    return journalReady() ? 0 : this.unconfirmed.size;
  }

  private tidy(): void {
    if (this.unconfirmed.size > 0 || this.journaled.length === 0) return;
    void removeJournalEntries(this.journaled.splice(0));
  }
}
