import * as Y from 'yjs';
import { compressYDocs, DexieYProvider } from 'y-dexie';
import { write, type Origin } from '../../shared/doc/origins';
import { forgetLedger } from '../sync/deliveryStore';
import { metaOf } from '../../shared/doc/workspaceDoc';
import { newId } from '../../shared/doc/collection';
import { seedWorkspace } from '../../shared/playbook/seed';
import type { Language } from '../../shared/languages';
import { appendEntry, signEntry, type DeviceKeys, type SignedEntry } from '../../shared/governance';
import { trustGenesisKey } from '../identity/identity';
import { addWorkspaceRow, getDb, UPDATES_TABLE, type CrisisRoomDb } from './db';
import { reportStorageError } from './persistence';
import { registerWriter } from './flush';
import { UpdateWriter } from './updateWriter';
import { journalEntries, removeJournalEntries, type JournalEntry } from './journal';

/**
 * y-dexie keeps one row per local update and merges them every five minutes. A long editing
 * session can pile up thousands of rows, which makes the next open apply each one (≈2.5× slower
 * than one merged row, see bench P1). We merge sooner: after this many local writes, and when a
 * workspace is closed.
 */
export const COMPRESS_AFTER_WRITES = 500;

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
  const genesis = creator
    ? await signEntry(creator.keys, {
        ws: id,
        kind: 'roster.genesis',
        member: { key: creator.keys.publicKey, agreementKey: creator.keys.agreementKey, name: creator.name, unit: creator.unit, roles: ['owner'] },
      })
    : undefined;
  if (creator) await trustGenesisKey(id, creator.keys.publicKey);
  const doc = new Y.Doc();
  write(doc, 'system', () => {
    if (!opts.join) seedWorkspace(doc, opts.language);
    const meta = metaOf(doc);
    meta.set('name', name);
    meta.set('roomKey', opts.join?.roomKey ?? newRoomKey());
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

/** Removes for good the workspaces whose undo period is over (rows and their Yjs updates). */
export async function purgeDeleted(now = Date.now(), db: CrisisRoomDb = getDb()): Promise<number> {
  const rows = await db.workspaces.toArray();
  const expired = rows.filter((r) => r.deletedAt !== null && now - r.deletedAt >= UNDO_DELETE_MS).map((r) => r.id);
  if (expired.length === 0) return 0;
  await db.transaction('rw', db.workspaces, db.table(UPDATES_TABLE), async () => {
    await db.workspaces.bulkDelete(expired);
    await db.table(UPDATES_TABLE).where('k').anyOf(expired).delete();
  });
  for (const id of expired) forgetLedger(id);
  return expired.length;
}

export interface OpenWorkspace {
  id: string;
  doc: Y.Doc;
  provider: DexieYProvider;
  /** Stops save tracking and releases the document. */
  close: () => void;
}

type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, tr: Y.Transaction) => void;

/** A local update made while the stored state was being loaded, stored once loading is done. */
interface MissedUpdate {
  update: Uint8Array;
  origin: unknown;
}

/**
 * Loads `doc` through y-dexie without y-dexie's own `updateV2` listener: y-dexie would store
 * each local update with a write IndexedDB commits only after a round trip through this page
 * (see durableWrites.ts); `openWorkspace` stores them itself, committed at once.
 *
 * Keeping that listener out also keeps Yjs from encoding the load transaction (the whole stored
 * document, encoded only for y-dexie to discard it: about a fifth of the time a large workspace
 * takes to open, bench P1). Nothing is lost meanwhile: writes someone makes to the same (cached)
 * doc before the load completes are returned and stored by the caller.
 */
async function loadWithoutEcho(doc: Y.Doc): Promise<{ provider: DexieYProvider; missed: MissedUpdate[] }> {
  if (DexieYProvider.for(doc) || doc.isLoaded) {
    // Already loaded or being loaded by an earlier open (its y-dexie listener was kept out too).
    const shared = DexieYProvider.load(doc);
    shared.on('error', reportStorageError);
    await shared.whenLoaded;
    return { provider: shared, missed: [] };
  }
  let provider: DexieYProvider | undefined;
  const missed: MissedUpdate[] = [];
  const watch = (tr: Y.Transaction) => {
    if (tr.origin === provider) return;
    const changed = tr.deleteSet.clients.size > 0 || [...tr.afterState].some(([client, clock]) => tr.beforeState.get(client) !== clock);
    if (changed) missed.push({ update: Y.encodeStateAsUpdateV2(doc, Y.encodeStateVector(tr.beforeState)), origin: tr.origin });
  };
  doc.on('afterTransaction', watch);
  const patchable = doc as unknown as { on: (name: string, f: UpdateListener) => void };
  patchable.on = (name, f) => (name === 'updateV2' ? undefined : Y.Doc.prototype.on.call(doc, name as 'update', f));
  try {
    provider = DexieYProvider.load(doc);
  } finally {
    delete (patchable as { on?: unknown }).on;
  }
  provider.on('error', reportStorageError);
  try {
    await provider.whenLoaded;
  } finally {
    doc.off('afterTransaction', watch);
  }
  return { provider, missed };
}

/**
 * Loads a workspace's document from IndexedDB and stores every local update the moment it is
 * made (updateWriter.ts, durableWrites.ts), tracking each until IndexedDB confirms it, so the UI
 * can say "saving…", "saved" or show the storage error.
 */
export async function openWorkspace(id: string, db: CrisisRoomDb = getDb()): Promise<OpenWorkspace> {
  const row = await db.workspaces.get(id);
  if (!row || row.deletedAt !== null) throw new Error('errors.workspaceNotFound');
  const doc = row.doc;
  const left = journalEntries(id);
  const { provider, missed } = await loadWithoutEcho(doc);

  let writesSinceCompress = 0;
  const compress = () => {
    writesSinceCompress = 0;
    compressYDocs(db, 0).catch((err: unknown) => {
      if ((err as { name?: string } | null)?.name !== 'DatabaseClosedError') reportStorageError(err);
    });
  };
  const writer = new UpdateWriter(db, id);
  const unregister = registerWriter(writer);
  const store = (update: Uint8Array, origin: unknown) => {
    // The provider's own transactions apply what is already stored.
    if (origin === provider) return;
    writer.add(update);
    if (++writesSinceCompress >= COMPRESS_AFTER_WRITES) compress();
  };
  for (const m of missed) store(m.update, m.origin);
  doc.on('updateV2', store);
  await recoverJournal(doc, await left, writer);

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
    provider,
    close: () => {
      doc.off('updateV2', store);
      writer.flush();
      unregister();
      meta.unobserve(onMeta);
      DexieYProvider.release(doc);
      if (writesSinceCompress > 0) compress();
    },
  };
}

/**
 * Applies what the leave journal kept of this workspace (edits whose writes the browser may have
 * aborted when the page went away, journal.ts) — a no-op for what is stored already — and
 * removes the entries once what they add is stored.
 */
async function recoverJournal(doc: Y.Doc, entries: readonly JournalEntry[], writer: UpdateWriter): Promise<void> {
  if (entries.length === 0) return;
  // Whatever is new to the document is written like any edit (origin 'system': the app restores).
  write(doc, 'system', () => {
    for (const e of entries) Y.applyUpdateV2(doc, e.u, 'system');
  });
  if (await writer.stored()) await removeJournalEntries(entries.map((e) => e.key));
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
  const name = String(metaOf(doc).get('name') ?? id);
  const now = Date.now();
  await addWorkspaceRow(db, { id, name, createdAt: now, updatedAt: now, deletedAt: null, doc });
}
