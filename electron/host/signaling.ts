import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { z } from 'zod';

/**
 * The LAN host's signaling server: relays y-webrtc's room messages (subscribe / unsubscribe /
 * publish / ping, as y-webrtc's bin/server.js) so peers can set up WebRTC connections. It only
 * ever sees room names and encrypted payloads. Hardened for a hostile LAN: every message is
 * size-limited and schema-checked, each connection is rate-limited and capped in topics, the
 * number of connections is capped, and dead connections are dropped by ping/pong.
 */

export interface SignalingOptions {
  /** URL path the server answers on. */
  path: string;
  /** Largest WebSocket message accepted; bigger ones close the connection (1009). */
  maxPayloadBytes: number;
  maxConnections: number;
  maxTopicsPerConnection: number;
  maxTopicLength: number;
  /** Messages per second a connection may send on average… */
  ratePerSecond: number;
  /** …and in one burst. Extra messages are dropped. */
  rateBurst: number;
  /** A connection that keeps exceeding its rate this many times is closed. */
  maxDropsBeforeClose: number;
  /** Ping interval; a connection that misses a pong is terminated. */
  pingIntervalMs: number;
  /** A receiver with more than this buffered is skipped (it cannot keep up). */
  maxBufferedBytes: number;
}

export const DEFAULT_SIGNALING_OPTIONS: SignalingOptions = {
  path: '/signal',
  maxPayloadBytes: 64 * 1024,
  maxConnections: 2048,
  maxTopicsPerConnection: 32,
  maxTopicLength: 200,
  // Room members relay encrypted sync frames through us while WebRTC is down: allow bursts.
  ratePerSecond: 200,
  rateBurst: 400,
  maxDropsBeforeClose: 2000,
  pingIntervalMs: 15_000,
  maxBufferedBytes: 4 * 1024 * 1024,
};

function messageSchema(o: SignalingOptions) {
  const topic = z.string().min(1).max(o.maxTopicLength);
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('subscribe'), topics: z.array(topic).max(o.maxTopicsPerConnection) }),
    z.object({ type: z.literal('unsubscribe'), topics: z.array(topic).max(o.maxTopicsPerConnection) }),
    z.object({ type: z.literal('publish'), topic, data: z.unknown() }),
    z.object({ type: z.literal('ping') }),
  ]);
}

interface Conn {
  ws: WebSocket;
  topics: Set<string>;
  tokens: number;
  refillAt: number;
  drops: number;
  alive: boolean;
}

/** Counters for tests and the host status. */
export interface SignalingStats {
  connections: number;
  topics: number;
  rejectedConnections: number;
  invalidMessages: number;
  rateLimited: number;
  relayed: number;
}

/** A running signaling hub; mount it on any HTTP server with {@link SignalingHub.handleUpgrade}. */
export interface SignalingHub {
  readonly options: SignalingOptions;
  /** Takes the upgrade when its path is ours (returns true), otherwise leaves it alone. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  stats(): SignalingStats;
  /** Closes every connection and stops the ping timer. */
  close(): Promise<void>;
}

/** Creates a signaling hub (no listening socket of its own). */
export function createSignalingHub(options: Partial<SignalingOptions> = {}): SignalingHub {
  const o: SignalingOptions = { ...DEFAULT_SIGNALING_OPTIONS, ...options };
  const schema = messageSchema(o);
  const wss = new WebSocketServer({ noServer: true, maxPayload: o.maxPayloadBytes, perMessageDeflate: false, clientTracking: false });
  const conns = new Set<Conn>();
  const topics = new Map<string, Set<Conn>>();
  const counters = { rejectedConnections: 0, invalidMessages: 0, rateLimited: 0, relayed: 0 };

  const leave = (c: Conn, topic: string) => {
    const subs = topics.get(topic);
    subs?.delete(c);
    if (subs && subs.size === 0) topics.delete(topic);
    c.topics.delete(topic);
  };

  const allow = (c: Conn): boolean => {
    const now = Date.now();
    c.tokens = Math.min(o.rateBurst, c.tokens + ((now - c.refillAt) / 1000) * o.ratePerSecond);
    c.refillAt = now;
    if (c.tokens >= 1) {
      c.tokens -= 1;
      return true;
    }
    counters.rateLimited++;
    if (++c.drops >= o.maxDropsBeforeClose) c.ws.close(1008, 'rate limit');
    return false;
  };

  const send = (c: Conn, text: string) => {
    if (c.ws.readyState !== WebSocket.OPEN || c.ws.bufferedAmount > o.maxBufferedBytes) return;
    c.ws.send(text);
  };

  const onMessage = (c: Conn, raw: RawData) => {
    if (!allow(c)) return;
    let json: unknown;
    try {
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
      case 'subscribe':
        for (const t of msg.topics) {
          if (c.topics.has(t)) continue;
          if (c.topics.size >= o.maxTopicsPerConnection) break;
          c.topics.add(t);
          let subs = topics.get(t);
          if (!subs) topics.set(t, (subs = new Set()));
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
        const text = JSON.stringify({ type: 'publish', topic: msg.topic, data: msg.data, clients: receivers.size });
        for (const r of receivers) send(r, text);
        counters.relayed++;
        break;
      }
      case 'ping':
        send(c, JSON.stringify({ type: 'pong' }));
        break;
    }
  };

  wss.on('connection', (ws: WebSocket) => {
    const c: Conn = { ws, topics: new Set(), tokens: o.rateBurst, refillAt: Date.now(), drops: 0, alive: true };
    conns.add(c);
    ws.on('pong', () => {
      c.alive = true;
    });
    ws.on('message', (data) => onMessage(c, data));
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      for (const t of [...c.topics]) leave(c, t);
      conns.delete(c);
    });
  });

  const pinger = setInterval(() => {
    for (const c of conns) {
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
  }, o.pingIntervalMs);
  pinger.unref?.();

  let pendingUpgrades = 0;
  return {
    options: o,
    handleUpgrade(req, socket, head) {
      const path = (req.url ?? '').split('?')[0];
      if (path !== o.path) return false;
      if (conns.size + pendingUpgrades >= o.maxConnections) {
        counters.rejectedConnections++;
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        socket.destroy();
        return true;
      }
      pendingUpgrades++;
      let settled = false;
      const settle = () => {
        if (settled) return;
        settled = true;
        pendingUpgrades--;
      };
      // A failed handshake never calls back; the socket closes instead.
      socket.once('close', settle);
      socket.on('error', () => socket.destroy());
      wss.handleUpgrade(req, socket, head, (ws) => {
        settle();
        wss.emit('connection', ws, req);
      });
      return true;
    },
    stats: () => ({ connections: conns.size, topics: topics.size, ...counters }),
    close: async () => {
      clearInterval(pinger);
      for (const c of conns) c.ws.terminate();
      conns.clear();
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
  close(): Promise<void>;
}

/** Runs a signaling server on its own HTTP server (tests, benchmarks, the namespace harness). */
export async function startSignalingServer(opts: { host: string; port: number } & Partial<SignalingOptions>): Promise<StandaloneSignaling> {
  const { host, port, ...rest } = opts;
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('crisis-room signaling');
  });
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
    close: async () => {
      await hub.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
