import type * as Y from 'yjs';
import { z } from 'zod';
import { metaOf } from '../doc/workspaceDoc.js';

/**
 * Rooms: every workspace syncs in its own peer-to-peer room. The room name comes from the
 * workspace id (not secret); the room key (≥ 128 random bits) is the password y-webrtc derives
 * its AES key from, so a peer without it can read nothing. Each laptop keeps its room key itself
 * (renderer/sync/roomKeyLocal.ts, encrypted at rest), never in the shared document; an owner's
 * rotation (shared/governance/roomKeys.ts) seals the new key to each remaining member.
 */

/** Meta key under which versions before 0.2 kept the room key in the document (read only to move it out). */
export const ROOM_KEY_META = 'roomKey';

/** A room key: base64url, at least 128 bits (22 characters). */
export const RoomKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22,128}$/, 'a room key is 22–128 base64url characters (at least 128 bits)');

/** Workspace ids as they appear in room names and invites. */
export const WorkspaceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a workspace id');

/** Name of the peer-to-peer room of a workspace. */
export function roomNameFor(workspaceId: string): string {
  return `crisis-room/${workspaceId}`;
}

/** A fresh 128-bit room key (base64url). */
export function generateRoomKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The room key an earlier version left in the document's meta, or null (none, or an invalid one). */
export function readRoomKey(doc: Y.Doc): string | null {
  const key = metaOf(doc).get(ROOM_KEY_META);
  return RoomKeySchema.safeParse(key).success ? (key as string) : null;
}
