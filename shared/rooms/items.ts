import * as Y from 'yjs';
import { z } from 'zod';
import type { YCollection, YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { collectionOf } from '../doc/workspaceDoc.js';
import { toBase64Url } from '../governance/base64url.js';

/**
 * Items in restricted rooms. A room's document has the same layout as a workspace's for what it
 * holds (e.g. its `statements` collection, records of the same shape), so the statement studio
 * works on either document unchanged. Moving an item copies its record (with every nested type:
 * body, comments, versions…) into the room's document and then deletes it from the workspace's:
 * laptops that synced the workspace before the move keep the copy they had (the UI warns).
 */

/** Collections that can live in a restricted room. */
export const ROOM_COLLECTIONS = ['statements', 'incidents', 'attachments'] as const;
export type RoomCollection = (typeof ROOM_COLLECTIONS)[number];

/** A restricted room's id (random, in the signed log; same shape as admission ids). */
export const RoomIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a restricted room id');

/** A restricted room's key: 256 random bits, base64url (43 characters). */
export const RoomSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a restricted room key');

/** A fresh room key (256 bits). */
export function generateRoomSecret(): string {
  return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

/** A fresh id for a room or one of its keys. */
export function generateRoomId(): string {
  return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(12)));
}

/** The id the sync protocol's hello names for a room (never equal to a workspace's id). */
export function roomSessionId(roomId: string): string {
  return `room.${roomId}`;
}

/**
 * Copies record `id` of `collection` from `from` into `to` (same id, deep copy of every nested
 * type) and deletes it from `from`, each document written with `origin`. Returns false when
 * `from` has no such record or `to` already has one (nothing is changed then).
 */
export function moveRecord(from: Y.Doc, to: Y.Doc, collection: RoomCollection, id: string, origin: Origin): boolean {
  const src = collectionOf(from, collection);
  const dst: YCollection = collectionOf(to, collection);
  const rec = src.get(id);
  if (!rec || dst.has(id)) return false;
  const copy = (rec as YRecord).clone() as YRecord;
  write(to, origin, () => dst.set(id, copy));
  write(from, origin, () => src.delete(id));
  return true;
}

/** The plain text in a Y type, recursively (tests and checks: is a marker anywhere in a doc?). */
export function textOf(type: unknown): string {
  if (type instanceof Y.Text) return type.toString();
  if (type instanceof Y.XmlText) return type.toString();
  if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) return type.toArray().map(textOf).join('\n');
  if (type instanceof Y.Map) return [...type.values()].map(textOf).join('\n');
  if (type instanceof Y.Array) return type.toArray().map(textOf).join('\n');
  return typeof type === 'string' ? type : '';
}
