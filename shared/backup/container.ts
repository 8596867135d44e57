import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { toBase64Url } from '../governance/base64url.js';
import type { Subtle, WebCryptoKey as CryptoKey } from '../governance/webcrypto.js';
import { BackupError } from './errors.js';
import { DEFAULT_CHUNK_SIZE, DOMAIN, FILE_KEY_BYTES, FORMAT_VERSION, IV_BYTES, MAX_BACKUP_BYTES, TAG_BYTES } from './limits.js';
import { makeLocks, openLocks, type Credentials, type Protection } from './locks.js';
import { scanBackup, type ScannedBackup } from './scan.js';
import { ManifestSchema, type BackupManifest, type ManifestInput } from './schemas.js';

/**
 * The `.crisisroom` container (format 1):
 *
 *   "CRISISROOM" · version u8 · header length u32 · header JSON · SHA-256(all before it)
 *   manifest frame: length u32 · AES-256-GCM(manifest JSON)
 *   chunk frames:   index u32 · flags u8 (1 = final) · length u32 · AES-256-GCM(≤ chunkSize bytes)
 *
 * The header (schemas.ts) is plaintext and says only how to open the file: a random file id,
 * the chunk size, and the locks (locks.ts) wrapping the random 256-bit file key. Its checksum
 * catches accidental damage; deliberate changes fail authentication, since every frame's
 * additional data holds the header's hash with the frame's kind, index and final flag — so a
 * changed, cut-short, reordered, dropped or duplicated part is refused. The file key is fresh
 * per file, so nonces are the frame's kind and index. All integers big-endian.
 *
 * A whole-workspace payload may end with restricted-room sections (an optional section kind,
 * listed in the manifest's `rooms`; files without it read as before): each sealed to that room's
 * members only, so the file key does not open them (rooms.ts).
 */

export type ProgressPhase = 'encrypt' | 'decrypt' | 'verify';
export interface Progress {
  phase: ProgressPhase;
  done: number;
  total: number;
}

export interface WriteOptions {
  manifest: ManifestInput;
  payload: Uint8Array;
  protection: Protection;
  chunkSize?: number;
  onProgress?: (p: Progress) => void;
  /** Lets the page breathe between chunks (default: a macrotask). */
  pause?: () => Promise<void>;
  /** Tests of readers only: changes the manifest after its payload fields are computed. */
  alterManifest?: (m: BackupManifest) => unknown;
}

const subtle = (): Subtle => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available here');
  return s;
};
const enc = new TextEncoder();
const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);
export const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const FRAME_MANIFEST = 0;
const FRAME_CHUNK = 1;

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
}

/** Nonce: frame kind and index (unique per file key, which is fresh per file). */
function nonce(kind: number, index: number): Uint8Array<ArrayBuffer> {
  const iv = new Uint8Array(IV_BYTES);
  iv[0] = kind;
  new DataView(iv.buffer).setUint32(IV_BYTES - 4, index);
  return iv;
}

/** Additional data: domain, header hash, frame kind, index, final flag. */
export function frameAad(headerHash: Uint8Array, kind: number, index: number, final: boolean): Uint8Array<ArrayBuffer> {
  const domain = enc.encode(DOMAIN);
  const out = new Uint8Array(domain.length + headerHash.length + 6);
  out.set(domain);
  out.set(headerHash, domain.length);
  const view = new DataView(out.buffer);
  view.setUint8(domain.length + headerHash.length, kind);
  view.setUint32(domain.length + headerHash.length + 1, index);
  view.setUint8(domain.length + headerHash.length + 5, final ? 1 : 0);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** SHA-256 of the whole payload (native WebCrypto: the payload is in memory anyway). */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const view = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : own(bytes);
  return bytesToHex(new Uint8Array(await subtle().digest('SHA-256', view)));
}

