import * as Y from 'yjs';
import { isOrigin, type Origin } from './origins.js';
import { parentKeyOf } from './yjsInternals.js';

/**
 * A record's lazily loaded part (issue 14, bench P13): the nested collections a view reads only
 * when it shows that one record — a crisis type's steps and escalation, a statement's versions
 * (collection.ts `LAZY`) — live in a Y.Doc of their
 * own, the record's *part*, instead of in the workspace document.
 *
 * The part is stored in the record, as the log of its Yjs updates (V2): `rec.get(PART_FIELD)` is a
 * Y.Array of Uint8Array. Decoding the workspace document reads each update as bytes (Yjs keeps a
 * view of them, it does not build the part's structs), so the open decodes none of the parts; a
 * part's document is built from its log the first time something reads it (`partOf`).
 *
 * Nothing else changes: the log is an ordinary array of the workspace document, so it is stored,
 * sealed, backed up and synced peer to peer as before (no message, row or format of its own), and
 * merging is Yjs's: two laptops that edit the same part offline each append their updates; every
 * laptop applies all of them to the part, in any order, and gets the same part.
 *
 * - A write to a built part (with an origin, as every write) appends its update to the log in a
 *   transaction of the workspace document with the same origin, so storage, sync and the origin
 *   rules treat it as any local write.
 * - An update appended to the log by anyone else (a peer, another window, an import) is applied to
 *   the built part before the workspace document's observers run (its 'beforeObserverCalls'), so an
 *   observer of the workspace document reads the part already changed.
 * - A log longer than {@link COMPACT_AFTER} updates is replaced by the part's state when this
 *   laptop appends to it: one update in place of many. Two laptops compacting at once leave two
 *   equal states in the log; applying both is applying one, and the next compaction merges them.
 * - The workspace document's undo must never remove an update from a log (the part would keep
 *   what its log no longer holds): `isPartLogItem` is for its `deleteFilter`; a part has its own
 *   undo manager (renderer/features/undo).
 */
export const PART_FIELD = '$part';

/** Updates in a log after which this laptop's next write compacts it. */
export const COMPACT_AFTER = 64;

export type PartLog = Y.Array<Uint8Array>;

/**
 * A part's document. Its guid is fixed: Yjs would make a random UUID for each (about 30 random
 * draws, 0.14 ms a document in Node — a fifth of a second for the 1,300 crisis types of a 100×
 * workspace), and a part's guid is never used (it is not a Yjs subdocument).
 */
const newPartDoc = (): Y.Doc => new Y.Doc({ guid: 'part' });

interface Part {
  readonly doc: Y.Doc;
  readonly log: PartLog;
  /** Updates of the log already in `doc` (by identity: Yjs keeps each one's bytes as they were added). */
  readonly applied: WeakSet<Uint8Array>;
  /** True while this part writes to its own log or applies updates from it. */
  busy: boolean;
}

const parts = new WeakMap<PartLog, Part>();
type PartListener = (part: Y.Doc, log: PartLog) => void;
/** Who wants to hear of each workspace document's newly built parts. */
const listenersOf = new WeakMap<Y.Doc, Set<PartListener>>();

/** Once per workspace document: a log changed by anything but its own part is caught up before observers run. */
function watch(doc: Y.Doc): Set<PartListener> {
  let listeners = listenersOf.get(doc);
  if (!listeners) {
    doc.on('beforeObserverCalls', (tr: Y.Transaction) => {
      for (const type of tr.changed.keys()) {
        const part = parts.get(type as PartLog);
        if (part && !part.busy) catchUp(part, tr.origin);
      }
    });
    listenersOf.set(doc, (listeners = new Set()));
  }
  return listeners;
}

/** True for a record's part log (a Y.Array stored under {@link PART_FIELD}). */
export function isPartLog(type: unknown): type is PartLog {
  return type instanceof Y.Array && parentKeyOf(type) === PART_FIELD;
}

