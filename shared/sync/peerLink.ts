import { toFrames } from './frames.js';
import type { TransferStatus } from './status.js';

/**
 * One connection to one peer, as the sync protocol sees it: something frames can be sent on.
 * The renderer backs it with a WebRTC data channel; the fuzz test with an in-memory queue.
 */
export interface PeerLink {
  /** Puts one frame (≤ the frame size) on the wire. Throwing means the link is broken. */
  send(frame: Uint8Array): void;
  /** Bytes accepted by `send` but not yet on the wire; absent means "no back-pressure". */
  bufferedAmount?(): number;
  /** Large messages pause while `bufferedAmount` is above this (default: the session's). */
  highWaterBytes?: number;
  /**
   * A diff (a whole state for a laptop that joins) waits this long after the link starts: a
   * stand-in link (the signaling relay) is usually replaced by a data channel within seconds,
   * and megabytes sent through it first would hold up the very signaling that opens the channel.
   */
  bulkDelayMs?: number;
  /** Ends the connection (the protocol found it dead, or the peer misbehaved). */
  close(reason: string): void;
}

interface BulkItem {
  msgId: number;
  frames: Uint8Array[];
  next: number;
  totalBytes: number;
  sentBytes: number;
}

/**
 * Outgoing frames for one peer in two lanes: small messages (heartbeats, states, presence,
 * single-frame edits) go first; large messages go frame by frame while the link's buffer is
 * below the high-water mark, so a multi-megabyte sync never starves the heartbeat.
 */
export class Outbox {
  private control: Uint8Array[] = [];
  private bulk: BulkItem[] = [];
  private pumping = false;

  constructor(
    private readonly link: PeerLink,
    private readonly maxFrameBytes: number,
    private readonly highWaterBytes: number,
  ) {
    if (link.highWaterBytes !== undefined) this.highWaterBytes = link.highWaterBytes;
  }

  /** Queues a whole message; returns the number of frames it took. */
  enqueue(msgId: number, payload: Uint8Array): number {
    const frames = toFrames(msgId, payload, this.maxFrameBytes);
    if (frames.length === 1) this.control.push(frames[0]!);
    else this.bulk.push({ msgId, frames, next: 0, totalBytes: payload.length, sentBytes: 0 });
    return frames.length;
  }

  /** Sends what the link can take now. Throws when the link is broken. */
  pump(): void {
    // A link may call back into pump() from send() (e.g. "buffer drained"): never re-enter.
    if (this.pumping) return;
    this.pumping = true;
    try {
      this.drain();
    } finally {
      this.pumping = false;
    }
  }

  private drain(): void {
    while (this.control.length > 0) this.link.send(this.control.shift()!);
    while (this.bulk.length > 0) {
      if ((this.link.bufferedAmount?.() ?? 0) >= this.highWaterBytes) return;
      const item = this.bulk[0]!;
      const frame = item.frames[item.next]!;
      this.link.send(frame);
      item.frames[item.next] = EMPTY; // let sent frames be collected
      item.next++;
      item.sentBytes = Math.min(item.totalBytes, item.sentBytes + frame.length);
      if (item.next >= item.frames.length) this.bulk.shift();
    }
  }

  /** True when the link could take another large message now (nothing large queued, buffer below the mark). */
  canTakeMore(): boolean {
    return this.bulk.length === 0 && (this.link.bufferedAmount?.() ?? 0) < this.highWaterBytes;
  }

  /** True when a large message is still being sent. */
  get busy(): boolean {
    return this.bulk.length > 0;
  }

  /** Large messages still being sent, for progress display. */
  transfers(): TransferStatus[] {
    return this.bulk.map((b) => ({ direction: 'out', doneBytes: b.sentBytes, totalBytes: b.totalBytes }));
  }
}

const EMPTY = new Uint8Array(0);
