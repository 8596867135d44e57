import { Dexie } from 'dexie';
import { WorkerMerger, type Merger, type MergeKind } from './compactionMerge';
import { openedUpdate, sealSpecFor, sealUpdateRow, type SealSpec } from '../vault';
import { isSealedV2 } from '../vault/sealFormat';
import type { CrisisRoomDb } from './db';
import { announceStoredRow } from './internals/dexieSignal';
import { replaceRows } from './workerStore';

/**
 * Storage compaction of one stored Y.Doc (its rows `{ i, k, u }` in a y-dexie updates table):
 * fewer rows make the next open faster, and it must never block the page while someone types
 * (issue 14, P14: y-dexie's `compressYDocs` merged the whole document on the page's thread).
 *
 * - A tail merge: the rows written since the last compaction (`marker`) become one row. Its cost
 *   is that of the new rows, not of the document. In a Web Worker (compactionMerge.ts); where
 *   none runs, on this thread in small slices.
 * - After MAX_SEGMENTS tail merges (and at a session's first compaction, when the marker is not
 *   known), every row after the base is merged into one: still not the base.
 * - A fold: the base row (the doc's first) and every row after it become one new, garbage-
 *   collected base — only in the worker, and only once the rows after the base hold at least
 *   FOLD_RATIO of the base's size (and FOLD_MIN_BYTES): the page's thread still opens the base
 *   (the worker seals the new one), so folds are kept rare.
 * - Crash-safe: the merged row is written (at the key of the newest row it replaces, so y-dexie's
 *   live query of an open document, which reads rows after the last one it saw, does not apply it
 *   again) and the rows it replaces are deleted in ONE IndexedDB transaction, which first checks
 *   that none of the rows read is gone (another window or y-dexie compacted meanwhile: nothing is
 *   written, the next run starts over). A crash before the commit leaves the rows as they were;
 *   rows written while the merge runs have newer keys and are left alone.
 * Rows are encrypted at rest (renderer/vault). Where a worker runs and the document has a data key,
 * the whole compaction runs there (`inWorker`, workerStore.ts): the worker reads the rows, opens,
 * merges and seals them and stores the result, and the page neither reads nor writes them (the rows
 * a join left hold 10 MB at 100×; bench P17 times the first open that compacts them). Where the
 * worker refuses (a row in an older layout), the rows are read here as stored and each is handed
 * over as the plaintext this page already holds (its vault's cache of rows it sealed or opened) or
 * sealed, for the worker to open: no row is decrypted on this thread. Elsewhere they pass through
 * the vault's middleware, read as plaintext here. The merged row is sealed in the worker, or on its way in.
 */

/** Tail merges before the rows after the base are merged into one. */
export const MAX_SEGMENTS = 8;
/** A fold is due once the rows after the base hold this share of the base's size… */
export const FOLD_RATIO = 0.25;
/** …and at least this many bytes (also the threshold while the base's size is not known). */
export const FOLD_MIN_BYTES = 256 * 1024;

export interface CompactionPlan {
  kind: MergeKind;
  /** Keys of the rows merged, ascending; the merged row takes the last one. */
  sources: number[];
}

/**
 * What to merge, from the doc's row keys (ascending), the key the last compaction wrote
 * (`marker`, null when unknown: a new session, or rows changed underneath) and whether a fold
 * is due (only ever planned where `canFold`: a worker runs).
 */
export function planCompaction(keys: readonly number[], marker: number | null, opts: { canFold: boolean; foldDue?: boolean; maxSegments?: number }): CompactionPlan | null {
  if (keys.length < 2) return null;
  if (opts.canFold && opts.foldDue) return { kind: 'fold', sources: [...keys] };
  const base = keys[0]!;
  const m = marker !== null && keys.includes(marker) ? marker : null;
  const segments = m === null ? 0 : keys.filter((k) => k > base && k <= m).length;
  // Earlier merges merged again with the new rows; never the base (that would be the whole state).
  if (segments >= (opts.maxSegments ?? MAX_SEGMENTS)) return { kind: 'tail', sources: keys.slice(1) };
  const tail = keys.filter((k) => k > (m ?? base));
  return tail.length >= 2 ? { kind: 'tail', sources: tail } : null;
}

