/**
 * Keeps y-webrtc's signaling connections honest after a network loss, working with the browser's
 * WebSocket throttling instead of against it.
 *
 * Chromium delays every new WebSocket of a renderer by `rand(1–5 s) × 2^min(pending + failed /
 * (succeeded + 1), 16) / 65536` (services/network/websocket_throttler.cc): a page whose attempts
 * mostly fail waits 1–5 s before each new socket even dials, and a socket closed before it opened
 * counts as one more failure. Redialling while the host is unreachable therefore makes the
 * reconnection that matters slow. So:
 * - while a server is unreachable, lib0's own redial loop is held back and the server is probed
 *   with a cheap HTTP request (not throttled, not counted) once a second;
 * - a WebSocket is dialled when a probe got an answer, when the browser reports it is online again,
 *   or, as a fallback for a server that answers no HTTP, after a back-off (1 s doubling to 15 s;
 *   60 s once probes are known to work for that server);
 * - a connecting socket is given `connectTimeoutMs` (longer than the throttle's 5 s), unless a probe
 *   proves the server answers while the socket still hangs (a SYN sent into a dead link);
 * - an open connection that hears nothing for `silenceMs` (pings go out every second) is dropped.
 * It also repairs two y-webrtc peer-connection problems: an announce from a peer we hold an
 * unanswered offer to (the offer went to its dead socket) drops that offer, and peer connections
 * that never open are given up.
 */

/** The parts of y-webrtc's SignalingConn (a lib0 WebsocketClient) we use. */
export interface SignalingConnLike {
  url: string;
  ws: WebSocket | null;
  connected: boolean;
  connecting: boolean;
  lastMessageReceived: number;
  unsuccessfulReconnects: number;
  /** lib0 dials (and redials from its close handler) only while this is true. */
  shouldConnect: boolean;
  /** y-webrtc providers using this connection; empty once y-webrtc let go of it. */
  providers?: { size: number };
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
  /** An open signaling connection silent this long is dropped. */
  silenceMs: number;
  /** A connecting WebSocket is closed after this long (never sooner, unless a probe proves it hangs). */
  connectTimeoutMs: number;
  /** A peer connection not open after this long is dropped. */
  peerOpenTimeoutMs: number;
  /** Whether the signaling server at this ws:// URL answers at all (resolves false on any error). */
  probe?: (url: string) => Promise<boolean>;
  /** Probe interval while a server is unreachable (default 1000 ms). */
  probeIntervalMs?: number;
  /** Clock (injectable for tests). */
  now?: () => number;
}

/** Back-off of fallback dials while probes get no answer. */
const MIN_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 15_000;
/** Fallback dial interval once probes are known to reach this server. */
const PROBED_BACKOFF_MS = 60_000;
/** A socket still connecting this long after a probe got an answer hangs on a dead SYN. */
const HUNG_AFTER_PROBE_MS = 1500;
const MAX_PROBES_IN_FLIGHT = 3;

interface ConnState {
  /** We set `shouldConnect` false to hold lib0's redial back. */
  held: boolean;
  /** Dial at or after this moment even without a probe answer. */
  nextDialAt: number;
  /** Failed dials in a row. */
  failures: number;
  lastFailureAt: number;
  lastProbeAt: number;
  lastProbeOkAt: number;
  probesInFlight: number;
  /** Some probe of this server was answered (probes work for it). */
  probeWorks: boolean;
  /** The socket we last saw and when it started dialling. */
  ws: WebSocket | null;
  wsStartedAt: number;
  lastPingAt: number;
}

export class SignalingWatch {
  private readonly state = new Map<SignalingConnLike, ConnState>();
  private readonly probeIntervalMs: number;
  /** WebSockets dialled by the watch (diagnostics). */
  dials = 0;
  /** Sockets the watch closed: silent, hung or timed out (diagnostics). */
  redials = 0;
  /** Probes sent / answered (diagnostics). */
  probes = 0;
  probesAnswered = 0;
  /** Half-open peer connections dropped (diagnostics). */
  staleDropped = 0;
  /** The last 200 reconnection events, [time, what] (diagnostics: why a reconnection took long). */
  readonly events: Array<[number, string]> = [];

  /** Notes a reconnection event. */
  note(what: string, now = this.now()): void {
    this.events.push([now, what]);
    if (this.events.length > 200) this.events.shift();
  }

