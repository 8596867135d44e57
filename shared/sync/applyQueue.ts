import * as Y from 'yjs';
import { docUpdates } from '../doc/updateHub.js';

/**
 * How received updates are paced (issue 14, P15): applied in later tasks, as many per task as fit
 * in about `budgetMs` and in one transaction, so that a laptop joining a large workspace never
 * holds its main thread long (observers, storage and the page re-render once per batch, not once
 * per slice), and its heartbeat and input get through between batches.
 */
export interface ApplyPacing {
  /** Runs `fn` in a later task (the page: a MessageChannel message, which is not clamped as nested timers are). */
  later: (fn: () => void) => void;
  /** A clock in milliseconds (performance.now). */
  clock: () => number;
  /** What one task may spend on applying, observers and storage included (a target, not a bound). */
  budgetMs: number;
  /**
   * Bytes of updates one batch applies at most (beyond its first update): one batch is one
   * transaction, whose updates the app stores and seals on the page's thread where no worker
   * merges them — 40–70 ms a megabyte on a loaded 2-core laptop (bench P15). Default MAX_BATCH_BYTES.
   */
  maxBytes?: number;
}

/** Default bound of one batch's updates, in bytes (see ApplyPacing.maxBytes). */
export const MAX_BATCH_BYTES = 256 * 1024;

/** An update message received, waiting to be applied. */
export interface QueuedUpdate {
  peerId: string;
  msgId: number;
  update: Uint8Array;
  /** A slice of a diff (acknowledged as soon as applied: the sender's window waits for it). */
  slice: boolean;
}

/** What a batch did: the updates (in order), which of them Yjs refused, and how long it took. */
export interface AppliedBatch {
  updates: QueuedUpdate[];
  bad: number;
  ms: number;
}

/**
 * Received updates, applied in arrival order. Without pacing each is applied the moment it
 * arrives (as before; tests and Node). With pacing, an update arriving while none waits and that is
 * not a slice is still applied at once (a colleague's keystroke shows without delay); anything
 * else queues and is applied in batches, one transaction (origin 'remote') per task.
 */
export class ApplyQueue {
  private items: QueuedUpdate[] = [];
  private head = 0;
  private scheduled = false;
  private stopped = false;
  /** True while an update of ours is being applied (its transaction is not a local change). */
  busy = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly pacing: ApplyPacing | null,
    private readonly done: (batch: AppliedBatch) => void,
  ) {}

  /** Updates waiting. */
  get waiting(): number {
    return this.items.length - this.head;
  }

  push(u: QueuedUpdate): void {
    if (this.stopped) return;
    if (!this.pacing || (this.waiting === 0 && !u.slice && !this.scheduled)) return this.applyNow(u);
    this.items.push(u);
    if (!this.scheduled) {
      this.scheduled = true;
      this.pacing.later(() => this.runBatch());
    }
  }

  /** Drops what waits (the session is destroyed). */
  stop(): void {
    this.stopped = true;
    this.items = [];
    this.head = 0;
  }

  private applyNow(u: QueuedUpdate): void {
    const started = Date.now();
    const bad = this.applyOne(u.update) ? 0 : 1;
    this.done({ updates: [u], bad, ms: Date.now() - started });
  }

  private applyOne(update: Uint8Array): boolean {
    this.busy = true;
    try {
      Y.applyUpdate(this.doc, update, 'remote');
      return true;
    } catch {
      return false;
    } finally {
      this.busy = false;
    }
  }

  private runBatch(): void {
    this.scheduled = false;
    const pacing = this.pacing;
    if (this.stopped || !pacing || this.waiting === 0) return;
    const started = pacing.clock();
    // The transaction's clean-up (encoding for listeners, observers, storage) takes about twice the applying.
    const applyBudget = pacing.budgetMs / 3;
    const maxBytes = pacing.maxBytes ?? MAX_BATCH_BYTES;
    const updates: QueuedUpdate[] = [];
    let bytes = 0;
    let bad = 0;
    this.busy = true;
    try {
      // Storage is told the updates as received: Yjs need not encode the batch again (shared/doc/updateHub.ts).
      docUpdates(this.doc).carry((done) =>
        this.doc.transact(() => {
          while (this.head < this.items.length) {
            const next = this.items[this.head]!;
            if (updates.length > 0 && bytes + next.update.length > maxBytes) break;
            const u = this.items[this.head++]!;
            updates.push(u);
            bytes += u.update.length;
            try {
              Y.applyUpdate(this.doc, u.update, 'remote');
            } catch {
              bad++;
            }
            if (pacing.clock() - started >= applyBudget) break;
          }
          done(
            updates.map((u) => u.update),
            bad === 0,
          );
        }, 'remote'),
      );
    } finally {
      this.busy = false;
    }
    const ended = pacing.clock();
    if (this.head >= this.items.length) {
      this.items = [];
      this.head = 0;
    }
    if (this.waiting > 0) {
      this.scheduled = true;
      pacing.later(() => this.runBatch());
    }
    this.done({ updates, bad, ms: ended - started });
  }
}
