import { z } from 'zod';
import { decryptJson, encryptJson } from './signalingCrypto';
import type { SignalingConnLike } from './signalingWatch';
import { MAX_FRAME_BYTES } from '../../shared/sync/frames';
import { signalingJunk } from './signalingGuard';

/**
 * The room's messages on the signaling channel, read and written with the room key:
 * - announces of peers (y-webrtc's own, on the room's topic), so we notice a peer that came back;
 * - our sync frames, relayed by the signaling server while no WebRTC connection to a peer is
 *   open (it comes back seconds after the network, as the browser re-gathers candidates, and
 *   some networks never allow one). They travel on a topic of their own (`<room>/relay`, joined
 *   once the host accepted our proof of the room key), so y-webrtc never spends time on them,
 *   addressed to a keyed tag of the recipient's session id (others skip them unread; a listener
 *   on the ws:// link cannot tell the session ids) and encrypted with the room key (the server
 *   sees only ciphertext);
 * - host checks: a laptop asking "is a member of this room reachable through this host?" gets an
 *   answer bound to its fresh nonce (hostCheck.ts), so a host is named only once a member spoke.
 * Messages not made with our key are counted and dropped. Frames are paced to stay within the
 * signaling server's per-connection rate limit.
 */

const RelayEnvelopeSchema = z.object({ to: z.string().min(1).max(100), c: z.string().max(64 * 1024) });
const RelayMessageSchema = z.object({
  type: z.literal('crsync'),
  from: z.string().min(1).max(100),
  to: z.string().min(1).max(100),
  f: z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.length <= MAX_FRAME_BYTES),
});

/** Topic on which a room's relayed frames travel. */
export const relayTopic = (roomName: string) => `${roomName}/relay`;
const AnnounceSchema = z.object({ type: z.literal('announce'), from: z.string().min(1).max(100) });
/** A host check (hostCheck.ts): a member answers it on the connection it came by. */
export const HostCheckSchema = z.object({ type: z.literal('hostcheck'), nonce: z.string().min(16).max(64), from: z.string().min(1).max(100) });
export const HostCheckReplySchema = z.object({ type: z.literal('hostcheck-ok'), nonce: z.string().min(16).max(64), to: z.string().min(1).max(100), from: z.string().min(1).max(100) });

export interface RelayOptions {
  conns: () => SignalingConnLike[];
  roomName: () => string | null;
  roomKey: () => CryptoKey | null;
  selfId: () => string | null;
  /** Keyed tag of a session id for relay envelopes (shared/sync/roomAuth.ts peerTagger). */
  tag: (peerId: string) => string;
  /** The host accepted our proof of the room key on this connection (we may subscribe). */
  ready: (conn: SignalingConnLike) => boolean;
  onAnnounce: (peerId: string) => void;
  onFrame: (peerId: string, frame: Uint8Array) => void;
  /** The queue went down: the session may hand over more frames. */
  onDrain: () => void;
  /** Messages per second we publish at most, on average… */
  ratePerSecond?: number;
  /** …and in one burst (our signaling server allows 200/s, bursts of 400). */
  burst?: number;
}

export class SignalingRelay {
  private readonly listening = new Set<SignalingConnLike>();
  private readonly subscribed = new WeakSet<WebSocket>();
  private readonly queue: Array<{ to: string; frame: Uint8Array }> = [];
  private queuedBytes = 0;
  private tokens: number;
  private refillAt = Date.now();
  private readonly rate: number;
  private readonly burst: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Frames relayed each way (diagnostics). */
  readonly counts = { sent: 0, received: 0 };

  constructor(private readonly o: RelayOptions) {
    this.rate = o.ratePerSecond ?? 100;
    this.burst = o.burst ?? 200;
    this.tokens = this.burst;
  }

  /** Whether some signaling connection is open (the relay can carry frames). */
  get up(): boolean {
    return this.o.conns().some((c) => c.connected);
  }

  /** Bytes waiting to be published. */
  get buffered(): number {
    return this.queuedBytes;
  }

