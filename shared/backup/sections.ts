import * as Y from 'yjs';
import { GOVERNANCE_LOG_ROOT } from '../governance/log.js';
import { ROOTS, type RootName } from '../doc/workspaceDoc.js';
import { isPartLog, PART_FIELD, type PartLog } from '../doc/parts.js';
import type { Section } from './schemas.js';

/**
 * Which document roots make up each section a person recognises, and a flat view of every
 * record in them (nested records too: a step inside a crisis type), each with a fingerprint of
 * its own fields — what a merge preview compares.
 */
export const SECTION_ROOTS: Record<Exclude<Section, 'governance'>, RootName[]> = {
  playbook: ['severities', 'crisisTypes', 'signals', 'principles'],
  people: ['units', 'members', 'raci'],
  statements: ['statements', 'statementPhrases'],
  incidents: ['incidents', 'attachments'],
  drills: ['scenarios'],
};

/** A collection is a Y.Map whose values are all Y.Maps (records keyed by id). */
function isCollection(value: unknown): value is Y.Map<Y.Map<unknown>> {
  if (!(value instanceof Y.Map) || value.size === 0) return false;
  for (const v of value.values()) if (!(v instanceof Y.Map)) return false;
  return true;
}

function fieldValue(value: unknown): unknown {
  // An attachment's bytes: compared by length here (its sha256 is a field of the same record).
  if (value instanceof Uint8Array) return { bytes: value.length };
  if (value instanceof Y.Text || value instanceof Y.XmlFragment || value instanceof Y.XmlElement || value instanceof Y.XmlText) return value.toString();
  if (value instanceof Y.AbstractType) return value.toJSON();
  return value;
}

function partFingerprint(log: PartLog): string {
  return log.toArray().map((u) => u.length).join('.');
}

function flattenInto(coll: Y.Map<unknown>, path: string, out: Map<string, string>, fingerprint: boolean): void {
  const keys = [...coll.keys()].sort();
  for (const key of keys) {
    const rec = coll.get(key);
    const here = `${path}/${key}`;
    if (!(rec instanceof Y.Map)) {
      out.set(here, fingerprint ? (JSON.stringify(fieldValue(rec)) ?? 'undefined') : '');
      continue;
    }
    const fields: Array<[string, unknown]> = [];
    for (const field of [...rec.keys()].sort()) {
      const value = rec.get(field);
      if (isCollection(value)) flattenInto(value as Y.Map<unknown>, `${here}/${field}`, out, fingerprint);
      // A record's part (doc/parts.ts: a crisis type's steps, a statement's versions) is not built
      // here: its log stands for it, and any edit of the part appends to the log.
      else if (field === PART_FIELD && isPartLog(value)) {
        if (fingerprint) fields.push([field, partFingerprint(value)]);
      } else if (fingerprint) fields.push([field, fieldValue(value)]);
    }
    out.set(here, fingerprint ? JSON.stringify(fields) : '');
  }
}

/**
 * Every record of a section: path → fingerprint (empty without `fingerprint`: counting only).
 * Governance: one entry per log string.
 */
export function sectionRecords(doc: Y.Doc, section: Section, fingerprint = true): Map<string, string> {
  const out = new Map<string, string>();
  if (section === 'governance') {
    for (const raw of doc.getArray<unknown>(GOVERNANCE_LOG_ROOT).toArray()) {
      const s = typeof raw === 'string' ? raw : JSON.stringify(raw);
      out.set(s, '');
    }
    return out;
  }
  for (const root of SECTION_ROOTS[section]) flattenInto(doc.getMap<unknown>(ROOTS[root]), root, out, fingerprint);
  return out;
}

export interface SectionChange {
  added: number;
  changed: number;
  removed: number;
}
export type ChangeSummary = Record<Section, SectionChange>;

export const SECTION_LIST: readonly Section[] = ['playbook', 'people', 'statements', 'incidents', 'drills', 'governance'];

/** Records per section (what a manifest lists). */
export function countSections(doc: Y.Doc): Record<Section, number> {
  const out = {} as Record<Section, number>;
  for (const s of SECTION_LIST) out[s] = sectionRecords(doc, s, false).size;
  return out;
}

/** What changes per section from `before` to `after`. */
export function diffSections(before: Y.Doc, after: Y.Doc): ChangeSummary {
  const out = {} as ChangeSummary;
  for (const s of SECTION_LIST) {
    const a = sectionRecords(before, s);
    const b = sectionRecords(after, s);
    let added = 0;
    let changed = 0;
    let removed = 0;
    for (const [k, v] of b) {
      const old = a.get(k);
      if (old === undefined) added++;
      else if (old !== v) changed++;
    }
    for (const k of a.keys()) if (!b.has(k)) removed++;
    out[s] = { added, changed, removed };
  }
  return out;
}

export const totalChanges = (summary: ChangeSummary): number =>
  SECTION_LIST.reduce((n, s) => n + summary[s].added + summary[s].changed + summary[s].removed, 0);
