import { z } from 'zod';
import { addRecord, childCollection, listRecords, type YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { collectionOf } from '../doc/workspaceDoc.js';
import type * as Y from 'yjs';
import { LOG_CATEGORIES, type LogCategory } from '../incidents/types.js';

/**
 * Incident notes kept in a restricted room: entries of an incident's timeline that only the
 * room's members may read (e.g. counsel's assessment of liability). They live in the room's own
 * document (root `rooms.notes`), each naming the incident it belongs to by id, so the incident
 * itself stays in the workspace for everyone and the note travels only in the room's sync,
 * storage and backups. A workspace log entry can be moved in: it is copied into the room's
 * document and then deleted from the workspace's (laptops that synced it before keep that copy).
 */

export const RoomNoteInput = z.object({
  incidentId: z.string().min(1).max(200),
  at: z.number().finite(),
  by: z.string().max(200),
  category: z.enum(LOG_CATEGORIES),
  text: z.string().trim().min(1, 'a note needs text').max(5000),
});
export type RoomNoteInput = z.infer<typeof RoomNoteInput>;

export interface RoomNote extends RoomNoteInput {
  id: string;
  /** Set when the note was moved in from the workspace's log (the entry's id there). */
  movedFrom?: string;
}

function readNote(r: YRecord): RoomNote | null {
  const parsed = RoomNoteInput.safeParse({ incidentId: r.get('incidentId'), at: r.get('at'), by: r.get('by'), category: r.get('category'), text: r.get('text') });
  if (!parsed.success) return null;
  const movedFrom = r.get('movedFrom');
  return { id: String(r.get('id')), ...parsed.data, ...(typeof movedFrom === 'string' && movedFrom ? { movedFrom } : {}) };
}

/** Adds a note for an incident to a room's document; returns its id. Throws on invalid input. */
export function addRoomNote(roomDoc: Y.Doc, input: RoomNoteInput, origin: Origin): string {
  const note = RoomNoteInput.parse(input);
  return addRecord(collectionOf(roomDoc, 'roomNotes'), { ...note }, origin);
}

/** A room's notes for one incident, oldest first (records that do not parse are left out). */
export function roomNotesFor(roomDoc: Y.Doc, incidentId: string): RoomNote[] {
  return listRecords(collectionOf(roomDoc, 'roomNotes'))
    .flatMap((r) => {
      if (r.get('incidentId') !== incidentId) return [];
      const n = readNote(r);
      return n ? [n] : [];
    })
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

/**
 * Moves log entry `entryId` of the incident `incident` (a workspace record) into the room's notes:
 * written in the room first, then deleted from the workspace. App-written entries (approval notes,
 * severity changes) stay: others' reviews count on them. Returns the note's id, or null when there
 * is no such entry or it may not move (nothing changes then).
 */
export function moveLogEntryToRoom(incident: YRecord, entryId: string, roomDoc: Y.Doc, origin: Origin): string | null {
  const wsDoc = incident.doc;
  if (!wsDoc) throw new Error('This incident is not part of a workspace document');
  const log = childCollection(incident, 'log', origin);
  const entry = log.get(entryId);
  if (!entry || entry.get('system') !== undefined || entry.get('approved') === true) return null;
  const category = entry.get('category');
  const input = RoomNoteInput.safeParse({
    incidentId: incident.get('id'),
    at: entry.get('at'),
    by: entry.get('by'),
    category: (LOG_CATEGORIES as readonly string[]).includes(String(category)) ? (category as LogCategory) : 'action',
    text: entry.get('text'),
  });
  if (!input.success) return null;
  const id = addRecord(collectionOf(roomDoc, 'roomNotes'), { ...input.data, movedFrom: entryId }, origin);
  write(wsDoc, origin, () => log.delete(entryId));
  return id;
}
