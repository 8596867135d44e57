import { describe, expect, it } from 'vitest';
import { SignalingWatch, type ConnLike, type SignalingConnLike } from '../../../renderer/sync/signalingWatch';

/**
 * A lib0 WebsocketClient in miniature: `connect()` dials when allowed, the socket's close handler
 * redials after lib0's back-off unless `shouldConnect` was turned off, and a test decides when each
 * socket opens or fails (`net`).
 */
function simulation(opts: { hostUp: (now: number) => boolean; failAfterMs?: number; openAfterMs?: number }) {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const sockets: FakeSocket[] = [];
  interface FakeSocket {
    startedAt: number;
    closed: number;
    state: 'connecting' | 'open' | 'closed';
    onclose: ((e: Event) => void) | null;
    onerror: ((e: Event) => void) | null;
    onmessage: unknown;
    onopen: (() => void) | null;
    close(): void;
  }
  const sent: unknown[] = [];
  const conn = {
    url: 'ws://10.77.0.1:8080/signal',
    ws: null as WebSocket | null,
    connected: false,
    connecting: false,
    lastMessageReceived: 0,
    unsuccessfulReconnects: 0,
    shouldConnect: true,
    providers: new Set([1]),
    send: (m: unknown) => void sent.push(m),
    connect() {
      this.shouldConnect = true;
      if (!this.connected && this.ws === null) setup();
    },
    on: () => {},
    off: () => {},
  };
  const setup = () => {
    if (!conn.shouldConnect || conn.ws !== null) return;
    const ws: FakeSocket = {
      startedAt: now,
      closed: 0,
      state: 'connecting',
      onclose: null,
      onerror: null,
      onmessage: null,
      onopen: null,
      close() {
        this.closed++;
      },
    };
    const onclose = () => {
      if (conn.ws !== (ws as unknown as WebSocket)) return;
      conn.ws = null;
      conn.connecting = false;
      if (conn.connected) conn.connected = false;
      else conn.unsuccessfulReconnects++;
      // lib0: setTimeout(setupWS, min(log10(n + 1) × 1200, 2500))
      timers.push({ at: now + Math.min(Math.log10(conn.unsuccessfulReconnects + 1) * 1200, 2500), fn: setup });
    };
    ws.onclose = onclose;
    ws.onerror = onclose;
    ws.onopen = () => {
      conn.connecting = false;
      conn.connected = true;
      conn.lastMessageReceived = now;
      conn.unsuccessfulReconnects = 0;
    };
    sockets.push(ws);
    conn.ws = ws as unknown as WebSocket;
    conn.connecting = true;
    conn.connected = false;
  };
  const probes: number[] = [];
  const watch = new SignalingWatch({
    conns: () => [conn],
    peerConn: () => undefined,
    silenceMs: 3000,
    connectTimeoutMs: 10_000,
    peerOpenTimeoutMs: 6000,
    now: () => now,
    probe: () => {
      probes.push(now);
      const up = opts.hostUp(now);
      // Answered within 5 ms when up; an unreachable host fails after 3 s (ARP gives up).
      return new Promise((resolve) => timers.push({ at: now + (up ? 5 : 3000), fn: () => resolve(up) }));
    },
  });
  setup();
  /** Advances the clock in 10 ms steps, running timers, the network and the watch (every 100 ms). */
  const run = async (untilMs: number) => {
    while (now < untilMs) {
      now += 10;
      for (const t of timers.splice(0).sort((a, b) => a.at - b.at)) {
        if (t.at <= now) t.fn();
        else timers.push(t);
      }
      await Promise.resolve();
      await Promise.resolve();
      const up = opts.hostUp(now);
      for (const ws of sockets) {
        if (ws.state !== 'connecting' || ws.closed > 0) continue;
        if (up && now - Math.max(ws.startedAt, lastDown(ws.startedAt)) >= (opts.openAfterMs ?? 20)) {
          ws.state = 'open';
          ws.onopen?.();
        } else if (!up && now - ws.startedAt >= (opts.failAfterMs ?? 3000)) {
          ws.state = 'closed';
          ws.onerror?.(new Event('error'));
        }
      }
      if (up && conn.connected) conn.lastMessageReceived = now;
      if (now % 100 === 0) watch.check(now);
    }
  };
  // A socket that started while the host was down hangs until TCP retries its SYN (never, here).
  const lastDown = (since: number) => (opts.hostUp(since) ? since : Infinity);
  return { conn, watch, sockets, probes, sent, run, time: () => now };
}

function watch(conns: SignalingConnLike[], peers: Record<string, ConnLike> = {}) {
  return new SignalingWatch({ conns: () => conns, peerConn: (id) => peers[id], silenceMs: 3000, connectTimeoutMs: 10_000, peerOpenTimeoutMs: 6000 });
}

