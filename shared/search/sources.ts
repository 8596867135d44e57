import * as Y from 'yjs';
import { partCollectionsOf, type YRecord } from '../doc/collection.js';
import { PART_FIELD } from '../doc/parts.js';
import { ROOTS } from '../doc/workspaceDoc.js';
import { bodyOf, readStatement } from '../statements/store.js';
import { bodyText } from '../statements/body.js';
import { readIncident } from '../incidents/incidents.js';
import type { SearchEntry } from './searchIndex.js';

/**
 * What each part of a workspace contributes to search: one function per root collection that
 * turns one record into its entries. Records are read through the features' own readers where
 * they exist (statements, incidents); the playbook, the map and the drills are read generically
 * (every string inside the record).
 */
export interface SearchSource {
  /** Root name in the document (shared/doc/workspaceDoc.ts ROOTS). */
  root: string;
  entries: (id: string, rec: YRecord, doc: Y.Doc) => SearchEntry[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Every string of a record and of what is nested in it (Y.Text as text), joined by new lines. */
export function stringsOf(value: unknown, skip: ReadonlySet<string> = new Set(), out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value) out.push(value);
  } else if (value instanceof Y.Text) {
    out.push(value.toString());
  } else if (value instanceof Y.Map) {
    for (const [k, v] of value.entries()) if (!skip.has(k) && k !== PART_FIELD) stringsOf(v, skip, out);
    for (const coll of partCollectionsOf(value)) stringsOf(coll, skip, out);
  } else if (value instanceof Y.Array) {
    for (const v of value.toArray()) stringsOf(v, skip, out);
  }
  return out;
}

/** Fields that are ids, keys, dates or codes: never worth matching. */
const NOT_TEXT = new Set(['id', 'key', 'order', 'createdAt', 'updatedAt', 'createdBy', 'createdByKey', 'language', 'kind', 'ownerUnitId', 'unitId', 'crisisTypeId', 'firstResponderUnitId', 'backupMemberId', 'reviewerMemberId', 'libraryKey', 'crisisTypeKey', 'templateId', 'supersedesId']);
const textOf = (rec: YRecord, ...skip: string[]) => stringsOf(rec, new Set([...NOT_TEXT, ...skip])).join('\n');
const titleOf = (rec: YRecord) => str(rec.get('name')) || str(rec.get('title')) || str(rec.get('label'));

function playbook(root: string, tab: string, withId: boolean): SearchSource {
  return {
    root,
    entries: (id, rec) => {
      const text = textOf(rec, 'name', 'title', 'label');
      // Principles have no name: their first line stands in.
      const title = titleOf(rec) || text.split('\n')[0]!.slice(0, 80);
      return [{ key: `${root}:${id}`, kind: 'playbook', title, text, path: withId ? ['playbook', tab, id] : ['playbook', tab] }];
    },
  };
}

export const SEARCH_SOURCES: readonly SearchSource[] = [
  {
    root: ROOTS.statements,
    entries: (id, rec) => {
      const s = readStatement(rec);
      const body = bodyOf(rec);
      return [{ key: `statement:${id}`, kind: 'statement', title: s.title, text: body ? bodyText(body) : '', path: ['statements', id] }];
    },
  },
  {
    root: ROOTS.incidents,
    entries: (id, rec) => {
      const inc = readIncident(rec, id);
      const section = inc.drill ? 'drills' : 'incidents';
      const text = [...inc.facts.map((f) => `${f.label} ${f.value}`), ...inc.tasks.map((t) => t.title), ...inc.log.filter((e) => e.category !== 'decision').map((e) => e.text)].join('\n');
      const decisions: SearchEntry[] = inc.log
        .filter((e) => e.category === 'decision' && e.text.trim())
        .map((e) => ({ key: `decision:${id}:${e.id}`, kind: 'decision', title: e.text.split('\n')[0]!.slice(0, 120), text: e.text, path: [section, id], context: inc.title }));
      return [{ key: `incident:${id}`, kind: 'incident', title: inc.title, text, path: [section, id] }, ...decisions];
    },
  },
  playbook(ROOTS.crisisTypes, 'crisisTypes', true),
  playbook(ROOTS.severities, 'severities', false),
  playbook(ROOTS.signals, 'signals', false),
  playbook(ROOTS.principles, 'principles', false),
  {
    root: ROOTS.units,
    entries: (id, rec) => [{ key: `unit:${id}`, kind: 'unit', title: str(rec.get('name')), text: str(rec.get('duties')), path: ['roles', 'people', id] }],
  },
  {
    root: ROOTS.members,
    entries: (id, rec, doc) => {
      const unitId = str(rec.get('unitId'));
      const unit = doc.getMap<YRecord>(ROOTS.units).get(unitId);
      const fields = ['title', 'phone', 'email', 'handle', 'keyRole'].map((f) => str(rec.get(f))).filter(Boolean);
      return [{ key: `person:${id}`, kind: 'person', title: str(rec.get('name')), text: fields.join('\n'), path: ['roles', 'people', unitId], context: unit instanceof Y.Map ? str(unit.get('name')) : '' }];
    },
  },
  {
    root: ROOTS.scenarios,
    entries: (id, rec) => [{ key: `drill:${id}`, kind: 'drill', title: str(rec.get('title')), text: textOf(rec, 'title'), path: ['drills'] }],
  },
];
