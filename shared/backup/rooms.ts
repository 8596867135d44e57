import * as Y from 'yjs';
import { z } from 'zod';
import { hasPendingUpdates } from '../doc/yjsInternals.js';
import { fromBase64Url, toBase64Url } from '../governance/base64url.js';
import { compartmentRecipients, deriveCompartments } from '../governance/compartments.js';
import { deriveGovernance } from '../governance/governance.js';
import { readLog } from '../governance/log.js';
import { openSealed, sealSecret, type SealContext, type SealRecipient } from '../governance/sealing.js';
import { SignatureCache } from '../governance/verifier.js';
import type { Subtle, WebCryptoKey as CryptoKey } from '../governance/webcrypto.js';
import { BackupError } from './errors.js';
import type { BackupManifest } from './schemas.js';

/**
 * Restricted rooms in a whole-workspace backup (an optional section kind of format 1).
 *
 * The payload is the workspace's Yjs state followed by one section per restricted room the
 * exporting laptop was a member of; the manifest lists them (`rooms: [{ id, bytes }]`, in payload
 * order) and a file without rooms has no `rooms` field (as before). The file key opens every
 * section's bytes, but not a room's content: a section is
 *
 *   header length u32 · header JSON { v, room, epk, seals, iv } · AES-256-GCM(room's Yjs state)
 *
 * under a fresh random 256-bit section key sealed (sealing.ts) to the room's members at export
 * (their X25519 agreement keys, context: domain, workspace, room). The content's additional data
 * names domain, workspace and room, so a section cannot be moved to another room or workspace.
 * A non-member holds the passphrase and the file key, yet no box opens for them: they never
 * decrypt a byte of room content. A fresh key instead of the room's sync key: the room key in
 * force could change (or be shared with a member left out later), and the backup's members are
 * exactly those the key in force named at export.
 */

export const ROOM_SECTION_DOMAIN = 'crisis-room/backup-room/v1';
const MAX_SECTION_HEADER = 64 * 1024;
const IV_BYTES = 12;

const b64 = (min: number, max: number) => z.string().min(min).max(max).regex(/^[A-Za-z0-9_-]+$/, 'not base64url');

const SectionHeaderSchema = z.strictObject({
  v: z.literal(1),
  room: z.string().min(1).max(100),
  epk: b64(43, 43),
  seals: z.array(z.strictObject({ to: z.string().min(1).max(64), box: b64(40, 400) })).min(1).max(1024),
  iv: b64(16, 16),
});

const subtle = (): Subtle => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available here');
  return s;
};
const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);
const enc = new TextEncoder();
const sealContext = (workspaceId: string, roomId: string): SealContext => ({ domain: ROOM_SECTION_DOMAIN, context: [workspaceId, roomId] });
const contentAad = (workspaceId: string, roomId: string) => own(enc.encode([ROOM_SECTION_DOMAIN, workspaceId, roomId].join('\n')));

export interface RoomToSeal {
  id: string;
  /** The room document's state (Y.encodeStateAsUpdateV2). */
  update: Uint8Array;
  /** The room's members at export (the key in force's recipients). */
  recipients: readonly SealRecipient[];
}

/** Encrypts one room's state so that only `room.recipients` can open it. */
export async function sealRoomSection(workspaceId: string, room: RoomToSeal): Promise<Uint8Array> {
  const raw = globalThis.crypto.getRandomValues(new Uint8Array(32));
  const sealed = await sealSecret(sealContext(workspaceId, room.id), toBase64Url(raw), room.recipients);
  const key = await subtle().importKey('raw', own(raw), 'AES-GCM', false, ['encrypt']);
  raw.fill(0);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: contentAad(workspaceId, room.id) }, key, own(room.update)));
  const header = enc.encode(JSON.stringify({ v: 1, room: room.id, epk: sealed.epk, seals: sealed.seals, iv: toBase64Url(iv) }));
  const out = new Uint8Array(4 + header.length + ct.length);
  new DataView(out.buffer).setUint32(0, header.length);
  out.set(header, 4);
  out.set(ct, 4 + header.length);
  return out;
}

/** The workspace state followed by the room sections, and the manifest's list of them. */
export function packPayload(workspace: Uint8Array, sections: ReadonlyArray<{ id: string; bytes: Uint8Array }>): { payload: Uint8Array; rooms: Array<{ id: string; bytes: number }> } {
  const payload = new Uint8Array(workspace.length + sections.reduce((n, s) => n + s.bytes.length, 0));
  payload.set(workspace);
  let at = workspace.length;
  for (const s of sections) {
    payload.set(s.bytes, at);
    at += s.bytes.length;
  }
  return { payload, rooms: sections.map((s) => ({ id: s.id, bytes: s.bytes.length })) };
}

