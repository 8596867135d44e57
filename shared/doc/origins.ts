import type * as Y from 'yjs';

/**
 * Every Yjs write in Crisis Room names where it came from. Observers, undo managers and the
 * sync layer read this to tell a person's edit from a peer's, an import or the app itself.
 */
export const ORIGINS = ['user', 'remote', 'import', 'system'] as const;
export type Origin = (typeof ORIGINS)[number];

export function isOrigin(value: unknown): value is Origin {
  return typeof value === 'string' && (ORIGINS as readonly string[]).includes(value);
}

/**
 * Runs `fn` in one Yjs transaction tagged with `origin`. Nested calls join the outer
 * transaction (and keep its origin), as Yjs does.
 */
export function write<T>(doc: Y.Doc, origin: Origin, fn: (tr: Y.Transaction) => T): T {
  let result!: T;
  doc.transact((tr) => {
    result = fn(tr);
  }, origin);
  return result;
}
