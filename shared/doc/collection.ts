import * as Y from 'yjs';
import { uuidv4 } from 'lib0/random';
import { write, type Origin } from './origins.js';
import { parentKeyOf } from './yjsInternals.js';
import { newPartLog, PART_FIELD, partOf, type PartLog } from './parts.js';
import { ROOTS } from './workspaceDoc.js';

/**
 * A record is one item the team edits (a step, a severity level, a unit…): a Y.Map of
 * primitive fields plus nested collections. A collection is a Y.Map from id to record, ordered
 * by each record's fractional `order` field. Keying by id (rather than a Y.Array) means a move
 * is a single field write, so a concurrent move and edit of the same record both survive, and
 * two people editing different records or fields never touch the same Yjs item.
 *
 * A record's id is its key in its collection (`recordId`). Records written before schema 3 also
 * store it as an `id` field (always equal to the key); new records do not: at 100× that field was
 * 35,100 of the document's 237,900 structs, and without it a cold decode of the document in
 * Chromium took 521 instead of 645 ms (medians of 8; issue 14, bench P13).
 */
export type YRecord = Y.Map<unknown>;
export type YCollection = Y.Map<YRecord>;

/** A plain value a record field may hold. */
export type Primitive = string | number | boolean | null;

/** Plain shape accepted when creating a record: primitives and arrays of nested records. */
export interface RecordInit {
  id?: string;
  [field: string]: Primitive | RecordInit[] | undefined;
}

/** Plain snapshot of a record: its fields, with nested collections as ordered arrays. */
export interface PlainRecord {
  id: string;
  order: number;
  [field: string]: unknown;
}

export const newId = (): string => uuidv4();

function orderOf(rec: YRecord): number {
  const o = rec.get('order');
  return typeof o === 'number' && Number.isFinite(o) ? o : 0;
}

/**
 * A record's id: its key in its collection (the `id` field of a record written before schema 3, or
 * of one not inserted yet, is read when there is no key).
 */
export function recordId(rec: YRecord): string {
  const key = parentKeyOf(rec);
  if (key !== null) return key;
  const id = rec.get('id');
  return typeof id === 'string' ? id : '';
}

/** Records of a collection in display order (order, then id, so every peer agrees). */
export function listRecords(coll: YCollection): YRecord[] {
  // Each record's order and id read once, not in every comparison (1,300 crisis types at 100×).
  const keyed = Array.from(coll.values(), (rec) => ({ rec, order: orderOf(rec), id: recordId(rec) }));
  keyed.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.map((k) => k.rec);
}

/**
 * Builds a detached Y.Map for `init` (integrated when inserted into a collection). Its nested
 * collections named in `lazy` go to the record's part (./parts.ts), created with it even when
 * `init` has none of them: a part created later by two laptops at once would leave one's in a
 * log the other's replaces.
 */
export function makeRecord(init: RecordInit, order: number, lazy: readonly string[] = []): YRecord {
  const rec = new Y.Map<unknown>();
  // The id is the key the caller inserts the record under (`recordId`), not a field.
  rec.set('order', order);
  for (const [key, value] of Object.entries(init)) {
    if (key === 'id' || key === 'order' || value === undefined || lazy.includes(key)) continue;
    if (Array.isArray(value)) rec.set(key, makeCollection(value));
    else rec.set(key, value);
  }
  if (lazy.length > 0) {
    rec.set(
      PART_FIELD,
      newPartLog((part) => {
        for (const key of lazy) {
          const value = init[key];
          if (Array.isArray(value)) fillCollection(part.getMap(key), value);
        }
      }),
    );
  }
  return rec;
}

function fillCollection(coll: Y.Map<YRecord>, items: readonly RecordInit[]): void {
  items.forEach((item, i) => {
    coll.set(item.id ?? newId(), makeRecord(item, i + 1));
  });
}

function makeCollection(items: readonly RecordInit[]): YCollection {
  const child = new Y.Map<YRecord>();
  fillCollection(child, items);
  return child;
}

/**
 * Which collections keep their records' nested collections in parts, and which of them: a crisis
 * type's steps and escalation (about half of a year's workspace, read only when that one type is
 * shown or used) and a statement's version history (read by its history panel, and by a new
 * version, which builds on the newest).
 */
