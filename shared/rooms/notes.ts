import { addRecord, childCollection, listRecords, newId, type YRecord, recordId } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { defineRecord, RecordFieldError, type RecordFields } from '../doc/typedRecord.js';
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

/**
 * A room note, defined once (../doc/typedRecord.ts). `movedFrom` is stored only on a note moved
 * in from the workspace's log (a note added in the room has no such field; it reads as '').
 */
export const RoomNoteRecord = defineRecord('roomNote', (f) => ({
  id: f.id(),
  /** The incident it belongs to (required: the kit's id() is its non-empty text). */
  incidentId: f.id(),
  at: f.number({}, 0),
  by: f.text(200),
  category: f.oneOf(LOG_CATEGORIES, 'action'),
  text: f.text(5000),
  /** The entry's id in the workspace's log when it was moved in ('' when written in the room). */
  movedFrom: f.ref(),
}));

/** What a person (or the move from the log) gives for a new note. */
export type RoomNoteInput = Omit<RecordFields<typeof RoomNoteRecord>, 'id' | 'movedFrom'>;

export interface RoomNote extends RoomNoteInput {
  id: string;
  /** Set when the note was moved in from the workspace's log (the entry's id there). */
  movedFrom?: string;
}

/** The fields a note must hold as stored to be shown: without them it cannot be placed or read. */
const REQUIRED: ReadonlySet<string> = new Set(['incidentId', 'at', 'by', 'category', 'text']);

function readNote(r: YRecord): RoomNote | null {
  // Left out rather than defaulted: a note is privileged text, shown only as it was written.
  if (RoomNoteRecord.check(r).some((problem) => REQUIRED.has(problem.split(':')[0]!))) return null;
  const { movedFrom, text, ...note } = RoomNoteRecord.read(r);
  if (!text.trim()) return null;
  return { ...note, text: text.trim(), ...(movedFrom ? { movedFrom } : {}) };
}

/** The validated fields of a new note (throws RecordFieldError naming the first invalid one). */
function newNote(input: RoomNoteInput, movedFrom: string): RecordFields<typeof RoomNoteRecord> {
  const text = input.text.trim();
  if (!text) throw new RecordFieldError(RoomNoteRecord.name, 'text', 'a note needs text');
  return RoomNoteRecord.init({ ...input, text, id: newId(), movedFrom });
}

/** Adds a note for an incident to a room's document; returns its id. Throws on invalid input. */
export function addRoomNote(roomDoc: Y.Doc, input: RoomNoteInput, origin: Origin): string {
  const { movedFrom: _none, ...note } = newNote(input, '');
  return addRecord(collectionOf(roomDoc, 'roomNotes'), note, origin);
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
  let note: RecordFields<typeof RoomNoteRecord>;
  try {
    note = newNote(
      {
        incidentId: recordId(incident),
        at: entry.get('at') as number,
        by: entry.get('by') as string,
        category: (LOG_CATEGORIES as readonly string[]).includes(String(category)) ? (category as LogCategory) : 'action',
        text: typeof entry.get('text') === 'string' ? (entry.get('text') as string) : '',
      },
      entryId,
    );
  } catch (err) {
    // An entry the room's notes cannot hold (damaged, or text too long) stays where it is.
    if (err instanceof RecordFieldError) return null;
    throw err;
  }
  const id = addRecord(collectionOf(roomDoc, 'roomNotes'), note, origin);
  write(wsDoc, origin, () => log.delete(entryId));
  return id;
}
