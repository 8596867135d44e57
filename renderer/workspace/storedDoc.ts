import { migrateDoc } from '../../shared/doc/migrations';
import * as Y from 'yjs';
import { DexieYProvider } from 'y-dexie';
import { write } from '../../shared/doc/origins';
import type { CrisisRoomDb } from './db';
import { reportStorageError } from './persistence';
import { loadWithoutUpdateListener } from './internals/yDexie';
import { registerWriter } from './flush';
import { UpdateWriter } from './updateWriter';
import { journalEntries, removeJournalEntries, type JournalEntry } from './journal';
import { CompactionSchedule, DocCompactor } from './compaction';
import { listenForStoredRows } from './internals/dexieSignal';
import { loadFastAead } from '../vault/aead';
import { docUpdates, type DocUpdate } from '../../shared/doc/updateHub';
import { markV1 } from './updateFormat';

/**
 * Opening one stored Y.Doc (a workspace's, or a restricted room's: any row of a table with a
 * `doc: Y.Doc` property) with the app's durable-write machinery: loaded through y-dexie without
 * its own write listener, every local update stored the moment it is made (updateWriter.ts,
 * durableWrites.ts), the leave journal applied, and compacted at idle (compaction.ts) after
 * COMPRESS_AFTER_WRITES writes, after it opens (when earlier sessions left many rows) and after it closes. Factored out of
 * workspaceService.ts `openWorkspace` so both use the same code.
 */

/**
 * One row per local update: a long editing session can pile up thousands of rows, which makes
 * the next open apply each one (≈2.5× slower than one merged row, see bench P1). y-dexie's own
 * periodic merge is off (db.ts: it merged every document on the page's thread); compaction.ts
 * merges the rows written since its last run, in a Web Worker, at idle, after this many local
 * writes.
 */
export const COMPRESS_AFTER_WRITES = 500;

/** A local update made while the stored state was being loaded, stored once loading is done. */
interface MissedUpdate {
  update: Uint8Array;
  origin: unknown;
}

/**
 * Loads `doc` through y-dexie without y-dexie's own `updateV2` listener: y-dexie would store
 * each local update with a write IndexedDB commits only after a round trip through this page
 * (see durableWrites.ts); `openStoredDoc` stores them itself, committed at once.
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
  const loading: { provider?: DexieYProvider } = {};
  const missed: MissedUpdate[] = [];
  const watch = (tr: Y.Transaction) => {
    if (tr.origin === loading.provider) {
      performance.mark('crisis-room:stored-applied');
      return;
    }
    const changed = tr.deleteSet.clients.size > 0 || [...tr.afterState].some(([client, clock]) => tr.beforeState.get(client) !== clock);
    if (changed) missed.push({ update: Y.encodeStateAsUpdateV2(doc, Y.encodeStateVector(tr.beforeState)), origin: tr.origin });
  };
  doc.on('afterTransaction', watch);
  const provider = (loading.provider = loadWithoutUpdateListener(doc));
  provider.on('error', reportStorageError);
  try {
    await provider.whenLoaded;
  } finally {
    doc.off('afterTransaction', watch);
  }
  return { provider, missed };
}

export interface StoredDoc {
  provider: DexieYProvider;
  /** Stops storing, flushes what is not confirmed to the journal, releases the document. */
  close: () => void;
}

/**
 * Loads `doc` (the Y.Doc property of row `id`, whose updates live in `updatesTable`) and stores
 * every local update from now on. The journal is keyed by `id` (its entries sealed with the data
 * key of `id`, renderer/vault).
 */
export async function openStoredDoc(db: CrisisRoomDb, id: string, doc: Y.Doc, updatesTable: string): Promise<StoredDoc> {
  const left = journalEntries(id);
  // Rows other windows write under Dexie reach y-dexie's live query here (durableWrites.ts).
  listenForStoredRows();
  // Every stored row is decrypted as it is read (renderer/vault/middleware.ts). The WebAssembly
  // cipher started loading with the vault; if it is not ready yet, wait for it (it never rejects)
  // rather than open a large document with the JavaScript one, up to 4× slower (vault/aead.ts).
  await loadFastAead();
  const { provider, missed } = await loadWithoutEcho(doc);
  const compaction = new CompactionSchedule(new DocCompactor(db, updatesTable, id), COMPRESS_AFTER_WRITES);
  const writer = new UpdateWriter(db, id, updatesTable);
  const unregister = registerWriter(writer);
  const store = (change: DocUpdate, origin: unknown) => {
    // The provider's own transactions apply what is already stored.
    if (origin === provider) return;
    // A peer's update waits for the others arriving about now (one row); everything else is stored at once.
    // A received update is a view into its message, a buffer of its own (shared/sync/frames.ts): kept as is
    // (the merging worker is sent copies of exactly its bytes, compactionMerge.ts; a copy here cost a joining
    // laptop's page 0.15–0.23 s at 100×, bench P15, profiled).
    if (change.format === 'v1') for (const u of change.updates) writer.addRemote(markV1(u));
    else if (origin === 'remote') writer.addRemote(change.update);
    else writer.add(change.update);
    compaction.noteWrite();
  };
  for (const m of missed) store({ format: 'v2', update: m.update }, m.origin);
  const stopStoring = docUpdates(doc).on(store);
  await recoverJournal(doc, await left, writer);
  // An older layout is brought up to this version's (stored like any edit; shared/doc/migrations.ts).
  const migrated = migrateDoc(doc, 'system');
  if (migrated.status === 'newer') console.warn(`[storage] ${id} was written by a newer version (schema ${migrated.from} > ${migrated.to}); it is not migrated`);
  // What earlier sessions left piled up is merged at idle (not the base: compaction.ts).
  compaction.resume();
  return {
    provider,
    close: () => {
      stopStoring();
      writer.close();
      unregister();
      DexieYProvider.release(doc);
      compaction.close();
    },
  };
}

/**
 * Applies what the leave journal kept of this document (edits whose writes the browser may have
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
