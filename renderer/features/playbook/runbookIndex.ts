import * as Y from 'yjs';
import { listRecords, recordId } from '../../../shared/doc/collection';
import { collectionOf, playbookOf } from '../../../shared/doc/workspaceDoc';

/**
 * What the runbook lists before drawing any section: the crisis types in order (id and name)
 * and every unit's name. At 100× that is reading 1,300 crisis types and 1,000 units, so it is
 * read once per change of its roots and shared (opening the runbook again reads nothing: issue
 * 14, P16). Dropped before any observer of a transaction that touched the crisis types or the
 * units runs, so components reading again in their observers get fresh values.
 */
export interface RunbookIndex {
  types: { id: string; name: string }[];
  unitNames: Map<string, string>;
}

const plainText = (v: unknown): string => (typeof v === 'string' ? v : v instanceof Y.AbstractType ? String(v.toJSON()) : '');

function rootOf(type: Y.AbstractType<unknown>): Y.AbstractType<unknown> {
  let t = type;
  while (t.parent) t = t.parent as Y.AbstractType<unknown>;
  return t;
}

const cache = new WeakMap<Y.Doc, { types: RunbookIndex['types'] | null; unitNames: Map<string, string> | null }>();

function entryOf(doc: Y.Doc) {
  let e = cache.get(doc);
  if (!e) {
    const entry: { types: RunbookIndex['types'] | null; unitNames: Map<string, string> | null } = { types: null, unitNames: null };
    const typesRoot = playbookOf(doc).crisisTypes as Y.AbstractType<unknown>;
    const unitsRoot = collectionOf(doc, 'units') as Y.AbstractType<unknown>;
    doc.on('beforeObserverCalls', (tr: Y.Transaction) => {
      for (const t of tr.changed.keys()) {
        const root = rootOf(t as Y.AbstractType<unknown>);
        if (root === typesRoot) entry.types = null;
        else if (root === unitsRoot) entry.unitNames = null;
      }
    });
    cache.set(doc, (e = entry));
  }
  return e;
}

/** The crisis types in playbook order, as the contents list shows them. */
export function runbookTypes(doc: Y.Doc): RunbookIndex['types'] {
  const e = entryOf(doc);
  return (e.types ??= listRecords(playbookOf(doc).crisisTypes).map((rec) => ({ id: recordId(rec), name: plainText(rec.get('name')) })));
}

/** Every unit's name by id. */
export function runbookUnitNames(doc: Y.Doc): Map<string, string> {
  const e = entryOf(doc);
  return (e.unitNames ??= new Map(listRecords(collectionOf(doc, 'units')).map((rec) => [recordId(rec), plainText(rec.get('name'))])));
}
