import * as Y from 'yjs';
import type { z } from 'zod';
import { listPlain, listRecords, makeRecord, partKeysOf, recordId, replaceChildren, toPlain, type RecordInit, type YCollection, type YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { collectionOf, metaOf, playbookOf, SCHEMA_VERSION } from '../doc/workspaceDoc.js';
import { DEFAULT_LANGUAGE, isLanguage } from '../languages.js';
import { lenientSchemas, PLAYBOOK_FORMAT_VERSION, PlaybookFileSchema, type PlaybookContent, type PlaybookFile } from './schema.js';
import { setText } from './textFields.js';
import type { CrisisType, Unit } from './types.js';
import { issuesOf, type ValidationIssue } from '../validationIssues.js';

/**
 * Typed reads of the playbook in a workspace document, and its export/import as one JSON file.
 * Reads are lenient (a half-written record from a peer still renders); imports are strict and
 * atomic (validated in full before the single transaction that writes them).
 */

function readAll<T>(coll: YCollection, schema: z.ZodType<T>): T[] {
  return listPlain(coll).map((rec) => schema.parse(rec));
}

/** The whole playbook as plain typed records, in display order. Missing fields get defaults. */
export function readPlaybook(doc: Y.Doc): PlaybookContent {
  const pb = playbookOf(doc);
  return {
    severities: readAll(pb.severities, lenientSchemas.SeverityLevel),
    crisisTypes: readAll(pb.crisisTypes, lenientSchemas.CrisisType),
    signals: readAll(pb.signals, lenientSchemas.WarningSignal),
    principles: readAll(pb.principles, lenientSchemas.Principle),
    units: readAll(collectionOf(doc, 'units'), lenientSchemas.Unit),
  };
}

/** One crisis type as a plain record, or undefined when no such id exists. */
export function crisisTypeById(doc: Y.Doc, id: string): CrisisType | undefined {
  const rec = playbookOf(doc).crisisTypes.get(id);
  return rec ? lenientSchemas.CrisisType.parse(toPlain(rec)) : undefined;
}

/** One unit of the responsibility map as a plain record, or undefined. */
export function unitById(doc: Y.Doc, id: string): Unit | undefined {
  const rec = collectionOf(doc, 'units').get(id);
  return rec ? lenientSchemas.Unit.parse(toPlain(rec)) : undefined;
}

/** A unit's display name, or undefined when the id names no unit (e.g. a deleted one). */
export function unitName(doc: Y.Doc, id: string): string | undefined {
  return unitById(doc, id)?.name;
}

/** The playbook as an export file (the content language comes from the workspace meta). */
export function exportPlaybook(doc: Y.Doc): PlaybookFile {
  const lang = metaOf(doc).get('contentLanguage');
  return { version: PLAYBOOK_FORMAT_VERSION, language: isLanguage(lang) ? lang : DEFAULT_LANGUAGE, ...readPlaybook(doc) };
}

/** One problem found in an imported playbook, e.g. `crisisTypes[2].steps[0].targetMinutes`. */
/** One problem of an imported file: a code and parameters the UI words, and where (../validationIssues.ts). */
export type PlaybookIssue = ValidationIssue;

/** Thrown when an imported playbook is rejected; nothing was written. */
export class PlaybookImportError extends Error {
  readonly issues: PlaybookIssue[];
  constructor(issues: PlaybookIssue[]) {
    const shown = issues.slice(0, 20).map((i) => `- ${i.path || '(file)'}: ${i.message}`);
    if (issues.length > shown.length) shown.push(`- … and ${issues.length - shown.length} more`);
    super(`The playbook file was not imported (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${shown.join('\n')}`);
    this.name = 'PlaybookImportError';
    this.issues = issues;
  }
}

/** Validates an exported playbook (a JSON string or parsed value); throws PlaybookImportError. */
export function parsePlaybookFile(input: unknown): PlaybookFile {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (err) {
      throw new PlaybookImportError([{ path: '', code: 'notJson', params: { detail: (err as Error).message }, message: `not valid JSON (${(err as Error).message})` }]);
    }
  }
  const result = PlaybookFileSchema.safeParse(value);
  if (!result.success) {
    throw new PlaybookImportError(issuesOf(result.error, value));
  }
  return result.data;
}

/** Converts a plain typed record into what the collection helpers write. */
export function recordInitOf(record: object): RecordInit {
  const out: RecordInit = {};
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value)) out[key] = value.map((item: object) => recordInitOf(item));
    else if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
    else if (value !== undefined) throw new Error(`Field "${key}" cannot be stored in a record`);
  }
  return out;
}

/** What an import changed, for the confirmation the team sees. */
export interface PlaybookImportSummary {
  severities: number;
  crisisTypes: number;
  signals: number;
  principles: number;
  /** Units that matched one already in the workspace (by id, then by built-in key). */
  unitsMatched: number;
  unitsAdded: number;
  /** Playbook records that were in the workspace but not in the file, now removed. */
  removed: number;
}

interface Importable {
  id: string;
  key?: string;
}

