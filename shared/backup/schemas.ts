import { z } from 'zod';
import { FORMAT_VERSION, MAX_CHUNK_SIZE, MAX_LOCKS, MAX_ROOM_SECTIONS, MIN_CHUNK_SIZE } from './limits.js';

/** base64url without padding, bounded. */
const b64 = (min: number, max: number) => z.string().min(min).max(max).regex(/^[A-Za-z0-9_-]+$/, 'not base64url');

/** Argon2id parameters as written; their bounds are checked apart (a clearer error than "invalid"). */
export const KdfSchema = z.strictObject({
  alg: z.literal('argon2id'),
  salt: b64(22, 64),
  /** Memory in KiB. */
  m: z.number().int(),
  t: z.number().int(),
  p: z.number().int(),
});
export type KdfParams = z.infer<typeof KdfSchema>;

/** The file key wrapped under a passphrase (Argon2id → AES-256-GCM). */
export const PassphraseLockSchema = z.strictObject({ type: z.literal('passphrase'), kdf: KdfSchema, box: b64(60, 80) });
/** The file key sealed to one member's X25519 agreement key (ephemeral X25519 → HKDF → AES-GCM). */
export const MemberLockSchema = z.strictObject({
  type: z.literal('member'),
  /** The recipient's X25519 agreement key (base64url, 32 bytes). */
  to: b64(43, 43),
  /** Display name of the recipient at export time (shown on import). */
  name: z.string().max(80),
  epk: b64(43, 43),
  box: b64(60, 80),
});
export const LockSchema = z.discriminatedUnion('type', [PassphraseLockSchema, MemberLockSchema]);
export type Lock = z.infer<typeof LockSchema>;

/** The plaintext header: only what is needed to open the file, nothing about its content. */
export const HeaderSchema = z.strictObject({
  v: z.literal(FORMAT_VERSION),
  /** Random per file: binds boxes and chunks to this file. */
  fileId: b64(22, 22),
  chunkSize: z.number().int().min(MIN_CHUNK_SIZE).max(MAX_CHUNK_SIZE),
  locks: z.array(LockSchema).min(1).max(MAX_LOCKS),
});
export type BackupHeader = z.infer<typeof HeaderSchema>;

export const BACKUP_KINDS = ['workspace', 'playbook', 'incident'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** Sections counted in a manifest and in a merge preview. */
export const SECTIONS = ['playbook', 'people', 'statements', 'incidents', 'drills', 'governance'] as const;
export type Section = (typeof SECTIONS)[number];

const text = (max: number) => z.string().max(max);

/** The encrypted manifest: what the file holds, who made it, when, and the payload's hash. */
export const ManifestSchema = z.strictObject({
  format: z.literal(FORMAT_VERSION),
  kind: z.enum(BACKUP_KINDS),
  workspace: z.strictObject({ id: text(100).min(1), name: text(200) }),
  /** For an incident selection: which incident. */
  incident: z.strictObject({ id: text(100).min(1), title: text(500) }).optional(),
  exportedBy: z.strictObject({ name: text(80), key: text(64), fingerprint: text(100) }),
  exportedAt: z.number().int().min(0).max(8.64e15),
  /** Made by an automatic backup (not a person's export). */
  automatic: z.boolean(),
  appVersion: text(40),
  /** The workspace document's schema version (shared/doc/workspaceDoc.ts SCHEMA_VERSION). */
  schemaVersion: z.number().int().min(0).max(1000),
  payload: z.strictObject({
    bytes: z.number().int().min(0),
    chunks: z.number().int().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  counts: z.partialRecord(z.enum(SECTIONS), z.number().int().min(0)),
  /**
   * Whole workspace only: the room key the exporting laptop syncs with (kept on each laptop, not
   * in the document), so a restore under the original id joins the same room. Encrypted with
   * everything else in the manifest.
   */
  room: z.strictObject({ key: z.string().min(16).max(200), rekeyId: z.string().max(200).nullable() }).optional(),
  /**
   * Whole workspace only, optional (files without restricted rooms have none): the sections of
   * restricted rooms at the end of the payload, in order (rooms.ts). Each is sealed to the
   * room's members; the file key alone does not open it.
   */
  rooms: z
    .array(z.strictObject({ id: z.string().min(1).max(100), bytes: z.number().int().min(1) }))
    .min(1)
    .max(MAX_ROOM_SECTIONS)
    .optional(),
});
export type BackupManifest = z.infer<typeof ManifestSchema>;
/** What the writer fills in; the payload fields are computed. */
export type ManifestInput = Omit<BackupManifest, 'format' | 'payload'>;
