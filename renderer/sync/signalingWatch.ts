/**
 * Keeps y-webrtc's signaling honest after a network loss, which on its own it handles badly:
 * - a WebSocket that hears nothing for a few seconds, or hangs while connecting (a cut cable),
 *   is dropped and dialled again at once instead of after TCP's or lib0's back-off;
 * - when a peer announces itself (it just came back) while we still hold a connection to it
 *   that never got an answer (our offer went to its dead socket), that connection is dropped so
 *   y-webrtc builds a fresh one (y-webrtc otherwise ignores the announce and the two never meet);
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
  on(event: 'message' | 'connect', listener: (message: unknown) => void): void;
  off(event: 'message' | 'connect', listener: (message: unknown) => void): void;
}

/** A y-webrtc connection as the watch sees it. */
export interface ConnLike {
  connected: boolean;
  createdAt: number;
  /** We made the offer… */
  initiator: boolean;
  /** …and heard back from the peer (answer or candidates). */
  answered: boolean;
  destroy(): void;
}

export interface SignalingWatchOptions {
  conns: () => SignalingConnLike[];
  /** y-webrtc connection to a peer, by its peer id. */
  peerConn: (peerId: string) => ConnLike | undefined;
  silenceMs: number;
  connectTimeoutMs: number;
  /** A connection not open after this long is dropped. */
  peerOpenTimeoutMs: number;
}

export class SignalingWatch {
  private readonly dialStarted = new WeakMap<object, number>();
  private readonly lastPing = new WeakMap<object, number>();
  private readonly lastDial = new WeakMap<object, number>();
  /** Redials done (diagnostics). */
  redials = 0;
  /** Half-open peer connections dropped (diagnostics). */
  staleDropped = 0;

  constructor(private readonly o: SignalingWatchOptions) {}

  /** Runs one check (call every ~100 ms). */
  check(now = Date.now()): void {
    for (const c of this.o.conns()) {
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
        if (now - c.lastMessageReceived > this.o.silenceMs) this.redial(c, now);
        else if (now - (this.lastPing.get(c) ?? 0) >= 1000) {
          this.lastPing.set(c, now);
          c.send({ type: 'ping' });
        }
      } else if (now - this.dialStarted.get(ws)! > this.o.connectTimeoutMs) {
        this.redial(c, now);
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

  /** A peer announced itself: it holds no working connection to us. */
  onAnnounce(peerId: string, now = Date.now()): void {
    const conn = this.o.peerConn(peerId);
    if (!conn || conn.connected) return;
    // Our offer never got an answer (it went to its old socket): start over. A fresh offer may
    // still be on its way, and an answered attempt is left to finish (ICE can take seconds).
    if (conn.initiator && !conn.answered && now - conn.createdAt > 500) {
      this.staleDropped++;
      conn.destroy();
    }
  }

  /** Drops a signaling WebSocket and lets lib0 dial again right away. */
  private redial(c: SignalingConnLike, now = Date.now()): void {
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
    onclose?.call(ws, new Event('close') as CloseEvent);
    this.lastDial.set(c, now);
    if (c.ws === null && c.shouldConnect) c.connect();
  }
}