/** Splits a whole-workspace payload by its manifest (a file without `rooms` is all workspace). */
export function splitPayload(manifest: BackupManifest, payload: Uint8Array): { workspace: Uint8Array; sections: Array<{ id: string; bytes: Uint8Array }> } {
  const rooms = manifest.rooms ?? [];
  if (rooms.length === 0) return { workspace: payload, sections: [] };
  const roomBytes = rooms.reduce((n, r) => n + r.bytes, 0);
  const duplicate = new Set(rooms.map((r) => r.id)).size !== rooms.length;
  if (manifest.kind !== 'workspace' || roomBytes >= payload.length || duplicate) throw new BackupError('invalidManifest', { path: 'rooms' });
  let at = payload.length - roomBytes;
  const workspace = payload.subarray(0, at);
  const sections = rooms.map((r) => {
    const bytes = payload.subarray(at, at + r.bytes);
    at += r.bytes;
    return { id: r.id, bytes };
  });
  return { workspace, sections };
}

/** Who opens: this laptop's person's signing key and X25519 private key. */
export interface RoomOpener {
  key: string;
  agreementPrivateKey: CryptoKey;
}

/**
 * Opens one section for `me`: the room's state, or null when no box is addressed to them.
 * Throws damagedRoom when the section is malformed, names another room, or a box addressed to
 * them or the content does not open (altered) — before anything is written.
 */
export async function openRoomSection(workspaceId: string, id: string, bytes: Uint8Array, me: RoomOpener): Promise<Uint8Array | null> {
  const damaged = () => new BackupError('damagedRoom', { room: id });
  if (bytes.length < 4) throw damaged();
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (length > MAX_SECTION_HEADER || 4 + length > bytes.length) throw damaged();
  let header: z.infer<typeof SectionHeaderSchema>;
  try {
    header = SectionHeaderSchema.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(4, 4 + length))));
  } catch {
    throw damaged();
  }
  if (header.room !== id) throw damaged();
  if (!header.seals.some((s) => s.to === me.key)) return null;
  const secret = await openSealed(sealContext(workspaceId, id), header, me.key, me.agreementPrivateKey);
  const raw = secret ? fromBase64Url(secret) : null;
  const iv = fromBase64Url(header.iv);
  if (!raw || raw.length !== 32 || !iv || iv.length !== IV_BYTES) throw damaged();
  let plain: Uint8Array;
  try {
    const key = await subtle().importKey('raw', own(raw), 'AES-GCM', false, ['decrypt']);
    plain = new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: own(iv), additionalData: contentAad(workspaceId, id) }, key, own(bytes.subarray(4 + length))));
  } catch {
    throw damaged();
  } finally {
    raw.fill(0);
  }
  const check = new Y.Doc();
  try {
    Y.applyUpdateV2(check, plain, 'import');
    if (hasPendingUpdates(check)) throw damaged();
  } catch {
    throw damaged();
  } finally {
    check.destroy();
  }
  return plain;
}

/**
 * Each restricted room's current members per the verified log of `doc` (every signature checked,
 * anchored at `trustedGenesisKey`): the recipients of the room's key in force who are still in
 * the workspace, with their agreement keys. Rooms not settled (still verifying) have none.
 */
export async function verifiedRoomMembers(doc: Y.Doc, workspaceId: string, trustedGenesisKey: string, now = Date.now()): Promise<Map<string, SealRecipient[]>> {
  const log = readLog(doc);
  const cache = new SignatureCache({ yieldToUi: () => Promise.resolve() });
  cache.request(log);
  await cache.settled();
  const gov = deriveGovernance({ workspaceId, trustedGenesisKey, log, verdict: cache.verdict, now });
  cache.dispose();
  const rooms = deriveCompartments(gov);
  if (!rooms.settled) return new Map();
  return new Map(rooms.rooms.map((r) => [r.id, compartmentRecipients(gov, r.members)]));
}

/**
 * Opens every section `me` may open: a section counts only when the verified log at import time
 * makes `me` a member of that room (`members`) and a box is addressed to them; the others are
 * skipped, never decrypted. Throws damagedRoom (nothing opened is returned) for an altered one.
 */
export async function openRoomSections(
  workspaceId: string,
  sections: ReadonlyArray<{ id: string; bytes: Uint8Array }>,
  members: ReadonlyMap<string, readonly SealRecipient[]>,
  me: RoomOpener | null,
): Promise<{ rooms: Array<{ id: string; update: Uint8Array }>; skipped: number }> {
  const rooms: Array<{ id: string; update: Uint8Array }> = [];
  let skipped = 0;
  for (const s of sections) {
    const member = me !== null && (members.get(s.id) ?? []).some((r) => r.key === me.key);
    const update = member && me ? await openRoomSection(workspaceId, s.id, s.bytes, me) : null;
    if (update) rooms.push({ id: s.id, update });
    else skipped++;
  }
  return { rooms, skipped };
}
