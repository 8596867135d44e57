import * as decoding from 'lib0/decoding';
import { fromBase64 } from 'lib0/buffer';

/**
 * Keeps y-webrtc's signaling honest after a network loss, which on its own it handles badly:
 * - a WebSocket that hears nothing for a few seconds, or hangs while connecting (a cut cable),
 *   is dropped and dialled again at once instead of after TCP's or lib0's back-off;
 * - when a peer announces itself (it just came back) while we still hold a half-open or silent
 *   connection to it, that connection is dropped so y-webrtc builds a fresh one (y-webrtc
 *   otherwise ignores the announce and the two never reconnect);
 * - connections that never open are given up after a while.
 */

/** The parts of y-webrtc's SignalingConn (a lib0 WebsocketClient) we use. */
export interface SignalingConnLike {
  url: string;
  ws: WebSocket | null;
  connected: boolean;
  connecting: boolean;
  lastMessageReceived: number;
  unsuccessfulReconnects: number;
  /** False once y-webrtc let go of this connection (never dial it again then). */
  shouldConnect: boolean;
  send(message: unknown): void;
  connect(): void;
  on(event: 'message', listener: (message: unknown) => void): void;
  off(event: 'message', listener: (message: unknown) => void): void;
}

/** A y-webrtc connection as the watch sees it. */
export interface ConnLike {
  connected: boolean;
  createdAt: number;
  destroy(): void;
}

export interface SignalingWatchOptions {
  conns: () => SignalingConnLike[];
  roomName: () => string | null;
  roomKey: () => CryptoKey | null;
  /** y-webrtc connection to a peer, by its peer id. */
  peerConn: (peerId: string) => ConnLike | undefined;
  /** ms since we last heard from that peer on our sync channel (Infinity if never). */
  silentFor: (peerId: string) => number;
  silenceMs: number;
  connectTimeoutMs: number;
  /** A connection not open after this long is dropped. */
  peerOpenTimeoutMs: number;
}

/** Decrypts a y-webrtc signaling payload (AES-GCM, lib0 "any" encoding), as y-webrtc's crypto.js. */
async function decryptJson(data: string, key: CryptoKey): Promise<unknown> {
  const dec = decoding.createDecoder(fromBase64(data));
  if (decoding.readVarString(dec) !== 'AES-GCM') throw new Error('unknown algorithm');
  const iv = decoding.readVarUint8Array(dec);
  const cipher = decoding.readVarUint8Array(dec);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, cipher as BufferSource);
  return decoding.readAny(decoding.createDecoder(new Uint8Array(plain)));
}

export class SignalingWatch {
  private readonly dialStarted = new WeakMap<object, number>();
  private readonly lastPing = new WeakMap<object, number>();
  private readonly lastDial = new WeakMap<object, number>();
  private readonly listening = new Set<SignalingConnLike>();
  /** Redials done (diagnostics). */
  redials = 0;
  /** Half-open peer connections dropped (diagnostics). */
  staleDropped = 0;

  constructor(private readonly o: SignalingWatchOptions) {}

  /** Runs one check (call every ~100 ms). */
  check(now = Date.now()): void {
    for (const c of this.o.conns()) {
      if (!this.listening.has(c)) {
        this.listening.add(c);
        c.on('message', this.onMessage);
      }
      if (!c.shouldConnect) continue;
      const ws = c.ws;
      if (!ws) {
        // lib0 is waiting out its back-off: dial now (but not more than ~3 times a second).
        if (now - (this.lastDial.get(c) ?? 0) > 300) {
          this.lastDial.set(c, now);
          c.connect();
        }
        continue;
      }
      if (!this.dialStarted.has(ws)) this.dialStarted.set(ws, now);
      if (c.connected) {
        if (now - c.lastMessageReceived > this.o.silenceMs) this.redial(c);
        else if (now - (this.lastPing.get(c) ?? 0) >= 1000) {
          this.lastPing.set(c, now);
          c.send({ type: 'ping' });
        }
      } else if (now - this.dialStarted.get(ws)! > this.o.connectTimeoutMs) {
        this.redial(c);
      }
    }
  }

  /** Gives up a peer connection that never opened. */
  expire(conn: ConnLike, now = Date.now()): void {
    if (!conn.connected && now - conn.createdAt > this.o.peerOpenTimeoutMs) {
      this.staleDropped++;
      conn.destroy();
    }
  }

  /** Redials every signaling connection (the browser says the network is back). */
  redialAll(): void {
    for (const c of this.o.conns()) if (c.shouldConnect && !c.connected) this.redial(c);
  }

  dispose(): void {
    for (const c of this.listening) c.off('message', this.onMessage);
    this.listening.clear();
  }

  private readonly onMessage = (message: unknown): void => {
    const m = message as { type?: unknown; topic?: unknown; data?: unknown } | null;
    const key = this.o.roomKey();
    if (!m || m.type !== 'publish' || m.topic !== this.o.roomName() || typeof m.data !== 'string' || !key) return;
    decryptJson(m.data, key).then(
      (data) => {
        const d = data as { type?: unknown; from?: unknown } | null;
        if (!d || d.type !== 'announce' || typeof d.from !== 'string') return;
        const conn = this.o.peerConn(d.from);
        // They announce: they have no working connection to us. Drop ours if it is not one.
        if (conn && (!conn.connected || this.o.silentFor(d.from) > 1200)) {
          this.staleDropped++;
          conn.destroy();
        }
      },
      () => {
        /* not for our key: y-webrtc ignores it too */
      },
    );
  };

  /** Drops a signaling WebSocket and lets lib0 dial again right away. */
  private redial(c: SignalingConnLike): void {
    const ws = c.ws;
    if (!ws) return;
    this.redials++;
    const onclose = ws.onclose;
    ws.onclose = null;
    ws.onerror = null;
    ws.onmessage = null;
    ws.onopen = null;
    try {
      ws.close();
    } catch {
      /* already closing */
    }
    c.unsuccessfulReconnects = 0;
    // lib0 reconnects from its onclose handler; a hung socket may never fire it, so call it now.
    onclose?.call(ws, new CloseEvent('close'));
    this.lastDial.set(c, Date.now());
    if (c.ws === null && c.shouldConnect) c.connect();
  }
}
