import { AuthOkSchema, ChallengeSchema, authFor, type RoomCredential } from '../../shared/sync/roomAuth';
import type { SignalingConnLike } from './signalingWatch';

/**
 * Answers the signaling host's challenge on y-webrtc's connections: for each credential (the
 * room's, the workspace lobby's) it signs the connection's challenge (shared/sync/roomAuth.ts),
 * and once the host accepts a proof calls `onAuthed` — only then may the connection subscribe to
 * that topic (y-webrtc's own subscription at connect time is ignored by the host). y-webrtc shares
 * one connection per URL between rooms, so the challenge of each socket is remembered here for
 * every room that uses it, also one opened after the challenge arrived.
 */

type Socket = object;
const challenges = new WeakMap<Socket, string>();
const accepted = new WeakMap<Socket, Set<string>>();
const listened = new WeakSet<SignalingConnLike>();

/** Remembers challenges and accepted proofs of a connection (once per connection, for all rooms). */
function listen(c: SignalingConnLike): void {
  if (listened.has(c)) return;
  listened.add(c);
  c.on('message', (m) => {
    const ws = c.ws;
    if (!ws) return;
    const challenge = ChallengeSchema.safeParse(m);
    if (challenge.success) {
      challenges.set(ws, challenge.data.nonce);
      return;
    }
    const ok = AuthOkSchema.safeParse(m);
    if (ok.success) {
      let set = accepted.get(ws);
      if (!set) accepted.set(ws, (set = new Set()));
      set.add(ok.data.topic);
    }
  });
}

/** Whether the host accepted our proof for `topic` on the connection's current socket. */
export function isAuthed(c: SignalingConnLike, topic: string): boolean {
  return !!c.connected && !!c.ws && (accepted.get(c.ws)?.has(topic) ?? false);
}

export interface SignalingAuthOptions {
  conns: () => SignalingConnLike[];
  credentials: RoomCredential[];
  /** The host accepted the proof for `topic` on `conn` (subscribe and announce now). */
  onAuthed: (conn: SignalingConnLike, topic: string) => void;
}

export class SignalingAuth {
  private readonly sent = new WeakMap<Socket, Set<string>>();
  private readonly reported = new WeakMap<Socket, Set<string>>();
  private readonly listeners = new Map<SignalingConnLike, (m: unknown) => void>();
  private disposed = false;

  constructor(private readonly o: SignalingAuthOptions) {}

  /** Listens on new connections and answers known challenges (call often; cheap). */
  attach(): void {
    if (this.disposed) return;
    for (const c of this.o.conns()) {
      listen(c);
      if (!this.listeners.has(c)) {
        const l = (m: unknown) => this.onMessage(c, m);
        this.listeners.set(c, l);
        c.on('message', l);
      }
      this.answer(c);
      for (const cred of this.o.credentials) if (isAuthed(c, cred.topic)) this.report(c, cred.topic);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const [c, l] of this.listeners) c.off('message', l);
    this.listeners.clear();
  }

  private answer(c: SignalingConnLike): void {
    const ws = c.ws;
    if (!ws || !c.connected) return;
    const nonce = challenges.get(ws);
    if (!nonce) return;
    let sent = this.sent.get(ws);
    if (!sent) this.sent.set(ws, (sent = new Set()));
    for (const cred of this.o.credentials) {
      if (sent.has(cred.topic)) continue;
      sent.add(cred.topic);
      c.send(authFor(cred, nonce));
    }
  }

  private report(c: SignalingConnLike, topic: string): void {
    const ws = c.ws!;
    let done = this.reported.get(ws);
    if (!done) this.reported.set(ws, (done = new Set()));
    if (done.has(topic)) return;
    done.add(topic);
    this.o.onAuthed(c, topic);
  }

  private onMessage(c: SignalingConnLike, m: unknown): void {
    if (this.disposed) return;
    const type = (m as { type?: unknown } | null)?.type;
    if (type === 'challenge') this.answer(c);
    else if (type === 'auth-ok') {
      const ok = AuthOkSchema.safeParse(m);
      if (ok.success && this.o.credentials.some((cred) => cred.topic === ok.data.topic) && isAuthed(c, ok.data.topic)) this.report(c, ok.data.topic);
    }
  }
}
