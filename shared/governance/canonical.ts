import { encodeUtf8 } from 'lib0/string';

/**
 * The one byte string a payload is signed as. Payloads are encoded as canonical JSON — object
 * keys sorted by UTF-16 code units, no whitespace, only integers as numbers — so every peer
 * re-encodes a payload to the same text, and a payload read from the document must already be
 * in that form (no duplicate keys, no other spelling of the same object). The signed bytes are
 * the UTF-8 of {@link SIGNING_DOMAIN} followed by that text, so a signature made for Crisis Room
 * can never be replayed as a signature over some other protocol's message, and a future format
 * gets a new domain.
 */
export const SIGNING_DOMAIN = 'crisis-room/v1\n';

/** Canonical JSON text of a value made of null, booleans, safe integers, strings, arrays and plain objects. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // Integers only: float formatting is where JSON encoders disagree.
      if (!Number.isSafeInteger(value)) throw new TypeError(`Not a safe integer: ${value}`);
      return Object.is(value, -0) ? '0' : String(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new TypeError('Only plain objects can be encoded');
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      const parts: string[] = [];
      for (const k of keys) {
        if (obj[k] === undefined) throw new TypeError(`Undefined value at key ${k}`);
        parts.push(`${JSON.stringify(k)}:${canonicalJson(obj[k])}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`Cannot encode a ${typeof value}`);
  }
}

/** Parses `text` as JSON only if it is the canonical encoding of what it contains; else undefined. */
export function parseCanonicalJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
    return canonicalJson(value) === text ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `text` is the canonical encoding of `value`, for a value already checked against a
 * payload schema (objects with known, non-numeric keys; safe integers only). Sorting a copy and
 * letting the engine's JSON.stringify write it is several times faster than canonicalJson, which
 * matters when a workspace with thousands of entries is opened.
 */
export function isCanonicalEncoding(value: unknown, text: string): boolean {
  return JSON.stringify(sortedCopy(value)) === text;
}

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortedCopy);
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj).sort()) out[k] = sortedCopy(obj[k]);
  return out;
}

/** The bytes a signature covers for canonical payload text `p`. */
export function signingBytes(p: string): Uint8Array {
  return encodeUtf8(SIGNING_DOMAIN + p);
}
