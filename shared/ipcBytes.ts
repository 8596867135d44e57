import { z } from 'zod';

/** Largest file main reads or writes on the renderer's behalf (a generous backup with history). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** Default size limit for opening a file when the caller gives none. */
export const DEFAULT_OPEN_LIMIT_BYTES = 20 * 1024 * 1024;

/**
 * A Uint8Array, also when it comes from another JS realm (contextBridge, structured clone) or is a
 * Node Buffer. `instanceof` alone fails across realms.
 */
export const BytesSchema = z.custom<Uint8Array>(
  (value) =>
    value instanceof Uint8Array || Object.prototype.toString.call(value) === '[object Uint8Array]',
  { message: 'expected bytes (Uint8Array)' },
);
