import { expect } from 'vitest';
import * as Y from 'yjs';
import type { YRecord } from '../../../shared/doc/collection';
import { readSet } from '../../../shared/doc/sets';
import { RecordFieldError, type RecordDefinition } from '../../../shared/doc/typedRecord';

/** Checks shared by the records-*.test.ts files (issue 14: one definition per record kind). */

/** Adds a record with exactly these stored fields, as an older or damaged peer might have. */
export function rawRecord(coll: Y.Map<YRecord>, fields: Record<string, unknown>): YRecord {
  coll.doc!.transact(() => {
    const rec = new Y.Map<unknown>();
    coll.set(String(fields.id), rec);
    for (const [k, v] of Object.entries(fields)) rec.set(k, v);
  }, 'remote');
  return coll.get(String(fields.id))!;
}

/** Runs `fn`, expecting a RecordFieldError naming `field`, and that the document did not change. */
export function refusedWithoutWriting(doc: Y.Doc, field: RegExp, fn: () => unknown): void {
  const before = Y.encodeStateVector(doc);
  let error: unknown;
  try {
    fn();
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(RecordFieldError);
  expect((error as Error).message).toMatch(field);
  expect(Y.encodeStateVector(doc)).toEqual(before);
}

/**
 * For every definition and every odd value stored in every field: the plain reader (`read`) gives
 * exactly what the lenient zod schema gives. Returns how many fields were compared.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of any shape
export function plainReadersAgreeWithZod(defs: ReadonlyArray<RecordDefinition<any>>, odd: readonly unknown[]): number {
  let compared = 0;
  for (const def of defs) {
    for (const value of odd) {
      const doc = new Y.Doc();
      const rec = doc.getMap<unknown>('r');
      doc.transact(() => def.keys.forEach((k) => rec.set(k, value)), 'remote');
      const viaZod = def.lenient.parse(Object.fromEntries(def.keys.map((k) => [k, def.sets.has(k) ? readSet(rec.get(k)) : rec.get(k)]))) as Record<string, unknown>;
      const plain = def.read(rec) as Record<string, unknown>;
      for (const k of def.keys) {
        expect({ field: `${def.name}.${k}`, value, got: plain[k] }).toEqual({ field: `${def.name}.${k}`, value, got: viaZod[k] });
        compared++;
      }
    }
  }
  return compared;
}
