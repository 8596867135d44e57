import type * as Y from 'yjs';
import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';
import { canonicalBody, type BodyNode } from './body.js';

/**
 * Content hash of a statement body: SHA-256 (hex) of its canonical serialization. Synchronous
 * (lib0's pure-JS SHA-256 in the browser, Node's in Node), so the displayed status can be derived
 * during render without waiting on WebCrypto.
 */
export function contentHash(body: Y.XmlFragment | BodyNode): string {
  return sha256Hex(canonicalBody(body));
}

/** SHA-256 of a string's UTF-8 bytes, as 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  const bytes = digest(encodeUtf8(text));
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** First characters of a hash, for showing next to an approval. */
export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}
