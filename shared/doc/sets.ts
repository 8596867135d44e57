import * as Y from 'yjs';

/**
 * Sets of short strings in a record field (a statement's channels, its required roles): stored as
 * a `Y.Map<true>` keyed by item, so two laptops adding or removing different items at once both
 * win (a comma-separated string, as schema 1 stored them, lost one of the two changes).
 * Readers accept both forms: a laptop still on schema 1 may write the old string during a sync.
 */

/**
 * The distinct, non-empty items of a set field: a Y.Map's keys (sorted: replicas may iterate a map
 * in different orders), a Y.Array's or a plain array's items or a comma list (in their order).
 */
export function readSet(value: unknown): string[] {
  let items: unknown[];
  if (value instanceof Y.Map) items = [...value.keys()].filter((k) => value.get(k) === true).sort();
  else if (value instanceof Y.Array) items = value.toArray();
  else if (Array.isArray(value)) items = value;
  else if (typeof value === 'string') items = value.split(',');
  else return [];
  return [...new Set(items.flatMap((s) => (typeof s === 'string' && s.trim() ? [s.trim()] : [])))];
}

/**
 * Makes field `key` of `rec` hold exactly `items`: the existing Y.Map is changed in place (only
 * the items added or removed are written); a string or missing field becomes a new Y.Map. Call
 * inside a transaction with an origin (shared/doc/origins.ts `write`).
 */
export function writeSet(rec: Y.Map<unknown>, key: string, items: readonly string[]): void {
  const want = new Set(items.map((s) => s.trim()).filter(Boolean));
  const current = rec.get(key);
  if (!(current instanceof Y.Map)) {
    const set = new Y.Map<boolean>();
    for (const item of want) set.set(item, true);
    rec.set(key, set);
    return;
  }
  for (const k of [...current.keys()]) if (!want.has(k)) current.delete(k);
  for (const item of want) if (current.get(item) !== true) current.set(item, true);
}
