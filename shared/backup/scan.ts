import { sha256 } from '@noble/hashes/sha2.js';
import { BackupError } from './errors.js';
import { checkKdfBounds } from './locks.js';
import { FORMAT_VERSION, MAGIC_BYTES, MAX_BACKUP_BYTES, MAX_HEADER_BYTES, MAX_MANIFEST_BYTES, TAG_BYTES } from './limits.js';
import { HeaderSchema, type BackupHeader } from './schemas.js';

/** One encrypted chunk's place in the file. */
export interface ChunkFrame {
  index: number;
  final: boolean;
  /** Offset of its ciphertext. */
  offset: number;
  length: number;
}

/** A file whose structure was checked (nothing decrypted yet). */
export interface ScannedBackup {
  bytes: Uint8Array;
  header: BackupHeader;
  headerHash: Uint8Array;
  manifest: Uint8Array;
  chunks: ChunkFrame[];
}

const PREFIX = MAGIC_BYTES.length + 1 + 4;

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  const n = Math.min(bytes.length, prefix.length);
  for (let i = 0; i < n; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * Walks a file's structure without any key: magic, version, header (checksum, schema, KDF
 * bounds), the manifest frame and every chunk frame (declared lengths within bounds, indices
 * 0‥n-1 in order, one final chunk, nothing after it). Throws the most specific BackupError.
 */
export function scanBackup(bytes: Uint8Array): ScannedBackup {
  if (bytes.length === 0) throw new BackupError('empty');
  if (bytes.length > MAX_BACKUP_BYTES) throw new BackupError('tooLarge', { max: MAX_BACKUP_BYTES });
  if (!startsWith(bytes, MAGIC_BYTES)) throw new BackupError('notBackup');
  if (bytes.length < PREFIX) throw new BackupError('truncatedHeader');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint8(MAGIC_BYTES.length);
  if (version > FORMAT_VERSION) throw new BackupError('newerVersion', { version });
  if (version !== FORMAT_VERSION) throw new BackupError('damagedHeader');
  const headerLength = view.getUint32(MAGIC_BYTES.length + 1);
  if (headerLength > MAX_HEADER_BYTES) throw new BackupError('oversized', { part: 'header', bytes: headerLength });
  const headerEnd = PREFIX + headerLength;
  if (bytes.length < headerEnd + 32) throw new BackupError('truncatedHeader');
  const headerHash = sha256(bytes.subarray(0, headerEnd));
  if (!equal(headerHash, bytes.subarray(headerEnd, headerEnd + 32))) throw new BackupError('damagedHeader');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX, headerEnd)));
  } catch {
    throw new BackupError('damagedHeader');
  }
  const parsed = HeaderSchema.safeParse(value);
  if (!parsed.success) throw new BackupError('damagedHeader');
  const header = parsed.data;
  for (const lock of header.locks) if (lock.type === 'passphrase') checkKdfBounds(lock.kdf);

  let at = headerEnd + 32;
  if (bytes.length < at + 4) throw new BackupError('truncatedManifest');
  const manifestLength = view.getUint32(at);
  if (manifestLength > MAX_MANIFEST_BYTES) throw new BackupError('oversized', { part: 'manifest', bytes: manifestLength });
  if (manifestLength < TAG_BYTES + 2) throw new BackupError('damagedManifest');
  at += 4;
  if (bytes.length < at + manifestLength) throw new BackupError('truncatedManifest');
  const manifest = bytes.subarray(at, at + manifestLength);
  at += manifestLength;

  const chunks: ChunkFrame[] = [];
  const maxFrame = header.chunkSize + TAG_BYTES;
  while (at < bytes.length) {
    if (bytes.length - at < 9) throw new BackupError('truncatedChunk', { chunk: chunks.length + 1 });
    const index = view.getUint32(at);
    const flags = view.getUint8(at + 4);
    const length = view.getUint32(at + 5);
    if (flags > 1) throw new BackupError('damagedChunk', { chunk: chunks.length + 1 });
    if (length > maxFrame) throw new BackupError('oversized', { part: 'chunk', bytes: length });
    if (length < TAG_BYTES) throw new BackupError('damagedChunk', { chunk: chunks.length + 1 });
    at += 9;
    if (bytes.length - at < length) throw new BackupError('truncatedChunk', { chunk: chunks.length + 1 });
    chunks.push({ index, final: flags === 1, offset: at, length });
    at += length;
  }
  checkOrder(chunks);
  return { bytes, header, headerHash, manifest, chunks };
}

/** Indices must be 0‥n-1 in order with exactly one final chunk, the last. */
function checkOrder(chunks: readonly ChunkFrame[]): void {
  if (chunks.length === 0) throw new BackupError('truncatedPayload');
  const seen = new Set<number>();
  for (const c of chunks) {
    if (seen.has(c.index)) throw new BackupError('duplicateChunk', { chunk: c.index + 1 });
    seen.add(c.index);
  }
  const finals = chunks.filter((c) => c.final);
  if (finals.length > 1) throw new BackupError('trailingData');
  // Unique indices that are not exactly 0‥n-1 leave a gap below n (bounded loop, whatever the indices).
  for (let i = 0; i < chunks.length; i++) if (!seen.has(i)) throw new BackupError('missingChunk', { chunk: i + 1 });
  if (chunks.some((c, i) => c.index !== i)) throw new BackupError('reorderedChunks');
  const last = chunks[chunks.length - 1]!;
  if (finals.length === 0) throw new BackupError('truncatedPayload', { chunks: chunks.length });
  if (!last.final) throw new BackupError('trailingData');
}
