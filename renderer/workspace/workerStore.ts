/**
 * The compaction worker's own connection to the app's database (compaction.worker.ts): a
 * compaction read, merged and stored off the page's thread, and a peer's batch stored there
 * (`addRows`, remoteBatch.ts). Stored rows are `{ i, k, $u }` as the
 * vault's middleware stores them (`$u` sealed with the data key of `k`); the worker opens and seals
 * with the key the page sends (compactionMerge.ts).
 *
 * Why not on the page: IndexedDB copies a value it reads or writes on the calling thread, and wraps
 * one over 64 KB in a Blob (a synchronous call to the browser process). Reading and storing a
 * merged 100× document on the page cost its thread 60 ms and 95–105 ms a row (bench P17, traced).
 * The connection is opened per request and closed after it, and closes at once when the page
 * upgrades or deletes the database.
 */
export interface CommitRequest {
  /** The database's name (Dexie's `db.name`). */
  db: string;
  table: string;
  /** The document's id (the rows' `k`). */
  k: string;
  /** Key of the merged row: the newest of `sources`. */
  i: number;
  /** Every key of the document's rows when the compaction was planned. */
  keys: number[];
  /** The rows merged, ascending. */
  sources: number[];
}

/** Where the worker stores a peer's merged batch: document `k`'s rows in `table` of database `db`. */
export interface StoreTarget {
  db: string;
  table: string;
  k: string;
}

export const isStoreTarget = (t: unknown): t is StoreTarget => {
  const r = t as Partial<StoreTarget> | null;
  return typeof r === 'object' && r !== null && typeof r.db === 'string' && typeof r.table === 'string' && typeof r.k === 'string';
};

const isKeyList = (list: unknown): list is number[] => Array.isArray(list) && list.length <= 10_000_000 && list.every((k) => Number.isSafeInteger(k));

export const isCommitRequest = (c: unknown): c is CommitRequest => {
  const r = c as Partial<CommitRequest> | null;
  return typeof r === 'object' && r !== null && typeof r.db === 'string' && typeof r.table === 'string' && typeof r.k === 'string' && isKeyList(r.keys) && isKeyList(r.sources) && r.sources.length > 0 && r.i === r.sources[r.sources.length - 1];
};

/** Runs `run` on a connection of its own to database `name`; `none` when there is no such database or table (nothing is created). */
function withDatabase<T>(name: string, table: string, none: T, run: (db: IDBDatabase) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve(none) : reject(open.error ?? new Error('the database did not open')));
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close();
      if (!db.objectStoreNames.contains(table)) {
        db.close();
        return resolve(none);
      }
      run(db).then(resolve, reject).finally(() => db.close());
    };
  });
}

/** The rows `c.sources` of document `c.k` as stored (`$u`), in order; null when one is gone. */
export function readSealedRows(c: CommitRequest): Promise<Uint8Array[] | null> {
  return withDatabase(c.db, c.table, null, (db) => new Promise<Uint8Array[] | null>((resolve, reject) => {
    const tx = db.transaction(c.table, 'readonly');
    const store = tx.objectStore(c.table);
    const rows: unknown[] = new Array(c.sources.length);
    c.sources.forEach((key, j) => {
      const req = store.get(key);
      req.onsuccess = () => (rows[j] = req.result);
    });
    tx.oncomplete = () => {
      const out: Uint8Array[] = [];
      for (const row of rows) {
        const r = row as { k?: unknown; $u?: unknown } | undefined;
        if (!r || r.k !== c.k) return resolve(null);
        if (!(r.$u instanceof Uint8Array)) return reject(new Error('a row is not sealed'));
        out.push(r.$u);
      }
      resolve(out);
    };
    tx.onabort = tx.onerror = () => reject(tx.error ?? new DOMException('reading rows to compact was aborted', 'AbortError'));
  }));
}

/**
 * In ONE transaction on `db`, unless a row read (`keys` up to `i`) is gone (someone else
 * compacted: writing ours could drop what they merged): `row` (the merged row as stored, at key
 * `i`) put and the other sources deleted. False when nothing was written. The page's own commit
 * (compaction.ts) runs it on Dexie's connection; the worker's on its own.
 */
export function replaceRows(db: IDBDatabase, c: CommitRequest, row: object): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const tx = db.transaction(c.table, 'readwrite');
    const store = tx.objectStore(c.table);
    let done = false;
    let failure: unknown = null;
    const req = store.index('k').getAllKeys(IDBKeyRange.only(c.k));
    req.onsuccess = () => {
      const now = new Set(req.result as number[]);
      if (c.keys.some((k) => k <= c.i && !now.has(k))) return;
      try {
        store.put(row);
        for (const k of c.sources) if (k !== c.i) store.delete(k);
        done = true;
      } catch (err) {
        // Nothing of it is kept: the put goes with the transaction.
        failure = err;
        tx.abort();
      }
    };
    tx.oncomplete = () => resolve(done);
    tx.onabort = tx.onerror = () => reject(failure ?? tx.error ?? req.error ?? new DOMException('the compaction was aborted', 'AbortError'));
  });
}

/** replaceRows with row `{ i, k, $u }` on a connection of the worker's own; false too when the database is gone. */
export function commitRow(c: CommitRequest, $u: Uint8Array): Promise<boolean> {
  return withDatabase(c.db, c.table, false, (db) => replaceRows(db, c, { i: c.i, k: c.k, $u }));
}

/**
 * The rows `sealed` (each a row's `$u`, in order) added for document `t.k` in ONE transaction on a
 * connection of the worker's own, as the page adds a row (`{ k, f: 1, $u }`, durableWrites.ts); their
 * keys, ascending. Null when the database or table is gone (nothing is written or created).
 */
export function addRows(t: StoreTarget, sealed: readonly Uint8Array[]): Promise<number[] | null> {
  return withDatabase<number[] | null>(t.db, t.table, null, (db) => new Promise<number[]>((resolve, reject) => {
    const tx = db.transaction(t.table, 'readwrite');
    const store = tx.objectStore(t.table);
    const reqs = sealed.map(($u) => store.add({ k: t.k, f: 1, $u }));
    tx.oncomplete = () => resolve(reqs.map((r) => r.result as number));
    tx.onabort = tx.onerror = () => reject(tx.error ?? new DOMException('storing a batch was aborted', 'AbortError'));
  }));
}