  /** Listens on new signaling connections and joins the relay topic on (re)connected ones (call often). */
  attach(): void {
    const room = this.o.roomName();
    for (const c of this.o.conns()) {
      if (!this.listening.has(c)) {
        this.listening.add(c);
        c.on('message', this.onMessage);
        // Join the relay topic in the same tick y-webrtc joins the room (before its announce goes
        // out), so nobody relays to us before the server knows we listen.
        c.on('connect', () => this.attach());
      }
      if (room && c.connected && c.ws && !this.subscribed.has(c.ws) && this.o.ready(c)) {
        this.subscribed.add(c.ws);
        c.send({ type: 'subscribe', topics: [relayTopic(room)] });
      }
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
    // (the 'connect' listeners stay until y-webrtc drops the connection; they only re-subscribe)
    this.listening.clear();
    this.queue.length = 0;
    this.queuedBytes = 0;
  }

  private drain(): void {
    this.timer = null;
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refillAt) / 1000) * this.rate);
    this.refillAt = now;
    const key = this.o.roomKey();
    const topic = this.o.roomName();
    const from = this.o.selfId();
    this.attach();
    const open = this.o.conns().filter((c) => c.connected && c.ws && this.subscribed.has(c.ws));
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
      void encryptJson({ type: 'crsync', from, to, f: frame }, key).then((c) => {
        const tag = this.o.tag(to);
        for (const conn of open) if (conn.connected) conn.send({ type: 'publish', topic: relayTopic(topic), data: { to: tag, c } });
      });
    }
    // Rate-limited: come back when a token is due.
    if (this.queue.length > 0) this.timer = setTimeout(() => this.drain(), Math.ceil(1000 / this.rate));
    else queueMicrotask(() => this.o.onDrain());
  }

  private selfTag: [string, string] | null = null;
  private hostChecksAnswered: number[] = [];

  private tagOfSelf(self: string | null): string | null {
    if (!self) return null;
    if (this.selfTag?.[0] !== self) this.selfTag = [self, this.o.tag(self)];
    return this.selfTag[1];
  }

  /** Answers a host check on the connection it came by (at most 5 a second). */
  private answerHostCheck(check: z.infer<typeof HostCheckSchema>, conn: SignalingConnLike | undefined, key: CryptoKey, room: string, self: string): void {
    const now = Date.now();
    this.hostChecksAnswered = this.hostChecksAnswered.filter((t) => now - t < 1000);
    if (!conn || this.hostChecksAnswered.length >= 5) return;
    this.hostChecksAnswered.push(now);
    void encryptJson({ type: 'hostcheck-ok', nonce: check.nonce, to: check.from, from: self }, key).then((data) => {
      if (conn.connected) conn.send({ type: 'publish', topic: room, data });
    });
  }

  private readonly onMessage = (message: unknown, conn?: unknown): void => {
    const m = message as { type?: unknown; topic?: unknown; data?: unknown } | null;
    const key = this.o.roomKey();
    const room = this.o.roomName();
    if (!m || m.type !== 'publish' || !key || !room) return;
    const self = this.o.selfId();
    if (m.topic === relayTopic(room)) {
      const env = RelayEnvelopeSchema.safeParse(m.data);
      if (!env.success || env.data.to !== this.tagOfSelf(self)) return;
      decryptJson(env.data.c, key).then(
        (data) => {
          const relay = RelayMessageSchema.safeParse(data);
          if (!relay.success || relay.data.to !== self || relay.data.from === self) return;
          this.counts.received++;
          this.o.onFrame(relay.data.from, relay.data.f);
        },
        () => {
          signalingJunk.undecryptable++;
        },
      );
    } else if (m.topic === room && typeof m.data === 'string') {
      decryptJson(m.data, key).then(
        (data) => {
          const announce = AnnounceSchema.safeParse(data);
          if (announce.success && announce.data.from !== self) this.o.onAnnounce(announce.data.from);
          const check = HostCheckSchema.safeParse(data);
          if (check.success && self && check.data.from !== self) this.answerHostCheck(check.data, this.listening.has(conn as SignalingConnLike) ? (conn as SignalingConnLike) : undefined, key, room, self);
        },
        () => {
          /* not made with our key: the guard (signalingGuard.ts) counts it */
        },
      );
    }
  };
}
