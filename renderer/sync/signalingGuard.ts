import { z } from 'zod';
import { decryptJson } from './signalingCrypto';
import type { SignalingConnLike } from './signalingWatch';
import { listenersOf } from './internals/lib0';

/**
 * Stands between the signaling connection and y-webrtc's message handler. y-webrtc decrypts
 * every publish of a room and acts on it without catching anything: a message made with another
 * key rejects (an uncaught OperationError in the page), junk base64 throws, and a decrypted
 * message of an unexpected shape throws a TypeError. Here each publish on a room we know is
 * decrypted first, in order, and checked against the two shapes y-webrtc acts on (announce,
 * signal); only those reach y-webrtc. Everything else is counted and dropped, silently.
 * Our own messages on the room topic (host checks, see hostCheck.ts) are skipped uncounted.
 */

/** What the guard dropped (diagnostics; shown nowhere as an error). */
export const signalingJunk = { undecryptable: 0, invalid: 0 };

/** A room y-webrtc holds, as the guard needs it. */
export interface GuardedRoom {
  key: CryptoKey;
  /** y-webrtc's connections of the room, by remote peer id. */
  webrtcConns: Map<string, unknown>;
}

const rooms = new Map<string, () => GuardedRoom | null>();
const guarded = new WeakSet<SignalingConnLike>();
const wrappedSockets = new WeakSet<object>();
const OUR_TYPES = new Set(['hostcheck', 'hostcheck-ok']);

const Peer = z.string().min(1).max(100);
const AnnounceSchema = z.object({ type: z.literal('announce'), from: Peer });
const SignalSchema = z.object({
  type: z.literal('signal'),
  from: Peer,
  to: Peer,
  token: z.number().optional(),
  signal: z.object({ type: z.string().max(32).optional() }).passthrough(),
});

/** Makes the guard check publishes on `topic` (the room's name); returns the undo. */
export function registerRoom(topic: string, get: () => GuardedRoom | null): () => void {
  rooms.set(topic, get);
  return () => {
    if (rooms.get(topic) === get) rooms.delete(topic);
  };
}

type Listener = (message: unknown, client?: unknown) => void;

/** Whether a decrypted room message may reach y-webrtc. */
function acceptable(data: unknown, room: GuardedRoom): boolean {
  if (AnnounceSchema.safeParse(data).success) return true;
  const signal = SignalSchema.safeParse(data);
  if (!signal.success) return false;
  // y-webrtc dereferences the connection an answer is for without checking it exists.
  if (signal.data.signal.type === 'answer' && !room.webrtcConns.has(signal.data.from)) return false;
  return true;
}

function wrap(theirs: Listener): Listener {
  let chain: Promise<unknown> = Promise.resolve();
  return (m, client) => {
    const msg = m as { type?: unknown; topic?: unknown; data?: unknown } | null;
    if (!msg || msg.type !== 'publish' || typeof msg.topic !== 'string') return theirs(m, client);
    const get = rooms.get(msg.topic);
    // Not one of our rooms (e.g. a raw y-webrtc room of a test page): y-webrtc decides.
    if (!get) return theirs(m, client);
    const room = get();
    if (!room) return;
    if (typeof msg.data !== 'string' || msg.data.length > 64 * 1024) {
      signalingJunk.invalid++;
      return;
    }
    const data = msg.data;
    // In order: an offer must reach y-webrtc before the candidates that follow it.
    chain = chain.then(() =>
      decryptJson(data, room.key).then(
        (plain) => {
          if (acceptable(plain, room)) theirs(m, client);
          else if (!OUR_TYPES.has(String((plain as { type?: unknown } | null)?.type))) signalingJunk.invalid++;
        },
        () => {
          signalingJunk.undecryptable++;
        },
      ),
    );
  };
}

/**
 * Puts the guard in front of the connection's existing 'message' listeners (y-webrtc's, which it
 * registers when it creates the connection) — once per connection — and makes its socket's
 * message handler swallow what lib0 cannot parse (a host sending non-JSON).
 */
export function guardConn(c: SignalingConnLike): void {
  if (!guarded.has(c)) {
    guarded.add(c);
    for (const f of listenersOf(c, 'message') as Listener[]) {
      c.off('message', f);
      c.on('message', wrap(f));
    }
    c.on('connect', () => guardSocket(c));
  }
  guardSocket(c);
}

function guardSocket(c: SignalingConnLike): void {
  const ws = c.ws;
  if (!ws || wrappedSockets.has(ws)) return;
  wrappedSockets.add(ws);
  const theirs = ws.onmessage;
  if (!theirs) return;
  ws.onmessage = function (this: WebSocket, ev: MessageEvent) {
    try {
      return theirs.call(this, ev);
    } catch {
      signalingJunk.invalid++;
    }
  };
}
