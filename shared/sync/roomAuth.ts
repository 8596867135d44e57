import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { z } from 'zod';
import { fromBase64Url, toBase64Url } from '../governance/base64url.js';

/**
 * Proving knowledge of a room key to a signaling host that knows no key.
 *
 * From the room key, HKDF-SHA-256 derives an Ed25519 seed; the room's signaling topic is
 * `cr1.` + base64url(SHA-256(domain ‖ public key)). The topic is also the y-webrtc room name, so
 * it names nothing (no workspace id) and follows the key: after a rotation, members move to the
 * new key's topic. The host sends each WebSocket a random challenge; a client subscribes to a
 * topic only by sending the public key and its signature over (domain, challenge, topic): the
 * host checks that the key hashes to the topic and that the signature verifies. A signature is
 * bound to one connection's challenge, so a captured one is worthless elsewhere.
 *
 * The same derivation, keyed by the workspace id instead, gives the workspace's *lobby*: where
 * laptops holding different room keys for one workspace notice each other (wrong or outdated
 * invite), without any of them being able to read the room.
 *
 * Everything is synchronous (@noble/curves, @noble/hashes): the room name is needed the moment
 * y-webrtc opens the room.
 */

const enc = new TextEncoder();
const bytes = (s: string) => enc.encode(s);

/** Prefix of derived topics (and of nothing else the host accepts without proof). */
export const TOPIC_PREFIX = 'cr1.';
/** A derived topic: the prefix and 43 base64url characters (a SHA-256). */
export const TOPIC_PATTERN = /^cr1\.[A-Za-z0-9_-]{43}$/;
/** A sub-topic of a proven topic (e.g. `<topic>/relay`). */
export const SUBTOPIC_PATTERN = /^(cr1\.[A-Za-z0-9_-]{43})\/([a-z]{1,16})$/;
const AUTH_DOMAIN = 'crisis-room/signal-auth/v1';
const TOPIC_DOMAIN = 'crisis-room/signal-topic/v1';

/** Knowledge of one room key (or lobby secret), as a signing credential for the signaling host. */
export interface RoomCredential {
  /** The topic (y-webrtc room name) this credential may subscribe to. */
  readonly topic: string;
  /** Ed25519 public key, base64url (43 characters). */
  readonly publicKey: string;
  /** Signs a host's challenge for this topic (base64url signature). */
  signChallenge(nonce: string): string;
}

function credentialFrom(secret: string, salt: string): RoomCredential {
  const seed = hkdf(sha256, bytes(secret), bytes(salt), bytes('ed25519 seed'), 32);
  const pub = ed25519.getPublicKey(seed);
  const topic = topicForPublicKey(pub);
  return {
    topic,
    publicKey: toBase64Url(pub),
    signChallenge: (nonce) => toBase64Url(ed25519.sign(authMessage(nonce, topic), seed)),
  };
}

/**
 * Builds the Ed25519 base-point tables ahead of need, with a smaller window than @noble's default
 * (4: about 30 ms once, against about 60 ms on first use): the first credential is made the
 * moment sync starts, and that froze a laptop joining a room for as long (issue 14, bench P15).
 * At idle once the first screen is done (renderer/app/wiring.ts), and before sync starts at the
 * latest (renderer/sync/syncLifecycle.ts); later calls do nothing.
 */
let prepared = false;
export function prepareRoomAuth(): void {
  if (prepared) return;
  prepared = true;
  ed25519.Point.BASE.precompute(4, false);
}

/** The credential of a room key (its topic is the y-webrtc room name). */
export function roomCredential(roomKey: string): RoomCredential {
  return credentialFrom(roomKey, 'crisis-room/room/v1');
}

/** The credential of a workspace's lobby (anyone with the workspace id, i.e. any invite). */
export function lobbyCredential(workspaceId: string): RoomCredential {
  return credentialFrom(workspaceId, 'crisis-room/lobby/v1');
}

/** Raw 32-byte secret for the lobby's message encryption (AES-GCM key material). */
export function lobbyCipherBytes(workspaceId: string): Uint8Array {
  return hkdf(sha256, bytes(workspaceId), bytes('crisis-room/lobby/v1'), bytes('aes-gcm key'), 32);
}

/** A short public fingerprint of a room key: equal for equal keys, says nothing about the key. */
export function roomKeyId(roomKey: string): string {
  return toBase64Url(hkdf(sha256, bytes(roomKey), bytes('crisis-room/room/v1'), bytes('key id'), 12));
}

/**
 * Keyed tag of a peer id for relay envelopes: members of the room compute it, an eavesdropper on
 * the ws:// link cannot map it to anything (the peer ids themselves travel only encrypted).
 */
export function peerTagger(roomKey: string): (peerId: string) => string {
  const key = hkdf(sha256, bytes(roomKey), bytes('crisis-room/room/v1'), bytes('relay tag'), 32);
  return (peerId) => toBase64Url(hmac(sha256, key, bytes(peerId)).subarray(0, 16));
}

/** The topic of an Ed25519 public key. */
export function topicForPublicKey(pub: Uint8Array): string {
  const domain = bytes(TOPIC_DOMAIN);
  const input = new Uint8Array(domain.length + pub.length);
  input.set(domain);
  input.set(pub, domain.length);
  return TOPIC_PREFIX + toBase64Url(sha256(input));
}

/** What is signed to subscribe to `topic` on the connection that got challenge `nonce`. */
export function authMessage(nonce: string, topic: string): Uint8Array {
  return bytes(`${AUTH_DOMAIN}\n${nonce}\n${topic}`);
}

/**
 * Checks an auth claim against a challenge with a given Ed25519 verifier (the host passes a
 * native one; the default is @noble's). False for anything malformed (never throws).
 */
export function verifyRoomAuth(
  claim: { topic: string; pub: string; sig: string },
  nonce: string,
  verify: (sig: Uint8Array, msg: Uint8Array, pub: Uint8Array) => boolean = (s, m, p) => ed25519.verify(s, m, p),
): boolean {
  if (!TOPIC_PATTERN.test(claim.topic)) return false;
  const pub = fromBase64Url(claim.pub);
  const sig = fromBase64Url(claim.sig);
  if (!pub || pub.length !== 32 || !sig || sig.length !== 64) return false;
  if (topicForPublicKey(pub) !== claim.topic) return false;
  try {
    return verify(sig, authMessage(nonce, claim.topic), pub);
  } catch {
    return false;
  }
}

// ── Messages between host and client (besides y-webrtc's subscribe/unsubscribe/publish/ping) ──

const B64 = (n: number) => z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${n}}$`));
/** Host → client, first message on every connection. */
export const ChallengeSchema = z.object({ type: z.literal('challenge'), v: z.literal(1), nonce: B64(43), authMs: z.number().int().positive().max(120_000) });
/** Client → host: proves the room key of `topic`. */
export const AuthSchema = z.object({ type: z.literal('auth'), topic: z.string().regex(TOPIC_PATTERN), pub: B64(43), sig: B64(86) });
/** Host → client: the proof was accepted; the connection may subscribe to the topic (and its sub-topics). */
export const AuthOkSchema = z.object({ type: z.literal('auth-ok'), topic: z.string().regex(TOPIC_PATTERN) });

/** The auth message for a challenge. */
export function authFor(cred: RoomCredential, nonce: string): z.infer<typeof AuthSchema> {
  return { type: 'auth', topic: cred.topic, pub: cred.publicKey, sig: cred.signChallenge(nonce) };
}

/** A fresh challenge nonce (32 random bytes, base64url). */
export function newNonce(): string {
  return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}
