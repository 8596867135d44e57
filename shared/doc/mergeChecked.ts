import * as Y from 'yjs';
import { write } from './origins.js';

/**
 * `Y.mergeUpdatesV2`, checked. Yjs's merge assumes that every update lists its clients in
 * decreasing order, as Yjs itself writes them. Given an update that lists a lower client before a
 * higher one, it silently drops the higher client's structs whose clocks lie below the lower
 * client's last one. Found by the reload-while-cut-off test (tests/e2e/p2p-soak.spec.ts):
 *
 * - Crisis Room's join slices listed clients in the order their structs were picked (fixed in
 *   shared/sync/slices.ts).
 * - Storage merged those slices as received (update hub, remoteBatch.ts), so a laptop that had
 *   joined lost part of the workspace from its stored copy. After a reload while offline, the
 *   workspace had no name.
 *
 * Rows stored by that build, and updates from peers still running it, may still be in that order,
 * so every merge of stored rows or received updates for storage goes through here. (The sync
 * session forwards another session's batch merged by Yjs alone: what that drops, its periodic
 * state comparison sends.) When the merged update does not span, for each client, what the inputs
 * span together (the lowest clock any input starts at, the highest any reaches), the same updates
 * are merged through a document instead: applied to a fresh Y.Doc, whose encoding keeps the
 * structs still waiting for missing ones. That path is slower but exact.
 *
 * The check costs one more pass over the inputs and the output (`Y.parseUpdateMetaV2`, which reads
 * structs without integrating them): merging a 100× join's slices in 256 KB batches took 242 ms
 * unchecked and 448 ms checked (one run in Node). A gap dropped inside a client's range, with both
 * ends kept, would pass the check; the misordered updates seen so far lose whole clients or their
 * first structs.
 */
export function mergeUpdatesV2Checked(updates: readonly Uint8Array[]): Uint8Array {
  if (updates.length === 0) throw new Error('nothing to merge');
  if (updates.length === 1) return updates[0]!;
  const merged = Y.mergeUpdatesV2([...updates]);
  return spans(merged, updates) ? merged : mergeThroughDoc(updates);
}

/** Whether `merged` starts and ends, for each client, where `inputs` do together. */
function spans(merged: Uint8Array, inputs: readonly Uint8Array[]): boolean {
  const from = new Map<number, number>();
  const to = new Map<number, number>();
  for (const u of inputs) {
    const meta = Y.parseUpdateMetaV2(u);
    for (const [client, clock] of meta.from) from.set(client, Math.min(clock, from.get(client) ?? clock));
    for (const [client, clock] of meta.to) to.set(client, Math.max(clock, to.get(client) ?? clock));
  }
  const out = Y.parseUpdateMetaV2(merged);
  if (out.from.size !== from.size || out.to.size !== to.size) return false;
  for (const [client, clock] of from) if (out.from.get(client) !== clock) return false;
  for (const [client, clock] of to) if (out.to.get(client) !== clock) return false;
  return true;
}

/**
 * Every update applied to a fresh document, encoded with what still waits for missing structs.
 * `gc`: deleted content is dropped (a compaction's fold); off, it stays as the updates carried it.
 */
export function mergeThroughDoc(updates: readonly Uint8Array[], gc = false): Uint8Array {
  const doc = new Y.Doc({ gc });
  try {
    write(doc, 'system', () => {
      for (const u of updates) Y.applyUpdateV2(doc, u, 'system');
    });
    return Y.encodeStateAsUpdateV2(doc);
  } finally {
    doc.destroy();
  }
}
