/**
 * Strict base64url (RFC 4648 §5, no padding). Keys and signatures are compared as strings, so
 * each byte string must have exactly one spelling: the decoder rejects padding, foreign
 * characters and non-zero trailing bits instead of ignoring them as lenient decoders do.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

/** Encodes bytes as unpadded base64url. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** Decodes unpadded base64url; undefined for anything that is not its one canonical spelling. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? INDEX[code]! : -1;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, or two spellings would decode to the same bytes.
  if ((acc & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}

/** A regular expression matching the canonical base64url spelling of exactly `bytes` bytes. */
export function base64UrlPattern(bytes: number): RegExp {
  const full = Math.floor((bytes * 8) / 6);
  const tailBits = (bytes * 8) % 6;
  if (tailBits === 0) return new RegExp(`^[A-Za-z0-9_-]{${full}}$`);
  // The last character carries `tailBits` data bits followed by zero bits.
  const step = 1 << (6 - tailBits);
  const last = [...ALPHABET].filter((_, i) => i % step === 0).join('').replace('-', '\\-');
  return new RegExp(`^[A-Za-z0-9_-]{${full}}[${last}]$`);
}