export interface CompactionResult {
  kind: MergeKind | 'none' | 'conflict';
  /** Rows merged into one. */
  merged: number;
  /** Whether another compaction is due right away (a fold, once the rows after the base grew). */
  again: boolean;
}

interface UpdateRow {
  i: number;
  k: string;
  u: Uint8Array;
}

export interface CompactorOptions {
  merger?: Merger;
  maxSegments?: number;
  foldMinBytes?: number;
  /** Tests: runs between the merge and the commit (a failure there must lose nothing); the page then commits, not the worker. */
  beforeCommit?: () => Promise<void> | void;
}

let sharedMerger: WorkerMerger | null = null;
/** The page's merger (one worker, shared with remoteBatch.ts). */
export const pageMerger = (): Merger => (sharedMerger ??= new WorkerMerger());

/** Compacts the rows of document `id` in `table`; one run at a time per document. */
export class DocCompactor {
  private marker: number | null = null;
  private foldDue = false;
  /** The base's size, once a fold wrote it (in bytes of plaintext). */
  private baseBytes = 0;
  private running: Promise<CompactionResult> | null = null;
  private readonly merger: Merger;
  private readonly maxSegments: number;
  private readonly foldMinBytes: number;

  constructor(
    private readonly db: CrisisRoomDb,
    private readonly table: string,
    private readonly id: string,
    private readonly opts: CompactorOptions = {},
  ) {
    this.merger = opts.merger ?? pageMerger();
    this.maxSegments = opts.maxSegments ?? MAX_SEGMENTS;
    this.foldMinBytes = opts.foldMinBytes ?? FOLD_MIN_BYTES;
  }

  /**
   * A session opens the document: the rows after the base that earlier sessions left are taken as
   * that many earlier merges (the marker set to the newest), unless there are MAX_SEGMENTS or more
   * (then true: compact them now). Without this, the session's first compaction — due after
   * COMPRESS_AFTER_WRITES keystrokes — would merge every row after the base again, the whole
   * document when it came in one row (a backup merged, a first sync): decrypting and sealing
   * megabytes on this thread while someone types (issue 14, bench P14).
   */
  async resume(): Promise<boolean> {
    const keys = await Dexie.ignoreTransaction(() => this.keysOf());
    if (keys.length < 2) return false;
    if (keys.length - 1 >= this.maxSegments) return true;
    this.marker ??= keys[keys.length - 1]!;
    return false;
  }

  compact(): Promise<CompactionResult> {
    this.running ??= Dexie.ignoreTransaction(() => this.run()).finally(() => (this.running = null));
    return this.running;
  }

  private keysOf(): Promise<number[]> {
    return this.db.table(this.table).where('k').equals(this.id).primaryKeys() as Promise<number[]>;
  }

  private async run(): Promise<CompactionResult> {
    const t = this.db.table<UpdateRow, number>(this.table);
    // Keys only: read from the index, nothing decrypted.
    const keys = await this.keysOf();
    const plan = planCompaction(keys, this.marker, { canFold: this.merger.offThread, foldDue: this.foldDue, maxSegments: this.maxSegments });
    if (!plan) return { kind: 'none', merged: 0, again: false };
    const spec = this.db.vault ? sealSpecFor(this.db.vault, this.table, this.id) : null;
    const out = plan.sources[plan.sources.length - 1]!;
    const inWorker = await this.inWorker(plan, out, keys, spec);
    let merged: Uint8Array;
    let committed: boolean;
    if (inWorker) {
      ({ update: merged, committed } = inWorker);
    } else {
      const stored = spec && this.merger.offThread ? await this.readAsStored(plan.sources) : null;
      if (stored === 'gone') return this.conflict();
      if (stored) merged = await this.merger.merge(plan.kind, stored.updates, spec, stored.sealed);
      else {
        const rows = await t.bulkGet(plan.sources);
        if (rows.some((r) => !r || !(r.u instanceof Uint8Array))) return this.conflict();
        // Sealed in the worker too (sealUpdateRow then only stores it): never megabytes sealed here.
        merged = await this.merger.merge(plan.kind, rows.map((r) => r!.u), spec);
      }
      await this.opts.beforeCommit?.();
      committed = await this.commit(keys, plan.sources, { i: out, k: this.id, u: merged });
    }
    if (!committed) return this.conflict();
    this.marker = out;
    if (plan.kind === 'fold') {
      this.foldDue = false;
      this.baseBytes = merged.length;
    } else if (plan.sources[0] === keys[1]) {
      // Everything after the base is now this one row: fold once it is big enough.
      this.foldDue = merged.length >= Math.max(this.foldMinBytes, this.baseBytes * FOLD_RATIO);
    }
    return { kind: plan.kind, merged: plan.sources.length, again: this.foldDue && this.merger.offThread };
  }

