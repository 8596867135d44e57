import { usePersistence, writesSettled } from './persistence';
import { flushAnnouncements } from './internals/dexieSignal';

/**
 * What the page holds that is not safely on its way to IndexedDB yet, and writing it now.
 *
 * - Drafts: text a field shows but has not written to the document (an IME composition in
 *   progress, ui/fields.tsx, ui/textBinding.ts). Fields register while they hold one.
 * - Unconfirmed updates: written at once, but a write still queued when the page unloads can be
 *   aborted; each workspace's writer copies them to the leave journal (updateWriter.ts).
 *
 * `flushNow` does both: the page guard calls it when the page is hidden, frozen or left, and
 * before the Electron window closes (pageGuard.ts).
 */

const drafts = new Set<() => void>();

/** Registers a field's uncommitted text (`commit` writes it); returns the function that unregisters it. */
export function holdDraft(commit: () => void): () => void {
  drafts.add(commit);
  return () => void drafts.delete(commit);
}

/** A workspace's writer: `flush` secures what is not confirmed; `atRisk` counts what leaving would lose. */
export interface PendingWriter {
  flush(): void;
  atRisk(): number;
}

const writers = new Set<PendingWriter>();

/** Registers an open workspace's writer; returns the function that unregisters it. */
export function registerWriter(writer: PendingWriter): () => void {
  writers.add(writer);
  return () => void writers.delete(writer);
}

/** Writes every draft into its document and secures every unconfirmed update, now. */
export function flushNow(): void {
  for (const commit of [...drafts]) {
    try {
      commit();
    } catch (err) {
      console.error('[storage] a field could not write its text', err);
    }
  }
  for (const w of writers) w.flush();
  // Other windows hear now of the rows written in the last few milliseconds.
  flushAnnouncements();
}

/**
 * `flushNow`, then waits until every write is confirmed or refused, at most `timeoutMs`.
 * Resolves to whether everything shown is stored.
 */
export async function flushEdits(timeoutMs = 3000): Promise<boolean> {
  flushNow();
  const settled = await writesSettled(timeoutMs);
  return settled && !hasUnsavedEdits();
}

/**
 * Whether leaving now would lose something: a storage failure (edits live only in memory until
 * "save again" works), or unconfirmed updates without a journal to keep them. Writes on their
 * way are not counted: the journal keeps a copy (tests/e2e/durability.spec.ts reloads and closes
 * right after typing). Call `flushNow` first.
 */
export function hasUnsavedEdits(): boolean {
  if (usePersistence.getState().status === 'error') return true;
  for (const w of writers) if (w.atRisk() > 0) return true;
  return false;
}
