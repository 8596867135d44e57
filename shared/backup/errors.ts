/**
 * Why a `.crisisroom` file was refused. Every code is an i18n key under `backup:errors.<code>`
 * (renderer/features/backup/locales.ts), so the person reads a clear sentence in their language;
 * `detail` carries the numbers the sentence names (e.g. which chunk). Reading never writes: a
 * refused file changes nothing.
 */
export const BACKUP_ERROR_CODES = [
  'empty',
  'notBackup',
  'newerVersion',
  'truncatedHeader',
  'damagedHeader',
  'oversized',
  'kdfOutOfBounds',
  'passphraseNeeded',
  'wrongPassphrase',
  'notForThisDevice',
  'truncatedManifest',
  'damagedManifest',
  'invalidManifest',
  'truncatedChunk',
  'damagedChunk',
  'missingChunk',
  'duplicateChunk',
  'reorderedChunks',
  'truncatedPayload',
  'trailingData',
  'hashMismatch',
  'invalidPayload',
  'otherWorkspace',
  'wrongKind',
  'damagedRoom',
  'tooLarge',
] as const;
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(`backup:errors.${code}${Object.keys(detail).length ? ` ${JSON.stringify(detail)}` : ''}`);
  }
}

export const isBackupError = (e: unknown): e is BackupError => e instanceof BackupError;
