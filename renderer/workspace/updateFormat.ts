import * as Y from 'yjs';

/**
 * Stored rows hold Yjs V2 updates. A batch of a peer's slices reaches storage as the V1 updates
 * received (shared/doc/updateHub.ts: Yjs does not encode it again); those are marked here and
 * converted off the page's thread with the merge of their batch (compactionMerge.ts), or here
 * when written at once (a local edit taking the batch with it, the page going away).
 */
const v1 = new WeakSet<Uint8Array>();

/** `update` is a V1 update. */
export function markV1(update: Uint8Array): Uint8Array {
  v1.add(update);
  return update;
}

export const isV1 = (update: Uint8Array): boolean => v1.has(update);

/** `update` as V2 (converted when it is V1). */
export const toV2 = (update: Uint8Array): Uint8Array => (v1.has(update) ? Y.convertUpdateFormatV1ToV2(update) : update);
