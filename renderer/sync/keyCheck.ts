import { z } from 'zod';
import type { RoomCredential } from '../../shared/sync/roomAuth';
import { decryptJson, encryptJson } from './signalingCrypto';
import type { SignalingConnLike } from './signalingWatch';
import { signalingJunk } from './signalingGuard';

/**
 * Tells a laptop, within seconds, that members of its workspace are reachable but hold another
 * room key (a wrong or outdated invite, or a key rotated while it was away). Rooms are named by
 * their key, so such a laptop is alone in a room of its own; the workspace's *lobby* (a topic
 * derived from the workspace id, which every invite carries) is where laptops of one workspace
 * meet whatever key they hold. There each says once which key it holds — a key id (a public
 * fingerprint, shared/sync/roomAuth.ts roomKeyId) — encrypted with a key derived from the
 * workspace id, and answers newcomers. Nothing else travels there, and the room stays closed.
 */

const BeaconSchema = z.object({ type: z.literal('beacon'), from: z.string().min(1).max(100), kid: z.string().min(8).max(32), reply: z.boolean() });

/** What this laptop knows of the other laptops in the lobby. */
export interface KeyMismatch {
  /** Laptops seen lately holding another key than ours. */
  others: number;
  /** Since when (first sighting of the current run of them). */
  since: number;
}

export interface KeyCheckOptions {
  lobby: RoomCredential;
  /** AES-GCM key of the lobby's messages. */
  cipher: Promise<CryptoKey>;
  /** Our room key's id. */
  keyId: string;
  now?: () => number;
  /** A sighting counts this long (default 30 s). */
  freshMs?: number;
}

export class KeyCheck {
  private readonly seen = new Map<string, { kid: string; at: number }>();
  private readonly listening = new Map<SignalingConnLike, (m: unknown) => void>();
  private lastReplyAt = 0;
  private mismatchSince: number | null = null;
  private readonly now: () => number;
  /** Who we are in the lobby: a random id of this run (the room's peer id stays in the room). */
  private readonly self = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  /** Lobby messages not made with the lobby key (diagnostics). */
  undecryptable = 0;

  constructor(private readonly o: KeyCheckOptions) {
    this.now = o.now ?? (() => Date.now());
  }

  get topic(): string {
    return this.o.lobby.topic;
  }

  /** The host accepted our lobby proof on `conn`: join the lobby and say which key we hold. */
  onAuthed(conn: SignalingConnLike): void {
    if (!this.listening.has(conn)) {
      const l = (m: unknown) => this.onMessage(conn, m);
      this.listening.set(conn, l);
      conn.on('message', l);
    }
    conn.send({ type: 'subscribe', topics: [this.o.lobby.topic] });
    void this.beacon(conn, false);
  }

  /** Others hold another key and none of them ours (null: no sign of a mismatch). */
  mismatch(now = this.now()): KeyMismatch | null {
    const fresh = now - (this.o.freshMs ?? 30_000);
    let others = 0;
    for (const [id, s] of this.seen) {
      if (s.at < fresh) this.seen.delete(id);
      else if (s.kid !== this.o.keyId) others++;
    }
    if (others === 0) {
      this.mismatchSince = null;
      return null;
    }
    this.mismatchSince ??= now;
    return { others, since: this.mismatchSince };
  }

  dispose(): void {
    for (const [c, l] of this.listening) c.off('message', l);
    this.listening.clear();
  }

  private async beacon(conn: SignalingConnLike, reply: boolean): Promise<void> {
    const data = await encryptJson({ type: 'beacon', from: this.self, kid: this.o.keyId, reply }, await this.o.cipher);
    if (conn.connected) conn.send({ type: 'publish', topic: this.o.lobby.topic, data });
  }

  /** Handles a lobby message (exposed for tests). */
  async onMessage(conn: SignalingConnLike, m: unknown): Promise<void> {
    const msg = m as { type?: unknown; topic?: unknown; data?: unknown } | null;
    if (!msg || msg.type !== 'publish' || msg.topic !== this.o.lobby.topic) return;
    if (typeof msg.data !== 'string' || msg.data.length > 4096) {
      signalingJunk.invalid++;
      return;
    }
    let plain: unknown;
    try {
      plain = await decryptJson(msg.data, await this.o.cipher);
    } catch {
      this.undecryptable++;
      signalingJunk.undecryptable++;
      return;
    }
    const beacon = BeaconSchema.safeParse(plain);
    if (!beacon.success) {
      signalingJunk.invalid++;
      return;
    }
    if (beacon.data.from === this.self) return;
    const now = this.now();
    this.seen.set(beacon.data.from, { kid: beacon.data.kid, at: now });
    if (this.seen.size > 256) this.seen.delete(this.seen.keys().next().value!);
    // A newcomer learns who is here from the answers (at most one a second from us).
    if (!beacon.data.reply && now - this.lastReplyAt >= 1000) {
      this.lastReplyAt = now;
      await this.beacon(conn, true);
    }
  }
}

/** Imports the lobby's AES-GCM key from its derived bytes. */
export function lobbyCipher(bytes: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(bytes), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}