  /**
   * The whole compaction in the worker (workerStore.ts): it reads the rows, opens, merges and seals
   * them and stores the result in their place; the page only hears of it. Null where it cannot (no
   * worker or no data key, a test's `beforeCommit`, a row in an older layout: the worker refuses):
   * the page's own path runs then.
   */
  private async inWorker(plan: CompactionPlan, out: number, keys: readonly number[], spec: SealSpec | null): Promise<{ update: Uint8Array; committed: boolean } | null> {
    if (!spec || !this.merger.mergeAndCommit || !this.merger.offThread || this.opts.beforeCommit) return null;
    let done: { update: Uint8Array; committed: boolean };
    try {
      done = await this.merger.mergeAndCommit(plan.kind, spec, { db: this.db.name, table: this.table, k: this.id, i: out, keys: [...keys], sources: [...plan.sources] });
    } catch (err) {
      console.warn('[storage] the worker did not compact; compacting through the page', err);
      return null;
    }
    if (done.committed) {
      // This page holds the plaintext of the row stored (for the next compaction), as when it stores one itself.
      sealUpdateRow(this.db.vault!, this.table, { i: out, k: this.id, u: done.update });
      announceStoredRow(this.db.name, this.table, this.id, out);
    }
    return done;
  }

  /**
   * Rows `keys` as IndexedDB holds them, straight on Dexie's connection (no decryption): each the
   * plaintext this page holds, or its sealed bytes (`sealed`: their indexes). 'gone' when a row is
   * missing; null when a row is not sealed in the current layout (read through the middleware then).
   */
  private readAsStored(keys: readonly number[]): Promise<{ updates: Uint8Array[]; sealed: number[] } | 'gone' | null> {
    const idb = this.db.isOpen() ? this.db.backendDB() : null;
    const vault = this.db.vault;
    if (!idb || !vault) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const tx = idb.transaction(this.table, 'readonly');
      const store = tx.objectStore(this.table);
      const rows: unknown[] = new Array(keys.length);
      keys.forEach((k, i) => {
        const req = store.get(k);
        req.onsuccess = () => (rows[i] = req.result);
      });
      tx.oncomplete = () => {
        const updates: Uint8Array[] = [];
        const sealed: number[] = [];
        for (const row of rows) {
          if (!row) return resolve('gone');
          const $u = (row as { $u?: unknown }).$u;
          if (!isSealedV2($u)) return resolve(null);
          const plain = openedUpdate(vault, this.table, this.id, $u);
          if (!plain) sealed.push(updates.length);
          updates.push(plain ?? $u);
        }
        resolve({ updates, sealed });
      };
      tx.onabort = tx.onerror = () => reject(tx.error ?? new DOMException('reading rows to compact was aborted', 'AbortError'));
    });
  }

  /**
   * In ONE IndexedDB transaction (workerStore.ts `replaceRows`): unless a row read is gone (someone
   * else compacted: writing ours could drop what they merged), the merged row is written at the key
   * of the newest source and the other sources are deleted. Straight on Dexie's connection, under
   * Dexie, the row sealed as the vault's middleware seals it: through Dexie, the commit re-ran
   * y-dexie's live query of the open document, reading back and applying rows it already holds, in
   * one task of the page while someone types (issue 14, bench P14). Other windows hear of the merged row
   * (internals/dexieSignal.ts); the rows it replaces were in their documents already or are in it.
   */
  private async commit(keys: readonly number[], sources: readonly number[], row: UpdateRow): Promise<boolean> {
    const idb = this.db.isOpen() ? this.db.backendDB() : null;
    if (!idb) return this.commitThroughDexie(keys, sources, row);
    const stored = { ...row } as Record<string, unknown>;
    const sealed = this.db.vault ? sealUpdateRow(this.db.vault, this.table, stored) : stored;
    const done = await replaceRows(idb, { db: this.db.name, table: this.table, k: this.id, i: row.i, keys: [...keys], sources: [...sources] }, sealed);
    if (done) announceStoredRow(this.db.name, this.table, this.id, row.i);
    return done;
  }

  private commitThroughDexie(keys: readonly number[], sources: readonly number[], row: UpdateRow): Promise<boolean> {
    const t = this.db.table<UpdateRow, number>(this.table);
    return this.db.transaction('rw', this.table, async () => {
      const now = new Set(await this.keysOf());
      if (keys.some((k) => k <= row.i && !now.has(k))) return false;
      await t.put(row);
      await t.bulkDelete(sources.filter((k) => k !== row.i));
      return true;
    });
  }

  private conflict(): CompactionResult {
    this.marker = null;
    return { kind: 'conflict', merged: 0, again: false };
  }
}

