import { z } from 'zod';
import { decryptJson, encryptJson } from './signalingCrypto';
import type { SignalingConnLike } from './signalingWatch';
import { MAX_FRAME_BYTES } from '../../shared/sync/frames';

/**
 * The room's messages on the signaling channel, read and written with the room key:
 * - announces of peers (y-webrtc's own), so we notice a peer that came back;
 * - our sync frames, relayed by the signaling server while no WebRTC connection to a peer is
 *   open (it comes back seconds after the network, as the browser re-gathers candidates, and
 *   some networks never allow one). The server sees only ciphertext.
 * Frames are paced to stay within the signaling server's per-connection rate limit.
 */

const RelayMessageSchema = z.object({
  type: z.literal('crsync'),
  from: z.string().min(1).max(100),
  to: z.string().min(1).max(100),
  f: z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.length <= MAX_FRAME_BYTES),
});
const AnnounceSchema = z.object({ type: z.literal('announce'), from: z.string().min(1).max(100) });

export interface RelayOptions {
  conns: () => SignalingConnLike[];
  roomName: () => string | null;
  roomKey: () => CryptoKey | null;
  selfId: () => string | null;
  onAnnounce: (peerId: string) => void;
  onFrame: (peerId: string, frame: Uint8Array) => void;
  /** Messages per second we publish at most (the server allows 50). */
  ratePerSecond?: number;
}

export class SignalingRelay {
  private readonly listening = new Set<SignalingConnLike>();
  private readonly queue: Array<{ to: string; frame: Uint8Array }> = [];
  private queuedBytes = 0;
  private tokens: number;
  private refillAt = Date.now();
  private readonly rate: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Frames relayed each way (diagnostics). */
  readonly counts = { sent: 0, received: 0 };

  constructor(private readonly o: RelayOptions) {
    this.rate = o.ratePerSecond ?? 30;
    this.tokens = this.rate;
  }

  /** Whether some signaling connection is open (the relay can carry frames). */
  get up(): boolean {
    return this.o.conns().some((c) => c.connected);
  }

  /** Bytes waiting to be published. */
  get buffered(): number {
    return this.queuedBytes;
  }

  /** Starts listening on new signaling connections (call often). */
  attach(): void {
    for (const c of this.o.conns()) {
      if (this.listening.has(c)) continue;
      this.listening.add(c);
      c.on('message', this.onMessage);
    }
  }

  send(to: string, frame: Uint8Array): void {
    this.queue.push({ to, frame: frame.slice() });
    this.queuedBytes += frame.length;
    if (!this.timer) this.drain();
  }

  /** Drops frames queued for `to` (its relay link was replaced or closed). */
  forget(to: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i]!.to === to) {
        this.queuedBytes -= this.queue[i]!.frame.length;
        this.queue.splice(i, 1);
      }
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const c of this.listening) c.off('message', this.onMessage);
    this.listening.clear();
    this.queue.length = 0;
    this.queuedBytes = 0;
  }

  private drain(): void {
    this.timer = null;
    const now = Date.now();
    this.tokens = Math.min(this.rate, this.tokens + ((now - this.refillAt) / 1000) * this.rate);
    this.refillAt = now;
    const key = this.o.roomKey();
    const topic = this.o.roomName();
    const from = this.o.selfId();
    const open = this.o.conns().filter((c) => c.connected);
    if (!key || !topic || !from || open.length === 0) {
      // Nothing can go out now; try again shortly (frames wait, bounded by the session's outbox).
      if (this.queue.length > 0) this.timer = setTimeout(() => this.drain(), 100);
      return;
    }
    while (this.queue.length > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      const { to, frame } = this.queue.shift()!;
      this.queuedBytes -= frame.length;
      this.counts.sent++;
      void encryptJson({ type: 'crsync', from, to, f: frame }, key).then((data) => {
        for (const c of open) if (c.connected) c.send({ type: 'publish', topic, data });
      });
    }
    // Rate-limited: come back when a token is due.
    if (this.queue.length > 0) this.timer = setTimeout(() => this.drain(), Math.ceil(1000 / this.rate));
  }

  private readonly onMessage = (message: unknown): void => {
    const m = message as { type?: unknown; topic?: unknown; data?: unknown } | null;
    const key = this.o.roomKey();
    if (!m || m.type !== 'publish' || m.topic !== this.o.roomName() || typeof m.data !== 'string' || !key) return;
    decryptJson(m.data, key).then(
      (data) => {
        const self = this.o.selfId();
        const relay = RelayMessageSchema.safeParse(data);
        if (relay.success) {
          if (relay.data.to === self && relay.data.from !== self) {
            this.counts.received++;
            this.o.onFrame(relay.data.from, relay.data.f);
          }
          return;
        }
        const announce = AnnounceSchema.safeParse(data);
        if (announce.success && announce.data.from !== self) this.o.onAnnounce(announce.data.from);
      },
      () => {
        /* not made with our key: nothing to read (y-webrtc ignores it too) */
      },
    );
  };
}
