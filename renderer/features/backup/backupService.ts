import * as Y from 'yjs';
import { version } from '../../../package.json';
import {
  addressedTo,
  applyMerge,
  applySelection,
  countSections,
  decodeSelection,
  decodeWorkspace,
  encodeSelection,
  encodeWorkspace,
  openBackup,
  packPayload,
  planMerge,
  planSelection,
  readPayload,
  scanBackup,
  selectIncident,
  selectPlaybook,
  writeBackup,
  type BackupKind,
  type BackupManifest,
  type ChangeSummary,
  type Credentials,
  type Progress,
  type Protection,
  type Section,
} from '../../../shared/backup';
import { newId } from '../../../shared/doc/collection';
import { write } from '../../../shared/doc/origins';
import { metaOf, SCHEMA_VERSION } from '../../../shared/doc/workspaceDoc';
import { appendEntry, keyFingerprint, signEntry, type Governance } from '../../../shared/governance';
import { localRoomKey, setLocalRoomKey, useIdentity, trustedGenesisKey, trustGenesisKey } from '../../identity/identity';
import { ensureDataKey } from '../../vault';
import { argon2idInWorker } from './kdf';
import { addWorkspaceRow, getDb } from '../../workspace/db';
import { newRoomKey } from '../../workspace/workspaceService';
import { genesisKeyOf, mergeRooms, openRoomsOf, roomSectionsForExport } from './backupRooms';

/**
 * Backups on this laptop: making a `.crisisroom` file from the open workspace (whole, playbook
 * only, one incident), opening one (this laptop's box first, else a passphrase), previewing and
 * applying a merge or a copy, and restoring as a workspace (shared/backup does the format).
 */

export interface ExportChoice {
  kind: BackupKind;
  incidentId?: string;
  protection: Protection;
  automatic?: boolean;
}

const sleep = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function me() {
  const { keys, profile } = useIdentity.getState();
  if (!keys || !profile) throw new Error('This laptop has no identity yet');
  return { keys, profile };
}

/** This laptop's agreement key pair, to open files sealed to it. */
export function deviceCredentials(passphrase?: string): Credentials {
  const { keys } = useIdentity.getState();
  return {
    derive: argon2idInWorker,
    ...(passphrase ? { passphrase } : {}),
    ...(keys ? { device: { agreementKey: keys.agreementKey, privateKey: keys.agreement.privateKey } } : {}),
  };
}

/** Encrypts a backup of the open workspace `doc` (id `workspaceId`) as chosen. */
export async function makeBackup(doc: Y.Doc, workspaceId: string, choice: ExportChoice, onProgress?: (p: Progress) => void): Promise<{ bytes: Uint8Array; manifestName: string }> {
  const { keys, profile } = me();
  const name = String(metaOf(doc).get('name') ?? workspaceId);
  let payload: Uint8Array;
  let counts: Partial<Record<Section, number>>;
  let incident: { id: string; title: string } | undefined;
  let room: { key: string; rekeyId: string | null } | undefined;
  let rooms: Array<{ id: string; bytes: number }> = [];
  if (choice.kind === 'workspace') {
    // Restricted rooms this person is in: one section each, sealed to the room's members.
    ({ payload, rooms } = packPayload(encodeWorkspace(doc), await roomSectionsForExport(doc, workspaceId)));
    counts = countSections(doc);
    const local = await localRoomKey(workspaceId).catch(() => null);
    const key = local?.roomKey ?? metaOf(doc).get('roomKey');
    if (typeof key === 'string' && key.length >= 16) room = { key, rekeyId: local?.rekeyId ?? null };
  } else {
    const sel = choice.kind === 'playbook' ? selectPlaybook(doc) : selectIncident(doc, choice.incidentId ?? '');
    payload = encodeSelection(sel);
    const scratch = new Y.Doc();
    applySelection(scratch, sel, 'import');
    counts = countSections(scratch);
    scratch.destroy();
    if (sel.kind === 'incident') incident = { id: sel.incident.id, title: String(sel.incident.f.title ?? '') };
  }
  await sleep();
  const fp = keyFingerprint(keys.publicKey);
  const bytes = await writeBackup({
    manifest: {
      kind: choice.kind,
      workspace: { id: workspaceId, name },
      ...(incident ? { incident } : {}),
      exportedBy: { name: profile.name, key: keys.publicKey, fingerprint: fp.hex },
      exportedAt: Date.now(),
      automatic: choice.automatic ?? false,
      appVersion: version,
      schemaVersion: Number(metaOf(doc).get('schemaVersion') ?? SCHEMA_VERSION),
      counts,
      ...(room ? { room } : {}),
      ...(rooms.length > 0 ? { rooms } : {}),
    },
    payload,
    protection: { derive: argon2idInWorker, ...choice.protection },
    ...(onProgress ? { onProgress } : {}),
  });
  return { bytes, manifestName: name };
}

/** Members a backup is sealed to automatically: this laptop and the workspace's active owners. */
export function ownRecipients(gov: Governance | null): Array<{ agreementKey: string; name: string }> {
  const { keys, profile } = me();
  const out = [{ agreementKey: keys.agreementKey, name: profile.name }];
  for (const m of gov?.roster.members ?? []) {
    if (!m.removed && m.roles.includes('owner') && m.agreementKey && m.agreementKey !== keys.agreementKey) out.push({ agreementKey: m.agreementKey, name: m.name });
  }
  return out;
}

