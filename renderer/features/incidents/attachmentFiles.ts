import type * as Y from 'yjs';
import { readAttachment } from '../../../shared/attachments/attachments';
import { getPlatform, type SaveOutcome } from '../../platform';

/**
 * Saving an incident attachment (shared/attachments): its bytes, checked against the stored hash,
 * handed to the platform — Electron's save dialog, or in a browser a download (Blob + object URL
 * with the stored type and file name). Kept out of the panel (side effects live in services).
 */

// The platform's save request accepts a narrower MIME shape than an attachment may hold.
const PLATFORM_MIME = /^[\w.+-]+\/[\w.+-]+$/;

export async function saveAttachment(doc: Y.Doc, id: string): Promise<SaveOutcome> {
  const { attachment, bytes } = await readAttachment(doc, id);
  const mime = PLATFORM_MIME.test(attachment.type) && attachment.type.length <= 100 ? attachment.type : 'application/octet-stream';
  const dot = attachment.name.lastIndexOf('.');
  const ext = dot > 0 ? attachment.name.slice(dot + 1).toLowerCase() : '';
  const filters = /^[a-z0-9]{1,16}$/.test(ext) ? [{ name: ext.toUpperCase(), extensions: [ext] }] : undefined;
  return getPlatform().saveFile({ suggestedName: attachment.name, mime, bytes, ...(filters ? { filters } : {}) });
}
