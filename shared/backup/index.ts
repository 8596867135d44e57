/** `.crisisroom` backups: the container, locks, manifest, workspace and selection payloads. */
export { BackupError, BACKUP_ERROR_CODES, isBackupError, type BackupErrorCode } from './errors.js';
export { writeBackup, openBackup, readPayload, macrotask, type OpenedBackup, type Progress, type WriteOptions } from './container.js';
export { scanBackup, type ScannedBackup } from './scan.js';
export { addressedTo, argon2idHere, type Credentials, type PassphraseKdf, type Protection } from './locks.js';
export type { KdfParams } from './schemas.js';
export { BACKUP_KINDS, SECTIONS, ManifestSchema, type BackupKind, type BackupManifest, type ManifestInput, type Section } from './schemas.js';
export { countSections, diffSections, totalChanges, SECTION_LIST, type ChangeSummary, type SectionChange } from './sections.js';
export { encodeWorkspace, decodeWorkspace, planMerge, applyMerge, type MergePlan } from './workspace.js';
export { selectPlaybook, selectIncident, encodeSelection, decodeSelection, applySelection, planSelection, type Selection } from './selection.js';
export { FORMAT_VERSION, KDF_DEFAULTS, KDF_BOUNDS, DEFAULT_CHUNK_SIZE, MAX_BACKUP_BYTES } from './limits.js';
export { sealRoomSection, packPayload, splitPayload, openRoomSection, openRoomSections, verifiedRoomMembers, ROOM_SECTION_DOMAIN, type RoomOpener, type RoomToSeal } from './rooms.js';
