import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { z } from 'zod';
import { AuthSchema } from '../../shared/sync/roomAuth.js';

/** Limits of the signaling hub (each has a default; tests and the attack suite override some). */
export interface SignalingOptions {
  /** URL path the server answers on. */
  path: string;
  /** Largest WebSocket message accepted; bigger ones close the connection (1009). */
  maxPayloadBytes: number;
  /** WebSocket connections in all (members and not yet authenticated). */
  maxConnections: number;
  /** Connections that have not proven a room key yet, in all (the oldest is closed for a new one). */
  maxPending: number;
  /** WebSocket connections from one address. */
  maxConnectionsPerAddress: number;
  /** Not-yet-authenticated connections from one address. */
  maxPendingPerAddress: number;
  /** New WebSocket connections one address may open per second on average… */
  connectRatePerAddress: number;
  /** …and in one burst. */
  connectBurstPerAddress: number;
  /** A connection that has not proven a room key by then is closed (4408). */
  authTimeoutMs: number;
  /** Messages a connection may send before it proves a key (more: closed, 4429). */
  maxPreAuthMessages: number;
  /** Largest message before it proves a key (bigger: closed, 1009). */
  maxPreAuthMessageBytes: number;
  /** Room keys one connection may prove (a page with several rooms and the lobby needs a few). */
  maxProofsPerConnection: number;
  maxTopicsPerConnection: number;
  maxSubscribersPerTopic: number;
  maxTopicLength: number;
  /** Messages per second a connection may send on average… */
  ratePerSecond: number;
  /** …and in one burst. Extra messages are dropped. */
  rateBurst: number;
  /** A connection that keeps exceeding its rate this many times is closed. */
  maxDropsBeforeClose: number;
  /** A connection over its rate is not read for this long. */
  throttleMs: number;
  /** Messages per second all connections of one address may send together on average, and in one burst. */
  ratePerAddress: number;
  burstPerAddress: number;
  /**
   * Bytes the host sends on behalf of one address's publishes (size × receivers) per second, and
   * in one burst; beyond it that address's connections are not read until the budget refills.
   */
  fanoutBytesPerSecond: number;
  fanoutBurstBytes: number;
  /** Ping interval; a connection that misses a pong is terminated. */
  pingIntervalMs: number;
  /** A receiver with more than this waiting to be sent is dropped (it cannot keep up). */
  maxBufferedBytes: number;
  /** Bytes waiting for all slow receivers together; beyond it the one holding most is dropped. */
  maxTotalBufferedBytes: number;
  /**
   * Topics that may be joined without proof. Only for measuring raw y-webrtc against this server
   * (the namespace lab's baseline); never set by the product.
   */
  openTopics?: (topic: string) => boolean;
}

export const DEFAULT_SIGNALING_OPTIONS: SignalingOptions = {
  path: '/signal',
  maxPayloadBytes: 64 * 1024,
  // A LAN crisis team is tens of laptops; each connection costs the host ~35 KB (measured by the
  // attack suite), so 1024 keeps even a full house within twice the idle host's memory.
  maxConnections: 1024,
  maxPending: 256,
  maxConnectionsPerAddress: 32,
  maxPendingPerAddress: 8,
  connectRatePerAddress: 10,
  connectBurstPerAddress: 40,
  authTimeoutMs: 5000,
  maxPreAuthMessages: 32,
  maxPreAuthMessageBytes: 4096,
  maxProofsPerConnection: 8,
  maxTopicsPerConnection: 32,
  maxSubscribersPerTopic: 256,
  maxTopicLength: 200,
  // Room members relay encrypted sync frames through us while WebRTC is down: allow bursts.
  ratePerSecond: 200,
  rateBurst: 400,
  maxDropsBeforeClose: 2000,
  throttleMs: 250,
  ratePerAddress: 600,
  burstPerAddress: 1200,
  fanoutBytesPerSecond: 8 * 1024 * 1024,
  fanoutBurstBytes: 16 * 1024 * 1024,
  pingIntervalMs: 15_000,
  maxBufferedBytes: 256 * 1024,
  maxTotalBufferedBytes: 32 * 1024 * 1024,
};

/** Limits of the standalone server's HTTP side (sockets before the WebSocket upgrade). */
export interface HttpGuardOptions {
  /** TCP connections from one address (HTTP probes and WebSockets together). */
  maxSocketsPerAddress: number;
  /** TCP connections in all. */
  maxSockets: number;
  /** Request headers must be complete within this (slowloris). */
  headersTimeoutMs: number;
  /** A socket idle this long before upgrading is closed. */
  idleSocketMs: number;
  /** New TCP connections one address may open per second on average (beyond: closed unread)… */
  socketRatePerAddress: number;
  /** …and in one burst. */
  socketBurstPerAddress: number;
}

export const DEFAULT_HTTP_GUARD: HttpGuardOptions = { maxSocketsPerAddress: 64, maxSockets: 4096, headersTimeoutMs: 4000, idleSocketMs: 10_000, socketRatePerAddress: 20, socketBurstPerAddress: 80 };

/** y-webrtc's messages (subscribe / unsubscribe / publish / ping) and our auth. */
export function messageSchema(o: SignalingOptions) {
  const topic = z.string().min(1).max(o.maxTopicLength);
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('subscribe'), topics: z.array(topic).max(o.maxTopicsPerConnection) }),
    z.object({ type: z.literal('unsubscribe'), topics: z.array(topic).max(o.maxTopicsPerConnection) }),
    z.object({ type: z.literal('publish'), topic, data: z.unknown() }),
    z.object({ type: z.literal('ping') }),
    AuthSchema,
  ]);
}

/** Close codes the hub uses (4xxx: application-defined). */
export const CLOSE = {
  authFailed: 4401,
  authTimeout: 4408,
  tooChatty: 4429,
  evicted: 1013,
  slow: 4413,
  rate: 1008,
} as const;

/** Counters for tests, the attack suite and the host status. */
export interface SignalingStats {
  connections: number;
  pending: number;
  addresses: number;
  topics: number;
  rejectedConnections: number;
  evictedConnections: number;
  invalidMessages: number;
  rateLimited: number;
  relayed: number;
  authOk: number;
  authFailures: number;
  authTimeouts: number;
  unauthorizedSubscribes: number;
  slowConsumersDropped: number;
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