/** Whether this laptop can open `bytes` without a passphrase (throws a BackupError for a broken file). */
export function needsPassphrase(bytes: Uint8Array): boolean {
  const scan = scanBackup(bytes);
  return !addressedTo(scan.header.locks, useIdentity.getState().keys?.agreementKey);
}

/** A file opened and its payload read and checked against the manifest's hash. */
export interface OpenedFile {
  manifest: BackupManifest;
  /** The workspace (or selection) part of the payload. */
  payload: Uint8Array;
  size: number;
  /** Restricted rooms this person could open (a member per the verified log), their states. */
  rooms: Array<{ id: string; update: Uint8Array }>;
  /** Restricted rooms in the file this person cannot open (not a member): never decrypted. */
  roomsSkipped: number;
}

export async function openFile(bytes: Uint8Array, passphrase: string | undefined, onProgress?: (p: Progress) => void): Promise<OpenedFile> {
  const opened = await openBackup(bytes, deviceCredentials(passphrase));
  const whole = await readPayload(opened, onProgress);
  // Check the content before anything is offered (throws invalidPayload / damagedRoom).
  if (opened.manifest.kind !== 'workspace') {
    decodeSelection(whole);
    return { manifest: opened.manifest, payload: whole, size: bytes.length, rooms: [], roomsSkipped: 0 };
  }
  const { workspace, rooms, skipped } = await openRoomsOf(opened.manifest, whole);
  decodeWorkspace(workspace).destroy();
  return { manifest: opened.manifest, payload: workspace, size: bytes.length, rooms, roomsSkipped: skipped };
}

/** What importing `file` into the open workspace would change (nothing is written). */
export function previewImport(doc: Y.Doc, workspaceId: string, file: OpenedFile): ChangeSummary {
  if (file.manifest.kind === 'workspace') return planMerge(doc, workspaceId, file.manifest, file.payload).summary;
  return planSelection(doc, decodeSelection(file.payload));
}

/**
 * Imports `file` into the open workspace: a CRDT merge (whole workspace, and each restricted room
 * this person opened into its stored document) or a copy of records.
 */
export async function applyImport(doc: Y.Doc, workspaceId: string, file: OpenedFile): Promise<void> {
  if (file.manifest.kind !== 'workspace') return applySelection(doc, decodeSelection(file.payload), 'import');
  applyMerge(doc, planMerge(doc, workspaceId, file.manifest, file.payload));
  await mergeRooms(workspaceId, file.rooms);
}

export interface Restored {
  id: string;
  name: string;
  /** Restored under a new id beside an existing workspace of the same id. */
  copy: boolean;
  /** The creator key taken from the file as this laptop's anchor (original id only). */
  trusted?: string;
  /** Restricted rooms restored (original id only: in a copy the rooms' entries do not count). */
  rooms: number;
}

/**
 * Restores a whole-workspace file as a workspace on this laptop. Under its own id when no
 * workspace of that id is here (its roster and signatures keep counting; the creator key in the
 * file becomes the anchor unless this laptop already trusts one). Otherwise as a separate copy
 * under a new id with a new room key (it must not sync into the original's room); the person
 * signs the copy's genesis and owns it; the original's signed entries do not count in the copy.
 */
export async function restoreAsNew(file: OpenedFile, now = Date.now()): Promise<Restored> {
  if (file.manifest.kind !== 'workspace') throw new Error('backup:errors.wrongKind');
  const db = getDb();
  const originalId = file.manifest.workspace.id;
  const doc = decodeWorkspace(file.payload);
  const baseName = String(metaOf(doc).get('name') ?? file.manifest.workspace.name).slice(0, 100);
  const exists = (await db.workspaces.get(originalId)) !== undefined;
  let id = originalId;
  let name = baseName;
  let trusted: string | undefined;
  if (!exists) {
    // Its data key is in the keyring before anything of it is stored (renderer/vault).
    await ensureDataKey(originalId);
    const key = genesisKeyOf(doc, originalId);
    if (key && (await trustedGenesisKey(originalId)) === null) {
      await trustGenesisKey(originalId, key);
      trusted = key;
    }
    // The same room as the laptop that exported it (older documents also hold it in their meta).
    if (file.manifest.room) await setLocalRoomKey(originalId, { roomKey: file.manifest.room.key, rekeyId: file.manifest.room.rekeyId });
  } else {
    const { keys, profile } = me();
    id = newId();
    await ensureDataKey(id);
    name = `${baseName} (${new Date(now).toISOString().slice(0, 10)})`;
    const genesis = await signEntry(keys, {
      ws: id,
      kind: 'roster.genesis',
      member: { key: keys.publicKey, agreementKey: keys.agreementKey, name: profile.name, unit: profile.unit, roles: ['owner'] },
    });
    await trustGenesisKey(id, keys.publicKey);
    // A room of its own: the copy must never sync into the original's room.
    await setLocalRoomKey(id, { roomKey: newRoomKey(), rekeyId: null });
    write(doc, 'system', () => {
      metaOf(doc).set('name', name);
      if (metaOf(doc).has('roomKey')) metaOf(doc).delete('roomKey');
      appendEntry(doc, genesis, 'system');
    });
  }
  await ensureDataKey(id);
  await addWorkspaceRow(db, { id, name, createdAt: now, updatedAt: now, deletedAt: null, doc });
  doc.destroy();
  if (!exists) await mergeRooms(id, file.rooms);
  return { id, name, copy: exists, rooms: exists ? 0 : file.rooms.length, ...(trusted ? { trusted } : {}) };
}
