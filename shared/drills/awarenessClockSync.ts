import { z } from 'zod';
import type { ClockPong, ClockSyncTransport } from './clockSync.js';

/**
 * Clock-offset exchanges over Yjs awareness, so they work over whatever carries the workspace's
 * sync (y-webrtc, BroadcastChannel, a test relay) and leave nothing in the document.
 *
 * Every participant publishes `drillClock: { deviceId }` in its awareness state. A peer adds
 * `ping: { id, t0, to }` addressed to the facilitator's device id; the facilitator notes t1 when
 * the ping shows up, and answers in its own state under `pongs[<peer clientID>] = { id, t0, t1, t2 }`.
 * Everything read from another peer's state is validated (it came over the network).
 */
export const AWARENESS_FIELD = 'drillClock';

/** The subset of y-protocols' Awareness this module needs. */
export interface AwarenessLike {
  clientID: number;
  getLocalState(): Record<string, unknown> | null;
  setLocalStateField(field: string, value: unknown): void;
  getStates(): Map<number, Record<string, unknown>>;
  on(event: 'change', cb: (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void): void;
  off(event: 'change', cb: (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void): void;
}

const Stamp = z.number().finite();
const Ping = z.object({ id: z.string().min(1).max(64), t0: Stamp, to: z.string().min(1).max(128) });
const Pong = z.object({ id: z.string().min(1).max(64), t0: Stamp, t1: Stamp, t2: Stamp });
const ClockField = z.object({
  deviceId: z.string().min(1).max(128),
  ping: Ping.optional(),
  pongs: z.record(z.string().max(20), Pong).optional(),
});
type ClockField = z.infer<typeof ClockField>;

function fieldOf(state: Record<string, unknown> | null | undefined): ClockField | null {
  if (!state) return null;
  const r = ClockField.safeParse(state[AWARENESS_FIELD]);
  return r.success ? r.data : null;
}

function ownField(awareness: AwarenessLike, deviceId: string): ClockField {
  return fieldOf(awareness.getLocalState()) ?? { deviceId };
}

/** Announces this laptop's device id (so peers can find the facilitator among awareness states). */
export function announceDevice(awareness: AwarenessLike, deviceId: string): void {
  const own = ownField(awareness, deviceId);
  awareness.setLocalStateField(AWARENESS_FIELD, { ...own, deviceId });
}

/** Awareness client ids currently announcing `deviceId`. */
export function clientsOfDevice(awareness: AwarenessLike, deviceId: string): number[] {
  const out: number[] = [];
  for (const [client, state] of awareness.getStates()) if (fieldOf(state)?.deviceId === deviceId) out.push(client);
  return out;
}

/**
 * Facilitator side: answers every ping addressed to `deviceId`. Returns a disposer.
 * `now` is the facilitator's wall clock.
 */
export function answerClockPings(awareness: AwarenessLike, deviceId: string, now: () => number): () => void {
  const answered = new Map<number, string>();
  const onChange = (changes: { added: number[]; updated: number[]; removed: number[] }) => {
    const t1 = now();
    const states = awareness.getStates();
    const replies: Record<string, z.infer<typeof Pong>> = {};
    let fresh = false;
    for (const client of [...changes.added, ...changes.updated]) {
      if (client === awareness.clientID) continue;
      const ping = fieldOf(states.get(client))?.ping;
      if (!ping || ping.to !== deviceId || answered.get(client) === ping.id) continue;
      answered.set(client, ping.id);
      replies[String(client)] = { id: ping.id, t0: ping.t0, t1, t2: 0 };
      fresh = true;
    }
    for (const client of changes.removed) answered.delete(client);
    if (!fresh) return;
    const own = ownField(awareness, deviceId);
    // Keep answers only for peers still present, so the state stays small.
    const kept: Record<string, z.infer<typeof Pong>> = {};
    for (const [client, pong] of Object.entries(own.pongs ?? {})) if (states.has(Number(client)) && answered.has(Number(client))) kept[client] = pong;
    const t2 = now();
    for (const [client, pong] of Object.entries(replies)) kept[client] = { ...pong, t2 };
    awareness.setLocalStateField(AWARENESS_FIELD, { ...own, deviceId, pongs: kept });
  };
  awareness.on('change', onChange);
  return () => awareness.off('change', onChange);
}

export interface AwarenessTransportOptions {
  /** Give up on one exchange after this many ms (default 2000). */
  timeoutMs?: number;
  /** Source of ping ids (default: a counter with a random prefix). */
  nextId?: () => string;
}

/**
 * Peer side: a ClockSyncTransport that pings the facilitator (`facilitatorDeviceId`) through
 * awareness. One exchange at a time (measureOffset runs them in sequence).
 */
export function awarenessTransport(awareness: AwarenessLike, ownDeviceId: string, facilitatorDeviceId: string, opts: AwarenessTransportOptions = {}): ClockSyncTransport {
  let counter = 0;
  const prefix = Math.random().toString(36).slice(2, 8);
  const nextId = opts.nextId ?? (() => `${prefix}-${++counter}`);
  return {
    request(t0: number): Promise<ClockPong> {
      const id = nextId();
      return new Promise<ClockPong>((resolve, reject) => {
        const me = String(awareness.clientID);
        const check = () => {
          for (const client of clientsOfDevice(awareness, facilitatorDeviceId)) {
            const pong = fieldOf(awareness.getStates().get(client))?.pongs?.[me];
            if (pong && pong.id === id && pong.t0 === t0) {
              finish();
              resolve({ t1: pong.t1, t2: pong.t2 });
              return;
            }
          }
        };
        const onChange = () => check();
        const timer = setTimeout(() => {
          finish();
          reject(new Error('The facilitator did not answer in time'));
        }, opts.timeoutMs ?? 2000);
        const finish = () => {
          clearTimeout(timer);
          awareness.off('change', onChange);
        };
        awareness.on('change', onChange);
        const own = ownField(awareness, ownDeviceId);
        awareness.setLocalStateField(AWARENESS_FIELD, { ...own, deviceId: ownDeviceId, ping: { id, t0, to: facilitatorDeviceId } });
      });
    },
  };
}
