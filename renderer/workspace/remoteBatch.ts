import { mergeIntoRows, type Merger } from './compactionMerge';
import type { SealSpec } from '../vault';
import { toV2 } from './updateFormat';
import type { StoreTarget } from './workerStore';

/**
 * Updates received from peers (origin 'remote'; V2, or V1 as received: updateFormat.ts), stored a
 * batch at a time: a laptop joining a large workspace receives some 350 slices in quick succession
 * (issue 14, bench P15), and one
 * sealed IndexedDB row per slice cost the joiner's page a write, a seal and a transaction each
 * (and the next open one row more to apply). Those arriving within REMOTE_BATCH_MS of the first,
 * up to REMOTE_BATCH_BYTES (then in a task of their own), are merged — off the page's thread (the
 * compaction worker, compactionMerge.ts, which also converts V1 and seals) — into rows of at most
 * REMOTE_ROW_BYTES each (counted in V2 by the worker, as received by a merger on this page),
 * written then in one transaction: by the worker itself, on its own connection (`BatchSink.target`,
 * workerStore.ts `addRows`), or by this page where the worker cannot.
 *
 * Why the worker writes them: IndexedDB copies each value it writes on the calling thread. Storing
 * a 100× join's rows (some 12 MB) took the joining laptop's page about 0.55 s in `add` and the
 * calls around it, out of 5.9 s of script in the join (bench P15, CPU profile of the joiner).
 *
 * A local update never waits behind a batch: `takeAll` hands the writer every remote update not
 * written yet (waiting or being merged), which it writes in the same transaction as, and before,
 * the local one (so a keystroke that builds on a peer's text is never stored without that text);
 * a merge still running for those is then dropped. Until written, remote updates count as
 * unconfirmed (updateWriter.ts): the leave journal keeps them if the page goes away.
 */
export const REMOTE_BATCH_MS = 250;
/**
 * Where no worker runs, a batch's rows are merged, sealed and written on the page's thread (sealing
 * alone: 40–70 ms a megabyte on a loaded 2-core laptop, bench P15 joining at 100×); and the
 * updates are copied to the worker first — so a batch holds a quarter of a megabyte at most.
 */
export const REMOTE_BATCH_BYTES = 256 * 1024;
/**
 * What one row holds at most (the updates merged into it, in bytes of V2; one update larger than
 * that is a row of its own). Chromium's IndexedDB wraps a value over 64 KB into a Blob, and registering
 * that Blob is a synchronous call from the page to the browser process (blink.mojom.BlobRegistry):
 * traced in bench P15, each 256 KB row the joining laptop stored made one (41 and 42 in two joins
 * at 100×), in tasks of up to 147 ms on the wall clock under load. Rows below the threshold are
 * written without it.
 */
export const REMOTE_ROW_BYTES = 60 * 1024;

/** A batch the worker stored: the rows' plaintexts (V2) and their keys, in order. */
export interface StoredBatch {
  rows: Uint8Array[];
  keys: number[];
}

/** Where a batch goes. */
export interface BatchSink {
  /** Writes `rows` now on this page, one row each, in one transaction; `covers` are the updates they hold. */
  write(rows: Uint8Array[], covers: Uint8Array[]): void;
  /** Where the worker may store a batch itself (sealed rows only); none: this page writes every batch. */
  readonly target?: StoreTarget;
  /** The worker is storing `covers`: `done` settles with what it stored, or null when it could not (this page then wrote them, `write`). Never rejects. */
  storing?(covers: Uint8Array[], done: Promise<StoredBatch | null>): void;
}

interface Merging {
  updates: Uint8Array[];
  /** Written by a local write meanwhile: the merge's result is dropped. */
  taken: boolean;
}

export class RemoteBatch {
  private waiting: Uint8Array[] = [];
  private bytes = 0;
  private full = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly merging = new Set<Merging>();

  constructor(
    private readonly sink: BatchSink,
    private readonly merger: Merger,
    private readonly delayMs = REMOTE_BATCH_MS,
    private readonly maxBytes = REMOTE_BATCH_BYTES,
    /** How the worker seals the merged row for `write` (renderer/vault sealSpecFor); null: sealed when written. */
    private readonly sealSpec: () => SealSpec | null = () => null,
    private readonly rowBytes = REMOTE_ROW_BYTES,
  ) {}

  /** Remote updates not written yet (waiting or being merged). */
  get pending(): number {
    let n = this.waiting.length;
    for (const m of this.merging) if (!m.taken) n += m.updates.length;
    return n;
  }

  add(update: Uint8Array): void {
    this.waiting.push(update);
    this.bytes += update.length;
    if (this.bytes < this.maxBytes) this.timer ??= setTimeout(() => this.seal(), this.delayMs);
    else if (!this.full) {
      // Full: merged in a task of its own, not in the one applying the peer's update (bench P15).
      this.full = true;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.seal(), 0);
    }
  }

  /** Every remote update not written yet, in arrival order; the caller writes them now. */
  takeAll(): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const m of this.merging) {
      if (m.taken) continue;
      m.taken = true;
      out.push(...m.updates);
    }
    out.push(...this.take());
    return out;
  }

  /**
   * Merges what waits (off the page's thread), a row per REMOTE_ROW_BYTES, and writes the rows in
   * one transaction — the worker does, where it can. A local write taking the batch meanwhile
   * (`takeAll`) writes it on this page too: stored twice then, which Yjs applies as once and the
   * next compaction merges away.
   */
  seal(): void {
    const updates = this.take();
    if (updates.length === 0) return;
    if (updates.length === 1) return this.sink.write(updates.map(toV2), updates);
    const m: Merging = { updates, taken: false };
    this.merging.add(m);
    // No merge: stored as they came, one row each (still one transaction).
    const asTheyCame = () => {
      this.merging.delete(m);
      if (!m.taken) this.sink.write(updates.map(toV2), updates);
    };
    const spec = this.sealSpec();
    const { target } = this.sink;
    if (spec && target && this.sink.storing && this.merger.mergeAndStore && this.merger.offThread) {
      const done = this.merger.mergeAndStore(updates, spec, this.rowBytes, target).then(
        (stored) => {
          this.merging.delete(m);
          return stored;
        },
        () => {
          asTheyCame();
          return null;
        },
      );
      return this.sink.storing(updates, done);
    }
    void mergeIntoRows(this.merger, updates, spec, this.rowBytes).then((rows) => {
      this.merging.delete(m);
      if (!m.taken) this.sink.write(rows, updates);
    }, asTheyCame);
  }

  private take(): Uint8Array[] {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.full = false;
    const out = this.waiting;
    this.waiting = [];
    this.bytes = 0;
    return out;
  }
}
