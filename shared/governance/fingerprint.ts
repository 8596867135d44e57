import { digest } from 'lib0/hash/sha256';
import { fromBase64Url } from './base64url.js';

/**
 * A short code two people compare in the room to confirm a member's key: the first 8 bytes of
 * SHA-256 of the raw public key, in two spellings of the same 64 bits — hex in four groups of
 * four (`4F2A-91C3-0B7D-E6A1`, to read aloud) and decimal in four groups of five
 * (`05711 88403 27516 33185`, to compare on a phone's number pad). Synchronous (lib0's SHA-256)
 * so the roster can show it while rendering.
 */
export interface KeyFingerprint {
  hex: string;
  digits: string;
}

/** Fingerprint of a base64url public key; throws on a key that is not canonical base64url. */
export function keyFingerprint(publicKeyB64: string): KeyFingerprint {
  // Panels render it on every status change of sync (a second while a laptop joins): hashed once per key.
  const known = fingerprints.get(publicKeyB64);
  if (known) return known;
  const fp = Object.freeze(computeFingerprint(publicKeyB64));
  if (fingerprints.size >= 256) fingerprints.clear();
  fingerprints.set(publicKeyB64, fp);
  return fp;
}

const fingerprints = new Map<string, KeyFingerprint>();

function computeFingerprint(publicKeyB64: string): KeyFingerprint {
  const raw = fromBase64Url(publicKeyB64);
  if (!raw || raw.length === 0) throw new Error('Not a public key');
  const head = digest(raw).subarray(0, 8);
  let hex = '';
  let n = 0n;
  for (const b of head) {
    hex += b.toString(16).padStart(2, '0').toUpperCase();
    n = (n << 8n) | BigInt(b);
  }
  // 2^64 < 10^20: twenty digits hold the 64 bits exactly.
  const dec = n.toString().padStart(20, '0');
  return {
    hex: hex.match(/.{4}/g)!.join('-'),
    digits: dec.match(/.{5}/g)!.join(' '),
  };
}
