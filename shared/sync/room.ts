import type * as Y from 'yjs';
import { z } from 'zod';
import { metaOf } from '../doc/workspaceDoc.js';
import { write } from '../doc/origins.js';

/**
 * Rooms: every workspace syncs in its own peer-to-peer room. The room name comes from the
 * workspace id (not secret); the room key (≥ 128 random bits, kept in the workspace's meta) is
 * the password y-webrtc derives its AES key from, so a peer without it can read nothing. When an
 * owner rotates it (shared/governance/roomKeys.ts) each member's laptop keeps the new key itself
 * (renderer/identity) and the rotation does not write it here; the meta keeps the key the
 * workspace started with (a member who joins later writes their invite's key, as every joiner
 * does — only peers already in that room receive the write).
 */

/** Meta key under which the room key is stored. */
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

/** The room key stored in the workspace, or null when it has none (or an invalid one). */
export function readRoomKey(doc: Y.Doc): string | null {
  const key = metaOf(doc).get(ROOM_KEY_META);
  return RoomKeySchema.safeParse(key).success ? (key as string) : null;
}

/**
 * The workspace's room key, generated (origin 'system') when a workspace made before rooms
 * existed has none. New workspaces get theirs at creation; an invited member takes the inviter's.
 */
export function ensureRoomKey(doc: Y.Doc): string {
  const existing = readRoomKey(doc);
  if (existing) return existing;
  const key = generateRoomKey();
  write(doc, 'system', () => metaOf(doc).set(ROOM_KEY_META, key));
  return key;
}
