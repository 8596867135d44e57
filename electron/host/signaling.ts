import http from 'node:http';
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { newNonce, verifyRoomAuth, SUBTOPIC_PATTERN } from '../../shared/sync/roomAuth.js';
import { toBase64Url } from '../../shared/governance/base64url.js';
import { addressOf, Bucket, ByAddress, guardHttpServer } from './addressLimits.js';
import { CLOSE, DEFAULT_HTTP_GUARD, DEFAULT_SIGNALING_OPTIONS, messageSchema, type HttpGuardOptions, type SignalingHub, type SignalingOptions } from './signalingOptions.js';

export { DEFAULT_SIGNALING_OPTIONS, type SignalingOptions, type SignalingStats, type SignalingHub } from './signalingOptions.js';

/**
 * The LAN host's signaling server: relays y-webrtc's room messages (subscribe / unsubscribe /
 * publish / ping, as y-webrtc's bin/server.js) so peers can set up WebRTC connections. It knows
 * no room key and sees only topics derived from keys and encrypted payloads.
 *
 * Hardened for a stranger on the LAN:
 * - each connection gets a challenge and may subscribe to a topic only after proving the topic's
 *   room key (shared/sync/roomAuth.ts); one that proves nothing within `authTimeoutMs` is closed;
 * - per-address caps (connections, unauthenticated connections, connection rate) and, at the
 *   global cap, the newcomer takes a slot from the address holding the most: one address (or a
 *   few) can never lock members out;
 * - a receiver that does not read is dropped once `maxBufferedBytes` wait for it (and the one
 *   holding most once all slow receivers together hold `maxTotalBufferedBytes`);
 * - every message is size-limited, schema-checked and rate-limited; junk is counted, not relayed.
 */

