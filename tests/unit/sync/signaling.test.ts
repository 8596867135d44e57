import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { WebSocket } from 'ws';
import { attachSignaling, startSignalingServer, type StandaloneSignaling } from '../../../electron/host/signaling';

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

/** A client that records what it receives. */
function client(url: string): Promise<{ ws: WebSocket; got: unknown[]; closed: Promise<number>; next: (pred?: (m: unknown) => boolean) => Promise<unknown> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    clients.push(ws);
    const got: unknown[] = [];
    const waiters: Array<{ pred: (m: unknown) => boolean; res: (m: unknown) => void }> = [];
    const closed = new Promise<number>((res) => ws.on('close', (code) => res(code)));
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString());
      got.push(m);
      for (const w of [...waiters]) if (w.pred(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.res(m);
      }
    });
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        ws,
        got,
        closed,
        next: (pred = () => true) => {
          const found = got.find(pred);
          if (found) return Promise.resolve(found);
          return new Promise((res) => waiters.push({ pred, res }));
        },
      }),
    );
  });
}

const send = (ws: WebSocket, m: unknown) => ws.send(typeof m === 'string' ? m : JSON.stringify(m));
const isPong = (m: unknown) => (m as { type?: string }).type === 'pong';

describe('signaling server', () => {
  it('relays publish messages to the room, as y-webrtc expects (with the client count)', async () => {
    const s = await server();
    const a = await client(s.url);
    const b = await client(s.url);
    const outsider = await client(s.url);
    send(a.ws, { type: 'subscribe', topics: ['room-1'] });
    send(b.ws, { type: 'subscribe', topics: ['room-1'] });
    send(outsider.ws, { type: 'subscribe', topics: ['room-2'] });
    send(b.ws, { type: 'ping' });
    await b.next(isPong);
    send(a.ws, { type: 'publish', topic: 'room-1', data: 'c2VjcmV0' });
    expect(await b.next((m) => (m as { type: string }).type === 'publish')).toEqual({ type: 'publish', topic: 'room-1', data: 'c2VjcmV0', clients: 2 });
    send(outsider.ws, { type: 'ping' });
    await outsider.next(isPong);
    expect(outsider.got.filter((m) => !isPong(m))).toEqual([]);
    // Publishing into a room one has not joined is not relayed.
    send(outsider.ws, { type: 'publish', topic: 'room-1', data: 'x' });
    send(b.ws, { type: 'ping' });
    send(a.ws, { type: 'unsubscribe', topics: ['room-1'] });
    send(b.ws, { type: 'publish', topic: 'room-1', data: 'after' });
    await b.next((m) => (m as { data?: string }).data === 'after');
    expect(b.got.some((m) => (m as { data?: string }).data === 'x')).toBe(false);
  });

  it('ignores malformed JSON, unknown types and bad shapes without closing the connection', async () => {
    const s = await server();
    const a = await client(s.url);
    for (const bad of ['{not json', '"a string"', 'null', '[1,2]', { type: 'launch-missiles' }, { type: 'subscribe', topics: 'x' }, { type: 'publish' }, { type: 'subscribe', topics: ['t'.repeat(500)] }]) send(a.ws, bad);
    a.ws.send(Buffer.from([0xff, 0xfe, 0x00]));
    send(a.ws, { type: 'ping' });
    await a.next(isPong);
    expect(a.ws.readyState).toBe(WebSocket.OPEN);
    expect(s.hub.stats().invalidMessages).toBeGreaterThanOrEqual(8);
  });

  it('closes a connection that sends an oversized frame and keeps serving others', async () => {
    const s = await server({ maxPayloadBytes: 16 * 1024 });
    const a = await client(s.url);
    const b = await client(s.url);
    send(a.ws, { type: 'publish', topic: 't', data: 'x'.repeat(100 * 1024) });
    expect(await a.closed).toBe(1009);
    send(b.ws, { type: 'ping' });
    await b.next(isPong);
  });

  it('caps topics per connection', async () => {
    const s = await server({ maxTopicsPerConnection: 4 });
    const a = await client(s.url);
    send(a.ws, { type: 'subscribe', topics: ['a', 'b', 'c'] });
    send(a.ws, { type: 'subscribe', topics: ['d', 'e', 'f'] });
    send(a.ws, { type: 'ping' });
    await a.next(isPong);
    expect(s.hub.stats().topics).toBe(4);
  });

  it('rate-limits each connection and closes one that keeps flooding', async () => {
    const s = await server({ ratePerSecond: 10, rateBurst: 20, maxDropsBeforeClose: 200 });
    const a = await client(s.url);
    const b = await client(s.url);
    send(a.ws, { type: 'subscribe', topics: ['r'] });
    send(b.ws, { type: 'subscribe', topics: ['r'] });
    send(a.ws, { type: 'ping' });
    send(b.ws, { type: 'ping' });
    await a.next(isPong);
    await b.next(isPong);
    b.got.length = 0;
    for (let i = 0; i < 150; i++) send(a.ws, { type: 'publish', topic: 'r', data: i });
    send(b.ws, { type: 'ping' });
    await b.next(isPong);
    await new Promise((r) => setTimeout(r, 100));
    const relayed = b.got.filter((m) => (m as { type: string }).type === 'publish').length;
    // The burst (20, minus the two messages a already sent) passes, then about 10 per second.
    expect(relayed).toBeGreaterThanOrEqual(15);
    expect(relayed).toBeLessThan(30);
    expect(s.hub.stats().rateLimited).toBeGreaterThan(100);
    for (let i = 0; i < 300; i++) send(a.ws, { type: 'ping' });
    expect(await a.closed).toBe(1008);
  });

  it('holds a thousand connections with bounded memory and refuses more than its cap', async () => {
    const s = await server({ maxConnections: 1000 });
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const opened = await Promise.all(Array.from({ length: 1000 }, () => client(s.url)));
    opened.forEach((c, i) => send(c.ws, { type: 'subscribe', topics: [`room-${i % 50}`] }));
    send(opened[0]!.ws, { type: 'ping' });
    await opened[0]!.next(isPong);
    expect(s.hub.stats().connections).toBe(1000);
    // Client and server sides share this process: both together stay well under 200 KB per connection.
    const perConn = (process.memoryUsage().heapUsed - before) / 1000;
    expect(perConn).toBeLessThan(200 * 1024);
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
      send(a.ws, { type: 'ping' });
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
