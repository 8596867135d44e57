import * as Y from 'yjs';
import { write } from './origins.js';

/**
 * Merges of updates, checked. Yjs's merge (`Y.mergeUpdates`, `Y.mergeUpdatesV2`) assumes that
 * every update lists its clients in decreasing order, as Yjs itself writes them. Given an update
 * that lists a lower client before a higher one, it silently drops the higher client's structs
 * whose clocks lie below the lower client's last one. Found by the reload-while-cut-off test
 * (tests/e2e/p2p-soak.spec.ts):
 *
 * - Crisis Room's join slices listed clients in the order their structs were picked (fixed in
 *   shared/sync/slices.ts).
 * - Storage merged those slices as received (update hub, remoteBatch.ts), so a laptop that had
 *   joined lost part of the workspace from its stored copy. After a reload while offline, the
 *   workspace had no name.
 *
 * Rows stored by that build, and updates from peers still running it, may still be in that order,
 * so every merge of stored rows or received updates goes through here: storage's (V2) and the
 * sync session's when it forwards a batch another session applied (V1, `mergeUpdatesChecked`).
 *
 * Each input is read once (`Y.parseUpdateMeta[V2]`, which reads structs without integrating
 * them). An input whose clients are not in decreasing order is never given to Yjs's merge: the
 * updates are merged through a document instead (applied to a fresh Y.Doc, whose encoding keeps
 * the structs still waiting for missing ones; slower but exact). Otherwise Yjs merges them, and
 * when the result does not span, for each client, what the inputs span together (the lowest clock
 * any input starts at, the highest any reaches), the merge goes through a document too. A client
 * listed twice, apart, in one update would pass the order check; Yjs never writes one, nor do the
 * slices.
 *
 * The check costs a pass over the inputs and the output: merging a 100× join's 356 slices in 39
 * batches of 256 KB took 293–401 ms with Yjs's merge alone and 639–688 ms checked (three rounds in
 * Node, on a 2-core machine). Storage runs it in the compaction worker.
 */

interface Format {
  merge: (updates: Uint8Array[]) => Uint8Array;
  parse: (update: Uint8Array) => { from: Map<number, number>; to: Map<number, number> };
  apply: (doc: Y.Doc, update: Uint8Array, origin: unknown) => void;
  encode: (doc: Y.Doc) => Uint8Array;
}

const V2: Format = { merge: Y.mergeUpdatesV2, parse: Y.parseUpdateMetaV2, apply: Y.applyUpdateV2, encode: (doc) => Y.encodeStateAsUpdateV2(doc) };
const V1: Format = { merge: Y.mergeUpdates, parse: Y.parseUpdateMeta, apply: Y.applyUpdate, encode: (doc) => Y.encodeStateAsUpdate(doc) };

/** `Y.mergeUpdatesV2`, checked (storage: stored rows, received updates). */
export function mergeUpdatesV2Checked(updates: readonly Uint8Array[]): Uint8Array {
  return mergeChecked(updates, V2);
}

/** `Y.mergeUpdates` (V1, the wire format), checked (the sync session forwarding a batch). */
export function mergeUpdatesChecked(updates: readonly Uint8Array[]): Uint8Array {
  return mergeChecked(updates, V1);
}

function mergeChecked(updates: readonly Uint8Array[], f: Format): Uint8Array {
  if (updates.length === 0) throw new Error('nothing to merge');
  if (updates.length === 1) return updates[0]!;
  const from = new Map<number, number>();
  const to = new Map<number, number>();
  let ordered = true;
  for (const u of updates) {
    const meta = f.parse(u);
    // The parse records each client where it first meets it: the keys are in the update's order.
    let previous = Infinity;
    for (const [client, clock] of meta.from) {
      if (client >= previous) ordered = false;
      previous = client;
      from.set(client, Math.min(clock, from.get(client) ?? clock));
    }
    for (const [client, clock] of meta.to) to.set(client, Math.max(clock, to.get(client) ?? clock));
  }
  if (!ordered) return throughDoc(updates, f, false);
  const merged = f.merge([...updates]);
  return spans(f.parse(merged), from, to) ? merged : throughDoc(updates, f, false);
}

/** Whether a merge's result starts and ends, for each client, where its inputs do together. */
function spans(out: { from: Map<number, number>; to: Map<number, number> }, from: Map<number, number>, to: Map<number, number>): boolean {
  if (out.from.size !== from.size || out.to.size !== to.size) return false;
  for (const [client, clock] of from) if (out.from.get(client) !== clock) return false;
  for (const [client, clock] of to) if (out.to.get(client) !== clock) return false;
  return true;
}

/**
 * Every update (V2) applied to a fresh document, encoded with what still waits for missing
 * structs. `gc`: deleted content is dropped (a compaction's fold); off, it stays as the updates
 * carried it.
 */
export function mergeThroughDoc(updates: readonly Uint8Array[], gc = false): Uint8Array {
  return throughDoc(updates, V2, gc);
}

function throughDoc(updates: readonly Uint8Array[], f: Format, gc: boolean): Uint8Array {
  const doc = new Y.Doc({ gc });
  try {
    write(doc, 'system', () => {
      for (const u of updates) f.apply(doc, u, 'system');
    });
    return f.encode(doc);
  } finally {
    doc.destroy();
  }
}
