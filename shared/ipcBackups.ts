import { z } from 'zod';
import { BytesSchema, MAX_FILE_BYTES } from './ipcBytes.js';

// ── Automatic backups (Electron: a folder the person picks) ─────────────────────────────────

/** A workspace id as it appears in automatic backup file names. */
export const BackupWorkspaceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'not a workspace id');
/** Name of an automatic backup file: `crisisroom-<workspace id>-<UTC yyyymmddThhmmssSSS>.crisisroom`. */
export const AutoBackupNameSchema = z.string().max(160).regex(/^crisisroom-[A-Za-z0-9_-]{1,100}-\d{8}T\d{9}\.crisisroom$/, 'not an automatic backup name');

/** Where and how often automatic backups are written. */
export const AutoBackupSettingsSchema = z.strictObject({
  /** The folder the person picked (null: none yet, automatic backups are off). */
  folder: z.string().max(4096).nullable(),
  /** Every N minutes while edits happened since the last backup. */
  intervalMinutes: z.number().int().min(1).max(1440),
  /** Keep the last K backups of each workspace; older ones are deleted. */
  keep: z.number().int().min(1).max(1000),
});
export type AutoBackupSettings = z.infer<typeof AutoBackupSettingsSchema>;
export const AutoBackupConfigureSchema = AutoBackupSettingsSchema.pick({ intervalMinutes: true, keep: true });

/** One automatic backup in the folder. */
export const AutoBackupEntrySchema = z.strictObject({
  name: AutoBackupNameSchema,
  workspaceId: BackupWorkspaceIdSchema,
  size: z.number().int().min(0),
  /** When it was written (ms since epoch, from the name). */
  at: z.number(),
});
export type AutoBackupEntry = z.infer<typeof AutoBackupEntrySchema>;

export const AutoBackupWriteSchema = z.strictObject({
  workspaceId: BackupWorkspaceIdSchema,
  bytes: BytesSchema.refine((b) => b.byteLength > 0 && b.byteLength <= MAX_FILE_BYTES, 'backup is empty or too large'),
});
export const AutoBackupWriteResultSchema = z.strictObject({ written: AutoBackupEntrySchema, deleted: z.array(AutoBackupNameSchema) });
export const AutoBackupListSchema = z.strictObject({ workspaceId: BackupWorkspaceIdSchema.optional() });
export const AutoBackupReadSchema = z.strictObject({ name: AutoBackupNameSchema });
export const AutoBackupReadResultSchema = z.strictObject({ name: AutoBackupNameSchema, size: z.number().int().min(0), bytes: BytesSchema });