/** Pairs imported items with existing records: same id first, then same non-empty built-in key. */
function matchRecords(existing: YRecord[], items: Importable[], byKey: boolean): Map<number, YRecord> {
  const matches = new Map<number, YRecord>();
  const used = new Set<YRecord>();
  const byId = new Map(existing.map((rec) => [recordId(rec), rec]));
  items.forEach((item, i) => {
    const rec = byId.get(item.id);
    if (rec) {
      matches.set(i, rec);
      used.add(rec);
    }
  });
  if (byKey) {
    items.forEach((item, i) => {
      if (matches.has(i) || !item.key) return;
      const rec = existing.find((r) => !used.has(r) && r.get('key') === item.key);
      if (rec) {
        matches.set(i, rec);
        used.add(rec);
      }
    });
  }
  return matches;
}

/** Overwrites a record's fields in place (keeping fields the file does not know, e.g. members). */
function updateRecord(rec: YRecord, init: RecordInit, origin: Origin): void {
  for (const [key, value] of Object.entries(init)) {
    if (key === 'id' || value === undefined) continue;
    if (Array.isArray(value)) {
      replaceChildren(rec, key, value.map((item) => ({ ...item, id: item.id ?? '' })), origin);
    } else if (rec.get(key) instanceof Y.Text) {
      // A text CRDT field stays one: the import becomes the smallest edit of its text, which
      // merges with anyone typing there at the same time (textFields.ts).
      if (typeof value === 'string') setText(rec, key, value, 'import');
      else rec.set(key, value);
    } else if (rec.get(key) !== value) {
      rec.set(key, value);
    }
  }
}

/** Makes `coll` hold exactly `items` in this order; returns how many records were removed. */
function replaceCollection(coll: YCollection, items: Importable[], byKey: boolean, origin: Origin): number {
  const existing = listRecords(coll);
  const matches = matchRecords(existing, items, byKey);
  const kept = new Set(matches.values());
  items.forEach((item, i) => {
    const rec = matches.get(i);
    if (rec) {
      updateRecord(rec, recordInitOf({ ...item, id: recordId(rec) }), origin);
      if (rec.get('order') !== i + 1) rec.set('order', i + 1);
    } else {
      coll.set(item.id, makeRecord(recordInitOf(item), i + 1, partKeysOf(coll)));
    }
  });
  let removed = 0;
  for (const rec of existing) {
    if (!kept.has(rec)) {
      coll.delete(recordId(rec));
      removed++;
    }
  }
  return removed;
}

/** Merges the file's units into the map's units (never removing any); returns file id → doc id. */
function mergeUnits(coll: YCollection, units: Unit[], origin: Origin): { ids: Map<string, string>; matched: number } {
  const existing = listRecords(coll);
  const matches = matchRecords(existing, units, true);
  const ids = new Map<string, string>();
  let last = existing.reduce((max, rec) => Math.max(max, Number(rec.get('order')) || 0), 0);
  units.forEach((unit, i) => {
    const rec = matches.get(i);
    if (rec) {
      ids.set(unit.id, recordId(rec));
      updateRecord(rec, recordInitOf({ ...unit, id: recordId(rec) }), origin);
    } else {
      ids.set(unit.id, unit.id);
      coll.set(unit.id, makeRecord(recordInitOf(unit), ++last));
    }
  });
  return { ids, matched: matches.size };
}

/**
 * Replaces the workspace's playbook with an exported one, in one transaction tagged `origin`.
 * The file is validated first; on any problem a PlaybookImportError lists every path and the
 * document is left untouched. Units are merged into the responsibility map (matched by id,
 * then built-in key, so RACI cells and contacts survive) and references are remapped; crisis
 * types are matched the same way so links to them (RACI, incidents) keep working.
 */
export function importPlaybook(doc: Y.Doc, input: unknown, origin: Origin = 'import'): PlaybookImportSummary {
  const file = parsePlaybookFile(input);
  return write(doc, origin, () => {
    const { ids, matched } = mergeUnits(collectionOf(doc, 'units'), file.units, origin);
    const unit = (id: string): string => ids.get(id) ?? id;
    const pb = playbookOf(doc);
    let removed = replaceCollection(
      pb.severities,
      file.severities.map((s) => ({ ...s, notify: s.notify.map((n) => ({ ...n, who: unit(n.who) })) })),
      false,
      origin,
    );
    removed += replaceCollection(
      pb.crisisTypes,
      file.crisisTypes.map((t) => ({
        ...t,
        firstResponderUnitId: unit(t.firstResponderUnitId),
        steps: t.steps.map((s) => ({ ...s, ownerUnitId: unit(s.ownerUnitId) })),
        escalation: t.escalation.map((e) => ({ ...e, unitId: unit(e.unitId) })),
      })),
      true,
      origin,
    );
    removed += replaceCollection(pb.signals, file.signals, false, origin);
    removed += replaceCollection(pb.principles, file.principles, false, origin);
    const meta = metaOf(doc);
    if (meta.get('schemaVersion') === undefined) meta.set('schemaVersion', SCHEMA_VERSION);
    if (meta.get('contentLanguage') === undefined) meta.set('contentLanguage', file.language);
    if (meta.get('createdAt') === undefined) meta.set('createdAt', Date.now());
    return {
      severities: file.severities.length,
      crisisTypes: file.crisisTypes.length,
      signals: file.signals.length,
      principles: file.principles.length,
      unitsMatched: matched,
      unitsAdded: file.units.length - matched,
      removed,
    };
  });
}
