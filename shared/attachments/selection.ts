import * as Y from 'yjs';
import { z } from 'zod';
import { write, type Origin } from '../doc/origins.js';
import { fromBase64Url, toBase64Url } from '../governance/base64url.js';
import { AttachmentRecordSchema, MAX_ATTACHMENT_BYTES } from './schema.js';
import { attachmentsOf } from './attachments.js';

/**
 * Attachments in a selective backup ("one incident with its statements", shared/backup/selection.ts):
 * the incident's workspace attachments as plain data, bytes in base64url. Only the workspace's
 * document is read: attachments in a restricted room stay in the room's own, sealed backup section.
 * Importing adds the ones not here yet (an attachment never changes once added, so one already
 * here is kept as it is). Hashes are checked when the attachment is read (attachmentsFor reports a
 * mismatch as damaged); the backup container itself is authenticated.
 */

/** Largest base64url text for one attachment. */
const MAX_B64 = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4;

export const AttachmentExportSchema = AttachmentRecordSchema.omit({ bytes: true })
  .extend({ bytes: z.string().max(MAX_B64) })
  .strict()
  .refine((a) => fromBase64Url(a.bytes)?.length === a.size, 'bytes do not decode to the given size');
export type AttachmentExport = z.infer<typeof AttachmentExportSchema>;

/** The incident's readable attachments in `doc` (records that do not parse are left out). */
export function exportAttachments(doc: Y.Doc, incidentId: string): AttachmentExport[] {
  const out: AttachmentExport[] = [];
  for (const [id, rec] of attachmentsOf(doc).entries()) {
    if (!(rec instanceof Y.Map) || rec.get('incidentId') !== incidentId) continue;
    const keys = ['incidentId', 'name', 'type', 'size', 'sha256', 'addedAt', 'by', 'bytes'] as const;
    const parsed = AttachmentRecordSchema.safeParse({ id, ...Object.fromEntries(keys.map((k) => [k, rec.get(k)])) });
    if (!parsed.success || parsed.data.bytes.length !== parsed.data.size) continue;
    out.push({ ...parsed.data, bytes: toBase64Url(parsed.data.bytes) });
  }
  return out.sort((a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : 1));
}

/** Adds the exported attachments `doc` does not have yet (joins the caller's transaction if any). */
export function importAttachments(doc: Y.Doc, items: readonly AttachmentExport[], origin: Origin): void {
  const coll = attachmentsOf(doc);
  write(doc, origin, () => {
    for (const a of items) {
      const bytes = fromBase64Url(a.bytes);
      if (coll.has(a.id) || !bytes) continue;
      const rec = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ order: a.addedAt, incidentId: a.incidentId, name: a.name, type: a.type, size: a.size, sha256: a.sha256, addedAt: a.addedAt, by: a.by })) rec.set(k, v);
      rec.set('bytes', bytes);
      coll.set(a.id, rec);
    }
  });
}