const importFileKey = (raw: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> => subtle().importKey('raw', own(raw), 'AES-GCM', false, [usage]);

/** Encrypts `payload` with its manifest into one `.crisisroom` file. */
export async function writeBackup(opts: WriteOptions): Promise<Uint8Array> {
  const pause = opts.pause ?? macrotask;
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const payload = opts.payload;
  const chunks = Math.max(1, Math.ceil(payload.length / chunkSize));
  const fileKeyRaw = globalThis.crypto.getRandomValues(new Uint8Array(FILE_KEY_BYTES));
  const fileId = toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
  const locks = await makeLocks(fileId, fileKeyRaw, opts.protection);
  const headerJson = enc.encode(JSON.stringify({ v: FORMAT_VERSION, fileId, chunkSize, locks }));
  const prefix = concat([enc.encode('CRISISROOM'), new Uint8Array([FORMAT_VERSION]), u32(headerJson.length), headerJson]);
  const headerHash = sha256(prefix);
  const key = await importFileKey(fileKeyRaw, 'encrypt');
  fileKeyRaw.fill(0);

  const digest = await sha256Hex(payload);
  const manifest: BackupManifest = ManifestSchema.parse({
    ...opts.manifest,
    format: FORMAT_VERSION,
    payload: { bytes: payload.length, chunks, sha256: digest },
  });
  const written = opts.alterManifest ? opts.alterManifest(manifest) : manifest;
  const manifestCt = new Uint8Array(
    await subtle().encrypt({ name: 'AES-GCM', iv: nonce(FRAME_MANIFEST, 0), additionalData: frameAad(headerHash, FRAME_MANIFEST, 0, false) }, key, own(enc.encode(JSON.stringify(written)))),
  );
  const parts: Uint8Array[] = [prefix, headerHash, u32(manifestCt.length), manifestCt];
  let size = parts.reduce((n, p) => n + p.length, 0);
  for (let i = 0; i < chunks; i++) {
    const final = i === chunks - 1;
    const plain = payload.subarray(i * chunkSize, Math.min(payload.length, (i + 1) * chunkSize));
    const ct = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: nonce(FRAME_CHUNK, i), additionalData: frameAad(headerHash, FRAME_CHUNK, i, final) }, key, own(plain)));
    const frame = new Uint8Array(9);
    const view = new DataView(frame.buffer);
    view.setUint32(0, i);
    view.setUint8(4, final ? 1 : 0);
    view.setUint32(5, ct.length);
    parts.push(frame, ct);
    size += frame.length + ct.length;
    if (size > MAX_BACKUP_BYTES) throw new BackupError('tooLarge', { max: MAX_BACKUP_BYTES });
    opts.onProgress?.({ phase: 'encrypt', done: Math.min(payload.length, (i + 1) * chunkSize), total: payload.length });
    await pause();
  }
  return concat(parts);
}

/** A file whose key was opened and whose manifest was read and checked. */
export interface OpenedBackup {
  scan: ScannedBackup;
  manifest: BackupManifest;
  key: CryptoKey;
}

/**
 * Opens a file: checks its structure (scan.ts, no crypto), unwraps the file key with what the
 * reader holds, then decrypts and validates the manifest. Throws a BackupError.
 */
export async function openBackup(bytes: Uint8Array, creds: Credentials): Promise<OpenedBackup> {
  const scan = scanBackup(bytes);
  const raw = await openLocks(scan.header.fileId, scan.header.locks, creds);
  const key = await importFileKey(raw, 'decrypt');
  raw.fill(0);
  let plain: Uint8Array;
  try {
    plain = new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: nonce(FRAME_MANIFEST, 0), additionalData: frameAad(scan.headerHash, FRAME_MANIFEST, 0, false) }, key, own(scan.manifest)));
  } catch {
    throw new BackupError('damagedManifest');
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    throw new BackupError('invalidManifest');
  }
  const parsed = ManifestSchema.safeParse(value);
  if (!parsed.success) throw new BackupError('invalidManifest', { path: parsed.error.issues[0]?.path.join('.') ?? '' });
  const manifest = parsed.data;
  if (manifest.payload.chunks !== scan.chunks.length) throw new BackupError('invalidManifest', { path: 'payload.chunks' });
  const maxPlain = scan.chunks.reduce((n, c) => n + c.length - TAG_BYTES, 0);
  if (manifest.payload.bytes !== maxPlain) throw new BackupError('invalidManifest', { path: 'payload.bytes' });
  return { scan, manifest, key };
}

/** Decrypts the payload chunk by chunk (progress, pauses) and checks it against the manifest's hash. */
export async function readPayload(opened: OpenedBackup, onProgress?: (p: Progress) => void, pause: () => Promise<void> = macrotask): Promise<Uint8Array> {
  const { scan, manifest, key } = opened;
  const out = new Uint8Array(manifest.payload.bytes);
  let at = 0;
  for (const chunk of scan.chunks) {
    let plain: Uint8Array;
    try {
      const ct = scan.bytes.subarray(chunk.offset, chunk.offset + chunk.length);
      plain = new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: nonce(FRAME_CHUNK, chunk.index), additionalData: frameAad(scan.headerHash, FRAME_CHUNK, chunk.index, chunk.final) }, key, own(ct)));
    } catch {
      throw new BackupError('damagedChunk', { chunk: chunk.index + 1, chunks: scan.chunks.length });
    }
    out.set(plain, at);
    at += plain.length;
    onProgress?.({ phase: 'decrypt', done: at, total: out.length });
    await pause();
  }
  onProgress?.({ phase: 'verify', done: out.length, total: out.length });
  if ((await sha256Hex(out)) !== manifest.payload.sha256) throw new BackupError('hashMismatch');
  return out;
}
