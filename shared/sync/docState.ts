import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { hasPendingUpdates } from '../doc/yjsInternals.js';

/**
 * What a peer tells another about its copy of the workspace, cheaply: the state vector (which
 * insertions it holds, per client) plus a hash of its delete set (removals do not advance the
 * state vector, so two copies with equal vectors can still differ in what they deleted).
 */
export interface DocState {
  /** Encoded state vector (what `Y.encodeStateAsUpdate(doc, sv)` needs). */
  sv: Uint8Array;
  /** client → clock, for comparisons. */
  svMap: Map<number, number>;
  /** Hash of the encoded delete set. */
  ds: string;
  /** Yjs holds updates whose dependencies have not arrived yet. */
  pending: boolean;
}

/** cyrb53-style 53-bit hash, as hex: fast, well mixed, not cryptographic (it only spots change). */
export function hashBytes(bytes: Uint8Array): string {
  let h1 = 0xdeadbeef ^ bytes.length;
  let h2 = 0x41c6ce57 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    h1 = Math.imul(h1 ^ b, 2654435761);
    h2 = Math.imul(h2 ^ b, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** Encodes a delete set deterministically (Yjs sorts clients; ranges are maximal runs). */
function encodeDeleteSet(doc: Y.Doc): Uint8Array {
  const snap = Y.snapshot(doc);
  const enc = encoding.createEncoder();
  const clients = [...snap.ds.clients.entries()].sort((a, b) => a[0] - b[0]);
  for (const [client, items] of clients) {
    encoding.writeVarUint(enc, client);
    encoding.writeVarUint(enc, items.length);
    for (const it of items) {
      encoding.writeVarUint(enc, it.clock);
      encoding.writeVarUint(enc, it.len);
    }
  }
  return encoding.toUint8Array(enc);
}

/**
 * Reads a document's state, caching it until the document changes (the delete-set hash walks
 * every struct, which is worth avoiding on each heartbeat of a multi-megabyte workspace).
 */
export class DocStateReader {
  private cached: DocState | null = null;
  private readonly onUpdate = () => {
    this.cached = null;
  };

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.onUpdate);
  }

  read(): DocState {
    if (this.cached) return this.cached;
    const sv = Y.encodeStateVector(this.doc);
    const state: DocState = {
      sv,
      svMap: Y.decodeStateVector(sv),
      ds: hashBytes(encodeDeleteSet(this.doc)),
      pending: hasPendingUpdates(this.doc),
    };
    this.cached = state;
    return state;
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onUpdate);
  }
}

/** How two state vectors relate. */
export interface SvComparison {
  /** `a` holds insertions `b` lacks. */
  aHasMore: boolean;
  /** `b` holds insertions `a` lacks. */
  bHasMore: boolean;
}

/** Compares two state vectors client by client. */
export function compareStateVectors(a: Map<number, number>, b: Map<number, number>): SvComparison {
  let aHasMore = false;
  let bHasMore = false;
  for (const [client, clock] of a) if (clock > (b.get(client) ?? 0)) aHasMore = true;
  for (const [client, clock] of b) if (clock > (a.get(client) ?? 0)) bHasMore = true;
  return { aHasMore, bHasMore };
}

/** Decodes an encoded state vector; null when it is not one. */
export function readStateVector(sv: Uint8Array): Map<number, number> | null {
  try {
    return Y.decodeStateVector(sv);
  } catch {
    return null;
  }
}
