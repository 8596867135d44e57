import { create } from 'zustand';
import { AuthOkSchema, ChallengeSchema, authFor, roomCredential, type RoomCredential } from '../../shared/sync/roomAuth';
import { decryptJson, encryptJson } from './signalingCrypto';
import { HostCheckReplySchema } from './signalingRelay';

/**
 * Verifying a LAN host before the app says which workspace it serves. A host discovered over mDNS
 * is only an address anyone on the LAN can announce, and the host itself knows no room key, so it
 * cannot prove anything about a workspace. What can: a member holding the room key answering
 * through it. The check opens its own connection to the host, proves the room key (the host lets
 * it into the room's topic), publishes a fresh random nonce encrypted with the room key, and waits
 * for members (signalingRelay.ts answers host checks) to send it back, encrypted. A host without
 * the key can neither read nor forge the answer, and a replayed old answer carries an old nonce.
 */

export type HostCheckResult = { ok: true; members: number } | { ok: false; reason: 'noMember' | 'unreachable' | 'refused' };

export interface HostCheckOptions {
  credential: RoomCredential;
  /** y-webrtc's AES key of the room (what members decrypt room messages with). */
  roomKey: CryptoKey;
  /** How long to wait for answers (default 4 s). */
  timeoutMs?: number;
  /** WebSocket constructor (tests pass Node's). */
  WebSocketImpl?: new (url: string) => WebSocket;
}

const randomId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** Checks whether members of the credential's room answer through the host at `url`. */
export function checkHost(url: string, o: HostCheckOptions): Promise<HostCheckResult> {
  const Impl = o.WebSocketImpl ?? WebSocket;
  const nonce = randomId();
  const self = randomId();
  const topic = o.credential.topic;
  return new Promise((resolve) => {
    let ws: WebSocket;
    try {
      ws = new Impl(url);
    } catch {
      return resolve({ ok: false, reason: 'unreachable' });
    }
    const members = new Set<string>();
    let opened = false;
    let authed = false;
    let settled = false;
    const finish = (r: HostCheckResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        ws.close();
      } catch {
        /* already closed */
      }
      resolve(r);
    };
    const result = (): HostCheckResult => (members.size > 0 ? { ok: true, members: members.size } : { ok: false, reason: opened && authed ? 'noMember' : opened ? 'refused' : 'unreachable' });
    const timer = setTimeout(() => finish(result()), o.timeoutMs ?? 4000);
    const send = (m: unknown) => ws.readyState === 1 && ws.send(JSON.stringify(m));
    ws.onopen = () => {
      opened = true;
    };
    ws.onerror = () => undefined;
    ws.onclose = () => finish(result());
    ws.onmessage = (ev: MessageEvent) => {
      let m: unknown;
      try {
        m = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      const challenge = ChallengeSchema.safeParse(m);
      if (challenge.success) return void send(authFor(o.credential, challenge.data.nonce));
      const ok = AuthOkSchema.safeParse(m);
      if (ok.success && ok.data.topic === topic) {
        authed = true;
        send({ type: 'subscribe', topics: [topic] });
        void encryptJson({ type: 'hostcheck', nonce, from: self }, o.roomKey).then((data) => send({ type: 'publish', topic, data }));
        return;
      }
      const pub = m as { type?: unknown; topic?: unknown; data?: unknown };
      if (pub.type !== 'publish' || pub.topic !== topic || typeof pub.data !== 'string') return;
      decryptJson(pub.data, o.roomKey).then(
        (plain) => {
          const reply = HostCheckReplySchema.safeParse(plain);
          if (!reply.success || reply.data.nonce !== nonce || reply.data.to !== self) return;
          members.add(reply.data.from);
          // Give other members a moment to answer too, then report.
          setTimeout(() => finish(result()), 500);
        },
        () => undefined,
      );
    };
  });
}

/** One host's verification for one workspace. */
export interface HostVerification {
  workspaceId: string;
  state: 'checking' | 'verified' | 'failed';
  members?: number;
  reason?: 'noMember' | 'unreachable' | 'refused' | 'noKey';
  at: number;
}

/** Verifications of hosts (by URL), for the host panel. Kept for this session only. */
export const useHostChecks = create<{ byUrl: Record<string, HostVerification> }>(() => ({ byUrl: {} }));

/** y-webrtc's AES key of a room (src/crypto.js deriveKey: PBKDF2 of the room key, salted with the room name). */
export async function roomAesKey(roomKey: string, roomName: string): Promise<CryptoKey> {
  const enc = new TextEncoder();
  const material = await crypto.subtle.importKey('raw', enc.encode(roomKey), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', salt: enc.encode(roomName), iterations: 100_000, hash: 'SHA-256' }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Verifies `url` for a workspace with this laptop's room key of it (sync need not run). */
export async function verifyHost(url: string, workspaceId: string, roomKey: string | null): Promise<void> {
  const set = (v: HostVerification) => useHostChecks.setState((s) => ({ byUrl: { ...s.byUrl, [url]: v } }));
  if (!roomKey) return set({ workspaceId, state: 'failed', reason: 'noKey', at: Date.now() });
  set({ workspaceId, state: 'checking', at: Date.now() });
  const credential = roomCredential(roomKey);
  const r = await checkHost(url, { credential, roomKey: await roomAesKey(roomKey, credential.topic) });
  set(r.ok ? { workspaceId, state: 'verified', members: r.members, at: Date.now() } : { workspaceId, state: 'failed', reason: r.reason, at: Date.now() });
}
