import type * as Y from 'yjs';
import { listRecords, toPlain, toPlainHead, type YCollection, type YRecord } from '../doc/collection.js';
import { PART_FIELD } from '../doc/parts.js';
import { collectionOf, playbookOf } from '../doc/workspaceDoc.js';
import { lenientSchemas } from './schema.js';
import type { CrisisType, SeverityLevel, Unit } from './types.js';

/**
 * One part of the playbook as plain typed records (as `readPlaybook` reads it), read once per
 * change of that part and shared by every caller (issue 14, P16: at 100× the incident room and
 * the drills page each read the whole playbook — 1,300 crisis types with their steps — three
 * times over to show one crisis type, the severity names and the unit names). The value is
 * dropped before any observer of a transaction that touched the part runs, so a component
 * reading again in its observer gets the fresh one. Treat the arrays as read-only.
 */
type Part = 'crisisTypes' | 'severities' | 'units';

function rootOf(type: Y.AbstractType<unknown>): Y.AbstractType<unknown> {
  let t = type;
  while (t.parent) t = t.parent as Y.AbstractType<unknown>;
  return t;
}

const cache = new WeakMap<Y.Doc, Map<Part, unknown[]>>();

function collectionFor(doc: Y.Doc, part: Part): YCollection {
  return part === 'units' ? collectionOf(doc, 'units') : playbookOf(doc)[part];
}

function shared<T>(doc: Y.Doc, part: Part, read: (rec: YRecord) => T): T[] {
  let values = cache.get(doc);
  if (!values) {
    const held = new Map<Part, unknown[]>();
    const parts: Part[] = ['crisisTypes', 'severities', 'units'];
    const roots = new Map(parts.map((p) => [collectionFor(doc, p) as Y.AbstractType<unknown>, p]));
    doc.on('beforeObserverCalls', (tr: Y.Transaction) => {
      if (held.size === 0) return;
      for (const t of tr.changed.keys()) {
        const p = roots.get(rootOf(t as Y.AbstractType<unknown>));
        if (p) held.delete(p);
      }
    });
    cache.set(doc, (values = held));
  }
  let value = values.get(part) as T[] | undefined;
  if (!value) values.set(part, (value = listRecords(collectionFor(doc, part)).map(read)));
  return value;
}

/**
 * The playbook's crisis types, in display order (shared; see above). A type's steps and escalation
 * live in its part (shared/doc/parts.ts): they are read, and the part built, only when a caller
 * reads `steps` or `escalation` of that type — every caller shows or uses one type's.
 */
export function sharedCrisisTypes(doc: Y.Doc): CrisisType[] {
  return shared(doc, 'crisisTypes', (rec) => crisisTypeOf(rec));
}

function crisisTypeOf(rec: YRecord): CrisisType {
  if (!rec.has(PART_FIELD)) return lenientSchemas.CrisisType.parse(toPlain(rec));
  const type = lenientSchemas.CrisisType.parse(toPlainHead(rec));
  let full: CrisisType | null = null;
  const details = () => (full ??= lenientSchemas.CrisisType.parse(toPlain(rec)));
  Object.defineProperty(type, 'steps', { get: () => details().steps, enumerable: true });
  Object.defineProperty(type, 'escalation', { get: () => details().escalation, enumerable: true });
  return type;
}

/** The severity levels, in display order (shared). */
export function sharedSeverities(doc: Y.Doc): SeverityLevel[] {
  return shared(doc, 'severities', (rec) => lenientSchemas.SeverityLevel.parse(toPlain(rec)));
}

/** The units of the responsibility map as the playbook reads them (shared). */
export function sharedUnits(doc: Y.Doc): Unit[] {
  return shared(doc, 'units', (rec) => lenientSchemas.Unit.parse(toPlain(rec)));
}