const LAZY: ReadonlyMap<string, readonly string[]> = new Map([
  [ROOTS.crisisTypes, ['steps', 'escalation']],
  [ROOTS.statements, ['versions']],
]);

/** The nested collections a record of `coll` keeps in its part (none for most collections). */
export function partKeysOf(coll: { doc: Y.Doc | null; parent: unknown } | null): readonly string[] {
  const doc = coll?.doc;
  if (!doc || coll.parent) return [];
  for (const [name, root] of doc.share) if ((root as unknown) === coll) return LAZY.get(name) ?? [];
  return [];
}

/** The nested collections `rec` keeps in its part (none when it has no part). */
function lazyKeysOfRecord(rec: YRecord): readonly string[] {
  return rec.has(PART_FIELD) ? partKeysOf(rec.parent as Y.AbstractType<unknown> | null) : [];
}

/** Order key that places a record at `index` among `siblings` (which excludes the record). */
function orderAt(siblings: YRecord[], index: number): number {
  const i = Math.max(0, Math.min(index, siblings.length));
  const before = i > 0 ? orderOf(siblings[i - 1]!) : undefined;
  const after = i < siblings.length ? orderOf(siblings[i]!) : undefined;
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return after! - 1;
  if (after === undefined) return before + 1;
  // Midpoint; a random nudge keeps two peers inserting at the same spot from colliding.
  return before + (after - before) * (0.25 + Math.random() * 0.5);
}

/** Adds a record at `index` (default: end). Returns its id. */
export function addRecord(coll: YCollection, init: RecordInit, origin: Origin, index?: number): string {
  const doc = requireDoc(coll);
  return write(doc, origin, () => {
    const siblings = listRecords(coll);
    const id = init.id ?? newId();
    coll.set(id, makeRecord({ ...init, id }, orderAt(siblings, index ?? siblings.length), partKeysOf(coll)));
    return id;
  });
}

export function removeRecord(coll: YCollection, id: string, origin: Origin): boolean {
  const doc = requireDoc(coll);
  return write(doc, origin, () => {
    if (!coll.has(id)) return false;
    coll.delete(id);
    return true;
  });
}

/** Moves a record to position `toIndex` of the list as it would be without it. */
export function moveRecord(coll: YCollection, id: string, toIndex: number, origin: Origin): void {
  const doc = requireDoc(coll);
  write(doc, origin, () => {
    const rec = coll.get(id);
    if (!rec) return;
    const siblings = listRecords(coll).filter((r) => r !== rec);
    rec.set('order', orderAt(siblings, toIndex));
  });
}

/** Deep-copies a record (new ids throughout) right after the original. Returns the new id. */
export function duplicateRecord(coll: YCollection, id: string, origin: Origin, patch: Record<string, Primitive> = {}): string | undefined {
  const doc = requireDoc(coll);
  return write(doc, origin, () => {
    const rec = coll.get(id);
    if (!rec) return undefined;
    const list = listRecords(coll);
    const next = list[list.indexOf(rec) + 1];
    const order = next ? (orderOf(rec) + orderOf(next)) / 2 : orderOf(rec) + 1;
    const copyId = newId();
    coll.set(copyId, makeRecord({ ...stripIds({ ...toInit(rec), ...patch }), id: copyId }, order, partKeysOf(coll)));
    return copyId;
  });
}

/** Sets one primitive field. No-op when the value is unchanged (keeps history small). */
export function setField(rec: YRecord, key: string, value: Primitive, origin: Origin): void {
  if (key === 'id') throw new Error('A record id cannot change');
  const doc = requireDoc(rec);
  if (rec.get(key) === value) return;
  write(doc, origin, () => rec.set(key, value));
}

/**
 * A record's nested collection if it has one: the map under `key` (in its part for the keys its
 * collection keeps there, ./parts.ts; records written before parts keep them in the record).
 */
export function childrenOf(rec: YRecord, key: string): YCollection | null {
  const value = rec.get(key);
  if (value instanceof Y.Map) return value as YCollection;
  if (!lazyKeysOfRecord(rec).includes(key)) return null;
  return (partOf(rec)?.getMap(key) as YCollection | undefined) ?? null;
}

