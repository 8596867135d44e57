import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { WebSocket } from 'ws';
import { attachSignaling, startSignalingServer, type StandaloneSignaling } from '../../../electron/host/signaling';
import { roomCredential } from '../../../shared/sync/roomAuth';
import { generateRoomKey } from '../../../shared/sync/room';
import { connect, isType } from './signalingClient';

let servers: StandaloneSignaling[] = [];
let clients: WebSocket[] = [];
afterEach(async () => {
  clients.forEach((c) => c.terminate());
  clients = [];
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function server(opts: Parameters<typeof startSignalingServer>[0] extends infer O ? Partial<O> : never = {}) {
  const s = await startSignalingServer({ host: '127.0.0.1', port: 0, ...opts });
  servers.push(s);
  return s;
}

const client = (url: string, localAddress?: string) => connect(url, { localAddress }, clients);
const isPong = isType('pong');
const room = roomCredential(generateRoomKey());
const room2 = roomCredential(generateRoomKey());

describe('signaling server', () => {
  it('relays publish messages to the room, as y-webrtc expects (with the client count)', async () => {
    const s = await server();
    const a = await client(s.url);
    const b = await client(s.url);
    const outsider = await client(s.url);
    await a.auth(room);
    await b.auth(room);
    await outsider.auth(room2);
    a.send({ type: 'subscribe', topics: [room.topic] });
    b.send({ type: 'subscribe', topics: [room.topic] });
    outsider.send({ type: 'subscribe', topics: [room2.topic] });
    b.send({ type: 'ping' });
    await b.next(isPong);
    a.send({ type: 'publish', topic: room.topic, data: 'c2VjcmV0' });
    expect(await b.next(isType('publish'))).toEqual({ type: 'publish', topic: room.topic, data: 'c2VjcmV0', clients: 2 });
    outsider.send({ type: 'ping' });
    await outsider.next(isPong);
    expect(outsider.got.filter((m) => !isPong(m) && !isType('challenge')(m) && !isType('auth-ok')(m))).toEqual([]);
    // Publishing into a room one has not joined is not relayed.
    outsider.send({ type: 'publish', topic: room.topic, data: 'x' });
    b.send({ type: 'ping' });
    a.send({ type: 'unsubscribe', topics: [room.topic] });
    b.send({ type: 'publish', topic: room.topic, data: 'after' });
    await b.next((m) => (m as { data?: string }).data === 'after');
    expect(b.got.some((m) => (m as { data?: string }).data === 'x')).toBe(false);
  });

  it('ignores malformed JSON, unknown types and bad shapes without closing the connection', async () => {
    const s = await server();
    const a = await client(s.url);
    await a.auth(room);
    for (const bad of ['{not json', '"a string"', 'null', '[1,2]', { type: 'launch-missiles' }, { type: 'subscribe', topics: 'x' }, { type: 'publish' }, { type: 'subscribe', topics: ['t'.repeat(500)] }]) a.send(bad);
    a.ws.send(Buffer.from([0xff, 0xfe, 0x00]));
    a.send({ type: 'ping' });
    await a.next(isPong);
    expect(a.ws.readyState).toBe(WebSocket.OPEN);
    expect(s.hub.stats().invalidMessages).toBeGreaterThanOrEqual(8);
  });

  it('closes a connection that sends an oversized frame and keeps serving others', async () => {
    const s = await server({ maxPayloadBytes: 16 * 1024 });
    const a = await client(s.url);
    const b = await client(s.url);
    await a.auth(room);
    a.send({ type: 'publish', topic: 't', data: 'x'.repeat(100 * 1024) });
    expect(await a.closed).toBe(1009);
    b.send({ type: 'ping' });
    await b.next(isPong);
  });

  it('caps topics per connection', async () => {
    const s = await server({ maxTopicsPerConnection: 4 });
    const a = await client(s.url);
    await a.auth(room);
    const sub = (x: string) => `${room.topic}/${x}`;
    a.send({ type: 'subscribe', topics: [sub('a'), sub('b'), sub('c')] });
    a.send({ type: 'subscribe', topics: [sub('d'), sub('e'), sub('f')] });
    a.send({ type: 'ping' });
    await a.next(isPong);
    expect(s.hub.stats().topics).toBe(4);
  });

  it('rate-limits each connection and closes one that keeps flooding', async () => {
    const s = await server({ ratePerSecond: 10, rateBurst: 20, maxDropsBeforeClose: 200 });
    const a = await client(s.url);
    const b = await client(s.url);
    await a.auth(room);
    await b.auth(room);
    a.send({ type: 'subscribe', topics: [room.topic] });
    b.send({ type: 'subscribe', topics: [room.topic] });
    a.send({ type: 'ping' });
    b.send({ type: 'ping' });
    await a.next(isPong);
    await b.next(isPong);
    b.got.length = 0;
    const t0 = Date.now();
    for (let i = 0; i < 150; i++) a.send({ type: 'publish', topic: room.topic, data: i });
    // A connection over its rate is also not read for a while, so the rest arrive in turns.
    await expect.poll(() => s.hub.stats().rateLimited, { timeout: 5000 }).toBeGreaterThan(100);
    await b.roundTrip();
    const relayed = b.got.filter(isType('publish')).length;
    // The burst (20, minus the three messages a already sent) passes, then about 10 per second.
    expect(relayed).toBeGreaterThanOrEqual(14);
    expect(relayed).toBeLessThan(20 + 10 * ((Date.now() - t0) / 1000) + 5);
    for (let i = 0; i < 300; i++) a.send({ type: 'ping' });
    expect(await a.closed).toBe(1008);
  });

  it('holds a thousand members with bounded memory and refuses more than its cap', async () => {
    const s = await server({ authTimeoutMs: 60_000, maxConnections: 1000, maxConnectionsPerAddress: 2000, maxPendingPerAddress: 2000, maxPending: 2000, connectBurstPerAddress: 2000, http: { maxSocketsPerAddress: 3000, socketBurstPerAddress: 3000 } });
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const opened = await Promise.all(Array.from({ length: 1000 }, () => client(s.url)));
    const rooms = Array.from({ length: 50 }, () => roomCredential(generateRoomKey()));
    await Promise.all(opened.map((c, i) => c.auth(rooms[i % 50]!)));
    opened.forEach((c, i) => c.send({ type: 'subscribe', topics: [rooms[i % 50]!.topic] }));
    opened[0]!.send({ type: 'ping' });
    await opened[0]!.next(isPong);
    expect(s.hub.stats().connections).toBe(1000);
    // Client and server sides share this process: both together stay well under 200 KB per connection.
    const perConn = (process.memoryUsage().heapUsed - before) / 1000;
    expect(perConn).toBeLessThan(200 * 1024);
    // All from one address: nobody to take a slot from.
    await expect(client(s.url)).rejects.toThrow(/503/);
    expect(s.hub.stats().rejectedConnections).toBe(1);
    opened.forEach((c) => c.ws.close());
    await Promise.all(opened.map((c) => c.closed));
    await new Promise((r) => setTimeout(r, 50));
    expect(s.hub.stats()).toMatchObject({ connections: 0, topics: 0 });
  }, 60_000);

  it('mounts on an existing HTTP server at /signal and leaves other upgrade paths alone', async () => {
    const httpServer = http.createServer();
    const hub = attachSignaling(httpServer);
    const others: string[] = [];
    httpServer.on('upgrade', (req, socket) => {
      if (req.url !== '/signal') {
        others.push(req.url ?? '');
        socket.destroy();
      }
    });
    await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', () => r()));
    const port = (httpServer.address() as { port: number }).port;
    try {
      const a = await client(`ws://127.0.0.1:${port}/signal`);
      a.send({ type: 'ping' });
      await a.next(isPong);
      await expect(client(`ws://127.0.0.1:${port}/elsewhere`)).rejects.toThrow();
      expect(others).toEqual(['/elsewhere']);
    } finally {
      await hub.close();
      clients.forEach((c) => c.terminate());
      await new Promise((r) => httpServer.close(() => r(null)));
    }
  });
});