interface Conn {
  ws: WebSocket;
  addr: string;
  nonce: string;
  /** Topics whose room key this connection proved. */
  proven: Set<string>;
  topics: Set<string>;
  /** Proved a key (or joined an open topic): no longer subject to the auth deadline. */
  admitted: boolean;
  preAuthMessages: number;
  rate: Bucket;
  drops: number;
  alive: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

/** Ed25519 verification with Node's own crypto (fast, native). */
const nativeVerify = (sig: Uint8Array, msg: Uint8Array, pub: Uint8Array): boolean =>
  nodeVerify(null, msg, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(pub) }, format: 'jwk' }), sig);

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/** Creates a signaling hub (no listening socket of its own). */
export function createSignalingHub(options: Partial<SignalingOptions> = {}): SignalingHub {
  const o: SignalingOptions = { ...DEFAULT_SIGNALING_OPTIONS, ...options };
  const schema = messageSchema(o);
  const wss = new WebSocketServer({ noServer: true, maxPayload: o.maxPayloadBytes, perMessageDeflate: false, clientTracking: false });
  const conns = new ByAddress<Conn>();
  const pending = new ByAddress<Conn>();
  /** The same, oldest first. */
  const pendingOrder = new Set<Conn>();
  /** Upgrades under way (handshake not finished), by address. */
  const upgrading = new ByAddress<Duplex>();
  const connectRate = new Map<string, Bucket>();
  const fanout = new Map<string, Bucket>();
  const addrRate = new Map<string, Bucket>();
  const topics = new Map<string, Set<Conn>>();
  const backlogged = new Set<Conn>();
  const counters = { rejectedConnections: 0, evictedConnections: 0, invalidMessages: 0, rateLimited: 0, relayed: 0, authOk: 0, authFailures: 0, authTimeouts: 0, unauthorizedSubscribes: 0, slowConsumersDropped: 0 };

  const leave = (c: Conn, topic: string) => {
    const subs = topics.get(topic);
    subs?.delete(c);
    if (subs && subs.size === 0) topics.delete(topic);
    c.topics.delete(topic);
  };

  const admit = (c: Conn) => {
    if (c.admitted) return;
    c.admitted = true;
    pending.delete(c.addr, c);
    pendingOrder.delete(c);
    if (c.timer) clearTimeout(c.timer);
    c.timer = null;
  };

  const mayJoin = (c: Conn, topic: string): boolean => {
    if (c.proven.has(topic)) return true;
    const sub = SUBTOPIC_PATTERN.exec(topic);
    if (sub && c.proven.has(sub[1]!)) return true;
    return o.openTopics?.(topic) ?? false;
  };

  const drop = (c: Conn, code: number, reason: string) => {
    backlogged.delete(c);
    c.ws.close(code, reason);
    // A peer that does not read may never complete the closing handshake.
    setTimeout(() => c.ws.terminate(), 1000).unref?.();
  };

  const dropSlow = (c: Conn) => {
    counters.slowConsumersDropped++;
    backlogged.delete(c);
    c.ws.terminate();
  };
  /** Sends, dropping receivers that cannot keep up. */
  const send = (c: Conn, data: Buffer | string) => {
    if (c.ws.readyState !== WebSocket.OPEN) return;
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    if (c.ws.bufferedAmount + size > o.maxBufferedBytes) return dropSlow(c);
    c.ws.send(data, { binary: false });
    if (c.ws.bufferedAmount > 64 * 1024) {
      backlogged.add(c);
      let total = 0;
      let worst: Conn | null = null;
      for (const b of backlogged) {
        const n = b.ws.bufferedAmount;
        if (n <= 64 * 1024 || b.ws.readyState !== WebSocket.OPEN) {
          backlogged.delete(b);
          continue;
        }
        total += n;
        if (!worst || n > worst.ws.bufferedAmount) worst = b;
      }
      if (total > o.maxTotalBufferedBytes && worst) dropSlow(worst);
    }
  };

  const pauseFor = (c: Conn, ms: number) => {
    if (c.ws.isPaused) return;
    c.ws.pause();
    setTimeout(() => c.ws.readyState === WebSocket.OPEN && c.ws.resume(), ms).unref?.();
  };

  const onMessage = (c: Conn, raw: RawData, isBinary: boolean) => {
    const size = Array.isArray(raw) ? raw.reduce((n, b) => n + b.length, 0) : raw instanceof ArrayBuffer ? raw.byteLength : raw.length;
    if (!c.admitted) {
      if (size > o.maxPreAuthMessageBytes) return drop(c, 1009, 'too big before auth');
      if (++c.preAuthMessages > o.maxPreAuthMessages) return drop(c, CLOSE.tooChatty, 'auth first');
    }
    let perAddr = addrRate.get(c.addr);
    if (!perAddr) addrRate.set(c.addr, (perAddr = new Bucket(o.ratePerAddress, o.burstPerAddress)));
    if (!c.rate.take() || !perAddr.take()) {
      counters.rateLimited++;
      if (++c.drops >= o.maxDropsBeforeClose) return drop(c, CLOSE.rate, 'rate limit');
      // Stop reading it for a while: TCP pushes the flood back to the sender instead of costing
      // us a parse per message (what is already received still arrives, and is dropped).
      pauseFor(c, o.throttleMs);
      return;
    }
    let json: unknown;
    try {
      if (isBinary) throw new Error('binary');
      json = JSON.parse(raw.toString());
    } catch {
      counters.invalidMessages++;
      return;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      counters.invalidMessages++;
      return;
    }
    const msg = parsed.data;
    switch (msg.type) {
      case 'auth': {
        if (c.proven.has(msg.topic)) return send(c, JSON.stringify({ type: 'auth-ok', topic: msg.topic }));
        if (!verifyRoomAuth(msg, c.nonce, nativeVerify)) {
          counters.authFailures++;
          return drop(c, CLOSE.authFailed, 'auth failed');
        }
        counters.authOk++;
        // A page that moved rooms (key rotations) on one connection: its oldest proof gives way.
        if (c.proven.size >= o.maxProofsPerConnection) {
          const oldest = c.proven.values().next().value!;
          c.proven.delete(oldest);
          for (const t of [...c.topics]) if (!mayJoin(c, t)) leave(c, t);
        }
        c.proven.add(msg.topic);
        admit(c);
        send(c, JSON.stringify({ type: 'auth-ok', topic: msg.topic }));
        break;
      }
      case 'subscribe':
        for (const t of msg.topics) {
          if (c.topics.has(t)) continue;
          if (!mayJoin(c, t)) {
            counters.unauthorizedSubscribes++;
            continue;
          }
          if (c.topics.size >= o.maxTopicsPerConnection) break;
          let subs = topics.get(t);
          if (!subs) topics.set(t, (subs = new Set()));
          if (subs.size >= o.maxSubscribersPerTopic) continue;
          if (!c.proven.size) admit(c); // an open topic (lab baseline only)
          c.topics.add(t);
          subs.add(c);
        }
        break;
      case 'unsubscribe':
        for (const t of msg.topics) leave(c, t);
        break;
      case 'publish': {
        // Only members of a room may publish into it (y-webrtc always subscribes first).
        const receivers = topics.get(msg.topic);
        if (!receivers || !c.topics.has(msg.topic)) return;
        const text = Buffer.from(JSON.stringify({ type: 'publish', topic: msg.topic, data: msg.data, clients: receivers.size }));
        for (const r of receivers) send(r, text);
        counters.relayed++;
        // What one address makes us send is bounded (a flood into a topic of its own is amplified).
        let out = fanout.get(c.addr);
        if (!out) fanout.set(c.addr, (out = new Bucket(o.fanoutBytesPerSecond, o.fanoutBurstBytes)));
        const wait = out.spend(text.length * receivers.size);
        if (wait > 0) pauseFor(c, Math.min(wait, 2000));
        break;
      }
      case 'ping':
        send(c, '{"type":"pong"}');
        break;
    }
  };

  const onConnection = (ws: WebSocket, addr: string) => {
    const c: Conn = { ws, addr, nonce: newNonce(), proven: new Set(), topics: new Set(), admitted: false, preAuthMessages: 0, rate: new Bucket(o.ratePerSecond, o.rateBurst), drops: 0, alive: true, timer: null };
    conns.add(addr, c);
    pending.add(addr, c);
    pendingOrder.add(c);
    c.timer = setTimeout(() => {
      if (c.admitted) return;
      counters.authTimeouts++;
      drop(c, CLOSE.authTimeout, 'no proof of a room key');
    }, o.authTimeoutMs);
    c.timer.unref?.();
    ws.on('pong', () => {
      c.alive = true;
    });
    ws.on('message', (data, isBinary) => onMessage(c, data, isBinary));
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      if (c.timer) clearTimeout(c.timer);
      for (const t of [...c.topics]) leave(c, t);
      conns.delete(addr, c);
      pending.delete(addr, c);
      pendingOrder.delete(c);
      backlogged.delete(c);
    });
    send(c, JSON.stringify({ type: 'challenge', v: 1, nonce: c.nonce, authMs: o.authTimeoutMs }));
  };

  const pinger = setInterval(() => {
    for (const c of [...conns.values()]) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      try {
        c.ws.ping();
      } catch {
        c.ws.terminate();
      }
    }
    const now = Date.now();
    for (const map of [connectRate, fanout, addrRate]) for (const [addr, b] of map) if (b.full(now)) map.delete(addr);
  }, o.pingIntervalMs);
  pinger.unref?.();

  /** Makes room for a connection from `addr`; false when it must be refused. */
  const makeRoom = (addr: string): string | null => {
    let bucket = connectRate.get(addr);
    if (!bucket) connectRate.set(addr, (bucket = new Bucket(o.connectRatePerAddress, o.connectBurstPerAddress)));
    if (!bucket.take()) return '429 Too Many Requests';
    if (conns.of(addr) + upgrading.of(addr) >= o.maxConnectionsPerAddress) return '429 Too Many Requests';
    if (pending.of(addr) + upgrading.of(addr) >= o.maxPendingPerAddress) return '429 Too Many Requests';
    if (pending.size + upgrading.size >= o.maxPending) {
      // The oldest unauthenticated connection goes: a member authenticates within a round trip.
      const oldest = pendingOrder.values().next().value;
      if (!oldest) return '503 Service Unavailable';
      counters.evictedConnections++;
      conns.delete(oldest.addr, oldest);
      pending.delete(oldest.addr, oldest);
      pendingOrder.delete(oldest);
      drop(oldest, CLOSE.evicted, 'busy');
    }
    if (conns.size + upgrading.size >= o.maxConnections) {
      const victim = conns.victimFor(addr, (items) => items.find((c) => !c.admitted) ?? items[items.length - 1]);
      if (!victim) return '503 Service Unavailable';
      counters.evictedConnections++;
      conns.delete(victim.addr, victim);
      pending.delete(victim.addr, victim);
      pendingOrder.delete(victim);
      drop(victim, CLOSE.evicted, 'busy');
    }
    return null;
  };

  return {
    options: o,
    handleUpgrade(req, socket, head) {
      const path = (req.url ?? '').split('?')[0];
      if (path !== o.path) return false;
      const addr = addressOf(req.socket);
      const refusal = makeRoom(addr);
      if (refusal) {
        counters.rejectedConnections++;
        refuse(socket, refusal);
        return true;
      }
      upgrading.add(addr, socket);
      // A failed handshake never calls back; the socket closes instead.
      socket.once('close', () => upgrading.delete(addr, socket));
      socket.on('error', () => socket.destroy());
      wss.handleUpgrade(req, socket, head, (ws) => {
        upgrading.delete(addr, socket);
        onConnection(ws, addr);
      });
      return true;
    },
    stats: () => ({ connections: conns.size, pending: pending.size, addresses: conns.addresses, topics: topics.size, ...counters }),
    close: async () => {
      clearInterval(pinger);
      for (const c of [...conns.values()]) {
        if (c.timer) clearTimeout(c.timer);
        c.ws.terminate();
      }
      topics.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** Mounts a signaling hub on an existing HTTP server (upgrades on other paths are left alone). */
export function attachSignaling(server: http.Server, options: Partial<SignalingOptions> = {}): SignalingHub {
  const hub = createSignalingHub(options);
  server.on('upgrade', (req, socket, head) => {
    hub.handleUpgrade(req, socket, head);
  });
  return hub;
}

/** A signaling server listening on its own port. */
export interface StandaloneSignaling {
  hub: SignalingHub;
  port: number;
  /** ws:// URL of the signaling path (with the bound host). */
  url: string;
  /** TCP-level counters of the HTTP guard. */
  sockets(): { sockets: number; refusedSockets: number };
  close(): Promise<void>;
}

/** Runs a signaling server on its own HTTP server (the LAN host, tests, the namespace harness). */
export async function startSignalingServer(opts: { host: string; port: number; http?: Partial<HttpGuardOptions> } & Partial<SignalingOptions>): Promise<StandaloneSignaling> {
  const { host, port, http: httpOpts, ...rest } = opts;
  const guardOpts = { ...DEFAULT_HTTP_GUARD, ...httpOpts };
  const server = http.createServer({ connectionsCheckingInterval: 500, maxHeaderSize: 8192, headersTimeout: guardOpts.headersTimeoutMs, requestTimeout: guardOpts.headersTimeoutMs * 2 }, (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('crisis-room signaling');
  });
  const guard = guardHttpServer(server, guardOpts);
  const hub = createSignalingHub(rest);
  server.on('upgrade', (req, socket, head) => {
    if (!hub.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address();
  const bound = typeof addr === 'object' && addr ? addr.port : port;
  return {
    hub,
    port: bound,
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${bound}${hub.options.path}`,
    sockets: guard.stats,
    close: async () => {
      await hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