/** One compaction at a time on this page (several open documents share the worker). */
let queue: Promise<unknown> = Promise.resolve();
function queued<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

type IdleRunner = (run: () => void) => void;

/** At the page's next idle moment (at the latest after 10 s); a short timer where there is none. */
export const whenIdle: IdleRunner = (run) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run(), { timeout: 10_000 });
  else setTimeout(run, 250);
};

function quietly(err: unknown): void {
  const name = (err as { name?: string } | null)?.name;
  // The database closing (another window deleting it, the app quitting) ends compaction; the rows stay valid.
  if (name === 'DatabaseClosedError' || name === 'AbortError') return;
  console.warn('[storage] compaction failed; the stored rows are unchanged', err);
}

/** A burst of at least this many writes… */
export const PAUSE_AFTER_WRITES = 32;
/** …compacts once no write came for this long (a join's rows, bench P17: 247 at 100×, which the next open would read one by one). */
export const PAUSE_MS = 2000;

/**
 * When an open document compacts: after `afterWrites` writes (its own or a peer's), at a pause of
 * PAUSE_MS after a burst of PAUSE_AFTER_WRITES or more (a join's), at idle after it opens when
 * earlier sessions left many rows (`resume`) and at idle after it closes — never on the close path itself.
 */
export class CompactionSchedule {
  private writes = 0;
  private requested = false;
  private stopped = false;
  private pause: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly compactor: DocCompactor,
    private readonly afterWrites: number,
    private readonly idle: IdleRunner = whenIdle,
    private readonly pauseMs = PAUSE_MS,
  ) {}

  /** A write (a local update, or a peer's batch) was stored. */
  noteWrite(): void {
    if (++this.writes >= this.afterWrites) return this.request();
    if (this.writes < PAUSE_AFTER_WRITES || this.stopped) return;
    clearTimeout(this.pause);
    this.pause = setTimeout(() => this.request(), this.pauseMs);
  }

  /** The document opened: compacts at idle only what earlier sessions left piled up (DocCompactor.resume). */
  resume(): void {
    void this.compactor.resume().then(
      (due) => due && this.request(),
      (err: unknown) => quietly(err),
    );
  }

  request(): void {
    clearTimeout(this.pause);
    if (this.requested || this.stopped) return;
    this.requested = true;
    this.idle(() => void this.run());
  }

  /** The document closed: one last compaction of what this session wrote, at idle. */
  close(): void {
    if (this.writes > 0) this.request();
    clearTimeout(this.pause);
    this.stopped = true;
  }

  private async run(): Promise<void> {
    this.writes = 0;
    let again = false;
    try {
      again = (await queued(() => this.compactor.compact())).again;
    } catch (err) {
      quietly(err);
    } finally {
      this.requested = false;
    }
    if (again) this.request();
  }
}
