import * as Y from 'yjs';
import type { DexieYProvider } from 'y-dexie';
import { write, type Origin } from '../../shared/doc/origins';
import { forgetLedger } from '../sync/deliveryStore';
import { metaOf } from '../../shared/doc/workspaceDoc';
import { newId } from '../../shared/doc/collection';
import { seedWorkspace } from '../../shared/playbook/seed';
import type { Language } from '../../shared/languages';
import { appendEntry, signEntry, type DeviceKeys, type SignedEntry } from '../../shared/governance';
import { setLocalRoomKey, trustGenesisKey } from '../identity/identity';
import { addWorkspaceRow, getDb, UPDATES_TABLE, type CrisisRoomDb } from './db';
import { reportStorageError } from './persistence';
import { openStoredDoc } from './storedDoc';
import { dropJournal } from './journal';
import { dropRoomDoc, storedRoomIds } from '../rooms/roomStore';
import { ensureDataKey, shredDataKey } from '../vault';

export { COMPRESS_AFTER_WRITES } from './storedDoc';

/** How long a deleted workspace can be brought back. */
export const UNDO_DELETE_MS = 10_000;

export const MAX_NAME_LENGTH = 120;

/** Checks a workspace name; returns the cleaned name or throws an error whose message is an i18n key. */
export function cleanWorkspaceName(name: string): string {
  const cleaned = name.replace(/\s+/g, ' ').trim();
  if (!cleaned) throw new Error('errors.nameRequired');
  if (cleaned.length > MAX_NAME_LENGTH) throw new Error('errors.nameTooLong');
  return cleaned;
}

/** A fresh ≥128-bit room key (base64url), the password of the workspace's peer-to-peer room. */
export function newRoomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface CreateOptions {
  name: string;
  language: Language;
  /** Join an existing room (invite) instead of starting from the default playbook. */
  join?: { id: string; roomKey: string };
  /**
   * The person creating a new workspace: they sign the roster's genesis entry naming themselves
   * (as owner), and this laptop trusts their key as the workspace's anchor.
   */
  creator?: { keys: DeviceKeys; name: string; unit: string };
  /** Signed governance entries the person adds with a joined workspace (their join request). */
  entries?: readonly SignedEntry[];
}

/**
 * Creates a workspace. A new one starts from the default playbook in `language`; its row and
 * seeded document (with the creator's signed genesis) are written in one IndexedDB transaction
 * (y-dexie stores an added Y.Doc's state with the row), so a crash never leaves a half-made
 * workspace. The trust anchor is stored first: a stray anchor for a workspace that never came
 * to be is harmless, a workspace whose creator this laptop does not trust is not.
 */
export async function createWorkspace(opts: CreateOptions, db: CrisisRoomDb = getDb()): Promise<string> {
  const name = cleanWorkspaceName(opts.name);
  const id = opts.join?.id ?? newId();
  const creator = opts.join ? undefined : opts.creator;
  // Its data key is in the keyring before anything of it is stored (renderer/vault).
  await ensureDataKey(id);
  const genesis = creator
    ? await signEntry(creator.keys, {
        ws: id,
        kind: 'roster.genesis',
        member: { key: creator.keys.publicKey, agreementKey: creator.keys.agreementKey, name: creator.name, unit: creator.unit, roles: ['owner'] },
      })
    : undefined;
  if (creator) await trustGenesisKey(id, creator.keys.publicKey);
  // The room key stays on this laptop (encrypted at rest), never in the shared document.
  await setLocalRoomKey(id, { roomKey: opts.join?.roomKey ?? newRoomKey(), rekeyId: null });
  const doc = new Y.Doc();
  write(doc, 'system', () => {
    if (!opts.join) seedWorkspace(doc, opts.language);
    metaOf(doc).set('name', name);
    if (genesis) appendEntry(doc, genesis, 'system');
  });
  for (const entry of opts.entries ?? []) appendEntry(doc, entry, 'user');
  const now = Date.now();
  await addWorkspaceRow(db, { id, name, createdAt: now, updatedAt: now, deletedAt: null, doc });
  doc.destroy();
  return id;
}

export async function renameWorkspace(id: string, name: string, doc?: Y.Doc, db: CrisisRoomDb = getDb()): Promise<void> {
  const cleaned = cleanWorkspaceName(name);
  await db.workspaces.update(id, { name: cleaned, updatedAt: Date.now() });
  if (doc) write(doc, 'user', () => metaOf(doc).set('name', cleaned));
}

