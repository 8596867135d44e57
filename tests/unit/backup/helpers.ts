import { sha256 } from '@noble/hashes/sha2.js';
import * as Y from 'yjs';
import { write } from '../../../shared/doc/origins';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { seedWorkspace } from '../../../shared/playbook/seed';
import { writeBackup, type ManifestInput, type Protection } from '../../../shared/backup';
import { countSections, encodeWorkspace } from '../../../shared/backup';

/** Cheap Argon2id for tests (the reader's lower bounds). */
export const TEST_KDF = { m: 8192, t: 1, p: 1 };
export const PASS = 'correct horse battery staple';

export function workspaceDoc(id = 'ws-1', name = 'Night shift'): Y.Doc {
  const doc = new Y.Doc();
  write(doc, 'system', () => {
    seedWorkspace(doc, 'en');
    metaOf(doc).set('name', name);
    metaOf(doc).set('roomKey', 'room-key-' + id);
  });
  return doc;
}

export function manifestFor(doc: Y.Doc, id = 'ws-1', over: Partial<ManifestInput> = {}): ManifestInput {
  return {
    kind: 'workspace',
    workspace: { id, name: String(metaOf(doc).get('name')) },
    exportedBy: { name: 'Lin', key: 'k'.repeat(43), fingerprint: 'AAAA BBBB' },
    exportedAt: 1_760_000_000_000,
    automatic: false,
    appVersion: '0.1.0',
    schemaVersion: 1,
    counts: countSections(doc),
    ...over,
  };
}

/** A passphrase-protected backup of `doc` in small chunks (several chunk frames). */
export async function backupOf(doc: Y.Doc, opts: { protection?: Protection; chunkSize?: number; payload?: Uint8Array; id?: string; alterManifest?: (m: unknown) => unknown } = {}): Promise<Uint8Array> {
  const payload = opts.payload ?? encodeWorkspace(doc);
  return writeBackup({
    manifest: manifestFor(doc, opts.id),
    payload,
    protection: opts.protection ?? { passphrase: PASS, kdf: TEST_KDF },
    chunkSize: opts.chunkSize ?? Math.max(1024, Math.ceil(payload.length / 3)),
    pause: async () => {},
    ...(opts.alterManifest ? { alterManifest: opts.alterManifest } : {}),
  });
}

export function flip(bytes: Uint8Array, offset: number, bit = 0): Uint8Array {
  const out = bytes.slice();
  out[offset]! ^= 1 << bit;
  return out;
}

export const u32At = (bytes: Uint8Array, at: number) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(at);
export function setU32(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(at, value);
  return out;
}

/** Replaces the header JSON and writes a matching checksum (a deliberate, not accidental, change). */
export function rewriteHeader(bytes: Uint8Array, edit: (header: Record<string, unknown>) => void): Uint8Array {
  const length = u32At(bytes, 11);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(15, 15 + length))) as Record<string, unknown>;
  edit(header);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const prefix = new Uint8Array(15 + json.length);
  prefix.set(bytes.subarray(0, 11));
  new DataView(prefix.buffer).setUint32(11, json.length);
  prefix.set(json, 15);
  const rest = bytes.subarray(15 + length + 32);
  const out = new Uint8Array(prefix.length + 32 + rest.length);
  out.set(prefix);
  out.set(sha256(prefix), prefix.length);
  out.set(rest, prefix.length + 32);
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
