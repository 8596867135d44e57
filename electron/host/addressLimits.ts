import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { HttpGuardOptions } from './signalingOptions.js';

/**
 * Per-address accounting for the signaling host: one stranger on the LAN gets a bounded share
 * (connections, not-yet-authenticated connections, connection rate, TCP sockets), whatever it
 * opens. When a global cap is reached, the newcomer takes a slot from the address holding the
 * most (if that address holds more than the newcomer's would), so members, who hold one or two
 * connections each, are never the ones locked out.
 */

/** `::ffff:10.0.0.2` and `10.0.0.2` are one address. */
export function addressOf(socket: { remoteAddress?: string | undefined }): string {
  const a = socket.remoteAddress ?? 'unknown';
  return a.startsWith('::ffff:') ? a.slice(7) : a;
}

/** A token bucket. */
export class Bucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.at = now;
  }

  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.rate);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Spends `n` (the balance may go below zero); returns the ms until it is positive again (0: it is). */
  spend(n: number, now = Date.now()): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.rate) - n;
    this.at = now;
    return this.tokens >= 0 ? 0 : (-this.tokens / this.rate) * 1000;
  }

  /** Full again (the entry can be forgotten). */
  full(now = Date.now()): boolean {
    return this.tokens + ((now - this.at) / 1000) * this.rate >= this.burst;
  }
}

/** Items grouped by address, in insertion order. */
export class ByAddress<T> {
  private readonly map = new Map<string, Set<T>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get addresses(): number {
    return this.map.size;
  }

  /** Every item (grouped by address). */
  *values(): Generator<T> {
    for (const set of this.map.values()) yield* set;
  }

  of(addr: string): number {
    return this.map.get(addr)?.size ?? 0;
  }

  add(addr: string, item: T): void {
    let set = this.map.get(addr);
    if (!set) this.map.set(addr, (set = new Set()));
    if (!set.has(item)) {
      set.add(item);
      this.count++;
    }
  }

  delete(addr: string, item: T): void {
    const set = this.map.get(addr);
    if (!set?.delete(item)) return;
    this.count--;
    if (set.size === 0) this.map.delete(addr);
  }

  /**
   * The item to give up so `addr` gets a slot: the newest of the address holding the most, if that
   * address would still hold more than `addr` then (`pick` chooses among its items; default newest).
   */
  victimFor(addr: string, pick?: (items: T[]) => T | undefined): T | undefined {
    let top: Set<T> | undefined;
    for (const set of this.map.values()) if (!top || set.size > top.size) top = set;
    if (!top || top.size <= this.of(addr) + 1) return undefined;
    const items = [...top];
    return pick ? pick(items) : items[items.length - 1];
  }
}

/**
 * Guards the HTTP side of a standalone signaling server: sockets per address and in all (the
 * fair-share rule above), request headers within `headersTimeoutMs` (slowloris), and sockets
 * that never send a request are closed after `idleSocketMs`. Upgraded sockets count toward the
 * per-address cap but are never evicted here (the hub manages WebSockets).
 */
export function guardHttpServer(server: Server, o: HttpGuardOptions): { stats(): { sockets: number; refusedSockets: number } } {
  const sockets = new ByAddress<Socket>();
  const upgraded = new WeakSet<Duplex>();
  let refusedSockets = 0;
  server.headersTimeout = o.headersTimeoutMs;
  server.requestTimeout = o.headersTimeoutMs * 2;
  server.keepAliveTimeout = Math.min(server.keepAliveTimeout, 2000);
  server.on('upgrade', (_req, socket: Duplex) => upgraded.add(socket));
  const rates = new Map<string, Bucket>();
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [a, b] of rates) if (b.full(now)) rates.delete(a);
  }, 10_000);
  sweep.unref?.();
  server.once('close', () => clearInterval(sweep));
  server.on('connection', (socket: Socket) => {
    const addr = addressOf(socket);
    let rate = rates.get(addr);
    if (!rate) rates.set(addr, (rate = new Bucket(o.socketRatePerAddress, o.socketBurstPerAddress)));
    // A connection storm is turned away before any HTTP parsing.
    if (!rate.take() || sockets.of(addr) >= o.maxSocketsPerAddress) {
      refusedSockets++;
      socket.destroy();
      return;
    }
    if (sockets.size >= o.maxSockets) {
      const victim = sockets.victimFor(addr, (items) => items.reverse().find((s) => !upgraded.has(s)));
      if (!victim) {
        refusedSockets++;
        socket.destroy();
        return;
      }
      victim.destroy();
      sockets.delete(addressOf(victim), victim);
    }
    sockets.add(addr, socket);
    socket.setTimeout(o.idleSocketMs, () => {
      if (!upgraded.has(socket)) socket.destroy();
    });
    socket.once('close', () => sockets.delete(addr, socket));
  });
  return { stats: () => ({ sockets: sockets.size, refusedSockets }) };
}
