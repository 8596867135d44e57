import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyMerge, BackupError, openBackup, planMerge, readPayload, scanBackup, type BackupErrorCode, type Credentials } from '../../../shared/backup';
import { write } from '../../../shared/doc/origins';
import { backupOf, concat, flip, PASS, rewriteHeader, setU32, TEST_KDF, u32At, workspaceDoc } from './helpers';

/**
 * Every way a `.crisisroom` file can be wrong gets its own clear error, and the import pipeline
 * (open → decrypt → check → preview → merge) leaves the target workspace exactly as it was.
 */

const target = workspaceDoc('ws-1');
const creds: Credentials = { passphrase: PASS };

async function importInto(doc: Y.Doc, bytes: Uint8Array, c: Credentials = creds, id = 'ws-1'): Promise<void> {
  const opened = await openBackup(bytes, c);
  const payload = await readPayload(opened, undefined, async () => {});
  applyMerge(doc, planMerge(doc, id, opened.manifest, payload));
}

/** Expects the specific error and that the target document did not change. */
async function refused(bytes: Uint8Array, code: BackupErrorCode, c: Credentials = creds, detail?: Record<string, unknown>, id = 'ws-1'): Promise<void> {
  const before = Y.encodeStateAsUpdateV2(target);
  const error = await importInto(target, bytes, c, id).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  expect((error as BackupError).code).toBe(code);
  expect((error as BackupError).message).toMatch(new RegExp(`^backup:errors\\.${code}`));
  if (detail) expect((error as BackupError).detail).toMatchObject(detail);
  expect(Y.encodeStateAsUpdateV2(target)).toEqual(before);
}

let good: Uint8Array;
let source: Y.Doc;
let chunkOffsets: Array<{ frame: number; offset: number; length: number }>;

beforeAll(async () => {
  source = workspaceDoc('ws-1');
  good = await backupOf(source);
  chunkOffsets = scanBackup(good).chunks.map((c) => ({ frame: c.offset - 9, offset: c.offset, length: c.length }));
  expect(chunkOffsets.length).toBeGreaterThanOrEqual(3);
});

const manifestStart = () => 15 + u32At(good, 11) + 32;

describe('a good file', () => {
  it('opens and merges (control: the same pipeline succeeds)', async () => {
    const doc = workspaceDoc('ws-1');
    await importInto(doc, good);
    expect(String(doc.getMap('meta').get('name'))).toBe('Night shift');
  });
});

