import { describe, expect, it } from 'vitest';
import { SignalingWatch, type ConnLike, type SignalingConnLike } from '../../../renderer/sync/signalingWatch';

function fakeSocket() {
  const ws = { closed: 0, onclose: null as null | ((e: Event) => void), onerror: null, onmessage: null, onopen: null, close() { this.closed++; } };
  return ws;
}

function fakeConn(over: Partial<SignalingConnLike> = {}) {
  const sent: unknown[] = [];
  let dials = 0;
  const conn = {
    url: 'ws://10.0.0.1:4444/signal',
    ws: fakeSocket() as unknown as WebSocket | null,
    connected: true,
    connecting: false,
    lastMessageReceived: 0,
    unsuccessfulReconnects: 7,
    shouldConnect: true,
    send: (m: unknown) => void sent.push(m),
    connect() {
      dials++;
      this.ws = fakeSocket() as unknown as WebSocket;
    },
    on: () => {},
    off: () => {},
    ...over,
  };
  return { conn, sent, dials: () => dials };
}

function watch(conns: SignalingConnLike[], peers: Record<string, ConnLike> = {}) {
  return new SignalingWatch({ conns: () => conns, peerConn: (id) => peers[id], silenceMs: 3000, connectTimeoutMs: 1000, peerOpenTimeoutMs: 6000 });
}

describe('SignalingWatch', () => {
  it('pings a healthy connection once a second and redials one that went silent', () => {
    const { conn, sent, dials } = fakeConn({ lastMessageReceived: 10_000 });
    const w = watch([conn]);
    w.check(10_500);
    w.check(10_900);
    expect(sent).toEqual([{ type: 'ping' }]);
    w.check(11_600);
    expect(sent).toHaveLength(2);
    const old = conn.ws as unknown as ReturnType<typeof fakeSocket>;
    let libClosed = 0;
    old.onclose = () => {
      libClosed++;
      conn.ws = null;
      conn.connected = false;
    };
    w.check(13_100); // 3.1 s without a message
    expect(old.closed).toBe(1);
    expect(libClosed).toBe(1);
    expect(conn.unsuccessfulReconnects).toBe(0);
    expect(dials()).toBe(1);
    expect(w.redials).toBe(1);
  });

  it('redials a connection stuck connecting, and dials at once (but not in a loop) while lib0 backs off', () => {
    const { conn, dials } = fakeConn({ connected: false, connecting: true });
    (conn.ws as unknown as ReturnType<typeof fakeSocket>).onclose = () => {
      conn.ws = null;
    };
    const w = watch([conn]);
    w.check(1000);
    w.check(1900);
    expect(w.redials).toBe(0);
    w.check(2100);
    expect(w.redials).toBe(1);
    expect(dials()).toBe(1);
    conn.ws = null; // that attempt failed too; lib0 waits
    w.check(2200);
    expect(dials()).toBe(1);
    w.check(2500);
    expect(dials()).toBe(2);
  });

  it('never dials a connection y-webrtc let go of', () => {
    const { conn, dials } = fakeConn({ ws: null, connected: false, shouldConnect: false });
    watch([conn]).check(5000);
    expect(dials()).toBe(0);
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
