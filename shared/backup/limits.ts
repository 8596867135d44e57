/** Format constants and the bounds every reader enforces (a file is hostile input). */
export const MAGIC = 'CRISISROOM';
export const MAGIC_BYTES = new TextEncoder().encode(MAGIC);
/** The container version this code writes and reads. */
export const FORMAT_VERSION = 1;
/** Domain string in every key derivation and additional data. */
export const DOMAIN = 'crisis-room/backup/v1';

export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
export const MAX_CHUNK_SIZE = 4 * 1024 * 1024;
export const MIN_CHUNK_SIZE = 1024;
export const MAX_HEADER_BYTES = 64 * 1024;
export const MAX_MANIFEST_BYTES = 64 * 1024;
/** Largest backup read or written (same as main's file limit, shared/ipc.ts MAX_FILE_BYTES). */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;
export const MAX_LOCKS = 64;
/** Restricted-room sections in one whole-workspace file (rooms.ts). */
export const MAX_ROOM_SECTIONS = 256;
export const TAG_BYTES = 16;
export const IV_BYTES = 12;
export const FILE_KEY_BYTES = 32;

/** Argon2id defaults (OWASP's 64 MiB, 3 passes) and what a reader accepts (no absurd memory or passes). */
export const KDF_DEFAULTS = { m: 65536, t: 3, p: 1 } as const;
export const KDF_BOUNDS = { m: { min: 8192, max: 262144 }, t: { min: 1, max: 10 }, p: { min: 1, max: 4 } } as const;