describe('refused files (each leaves the workspace unchanged)', () => {
  it('empty file', () => refused(new Uint8Array(0), 'empty'));
  it('not a crisisroom file (JSON)', () => refused(new TextEncoder().encode('{"version":1,"severities":[]}'), 'notBackup'));
  it('wrong magic', () => refused(flip(good, 9), 'notBackup'));
  it('a future format version', () => refused(flip(good, 10, 1), 'newerVersion', creds, { version: 3 }));
  it('truncated inside the fixed prefix', () => refused(good.slice(0, 12), 'truncatedHeader'));
  it('truncated inside the header', () => refused(good.slice(0, 40), 'truncatedHeader'));
  it('truncated inside the header checksum', () => refused(good.slice(0, manifestStart() - 5), 'truncatedHeader'));
  it('a flipped bit in the header', () => refused(flip(good, 30), 'damagedHeader'));
  it('a flipped bit in the header checksum', () => refused(flip(good, manifestStart() - 1), 'damagedHeader'));
  it('a header that is not the schema (checksum made to match)', () => refused(rewriteHeader(good, (h) => (h.locks = 'none')), 'damagedHeader'));
  it('a declared header length beyond the limit', () => refused(setU32(good, 11, 0x7fffffff), 'oversized', creds, { part: 'header' }));
  it('absurd Argon2id memory (DoS)', () =>
    refused(rewriteHeader(good, (h) => ((h.locks as Array<{ kdf: { m: number } }>)[0]!.kdf.m = 4_194_304)), 'kdfOutOfBounds', creds, { param: 'm' }));
  it('absurd Argon2id passes (DoS)', () =>
    refused(rewriteHeader(good, (h) => ((h.locks as Array<{ kdf: { t: number } }>)[0]!.kdf.t = 1000)), 'kdfOutOfBounds', creds, { param: 't' }));
  it('absurd Argon2id parallelism', () =>
    refused(rewriteHeader(good, (h) => ((h.locks as Array<{ kdf: { p: number } }>)[0]!.kdf.p = 255)), 'kdfOutOfBounds', creds, { param: 'p' }));
  it('a header changed on purpose (checksum made to match) fails authentication', () =>
    refused(rewriteHeader(good, (h) => (h.chunkSize = (h.chunkSize as number) + 1)), 'damagedManifest'));
  it('truncated at the manifest length', () => refused(good.slice(0, manifestStart() + 2), 'truncatedManifest'));
  it('truncated inside the manifest', () => refused(good.slice(0, manifestStart() + 20), 'truncatedManifest'));
  it('a declared manifest length beyond the limit', () => refused(setU32(good, manifestStart(), 10_000_000), 'oversized', creds, { part: 'manifest' }));
  it('a flipped bit in the manifest', () => refused(flip(good, manifestStart() + 10), 'damagedManifest'));
  it('truncated at the first chunk frame', () => refused(good.slice(0, chunkOffsets[0]!.frame), 'truncatedPayload'));
  it('truncated at every chunk boundary', async () => {
    for (const c of chunkOffsets.slice(1)) await refused(good.slice(0, c.frame), 'truncatedPayload');
  });
  it('truncated inside every chunk (and inside each chunk frame header)', async () => {
    for (const [i, c] of chunkOffsets.entries()) {
      await refused(good.slice(0, c.offset + Math.floor(c.length / 2)), 'truncatedChunk', creds, { chunk: i + 1 });
      await refused(good.slice(0, c.frame + 4), 'truncatedChunk', creds, { chunk: i + 1 });
    }
  });
  it('a flipped bit in every chunk payload', async () => {
    for (const [i, c] of chunkOffsets.entries()) await refused(flip(good, c.offset + 3), 'damagedChunk', creds, { chunk: i + 1 });
  });
  it('a flipped bit in a chunk authentication tag', () => refused(flip(good, chunkOffsets[1]!.offset + chunkOffsets[1]!.length - 1), 'damagedChunk', creds, { chunk: 2 }));
  it('chunks reordered', () => {
    const [a, b, c] = chunkOffsets;
    const frame = (x: typeof a) => good.slice(x!.frame, x!.offset + x!.length);
    return refused(concat(good.slice(0, a!.frame), frame(b), frame(a), frame(c), good.slice(c!.offset + c!.length)), 'reorderedChunks');
  });
  it('a chunk dropped', () => {
    const [, b] = chunkOffsets;
    return refused(concat(good.slice(0, b!.frame), good.slice(b!.offset + b!.length)), 'missingChunk', creds, { chunk: 2 });
  });
  it('a chunk duplicated', () => {
    const [a] = chunkOffsets;
    return refused(concat(good.slice(0, a!.offset + a!.length), good.slice(a!.frame)), 'duplicateChunk', creds, { chunk: 1 });
  });
  it('a chunk index renumbered (header of the frame changed)', () => {
    const last = chunkOffsets[chunkOffsets.length - 1]!;
    return refused(setU32(good, last.frame, 7), 'missingChunk');
  });
  it('the final flag moved to an earlier chunk', () => refused(flip(good, chunkOffsets[0]!.frame + 4), 'trailingData'));
  it('the final flag removed from the last chunk', () => refused(flip(good, chunkOffsets[chunkOffsets.length - 1]!.frame + 4), 'truncatedPayload'));
  it('data appended after the final chunk', () => refused(concat(good, good.slice(chunkOffsets[0]!.frame, chunkOffsets[0]!.offset + chunkOffsets[0]!.length)), 'duplicateChunk'));
  it('a declared chunk length beyond the chunk size', () => refused(setU32(good, chunkOffsets[0]!.frame + 5, 0x7fffffff), 'oversized', creds, { part: 'chunk' }));
  it('a wrong passphrase', () => refused(good, 'wrongPassphrase', { passphrase: 'correct horse battery stapler' }));
  it('no passphrase given', () => refused(good, 'passphraseNeeded', {}));
  it('manifest that fails its schema', async () => refused(await backupOf(source, { alterManifest: (m) => ({ ...(m as object), kind: 'everything' }) }), 'invalidManifest'));
  it('manifest whose chunk count disagrees with the file', async () =>
    refused(await backupOf(source, { alterManifest: (m) => ({ ...(m as Record<string, unknown>), payload: { ...(m as { payload: object }).payload, chunks: 99 } }) }), 'invalidManifest', creds, { path: 'payload.chunks' }));
  it('content hash mismatch', async () =>
    refused(await backupOf(source, { alterManifest: (m) => ({ ...(m as Record<string, unknown>), payload: { ...(m as { payload: object }).payload, sha256: '0'.repeat(64) } }) }), 'hashMismatch'));
  it('a payload that is not a Yjs update', async () => refused(await backupOf(source, { payload: new TextEncoder().encode('not a yjs update at all '.repeat(200)) }), 'invalidPayload'));
  it('a Yjs update that is not a workspace', async () => {
    const other = new Y.Doc();
    write(other, 'system', () => other.getMap('x').set('y', 1));
    await refused(await backupOf(source, { payload: Y.encodeStateAsUpdateV2(other) }), 'invalidPayload');
  });
  it('a merge into another workspace id', async () => refused(good, 'otherWorkspace', creds, { name: 'Night shift' }, 'ws-2'));
  it('a file sealed to other members, not to this laptop', async () => {
    const them = (await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
    const me = (await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
    const b64 = async (k: CryptoKey) => Buffer.from(await crypto.subtle.exportKey('raw', k)).toString('base64url');
    const sealed = await backupOf(source, { protection: { members: [{ agreementKey: await b64(them.publicKey), name: 'Wang' }] } });
    await refused(sealed, 'notForThisDevice', { device: { agreementKey: await b64(me.publicKey), privateKey: me.privateKey } });
    // …and the intended member opens it without a passphrase.
    const doc = workspaceDoc('ws-1');
    await importInto(doc, sealed, { device: { agreementKey: await b64(them.publicKey), privateKey: them.privateKey } });
  });
  it('a box moved from another file does not open', async () => {
    const other = await backupOf(source, { protection: { passphrase: PASS, kdf: TEST_KDF } });
    const otherLocks = JSON.parse(new TextDecoder().decode(other.subarray(15, 15 + u32At(other, 11)))).locks;
    await refused(rewriteHeader(good, (h) => (h.locks = otherLocks)), 'wrongPassphrase');
  });
});
