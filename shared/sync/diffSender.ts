import * as Y from 'yjs';
import { readStateVector, type DeleteRanges } from './docState.js';
import { DEFAULT_SLICE_BYTES, DiffSlicer } from './slices.js';
import { hasPendingUpdates } from '../doc/yjsInternals.js';
import type { DeliveryLedger } from './delivery.js';
import type { SyncMessage } from './messages.js';
import type { PeerConn } from './peerConn.js';
import type { ApplyPacing } from './applyQueue.js';

interface DiffStats {
  diffsSent: number;
  slicesSent: number;
  badMessages: number;
  longestEncodeMs: number;
}

/**
 * Sends a peer what it lacks (the session's "diff"): in bounded slices made one at a time as the
 * link takes them (slices.ts), so neither side holds its main thread for the whole state; or,
 * while Yjs holds updates it cannot apply yet (they are in no slice), as one update as before.
 * Earlier slices confirm none of our changes (seq 0); the last one carries the diff's `seq` with
 * `full`, as the one-message diff did, so the delivery ledger reads it unchanged.
 */
/** Slices sent and not acknowledged at most (the receiver acknowledges every few it applied). */
export const SLICE_WINDOW = 16;
/** A slice not acknowledged within this time no longer holds the window (a lost frame or ack). */
const SLICE_ACK_MS = 5000;

export class DiffSender {
  readonly sliceBytes: number;
  /** Peers whose slicing continues in a later task (pacing). */
  private readonly resuming = new Set<PeerConn>();

  constructor(
    private readonly deps: {
      doc: Y.Doc;
      ledger: DeliveryLedger;
      sliceBytes?: number;
      /** The document's delete set, kept up to date by the session (docState.ts). */
      deleteSet?: () => DeleteRanges;
      now: () => number;
      stats: DiffStats;
      send: (p: PeerConn, msg: SyncMessage) => number;
      /** Slices made at most `budgetMs` per task, the rest in a later one (the page; none in tests and Node). */
      pacing?: ApplyPacing | null;
    },
  ) {
    this.sliceBytes = deps.sliceBytes ?? DEFAULT_SLICE_BYTES;
  }

  /** Starts sending `p` what it lacks against its state vector `remoteSv` (the slices follow with {@link next}). */
  start(p: PeerConn, remoteSv: Uint8Array): void {
    const { doc, ledger, stats } = this.deps;
    const svMap = readStateVector(remoteSv);
    stats.diffsSent++;
    p.slicesInFlight.clear();
    if (svMap && !hasPendingUpdates(doc)) {
      p.diffStream = { slicer: new DiffSlicer(doc, svMap, this.sliceBytes, this.deps.deleteSet), seq: ledger.lastSeq };
      p.diffInFlight = { msgId: 0, at: this.deps.now() };
      return;
    }
    let diff: Uint8Array;
    try {
      diff = Y.encodeStateAsUpdate(doc, remoteSv);
    } catch {
      stats.badMessages++;
      return;
    }
    this.sendLast(p, diff, ledger.lastSeq);
  }

  /**
   * `p` reported its state: while another peer feeds it (`hold`, feeder.ts) ours stops (slices in
   * flight still land); else the slices left skip what it got from elsewhere meanwhile.
   */
  remoteState(p: PeerConn, hold: boolean, svMap: Map<number, number>): void {
    if (hold && p.diffStream) [p.diffStream, p.diffInFlight] = [null, null];
    p.diffStream?.slicer.skipHeld(svMap);
  }

  /** Queues the next slice of the diff being sent to `p` (call while `p.diffStream` and the link has room). */
  next(p: PeerConn): void {
    const stream = p.diffStream;
    if (!stream) return;
    const started = Date.now();
    const update = stream.slicer.next();
    this.deps.stats.longestEncodeMs = Math.max(this.deps.stats.longestEncodeMs, Date.now() - started);
    this.deps.stats.slicesSent++;
    if (!update || stream.slicer.done) {
      p.diffStream = null;
      if (update) this.sendLast(p, update, stream.seq);
      else p.diffInFlight = null;
      return;
    }
    const msgId = this.deps.send(p, { t: 'update', update, seq: 0, full: false });
    p.slicesInFlight.set(msgId, this.deps.now());
    p.diffInFlight = { msgId: 0, at: this.deps.now() };
  }

  /**
   * Queues slices for `p` while `room()` says the link takes more: with pacing, only for about
   * `budgetMs` and at least one slice (the serving laptop made up to SLICE_WINDOW slices in one
   * task, 156–201 ms at 100× under a profiler, bench P15); the rest waits for `resume`, called in a
   * later task (one at a time per peer).
   */
  sendWhile(p: PeerConn, room: () => boolean, resume: () => void): void {
    const pacing = this.deps.pacing;
    // A later task already continues this peer's slices.
    if (pacing && this.resuming.has(p)) return;
    const from = pacing?.clock() ?? 0;
    for (let made = 0; room(); made++) {
      if (pacing && made > 0 && pacing.clock() - from >= pacing.budgetMs) {
        this.resuming.add(p);
        pacing.later(() => {
          this.resuming.delete(p);
          resume();
        });
        return;
      }
      this.next(p);
      p.outbox.pump();
    }
  }

  /**
   * Whether the next slice may go: the receiver applied all but a few of those sent (so its
   * queue of work stays short and its heartbeat gets through), and the link's bulk delay is over
   * (a small diff goes at once).
   */
  mayGo(p: PeerConn, now: number): boolean {
    if (!p.diffStream) return false;
    for (const [id, at] of p.slicesInFlight) if (now - at > SLICE_ACK_MS) p.slicesInFlight.delete(id);
    return p.slicesInFlight.size < SLICE_WINDOW && (p.bulkFrom <= now || p.diffStream.slicer.amount < this.sliceBytes);
  }

  private sendLast(p: PeerConn, update: Uint8Array, seq: number): void {
    const msgId = this.deps.send(p, { t: 'update', update, seq, full: true });
    p.sentCovers.set(msgId, { seq, full: true });
    p.diffInFlight = { msgId, at: this.deps.now() };
  }
}
