import { z } from 'zod';

/**
 * What an incident attachment is (shared/attachments/attachments.ts keeps them in a document):
 * a file's bytes with a clean name, a MIME type, its size and its SHA-256 (WebCrypto), who added
 * it and when. Everything read back from a document (a peer's edit, a restored backup) is checked
 * again here: a record that does not parse, or whose bytes do not match its hash, is damaged.
 */

/** Largest file one attachment holds (10 MiB). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Longest file name kept (characters). */
export const MAX_NAME_CHARS = 200;
/** The type given to a file whose type the browser does not know. */
export const DEFAULT_TYPE = 'application/octet-stream';

/** Why an attachment was refused; each is one i18n key (`rooms:attachments.errors.<code>`). */
export type AttachmentErrorCode = 'empty' | 'tooLarge' | 'badName' | 'badType' | 'hashMismatch' | 'badInput' | 'notFound';

export class AttachmentError extends Error {
  constructor(
    readonly code: AttachmentErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`attachment: ${code}`);
    this.name = 'AttachmentError';
  }
}

// Control characters (C0, DEL, C1) and bidirectional overrides, which can disguise an extension.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name safe to show and to save on any system: only the last path segment (no `/` or
 * `\`), no control or bidi characters, `:*?"<>|` replaced by `_`, spaces collapsed, no leading
 * or trailing dots, at most MAX_NAME_CHARS characters (the extension kept when it is short).
 * Empty when nothing usable is left.
 */
export function sanitizeFileName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  const trim = (s: string) => s.replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '');
  const clean = trim(last.replace(UNSAFE_CHARS, '').replace(/[:*?"<>|]/g, '_'));
  const chars = [...clean];
  if (chars.length <= MAX_NAME_CHARS) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? [...clean.slice(dot)] : [];
  if (ext.length > 0 && ext.length <= 16) return trim(chars.slice(0, MAX_NAME_CHARS - ext.length).join('')) + ext.join('');
  return trim(chars.slice(0, MAX_NAME_CHARS).join(''));
}

/** A stored name: non-empty and already clean. */
export const NameSchema = z
  .string()
  .min(1)
  .refine((s) => sanitizeFileName(s) === s, 'not a clean file name');

const TOKEN = "[a-z0-9][a-z0-9!#$&^_.+'-]{0,126}";
/** A MIME type: `type/subtype`, lower case, no parameters. */
export const MimeSchema = z.string().regex(new RegExp(`^${TOKEN}/${TOKEN}$`), 'not a MIME type');

/** The browser's type of a file as stored: lower case, parameters dropped, the default when empty. Null: not a MIME type. */
export function normalizeType(raw: string): string | null {
  const base = (raw.split(';')[0] ?? '').trim().toLowerCase();
  if (!base) return DEFAULT_TYPE;
  return MimeSchema.safeParse(base).success ? base : null;
}

/** Bytes (any Uint8Array, whatever its buffer). */
const BytesSchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes');

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 in hex');

/** What the UI hands in for a new attachment. */
export const AttachmentInput = z.object({
  incidentId: z.string().min(1).max(200),
  name: z.string().max(4096),
  type: z.string().max(300),
  bytes: BytesSchema,
  addedAt: z.number().finite(),
  by: z.string().max(200),
  /** When the caller already hashed the bytes: checked against them. */
  sha256: Sha256Schema.optional(),
});
export type AttachmentInput = z.infer<typeof AttachmentInput>;

/** A stored attachment record's fields (the document's `attachments` collection). */
export const AttachmentRecordSchema = z.object({
  id: z.string().min(1).max(100),
  incidentId: z.string().min(1).max(200),
  name: NameSchema,
  type: MimeSchema,
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  sha256: Sha256Schema,
  addedAt: z.number().finite(),
  by: z.string().max(200),
  bytes: BytesSchema,
});

/** An attachment as listed (its bytes are read on demand: `readAttachment`). */
export type Attachment = Omit<z.infer<typeof AttachmentRecordSchema>, 'bytes'>;

/** SHA-256 of `bytes` in lower-case hex (WebCrypto). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The checks on a file before it is hashed (cheap, synchronous). Throws AttachmentError. */
export function checkFile(name: string, type: string, size: number): { name: string; type: string } {
  if (size <= 0) throw new AttachmentError('empty');
  if (size > MAX_ATTACHMENT_BYTES) throw new AttachmentError('tooLarge', { max: MAX_ATTACHMENT_BYTES / (1024 * 1024) });
  const clean = sanitizeFileName(name);
  if (!clean) throw new AttachmentError('badName');
  const mime = normalizeType(type);
  if (!mime) throw new AttachmentError('badType');
  return { name: clean, type: mime };
}
