import type { Subtle, WebCryptoKey } from '../governance/webcrypto.js';
import { fromBase64Url, toBase64Url } from '../governance/base64url.js';
import { sign, verifySignature, type Signer } from '../governance/keys.js';

/**
 * The two proofs an invite code carries (see invite.ts):
 * - a MAC: HMAC-SHA256 under a key derived with HKDF-SHA256 from the workspace's room key, over
 *   everything before it in the code (prefix, body and signature). It proves the code was made by
 *   someone who knows the room key it names and has not changed since; checked with a laptop's
 *   *own* room key, it proves the code comes from someone who knows that key.
 * - a signature by the inviting member's device key (Ed25519), over the prefix and body under its
 *   own domain string, so it can never pass for a governance entry's signature. Whether the signer
 *   is a member is decided against the roster, not here.
 */

/** HKDF salt: names this use of the room key (a new format gets a new salt). */
const MAC_SALT = 'crisis-room/invite-mac/v1';
/** HKDF info. */
const MAC_INFO = 'invite code';
/** What the inviter's device key signs before the code's own text. */
export const INVITE_SIGNING_DOMAIN = 'crisis-room/invite/v3\n';

const utf8 = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(new TextEncoder().encode(text));

const subtle = (): Subtle => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available here');
  return s;
};

// Derived MAC keys by room key: a laptop checks few keys, often the same one again.
const macKeys = new Map<string, Promise<WebCryptoKey>>();

/** The HMAC-SHA256 key for invites of the room whose key is `roomKey` (HKDF-SHA256, not extractable). */
export function inviteMacKey(roomKey: string): Promise<WebCryptoKey> {
  let key = macKeys.get(roomKey);
  if (!key) {
    key = subtle()
      .importKey('raw', utf8(roomKey), 'HKDF', false, ['deriveKey'])
      .then((base) =>
        subtle().deriveKey(
          { name: 'HKDF', hash: 'SHA-256', salt: utf8(MAC_SALT), info: utf8(MAC_INFO) },
          base,
          { name: 'HMAC', hash: 'SHA-256', length: 256 },
          false,
          ['sign', 'verify'],
        ),
      );
    if (macKeys.size >= 64) macKeys.clear();
    macKeys.set(roomKey, key);
  }
  return key;
}

/** The MAC (32 bytes, base64url) of `text` under the invite key derived from `roomKey`. */
export async function inviteMac(roomKey: string, text: string): Promise<string> {
  const mac = await subtle().sign('HMAC', await inviteMacKey(roomKey), utf8(text));
  return toBase64Url(new Uint8Array(mac));
}

/** Whether `macB64` is the MAC of `text` under `roomKey` (constant-time compare by WebCrypto). */
export async function checkInviteMac(roomKey: string, text: string, macB64: string): Promise<boolean> {
  const mac = fromBase64Url(macB64);
  if (!mac || mac.length !== 32) return false;
  try {
    return await subtle().verify('HMAC', await inviteMacKey(roomKey), new Uint8Array(mac), utf8(text));
  } catch {
    return false;
  }
}

/** The inviter's signature over `signed` (the code's prefix and body). */
export function signInvite(signer: Signer, signed: string): Promise<string> {
  return sign(signer.signing.privateKey, utf8(INVITE_SIGNING_DOMAIN + signed));
}

/** Whether `sigB64` is `publicKey`'s signature over `signed`. Never throws. */
export function checkInviteSignature(publicKey: string, signed: string, sigB64: string): Promise<boolean> {
  return verifySignature(publicKey, utf8(INVITE_SIGNING_DOMAIN + signed), sigB64);
}
