import type * as Y from 'yjs';
import { write } from '../../shared/doc/origins';
import { metaOf } from '../../shared/doc/workspaceDoc';
import { generateRoomKey, readRoomKey, ROOM_KEY_META } from '../../shared/sync/room';
import { localRoomKey, setLocalRoomKey } from '../identity/identity';

/**
 * This laptop's room key for a workspace. It is kept only in this laptop's identity store
 * (encrypted at rest, renderer/vault), never in the shared document: a key in the document would
 * travel to every peer, into every backup of it and into every copy on disk.
 *
 * A workspace made before this rule kept its key in the document's meta: the first time this
 * laptop needs it, that key is moved here and deleted from the document (origin 'system'); Yjs
 * drops the deleted value's content. A workspace with no key anywhere gets a fresh one.
 */
const pending = new Map<string, Promise<string>>();

export function ensureLocalRoomKey(workspaceId: string, doc?: Y.Doc): Promise<string> {
  let running = pending.get(workspaceId);
  if (!running) {
    // One at a time per workspace: two callers must never store two different fresh keys.
    running = settle(workspaceId, doc).finally(() => pending.delete(workspaceId));
    pending.set(workspaceId, running);
  }
  return running;
}

async function settle(workspaceId: string, doc: Y.Doc | undefined): Promise<string> {
  const own = await localRoomKey(workspaceId);
  let roomKey = own?.roomKey;
  if (!roomKey) {
    roomKey = (doc ? readRoomKey(doc) : null) ?? generateRoomKey();
    await setLocalRoomKey(workspaceId, { roomKey, rekeyId: null });
  }
  if (doc) dropRoomKeyFromDoc(doc);
  return roomKey;
}

/** Deletes a room key an earlier version left in the document's meta (no-op when there is none). */
export function dropRoomKeyFromDoc(doc: Y.Doc): void {
  const meta = metaOf(doc);
  if (meta.has(ROOM_KEY_META)) write(doc, 'system', () => meta.delete(ROOM_KEY_META));
}
