import { RangeSet } from 'dexie';
import { z } from 'zod';

/**
 * The one reach into Dexie's behaviour (Dexie pinned in package.json; checked by
 * tests/unit/workspace/storedRows.test.ts): how Dexie tells live queries that rows changed.
 *
 * The app writes a keystroke's update row straight to IndexedDB, under Dexie
 * (durableWrites.ts). Through Dexie, each such write re-ran y-dexie's live query of the open
 * document in this window (a read transaction, decrypting and applying back an update the
 * document made itself) and posted a change notice to every other window: a good part of the
 * page's work per keystroke at 100× (issue 14, bench P14). This window needs no notice of its own
 * writes; another window with the same document open does (its y-dexie live query is how it sees
 * them: tests/e2e/durability.spec.ts "two tabs").
 *
 * So the rows written here are announced to the other windows only, a few at a time
 * (ANNOUNCE_DELAY_MS), on a BroadcastChannel of the app's; each window hands what it hears to
 * Dexie as Dexie's own cross-window notice: a DOM event named `x-storagemutated-1` whose detail
 * is the changed "parts" (`idb://<db>/<table>/` → the keys, `…/<index>` → the index values, as
 * RangeSets), which Dexie's listener passes to its live queries exactly as when its own
 * BroadcastChannel delivers them. Dexie has no public call that notifies other windows without
 * this one; one would let this go.
 */

/** Dexie's DOM event for changes made elsewhere (dexie 4.x, `STORAGE_MUTATED_DOM_EVENT_NAME`). */
export const DEXIE_MUTATED_EVENT = 'x-storagemutated-1';
const CHANNEL = 'crisis-room-stored-rows';
/** A notice: changed parts of IndexedDB tables (`idb://<db>/<table>/…` → a structured-cloned RangeSet). */
const NoticeSchema = z.record(z.string().startsWith('idb://').max(300), z.object({}).passthrough()).refine((r) => Object.keys(r).length > 0 && Object.keys(r).length <= 64);
/** Rows written within this long are announced together. */
export const ANNOUNCE_DELAY_MS = 200;

interface Pending {
  keys: number[];
  docs: Set<string>;
}

const pending = new Map<string, Pending>();
let channel: BroadcastChannel | null | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

function openChannel(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  if (typeof BroadcastChannel === 'undefined') return (channel = null);
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = (ev: MessageEvent<unknown>) => {
    // Another window of this origin: only a notice naming our own database's parts is passed on.
    const parsed = NoticeSchema.safeParse(ev.data);
    if (!parsed.success || typeof dispatchEvent !== 'function') return;
    dispatchEvent(new CustomEvent(DEXIE_MUTATED_EVENT, { detail: ev.data }));
  };
  (ch as { unref?: () => void }).unref?.();
  return (channel = ch);
}

/** This window hears the rows other windows write under Dexie (call before a document is loaded). */
export function listenForStoredRows(): void {
  openChannel();
}

/** Row `key` of document `docId` was written to `table` of database `dbName` under Dexie. */
export function announceStoredRow(dbName: string, table: string, docId: string, key: number): void {
  const where = `${dbName}\n${table}`;
  const p = pending.get(where) ?? { keys: [], docs: new Set<string>() };
  p.keys.push(key);
  p.docs.add(docId);
  pending.set(where, p);
  timer ??= setTimeout(flushAnnouncements, ANNOUNCE_DELAY_MS);
}

/** The changed parts, in Dexie's form, of what `pending` holds. */
export function mutatedParts(dbName: string, table: string, keys: readonly number[], docs: readonly string[]): Record<string, RangeSet> {
  return {
    [`idb://${dbName}/${table}/`]: new RangeSet().addKeys([...keys]),
    [`idb://${dbName}/${table}/k`]: new RangeSet().addKeys([...docs]),
  };
}

/** Announces what is pending now (also when the page goes away). */
export function flushAnnouncements(): void {
  clearTimeout(timer);
  timer = undefined;
  if (pending.size === 0) return;
  const ch = openChannel();
  const parts: Record<string, RangeSet> = {};
  for (const [where, p] of pending) {
    const [dbName, table] = where.split('\n') as [string, string];
    Object.assign(parts, mutatedParts(dbName, table, p.keys, [...p.docs]));
  }
  pending.clear();
  try {
    ch?.postMessage(parts);
  } catch {
    // A closed channel (the page is going away): the other windows read these rows at their next change.
  }
}