  private readonly now: () => number;

  constructor(private readonly o: SignalingWatchOptions) {
    this.probeIntervalMs = o.probeIntervalMs ?? 1000;
    this.now = o.now ?? (() => Date.now());
  }

  /** Every WebSocket created for signaling so far, by lib0 or by us (diagnostics). */
  get attempts(): number {
    return this.seenSockets;
  }
  private seenSockets = 0;

  /** Runs one check (call every ~100 ms). */
  check(now = this.now()): void {
    const live = new Set<SignalingConnLike>();
    for (const c of this.o.conns()) {
      const s = this.stateOf(c, now);
      if (this.gone(c, s)) continue;
      live.add(c);
      const ws = c.ws;
      if (ws && ws !== s.ws) this.adopt(c, s, ws, now);
      if (ws && c.connected) {
        if (now - c.lastMessageReceived > this.o.silenceMs) {
          // The link went quiet (a cut cable never closes a socket): let it go and find out by
          // probing when the server is back, instead of dialling into the dead link.
          this.note('silent');
          this.drop(c, s, now, false);
          s.nextDialAt = now + MIN_BACKOFF_MS;
          this.probeNow(c, s, now);
        } else if (now - s.lastPingAt >= 1000) {
          s.lastPingAt = now;
          c.send({ type: 'ping' });
        }
        // Learn once whether this server answers probes (then fallback dials can be rare).
        if (!s.probeWorks && s.lastProbeAt === 0) this.probeNow(c, s, now);
        continue;
      }
      if (ws) {
        const age = now - s.wsStartedAt;
        const hung = s.lastProbeOkAt > s.wsStartedAt && now - s.wsStartedAt > HUNG_AFTER_PROBE_MS && now - s.lastProbeOkAt < 3000;
        if (age > this.o.connectTimeoutMs || hung) {
          this.note(hung ? 'hung' : 'connect-timeout');
          this.drop(c, s, now, true);
          if (hung) this.dial(c, s, now);
        }
      } else {
        this.hold(c, s);
        const probeAnswered = s.lastProbeOkAt > s.lastFailureAt && s.lastProbeOkAt >= now - 3000;
        if (probeAnswered || now >= s.nextDialAt) this.dial(c, s, now);
      }
      if (!c.connected && now - s.lastProbeAt >= this.probeIntervalMs) this.probeNow(c, s, now);
    }
    for (const c of this.state.keys()) if (!live.has(c) && !this.o.conns().includes(c)) this.state.delete(c);
  }

  /** The browser says the network is back: probe every server now and dial those not dialling. */
  redialAll(now = this.now()): void {
    for (const c of this.o.conns()) {
      const s = this.stateOf(c, now);
      if (this.gone(c, s) || c.connected) continue;
      this.note('online');
      this.probeNow(c, s, now);
      if (!c.ws) this.dial(c, s, now);
      else if (now - s.wsStartedAt > HUNG_AFTER_PROBE_MS) {
        // Started while the link was down: its SYN went nowhere and TCP retries it only in seconds.
        this.drop(c, s, now, true);
        this.dial(c, s, now);
      }
    }
  }

  /** Gives up a peer connection that never opened. */
  expire(conn: ConnLike, now = this.now()): void {
    if (!conn.connected && now - conn.createdAt > this.o.peerOpenTimeoutMs) {
      this.staleDropped++;
      conn.destroy();
    }
  }

