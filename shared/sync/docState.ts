import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { hasPendingUpdates, structsOf } from '../doc/yjsInternals.js';

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

/** A delete set as Yjs keeps it: per client, ranges sorted by clock (maximal runs once merged). */
export type DeleteRanges = ReturnType<typeof Y.createDeleteSet>;

/** Writes each client's deleted ranges as Yjs's V1 delete-set encoding does (client, count, clock/len pairs). */
export function writeDeleteRanges(enc: encoding.Encoder, clients: ReadonlyArray<readonly [number, ReadonlyArray<{ clock: number; len: number }>]>): void {
  for (const [client, items] of clients) {
    encoding.writeVarUint(enc, client);
    encoding.writeVarUint(enc, items.length);
    for (const it of items) {
      encoding.writeVarUint(enc, it.clock);
      encoding.writeVarUint(enc, it.len);
    }
  }
}

/** Encodes a delete set deterministically (clients sorted; ranges are maximal runs). */
function encodeDeleteSet(ds: DeleteRanges): Uint8Array {
  const enc = encoding.createEncoder();
  writeDeleteRanges(enc, [...ds.clients.entries()].filter(([, items]) => items.length > 0).sort((a, b) => a[0] - b[0]));
  return encoding.toUint8Array(enc);
}

/** The whole document's delete set, walking every struct (what the incremental one must equal). */
export function deleteSetDigest(doc: Y.Doc): string {
  return hashBytes(encodeDeleteSet(Y.createDeleteSetFromStructStore(doc.store)));
}

/**
 * What `tr` added to the document's delete set: what it deleted (`tr.deleteSet`, which also holds
 * arriving ContentDeleted items and items under a deleted parent) plus structs it integrated that
 * arrived already collected (GC structs from a peer that garbage-collected them), found by walking
 * only the structs the transaction added.
 */
function deletedBy(tr: Y.Transaction): DeleteRanges {
  const added = Y.createDeleteSet();
  tr.deleteSet.clients.forEach((items, client) => {
    if (items.length > 0) added.clients.set(client, items.slice());
  });
  tr.afterState.forEach((after, client) => {
    const before = tr.beforeState.get(client) ?? 0;
    if (after <= before) return;
    const structs = structsOf(tr.doc, client);
    if (structs.length === 0) return;
    for (let i = Y.findIndexSS(structs as never, before); i < structs.length; i++) {
      const st = structs[i]!;
      if (st.id.clock >= after) break;
      if (!st.deleted) continue;
      const from = Math.max(st.id.clock, before);
      const to = Math.min(st.id.clock + st.length, after);
      const list = added.clients.get(client) ?? [];
      list.push({ clock: from, len: to - from } as (typeof list)[number]);
      added.clients.set(client, list);
    }
  });
  return added;
}

/**
 * Reads a document's state. The state vector is read again after a change (cheap); the delete-set
 * hash is kept up to date incrementally: the whole document is walked once, then each transaction
 * merges in only what it deleted or brought in deleted (walking every struct after every change
 * froze a multi-megabyte workspace each time a colleague typed). `deleteSetDigest` is the walk the
 * tests compare it with.
 */
export class DocStateReader {
  private cached: DocState | null = null;
  private ds: DeleteRanges | null = null;
  private dsHash: string | null = null;
  private readonly onUpdate = (tr: Y.Transaction) => {
    this.cached = null;
    if (this.ds === null) return;
    const added = deletedBy(tr);
    if (added.clients.size === 0) return;
    // Merged when next read: a joining laptop applies hundreds of slices between two reads.
    this.dsAdded.push(added);
    this.dsHash = null;
  };
  private dsAdded: DeleteRanges[] = [];
  private lastHash: string | null = null;

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.onUpdate);
  }

  /** The document's delete set, kept up to date (one walk of the document, the first time). */
  deleteSet(): DeleteRanges {
    this.ds ??= Y.createDeleteSetFromStructStore(this.doc.store);
    if (this.dsAdded.length > 0) this.ds = Y.mergeDeleteSets([this.ds, ...this.dsAdded.splice(0)]);
    return this.ds;
  }

  /**
   * The state now. `staleDeletes`: the delete-set hash as last computed may do (an acknowledgement
   * while catching up with a peer: hashing a large delete set after every batch of a join was a
   * good part of each batch's time).
   */
  read(staleDeletes = false): DocState {
    if (this.cached) return this.cached;
    if (staleDeletes && this.lastHash !== null) {
      const sv = Y.encodeStateVector(this.doc);
      return { sv, svMap: Y.decodeStateVector(sv), ds: this.lastHash, pending: hasPendingUpdates(this.doc) };
    }
    this.dsHash ??= hashBytes(encodeDeleteSet(this.deleteSet()));
    this.lastHash = this.dsHash;
    const sv = Y.encodeStateVector(this.doc);
    const state: DocState = { sv, svMap: Y.decodeStateVector(sv), ds: this.dsHash, pending: hasPendingUpdates(this.doc) };
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