/** For the workspace undo manager's `deleteFilter`: an item of a part log must never be removed by an undo. */
export function isPartLogItem(item: Y.Item): boolean {
  return isPartLog(item.parent);
}

/** True when a transaction changed nothing but part logs (the workspace undo manager skips it). */
export function onlyPartLogs(tr: Y.Transaction): boolean {
  if (tr.changed.size === 0) return false;
  for (const type of tr.changed.keys()) if (!isPartLog(type)) return false;
  return true;
}

/** The record's part log, or null for a record without a part (one written before parts existed). */
export function partLogOf(rec: Y.Map<unknown>): PartLog | null {
  const log = rec.get(PART_FIELD);
  return log instanceof Y.Array ? (log as PartLog) : null;
}

/**
 * A new part log holding `fill`'s writes to a fresh document: for a record being made (detached;
 * it syncs once the record is inserted). The document is dropped: the part is built from the log
 * when it is first read.
 */
export function newPartLog(fill: (doc: Y.Doc) => void): PartLog {
  const doc = newPartDoc();
  doc.transact(() => fill(doc), 'system');
  const log = new Y.Array<Uint8Array>();
  log.push([Y.encodeStateAsUpdateV2(doc)]);
  doc.destroy();
  return log;
}

/**
 * The record's part document, built from its log on first use (null: no part). The same log always
 * gives the same document; writes to it must carry an origin (./origins.ts `write`).
 */
export function partOf(rec: Y.Map<unknown>): Y.Doc | null {
  const log = partLogOf(rec);
  return log ? partOfLog(log) : null;
}

/** The record's part document if something already built it (never builds one). */
export function builtPartOf(rec: Y.Map<unknown>): Y.Doc | null {
  const log = partLogOf(rec);
  return (log && parts.get(log)?.doc) ?? null;
}

export function partOfLog(log: PartLog): Y.Doc | null {
  const known = parts.get(log);
  if (known) return known.doc;
  const main = log.doc;
  if (!main) return null;
  const part: Part = { doc: newPartDoc(), log, applied: new WeakSet(), busy: false };
  parts.set(log, part);
  catchUp(part, 'system');
  part.doc.on('updateV2', (update: Uint8Array, origin: unknown) => {
    if (part.busy) return;
    append(part, update, origin);
  });
  for (const listener of watch(main)) listener(part.doc, log);
  return part.doc;
}

/** Calls `listener` for each part of `doc` built from now on; returns the disposer. */
export function onPartBuilt(doc: Y.Doc, listener: PartListener): () => void {
  const listeners = watch(doc);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Applies the log's updates the part does not hold yet, in log order, in one transaction. */
function catchUp(part: Part, mainOrigin: unknown): void {
  const fresh = part.log.toArray().filter((u) => !part.applied.has(u));
  if (fresh.length === 0) return;
  const origin: Origin = isOrigin(mainOrigin) ? mainOrigin : 'remote';
  part.busy = true;
  try {
    part.doc.transact(() => {
      for (const update of fresh) {
        part.applied.add(update);
        Y.applyUpdateV2(part.doc, update, origin);
      }
    }, origin);
  } finally {
    part.busy = false;
  }
}

/** Appends a local write's update to the log (same origin), compacting a long log. */
function append(part: Part, update: Uint8Array, origin: unknown): void {
  const main = part.log.doc;
  if (!main) return;
  part.busy = true;
  try {
    main.transact(() => {
      part.applied.add(update);
      if (part.log.length + 1 <= COMPACT_AFTER) {
        part.log.push([update]);
        return;
      }
      // The part holds every update of the log and this one: its state replaces them all.
      const state = Y.encodeStateAsUpdateV2(part.doc);
      part.applied.add(state);
      part.log.delete(0, part.log.length);
      part.log.push([state]);
    }, origin ?? 'system');
  } finally {
    part.busy = false;
  }
}
