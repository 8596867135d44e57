import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { WebSocket } from 'ws';
import { startSignalingServer, type StandaloneSignaling } from '../../../electron/host/signaling';
import { authFor, roomCredential } from '../../../shared/sync/roomAuth';
import { generateRoomKey } from '../../../shared/sync/room';
import { connect, isType, type TestClient } from '../sync/signalingClient';

/**
 * The signaling host against a stranger on the LAN: proof of a room key before any subscription
 * (wrong key, replayed signature, topic not matching the key, no proof in time), per-address
 * caps with a fair share at the global cap, slow receivers dropped, limits before the proof, and
 * the HTTP side (slowloris, sockets per address).
 */

let servers: StandaloneSignaling[] = [];
let clients: WebSocket[] = [];
const sockets: net.Socket[] = [];
afterEach(async () => {
  clients.forEach((c) => c.terminate());
  clients = [];
  sockets.forEach((s) => s.destroy());
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function server(opts: Parameters<typeof startSignalingServer>[0] extends infer O ? Partial<O> : never = {}) {
  const s = await startSignalingServer({ host: '127.0.0.1', port: 0, ...opts });
  servers.push(s);
  return s;
}
const client = (url: string, localAddress?: string) => connect(url, { localAddress }, clients);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const member = roomCredential(generateRoomKey());

async function joined(c: TestClient, topic: string): Promise<void> {
  c.send({ type: 'subscribe', topics: [topic] });
  await c.roundTrip();
}

describe('signaling host: proof of a room key', () => {
  it('sends a challenge first and lets a connection subscribe only to the topic (and sub-topics) it proved', async () => {
    const s = await server();
    const a = await client(s.url);
    const challenge = (await a.next()) as { type: string; nonce: string };
    expect(challenge.type).toBe('challenge');
    // Before the proof a subscription is ignored (y-webrtc subscribes at once; it is counted, not relayed).
    await joined(a, member.topic);
    expect(s.hub.stats().topics).toBe(0);
    expect(s.hub.stats().unauthorizedSubscribes).toBe(1);
    await a.auth(member);
    await joined(a, member.topic);
    await joined(a, `${member.topic}/relay`);
    await joined(a, 'crisis-room/some-workspace-id');
    expect(s.hub.stats()).toMatchObject({ topics: 2, unauthorizedSubscribes: 2, authOk: 1, pending: 0 });
  });

  it('a stranger with another key gets its own topic only, never the members\u2019 room', async () => {
    const s = await server();
    const m1 = await client(s.url);
    const m2 = await client(s.url);
    await m1.auth(member);
    await m2.auth(member);
    await joined(m1, member.topic);
    await joined(m2, member.topic);
    const stranger = await client(s.url);
    const own = roomCredential(generateRoomKey());
    await stranger.auth(own);
    await joined(stranger, member.topic);
    stranger.send({ type: 'publish', topic: member.topic, data: 'junk' });
    m1.send({ type: 'publish', topic: member.topic, data: 'hello' });
    await m2.next((m) => (m as { data?: string }).data === 'hello');
    await joined(stranger, own.topic);
    expect(stranger.got.some(isType('publish'))).toBe(false);
    expect(m2.got.some((m) => (m as { data?: string }).data === 'junk')).toBe(false);
  });

  it('closes a connection that replays a signature made for another connection', async () => {
    const s = await server();
    const a = await client(s.url);
    const captured = authFor(member, await a.nonce());
    a.send(captured);
    await a.next(isType('auth-ok'));
    const thief = await client(s.url);
    thief.send(captured);
    expect(await thief.closed).toBe(4401);
    expect(s.hub.stats().authFailures).toBe(1);
  });

  it('closes a connection whose topic does not match its public key, or whose signature is wrong', async () => {
    const s = await server();
    const other = roomCredential(generateRoomKey());
    const a = await client(s.url);
    a.send({ ...authFor(other, await a.nonce()), topic: member.topic });
    expect(await a.closed).toBe(4401);
    const b = await client(s.url);
    const good = authFor(member, await b.nonce());
    b.send({ ...good, sig: authFor(member, 'A'.repeat(43)).sig });
    expect(await b.closed).toBe(4401);
    expect(s.hub.stats().authFailures).toBe(2);
  });

  it('closes a connection that proves nothing within the deadline', async () => {
    const s = await server({ authTimeoutMs: 300 });
    const idle = await client(s.url);
    const pinging = await client(s.url);
    const timer = setInterval(() => pinging.send({ type: 'ping' }), 50);
    try {
      expect(await idle.closed).toBe(4408);
      expect(await pinging.closed).toBe(4408);
    } finally {
      clearInterval(timer);
    }
    const ok = await client(s.url);
    await ok.auth(member);
    await sleep(400);
    expect(ok.ws.readyState).toBe(WebSocket.OPEN);
    expect(s.hub.stats().authTimeouts).toBe(2);
  });

  it('closes a connection that sends too much or too big before its proof', async () => {
    const s = await server({ maxPreAuthMessages: 5, maxPreAuthMessageBytes: 1024 });
    const chatty = await client(s.url);
    for (let i = 0; i < 10; i++) chatty.send({ type: 'ping' });
    expect(await chatty.closed).toBe(4429);
    const big = await client(s.url);
    big.send({ type: 'publish', topic: 'x', data: 'y'.repeat(4000) });
    expect(await big.closed).toBe(1009);
  });
});

describe('signaling host: per-address caps', () => {
  it('caps connections and not-yet-authenticated connections per address', async () => {
    const s = await server({ maxConnectionsPerAddress: 4, maxPendingPerAddress: 2 });
    const a = await client(s.url);
    const b = await client(s.url);
    await expect(client(s.url)).rejects.toThrow(/429/);
    await a.auth(member);
    await b.auth(member);
    await client(s.url);
    await client(s.url);
    await expect(client(s.url)).rejects.toThrow(/429/);
    // Another address is not affected.
    const other = await client(s.url, '127.0.0.2');
    await other.auth(member);
  });

  it('limits how fast one address opens connections', async () => {
    const s = await server({ connectRatePerAddress: 1, connectBurstPerAddress: 3, maxPendingPerAddress: 100 });
    for (let i = 0; i < 3; i++) await client(s.url);
    await expect(client(s.url)).rejects.toThrow(/429/);
    await client(s.url, '127.0.0.3');
  });

  it('at the global cap, a member from another address takes a slot from the address holding the most', async () => {
    const s = await server({ maxConnections: 8, maxConnectionsPerAddress: 100, maxPendingPerAddress: 100, connectBurstPerAddress: 100 });
    const stranger = roomCredential(generateRoomKey());
    const flood: TestClient[] = [];
    for (let i = 0; i < 8; i++) {
      const c = await client(s.url, '127.0.0.4');
      await c.auth(stranger);
      flood.push(c);
    }
    const m1 = await client(s.url, '127.0.0.5');
    await m1.auth(member);
    const m2 = await client(s.url, '127.0.0.6');
    await m2.auth(member);
    await joined(m1, member.topic);
    await joined(m2, member.topic);
    m1.send({ type: 'publish', topic: member.topic, data: 'sync' });
    await m2.next((m) => (m as { data?: string }).data === 'sync');
    expect(s.hub.stats()).toMatchObject({ connections: 8, evictedConnections: 2 });
    // The flooder, still holding the most, gets nothing more.
    await expect(client(s.url, '127.0.0.4')).rejects.toThrow(/503/);
    expect(m1.ws.readyState).toBe(WebSocket.OPEN);
    expect(m2.ws.readyState).toBe(WebSocket.OPEN);
  });
});

describe('signaling host: slow receivers and the HTTP side', () => {
  it('drops a receiver that does not read once its send buffer passes the cap; the others keep syncing', async () => {
    const s = await server({ maxBufferedBytes: 64 * 1024 });
    const [pub, slow, fast] = [await client(s.url), await client(s.url), await client(s.url)];
    for (const c of [pub, slow, fast]) {
      await c.auth(member);
      await joined(c, member.topic);
    }
    (slow.ws as unknown as { _socket: net.Socket })._socket.pause();
    const chunk = 'z'.repeat(50 * 1024);
    for (let i = 0; i < 300; i++) {
      pub.send({ type: 'publish', topic: member.topic, data: `${i}:${chunk}` });
      // Paced by the reader that does read (on a loaded machine an unpaced burst can outrun it too,
      // and then it is rightly dropped as well): the paused one falls behind by the whole stream.
      if (i % 20 === 19) await fast.next((m) => (m as { data?: string }).data?.startsWith(`${i}:`) === true, 15_000);
    }
    pub.send({ type: 'publish', topic: member.topic, data: 'last' });
    await fast.next((m) => (m as { data?: string }).data === 'last', 15_000);
    await expect.poll(() => s.hub.stats().slowConsumersDropped, { timeout: 5000 }).toBe(1);
    expect(s.hub.stats().connections).toBe(2);
  }, 30_000);

  it('closes sockets that send headers too slowly (slowloris) and caps sockets per address', async () => {
    const s = await server({ http: { headersTimeoutMs: 300, maxSocketsPerAddress: 3, idleSocketMs: 2000 } });
    const open = () =>
      new Promise<net.Socket>((resolve) => {
        const sock = net.connect(s.port, '127.0.0.1', () => resolve(sock));
        sock.on('error', () => {});
        sock.resume();
        sockets.push(sock);
      });
    const slow = await open();
    slow.write('GET /signal HTTP/1.1\r\nHost: x\r\n');
    const closed = new Promise((r) => slow.once('close', r));
    const t0 = Date.now();
    await closed;
    expect(Date.now() - t0).toBeLessThan(2000);
    const held = [await open(), await open(), await open()];
    const fourth = await open();
    await new Promise((r) => fourth.once('close', r));
    expect(s.sockets().refusedSockets).toBe(1);
    held.forEach((h) => h.destroy());
    await sleep(50);
    const m = await client(s.url);
    await m.auth(member);
  });
});