  /** A peer announced itself: it holds no working connection to us. */
  onAnnounce(peerId: string, now = this.now()): void {
    const conn = this.o.peerConn(peerId);
    if (!conn || conn.connected) return;
    // Our offer never got an answer (it went to its old socket): start over. A fresh offer may
    // still be on its way, and an answered attempt is left to finish (ICE can take seconds).
    if (conn.initiator && !conn.answered && now - conn.createdAt > 500) {
      this.staleDropped++;
      conn.destroy();
    }
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────

  private stateOf(c: SignalingConnLike, now: number): ConnState {
    let s = this.state.get(c);
    if (!s) {
      s = { held: false, nextDialAt: now, failures: 0, lastFailureAt: 0, lastProbeAt: 0, lastProbeOkAt: 0, probesInFlight: 0, probeWorks: false, ws: null, wsStartedAt: now, lastPingAt: 0 };
      this.state.set(c, s);
    }
    return s;
  }

  /** y-webrtc let go of this connection (never dial it again then). */
  private gone(c: SignalingConnLike, s: ConnState): boolean {
    if (c.providers && c.providers.size === 0) return true;
    return !c.shouldConnect && !s.held;
  }

  /** A socket we have not seen yet (dialled by lib0 or by us): learn when it closes. */
  private adopt(c: SignalingConnLike, s: ConnState, ws: WebSocket, now: number): void {
    s.ws = ws;
    s.wsStartedAt = now;
    this.seenSockets++;
    this.note('socket');
    const theirOpen = ws.onopen as ((this: WebSocket, ev: Event) => unknown) | null;
    ws.onopen = function (this: WebSocket, ev: Event) {
      note('open');
      return theirOpen?.call(this, ev);
    } as never;
    const note = (what: string) => this.note(what);
    const onClose = () => {
      if (s.ws !== ws) return;
      s.ws = null;
      // Hold lib0 back before its close handler schedules a redial.
      this.hold(c, s);
      const t = this.now();
      this.note(c.connected ? 'closed' : 'failed', t);
      if (c.connected) {
        // The server closed an open connection (restart): one immediate attempt is worth it.
        s.failures = 0;
        s.nextDialAt = t;
      } else this.failed(s, t);
    };
    for (const key of ['onclose', 'onerror'] as const) {
      const theirs = ws[key] as ((this: WebSocket, ev: Event) => unknown) | null;
      ws[key] = function (this: WebSocket, ev: Event) {
        onClose();
        return theirs?.call(this, ev);
      } as never;
    }
  }

  private failed(s: ConnState, now: number): void {
    s.failures++;
    s.lastFailureAt = now;
    const backoff = s.probeWorks ? PROBED_BACKOFF_MS : Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** Math.min(10, s.failures - 1));
    s.nextDialAt = now + backoff;
  }

  private hold(c: SignalingConnLike, s: ConnState): void {
    if (c.shouldConnect) {
      c.shouldConnect = false;
      s.held = true;
    }
  }

  private dial(c: SignalingConnLike, s: ConnState, now: number): void {
    s.held = false;
    s.nextDialAt = now + this.o.connectTimeoutMs;
    c.unsuccessfulReconnects = 0;
    this.dials++;
    c.connect();
    if (c.ws && c.ws !== s.ws) this.adopt(c, s, c.ws, now);
  }

  /** Closes the current socket without letting lib0 redial (the watch decides when). */
  private drop(c: SignalingConnLike, s: ConnState, now: number, failure: boolean): void {
    const ws = c.ws;
    if (!ws) return;
    this.redials++;
    this.hold(c, s);
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
    s.ws = null;
    // lib0 cleans up in its close handler; a hung socket may never fire it, so call it now.
    onclose?.call(ws, new Event('close') as CloseEvent);
    if (failure) this.failed(s, now);
    else s.failures = 0;
  }

  private probeNow(c: SignalingConnLike, s: ConnState, now: number): void {
    const probe = this.o.probe;
    if (!probe || s.probesInFlight >= MAX_PROBES_IN_FLIGHT) return;
    s.lastProbeAt = now;
    s.probesInFlight++;
    this.probes++;
    void probe(c.url)
      .catch(() => false)
      .then((ok) => {
        s.probesInFlight--;
        if (!ok) return;
        if (!c.connected) this.note('probe-answered');
        this.probesAnswered++;
        s.probeWorks = true;
        s.lastProbeOkAt = this.now();
        // Act at once rather than on the next tick: every 100 ms counts when the link returns.
        if (!c.connected) this.check();
      });
  }
}

/**
 * Asks a signaling server's HTTP side whether it is there: any HTTP answer counts (an opaque
 * `no-cors` response is enough), any network error or a timeout does not. Unlike WebSocket
 * attempts, failed fetches are not held against the page by the browser.
 */
export async function probeSignaling(wsUrl: string, timeoutMs = 2500): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(wsUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return false;
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  url.search = '?probe';
  try {
    // (no-cors requires redirect: 'follow'; any answer, a redirect included, proves the host is there.)
    await fetch(url, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer', signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}