/** The nested collections kept in the part whose log is `log`. */
export function partKeysOfLog(log: PartLog): readonly string[] {
  return log.parent instanceof Y.Map ? lazyKeysOfRecord(log.parent as YRecord) : [];
}

/** The collections `rec` keeps in its part, by key (built on first read; none for a record without a part). */
export function partChildrenOf(rec: YRecord): Array<[key: string, coll: YCollection]> {
  return lazyKeysOfRecord(rec).flatMap((key): Array<[string, YCollection]> => {
    const coll = rec.get(key) instanceof Y.Map ? null : childrenOf(rec, key);
    return coll ? [[key, coll]] : [];
  });
}

/** The collections `rec` keeps in its part (built on first read; none for a record without a part). */
export function partCollectionsOf(rec: YRecord): YCollection[] {
  return partChildrenOf(rec).map(([, coll]) => coll);
}

/**
 * Replaces a record's nested collection `key` with `items` (in its part for the keys its
 * collection keeps there, as one write to the part tagged `origin`).
 */
export function replaceChildren(rec: YRecord, key: string, items: readonly RecordInit[], origin: Origin): void {
  const part = lazyKeysOfRecord(rec).includes(key) && !(rec.get(key) instanceof Y.Map) ? partOf(rec) : null;
  if (!part) {
    rec.set(key, makeCollection(items));
    return;
  }
  const coll = part.getMap(key) as YCollection;
  write(part, origin, () => {
    coll.clear();
    fillCollection(coll, items);
  });
}

/** Nested collection of a record, created on first use. */
export function childCollection(rec: YRecord, key: string, origin: Origin): YCollection {
  const existing = childrenOf(rec, key);
  if (existing) return existing;
  const doc = requireDoc(rec);
  return write(doc, origin, () => {
    const created = new Y.Map<YRecord>();
    rec.set(key, created);
    return created;
  });
}

/** Reads a nested collection without creating it. */
export function readChildren(rec: YRecord, key: string): YRecord[] {
  const c = childrenOf(rec, key);
  return c ? listRecords(c) : [];
}

/**
 * Plain snapshot of a record (for rendering, export and tests), its part's collections included
 * (building the part: read a long list by the fields it shows, or with `toPlainHead`).
 */
export function toPlain(rec: YRecord): PlainRecord {
  const out = toPlainHead(rec) as Record<string, unknown>;
  for (const key of lazyKeysOfRecord(rec)) if (!(key in out)) out[key] = readChildren(rec, key).map(toPlain);
  return out as PlainRecord;
}

/** Plain snapshot of a record without what it keeps in its part (the part is not built). */
export function toPlainHead(rec: YRecord): PlainRecord {
  const out: Record<string, unknown> = {};
  for (const [key, value] of rec.entries()) {
    if (key === 'id' || key === PART_FIELD) continue;
    out[key] = value instanceof Y.Map ? listRecords(value as YCollection).map(toPlain) : value instanceof Y.AbstractType ? value.toJSON() : value;
  }
  out.id = recordId(rec);
  return out as PlainRecord;
}

export function listPlain(coll: YCollection): PlainRecord[] {
  return listRecords(coll).map(toPlain);
}

/** Record → RecordInit (keeps ids; a text CRDT field becomes its text). */
export function toInit(rec: YRecord): RecordInit {
  const out: RecordInit = { id: recordId(rec) };
  for (const [key, value] of rec.entries()) {
    if (key === 'order' || key === 'id') continue;
    if (value instanceof Y.Map) out[key] = listRecords(value as YCollection).map(toInit);
    else if (value instanceof Y.Text) out[key] = value.toString();
    else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) out[key] = value as Primitive;
  }
  for (const key of lazyKeysOfRecord(rec)) if (!(key in out)) out[key] = readChildren(rec, key).map(toInit);
  return out;
}

function stripIds(init: RecordInit): RecordInit {
  const out: RecordInit = {};
  for (const [key, value] of Object.entries(init)) {
    if (key === 'id') continue;
    out[key] = Array.isArray(value) ? value.map(stripIds) : value;
  }
  return out;
}

function requireDoc(type: { doc: Y.Doc | null }): Y.Doc {
  const doc = type.doc;
  if (!doc) throw new Error('This record is not part of a workspace document yet');
  return doc;
}
