import * as Y from 'yjs';
import { newId, recordId, type YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { collectionOf } from '../doc/workspaceDoc.js';
import { moveRecord } from '../rooms/items.js';
import { AttachmentError, AttachmentInput, AttachmentRecordSchema, checkFile, sha256Hex, type Attachment } from './schema.js';

/**
 * Incident attachments: files kept in a document's `attachments` collection (root `attachments`),
 * one record per file holding its bytes (a Uint8Array: Yjs stores it as binary content). In the
 * workspace's document everyone in the workspace has it; in a restricted room's document (same
 * layout, like the room's statements) only the room's members do. A workspace attachment moves
 * into a room with `moveRecord` (copied there, then deleted here).
 */

export * from './schema.js';

export const attachmentsOf = (doc: Y.Doc) => collectionOf(doc, 'attachments');

/** An attachment record that could not be read, or whose bytes no longer match its hash. */
export interface DamagedAttachment {
  id: string;
  /** The stored name when it can be shown. */
  name: string;
  reason: 'invalid' | 'hashMismatch';
}

export interface AttachmentList {
  attachments: Attachment[];
  damaged: DamagedAttachment[];
}

// Hashes already computed for a record's bytes (the same Uint8Array while the record is unchanged).
const verified = new WeakMap<Uint8Array, string>();

async function hashOf(bytes: Uint8Array): Promise<string> {
  const known = verified.get(bytes);
  if (known) return known;
  const h = await sha256Hex(bytes);
  verified.set(bytes, h);
  return h;
}

function fieldsOf(rec: YRecord): Record<string, unknown> {
  const keys = ['incidentId', 'name', 'type', 'size', 'sha256', 'addedAt', 'by', 'bytes'] as const;
  return { id: recordId(rec), ...Object.fromEntries(keys.map((k) => [k, rec.get(k)])) };
}

type Checked = { ok: true; attachment: Attachment; bytes: Uint8Array } | { ok: false; damaged: DamagedAttachment };

async function check(id: string, rec: YRecord): Promise<Checked> {
  const name = typeof rec.get('name') === 'string' ? String(rec.get('name')).slice(0, 200) : '';
  const parsed = AttachmentRecordSchema.safeParse(fieldsOf(rec));
  if (!parsed.success || parsed.data.id !== id || parsed.data.bytes.length !== parsed.data.size) return { ok: false, damaged: { id, name, reason: 'invalid' } };
  const { bytes, ...attachment } = parsed.data;
  if ((await hashOf(bytes)) !== attachment.sha256) return { ok: false, damaged: { id, name, reason: 'hashMismatch' } };
  return { ok: true, attachment, bytes };
}

/**
 * Adds a file to `doc` for an incident: checks size (not empty, ≤ 10 MiB), name and type,
 * hashes the bytes (and compares with `input.sha256` when given), then writes one record with a
 * copy of the bytes. Returns its id. Throws AttachmentError (nothing is written then).
 */
export async function addAttachment(doc: Y.Doc, input: AttachmentInput, origin: Origin): Promise<string> {
  const parsed = AttachmentInput.safeParse(input);
  if (!parsed.success) throw new AttachmentError('badInput', { path: parsed.error.issues[0]?.path.join('.') ?? '' });
  const { incidentId, bytes, addedAt, by } = parsed.data;
  const { name, type } = checkFile(parsed.data.name, parsed.data.type, bytes.length);
  const copy = new Uint8Array(bytes);
  const sha256 = await sha256Hex(copy);
  if (parsed.data.sha256 !== undefined && parsed.data.sha256 !== sha256) throw new AttachmentError('hashMismatch');
  verified.set(copy, sha256);
  const id = newId();
  const coll = attachmentsOf(doc);
  write(doc, origin, () => {
    const rec = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ order: addedAt, incidentId, name, type, size: copy.length, sha256, addedAt, by })) rec.set(k, v);
    rec.set('bytes', copy);
    coll.set(id, rec);
  });
  return id;
}

/**
 * The attachments of one incident in `doc`, oldest first, each record checked (fields and hash).
 * Records naming the incident that fail are listed as damaged, never dropped silently.
 */
export async function attachmentsFor(doc: Y.Doc, incidentId: string): Promise<AttachmentList> {
  const out: AttachmentList = { attachments: [], damaged: [] };
  for (const [id, rec] of attachmentsOf(doc).entries()) {
    if (!(rec instanceof Y.Map)) continue;
    if (rec.get('incidentId') !== incidentId) continue;
    const c = await check(id, rec);
    if (c.ok) out.attachments.push(c.attachment);
    else out.damaged.push(c.damaged);
  }
  out.attachments.sort((a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : 1));
  out.damaged.sort((a, b) => (a.id < b.id ? -1 : 1));
  return out;
}

/** An attachment with its bytes (checked against the hash). Throws notFound / hashMismatch / badInput. */
export async function readAttachment(doc: Y.Doc, id: string): Promise<{ attachment: Attachment; bytes: Uint8Array }> {
  const rec = attachmentsOf(doc).get(id);
  if (!(rec instanceof Y.Map)) throw new AttachmentError('notFound');
  const c = await check(id, rec);
  if (!c.ok) throw new AttachmentError(c.damaged.reason === 'hashMismatch' ? 'hashMismatch' : 'badInput');
  return { attachment: c.attachment, bytes: c.bytes };
}

/**
 * Moves a workspace attachment into a restricted room's document (copied there with its bytes,
 * then deleted from the workspace's). False when there is no such attachment or the room already
 * has it (nothing changes then).
 */
export function moveAttachmentToRoom(wsDoc: Y.Doc, roomDoc: Y.Doc, id: string, origin: Origin): boolean {
  return moveRecord(wsDoc, roomDoc, 'attachments', id, origin);
}

/** Deletes an attachment from `doc`. False when there is none. */
export function deleteAttachment(doc: Y.Doc, id: string, origin: Origin): boolean {
  const coll = attachmentsOf(doc);
  if (!coll.has(id)) return false;
  write(doc, origin, () => coll.delete(id));
  return true;
}
