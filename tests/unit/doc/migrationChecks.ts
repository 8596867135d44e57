import * as Y from 'yjs';
import { expect } from 'vitest';
import { migrateDoc } from '../../../shared/doc/migrations';

/** Opening a migrated document again changes nothing. */
export function expectMigrationIdempotent(doc: Y.Doc): void {
  const state = Y.encodeStateVector(doc);
  expect(migrateDoc(doc).status).toBe('current');
  expect(Y.encodeStateVector(doc)).toEqual(state);
}

/** Two laptops migrate their copies of the same document at once, then sync both ways. */
export function migrateBothThenSync(a: Y.Doc, b: Y.Doc): void {
  migrateDoc(a);
  migrateDoc(b);
  Y.applyUpdateV2(a, Y.encodeStateAsUpdateV2(b), 'remote');
  Y.applyUpdateV2(b, Y.encodeStateAsUpdateV2(a), 'remote');
}