/** Marks a workspace deleted; `undoDelete` brings it back within UNDO_DELETE_MS. */
export async function deleteWorkspace(id: string, db: CrisisRoomDb = getDb()): Promise<void> {
  await db.workspaces.update(id, { deletedAt: Date.now() });
}

export async function undoDelete(id: string, db: CrisisRoomDb = getDb()): Promise<void> {
  await db.workspaces.update(id, { deletedAt: null });
}

/**
 * Removes for good the workspaces whose undo period is over. Crypto-shredding first: each one's
 * data key leaves the keyring (rewritten) before its rows, journal entries and ledger are
 * deleted, so whatever IndexedDB's files still hold of it afterwards cannot be read.
 */
export async function purgeDeleted(now = Date.now(), db: CrisisRoomDb = getDb()): Promise<number> {
  const rows = await db.workspaces.toArray();
  const expired = rows.filter((r) => r.deletedAt !== null && now - r.deletedAt >= UNDO_DELETE_MS).map((r) => r.id);
  if (expired.length === 0) return 0;
  for (const id of expired) await shredDataKey(id);
  await db.transaction('rw', db.workspaces, db.table(UPDATES_TABLE), async () => {
    await db.workspaces.bulkDelete(expired);
    await db.table(UPDATES_TABLE).where('k').anyOf(expired).delete();
  });
  for (const id of expired) {
    forgetLedger(id);
    await dropJournal(id);
    // Its restricted rooms' copies go too (each crypto-shredded first).
    for (const room of await storedRoomIds(id, db)) await dropRoomDoc(room, db);
  }
  return expired.length;
}

export interface OpenWorkspace {
  id: string;
  doc: Y.Doc;
  provider: DexieYProvider;
  /** Stops save tracking and releases the document. */
  close: () => void;
}

/**
 * Loads a workspace's document from IndexedDB and stores every local update the moment it is
 * made (updateWriter.ts, durableWrites.ts), tracking each until IndexedDB confirms it, so the UI
 * can say "saving…", "saved" or show the storage error.
 */
export async function openWorkspace(id: string, db: CrisisRoomDb = getDb()): Promise<OpenWorkspace> {
  const row = await db.workspaces.get(id);
  performance.mark('crisis-room:row-read');
  if (!row || row.deletedAt !== null) throw new Error('errors.workspaceNotFound');
  const doc = row.doc;
  const stored = await openStoredDoc(db, id, doc, UPDATES_TABLE);

  // Mirror a name changed by a peer into the row that the workspace list reads.
  const meta = metaOf(doc);
  const onMeta = (e: Y.YMapEvent<unknown>) => {
    if (!e.keysChanged.has('name')) return;
    const name = meta.get('name');
    if (typeof name === 'string' && name !== row.name) db.workspaces.update(id, { name, updatedAt: Date.now() }).catch(reportStorageError);
  };
  meta.observe(onMeta);

  return {
    id,
    doc,
    provider: stored.provider,
    close: () => {
      meta.unobserve(onMeta);
      stored.close();
    },
  };
}

/**
 * Adds signed governance entries to a workspace that may not be open: into `openDoc` when it is
 * (the live document), else as one stored update that the next open merges (an entry written
 * from a fresh document is an insertion like any peer's; order in the log means nothing).
 */
export async function appendToWorkspace(id: string, entries: readonly SignedEntry[], origin: Origin, openDoc?: Y.Doc, db: CrisisRoomDb = getDb()): Promise<void> {
  if (openDoc) {
    write(openDoc, origin, () => entries.forEach((e) => appendEntry(openDoc, e, origin)));
    return;
  }
  const scratch = new Y.Doc();
  write(scratch, origin, () => entries.forEach((e) => appendEntry(scratch, e, origin)));
  await db.table(UPDATES_TABLE).add({ k: id, u: Y.encodeStateAsUpdateV2(scratch), f: 1 });
  scratch.destroy();
}

/**
 * After a failed write, stores the whole in-memory state again as one update, so nothing the
 * team typed while storage was failing is lost once storage works again.
 */
export async function resaveWorkspace(id: string, doc: Y.Doc, db: CrisisRoomDb = getDb()): Promise<void> {
  if (!db.isOpen()) await db.open();
  const row = await db.workspaces.get(id);
  if (row) {
    await db.table(UPDATES_TABLE).add({ k: id, u: Y.encodeStateAsUpdateV2(doc), f: 1 });
    return;
  }
  // The row itself is gone (database deleted underneath us): write it back with the full state.
  await ensureDataKey(id);
  const name = String(metaOf(doc).get('name') ?? id);
  const now = Date.now();
  await addWorkspaceRow(db, { id, name, createdAt: now, updatedAt: now, deletedAt: null, doc });
}
