import * as Y from 'yjs';
import type { CrisisRoomDb } from './db';
import { storeUpdateNow } from './durableWrites';
import type { PendingWriter } from './flush';
import { journalReady, removeJournalEntries, writeJournal } from './journal';
import { trackWrite } from './persistence';

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

  constructor(
    private readonly db: CrisisRoomDb,
    private readonly workspaceId: string,
    /** y-dexie's updates table of the document (workspaces' by default; restricted rooms have their own). */
    private readonly table?: string,
  ) {}

  /** Stores `update` (Yjs V2) now; "saving…" counts it until IndexedDB confirms it. */
  add(update: Uint8Array): void {
    this.unconfirmed.add(update);
    const done = storeUpdateNow(this.db, this.workspaceId, update, this.table);
    trackWrite(done);
    const ok = done.then(
      () => {
        this.unconfirmed.delete(update);
        this.tidy();
        return true;
      },
      // Refused: it stays unconfirmed (journaled when the page goes; "save again" stores it).
      () => false,
    );
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
    const copy = Y.mergeUpdatesV2([...this.unconfirmed]);
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