describe('SignalingWatch', () => {
  it('pings an open connection once a second', async () => {
    const sim = simulation({ hostUp: () => true });
    await sim.run(3000);
    expect(sim.conn.connected).toBe(true);
    expect(sim.sent.length).toBeGreaterThanOrEqual(2);
    expect(sim.sent.length).toBeLessThanOrEqual(3);
    expect(sim.sent.every((m) => JSON.stringify(m) === '{"type":"ping"}')).toBe(true);
  });

  it('never closes a connecting socket before 10 s while the host cannot be reached', async () => {
    // Chromium may hold a new WebSocket back 1–5 s before it dials: closing it at 1 s (as before)
    // turned every attempt into one more failure that lengthens the next hold.
    const sim = simulation({ hostUp: () => false, failAfterMs: 60_000 });
    await sim.run(9_900);
    expect(sim.sockets).toHaveLength(1);
    expect(sim.sockets[0]!.closed).toBe(0);
    await sim.run(10_300);
    expect(sim.sockets[0]!.closed).toBe(1);
  });

  it('dials few WebSockets during a 5-minute outage and probes instead', async () => {
    let upAgainAt = Infinity;
    const sim = simulation({ hostUp: (t) => t < 2000 || t >= upAgainAt });
    await sim.run(2000);
    expect(sim.conn.connected).toBe(true);
    upAgainAt = 2000 + 300_000;
    await sim.run(upAgainAt);
    const during = sim.sockets.length - 1;
    // Fallback dials back off to one per 15 s (one per 60 s once probes are known to work).
    expect(during).toBeGreaterThan(0);
    expect(during).toBeLessThanOrEqual(12);
    expect(sim.probes.length).toBeGreaterThan(250);
    // The link returns: connected again within a probe interval plus the dial.
    const back = sim.time();
    while (!sim.conn.connected && sim.time() < back + 10_000) await sim.run(sim.time() + 10);
    expect(sim.conn.connected).toBe(true);
    expect(sim.time() - back).toBeLessThanOrEqual(1200);
  });

  it('holds lib0 back after a failed dial instead of letting it redial every 2.5 s', async () => {
    const sim = simulation({ hostUp: () => false, failAfterMs: 3000 });
    await sim.run(30_000);
    // lib0 alone: one socket per ~3 s + 2.5 s ≈ 5–6; with the watch's back-off: 1 + 1 s, 2 s, 4 s, 8 s, 15 s.
    expect(sim.sockets.length).toBeLessThanOrEqual(5);
    expect(sim.conn.shouldConnect).toBe(false);
  });

  it('drops a socket hung on a dead SYN once a probe proves the host answers, and dials once', async () => {
    let upAt = Infinity;
    const sim = simulation({ hostUp: (t) => t < 1000 || t >= upAt, failAfterMs: 60_000 });
    await sim.run(1000);
    expect(sim.conn.connected).toBe(true);
    await sim.run(4200); // silence noticed at ~4 s; the socket is let go without a new dial yet
    expect(sim.conn.connected).toBe(false);
    await sim.run(6000); // fallback dial after 1 s: this socket's SYN goes into the dead link
    expect(sim.sockets.length).toBe(2);
    upAt = 6000;
    await sim.run(9000);
    expect(sim.conn.connected).toBe(true);
    expect(sim.sockets[1]!.closed).toBe(1);
    expect(sim.sockets).toHaveLength(3);
  });

  it('dials at once when the browser reports it is online again', async () => {
    let up = false;
    const sim = simulation({ hostUp: () => up, failAfterMs: 3000 });
    await sim.run(20_000);
    const before = sim.sockets.length;
    up = true;
    sim.watch.redialAll(sim.time());
    await sim.run(sim.time() + 100);
    expect(sim.sockets.length).toBe(before + 1);
    expect(sim.conn.connected).toBe(true);
  });

  it('never dials a connection y-webrtc let go of', async () => {
    const sim = simulation({ hostUp: () => false, failAfterMs: 500 });
    sim.conn.providers.clear();
    await sim.run(20_000);
    expect(sim.watch.dials).toBe(0);
    expect(sim.probes).toHaveLength(0);
  });

  it('on an announce, drops only our unanswered offer (not fresh or answered attempts)', () => {
    const destroyed: string[] = [];
    const mk = (name: string, c: Partial<ConnLike>): ConnLike => ({ connected: false, createdAt: 0, initiator: true, answered: false, destroy: () => void destroyed.push(name), ...c });
    const w = watch([], {
      stale: mk('stale', { createdAt: 0 }),
      fresh: mk('fresh', { createdAt: 900 }),
      answered: mk('answered', { answered: true }),
      responder: mk('responder', { initiator: false, answered: true }),
      open: mk('open', { connected: true }),
    });
    for (const id of ['stale', 'fresh', 'answered', 'responder', 'open', 'unknown']) w.onAnnounce(id, 1000);
    expect(destroyed).toEqual(['stale']);
    w.expire(mk('never-opened', { createdAt: 0, answered: true }), 7000);
    w.expire(mk('young', { createdAt: 2000 }), 7000);
    expect(destroyed).toEqual(['stale', 'never-opened']);
  });
});
