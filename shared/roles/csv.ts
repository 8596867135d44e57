import Papa from 'papaparse';
import type * as Y from 'yjs';
import { z } from 'zod';
import { collectionOf } from '../doc/workspaceDoc.js';
import { write } from '../doc/origins.js';
import { toSafeCsv, unescapeCell } from '../csvSafe.js';
import { lookup, norm } from './csvLookup.js';
import { applyPeople, exportPeopleRows, PERSON_COLUMNS, planPeople, type PersonChange, type PersonRow } from './csvPeople.js';
import { decodeCsvText, type CsvEncoding, type EncodingEvidence } from './encoding.js';
import { raciOf } from './raci.js';
import { PHASES, RACI_ROLES, cellKey, parseCellKey, type Phase, type RaciRole, type RoleMap } from './types.js';

/**
 * The responsibility map as CSV, for spreadsheets: its people and its matrix in one file.
 * `kind` is `person` (one member of a unit, see ./csvPeople.ts), `raci` (one cell: crisis_type,
 * phase, unit, role) or `first_responder` (the crisis type's first responder; phase and role
 * empty). Names are written; on import a crisis type or unit is matched by id, name, built-in key
 * or (units) abbreviation. Files with only the matrix columns (older exports) or only the people
 * columns read as well.
 *
 * Import is all-or-nothing: the file is checked completely first, every problem is reported with
 * its row number, and only a clean file is applied, in one transaction with origin `import`.
 * For each crisis type with `raci` rows, the file's rows replace that type's current cells; a
 * `first_responder` row sets that type's first responder. Types the file does not name keep
 * what they have; people the file does not name stay.
 *
 * Export cells are escaped against formula injection and quoted (../csvSafe.ts); import undoes
 * the escape.
 */

const MATRIX_COLUMNS = ['crisis_type', 'phase', 'role'] as const;
export const CSV_COLUMNS = ['kind', 'crisis_type', 'phase', 'unit', 'role', ...PERSON_COLUMNS] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
export const CSV_KINDS = ['person', 'raci', 'first_responder'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

/** Largest file accepted (bytes) and most rows. */
export const CSV_MAX_BYTES = 2 * 1024 * 1024;
export const CSV_MAX_ROWS = 20_000;
/** At most this many row errors are listed; the rest are counted. */
export const CSV_MAX_ERRORS = 200;

/**
 * The map as CSV text: people first, then first responders and cells by crisis type. UTF-8 with
 * a BOM (spreadsheet apps then read Chinese correctly), CRLF, every field quoted and escaped.
 */
export function exportRoleMapCsv(map: RoleMap): string {
  const rows: Partial<Record<CsvColumn, string>>[] = [];
  for (const person of exportPeopleRows(map)) rows.push({ kind: 'person', ...person });
  const units = new Map(map.units.map((u) => [u.id, u]));
  for (const ct of map.crisisTypes) {
    const fr = units.get(ct.firstResponderUnitId);
    if (fr) rows.push({ kind: 'first_responder', crisis_type: ct.name, unit: fr.name });
    for (const phase of PHASES) {
      for (const unit of map.units) {
        const role = map.cells.get(cellKey(ct.id, phase, unit.id));
        if (role) rows.push({ kind: 'raci', crisis_type: ct.name, phase, unit: unit.name, role });
      }
    }
  }
  return toSafeCsv([[...CSV_COLUMNS], ...rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? ''))]);
}

/** @deprecated name of {@link exportRoleMapCsv} (the file now holds the people too). */
export const exportMatrixCsv = exportRoleMapCsv;

export const CSV_ERROR_CODES = [
  'badEncoding',
  'fileTooLarge',
  'emptyFile',
  'missingHeader',
  'malformedRow',
  'wrongColumnCount',
  'missingValue',
  'unknownKind',
  'unknownCrisisType',
  'ambiguousCrisisType',
  'unknownPhase',
  'unknownUnit',
  'ambiguousUnit',
  'unknownRole',
  'duplicateCell',
  'duplicateFirstResponder',
  'duplicatePerson',
  'unknownPerson',
  'ambiguousPerson',
  'personUnitMismatch',
  'badYesNo',
  'badDate',
  /** A cell longer than its field holds (the member definition, ./records.ts). */
  'tooLong',
  'tooManyErrors',
] as const;
export type CsvErrorCode = (typeof CSV_ERROR_CODES)[number];

/** One problem of an import: where (1-based row, the header is row 1; null = whole file) and why. */
export interface CsvRowError {
  row: number | null;
  code: CsvErrorCode;
  params: Record<string, string | number>;
}

/** A checked import, ready to apply. */
export interface MatrixImportPlan {
  /** Crisis types whose cells the file replaces. */
  replaceCrisisTypeIds: string[];
  cells: { crisisTypeId: string; phase: Phase; unitId: string; role: RaciRole }[];
  firstResponders: { crisisTypeId: string; unitId: string }[];
  /** People to add or update. */
  people: PersonChange[];
  /** Data rows read (excluding the header and blank lines). */
  rowCount: number;
}

export type MatrixImportResult = { ok: true; plan: MatrixImportPlan } | { ok: false; errors: CsvRowError[] };

export interface ParseOptions {
  /** Extra words accepted for phases (e.g. the localized phase names), matched case-insensitively. */
  phaseAliases?: Record<string, Phase>;
}

/**
 * Decodes the bytes of a CSV file: UTF-8, UTF-16, Big5/CP950 or GBK/GB18030, detected (see
 * ./encoding.ts) or as the person chose; says which encoding was read.
 */
export function decodeCsvBytes(
  bytes: Uint8Array,
  encoding?: CsvEncoding,
): { ok: true; text: string; encoding: CsvEncoding; evidence: EncodingEvidence } | { ok: false; error: CsvRowError } {
  if (bytes.length > CSV_MAX_BYTES) return { ok: false, error: { row: null, code: 'fileTooLarge', params: { maxKb: CSV_MAX_BYTES / 1024 } } };
  const decoded = decodeCsvText(bytes, encoding);
  if (!decoded.ok) return { ok: false, error: { row: null, code: 'badEncoding', params: { encoding: decoded.encoding ?? '' } } };
  return decoded;
}

const KIND_WORDS: Record<string, CsvKind> = {
  person: 'person',
  people: 'person',
  member: 'person',
  contact: 'person',
  raci: 'raci',
  first_responder: 'first_responder',
  'first responder': 'first_responder',
  fr: 'first_responder',
};

/** A matrix row's cells (person rows are checked in ./csvPeople.ts). */
const RowSchema = z.object({
  crisis_type: z.string().trim().min(1, 'missingValue'),
  phase: z.string().trim(),
  unit: z.string().trim().min(1, 'missingValue'),
  role: z.string().trim().toUpperCase(),
});

/** Checks a CSV text against the map; returns a plan to apply or every row-level error. */
export function parseMatrixCsv(text: string, map: RoleMap, options: ParseOptions = {}): MatrixImportResult {
  const errors: CsvRowError[] = [];
  const fail = (row: number | null, code: CsvErrorCode, params: CsvRowError['params'] = {}) => {
    errors.push({ row, code, params });
  };
  const body = text.replace(/^\uFEFF/, '');
  if (body.length > CSV_MAX_BYTES) return { ok: false, errors: [{ row: null, code: 'fileTooLarge', params: { maxKb: CSV_MAX_BYTES / 1024 } }] };
  if (body.includes('\uFFFD') || body.includes('\u0000')) return { ok: false, errors: [{ row: null, code: 'badEncoding', params: {} }] };

  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimitersToGuess: [',', ';', '\t'] });
  const records = parsed.data;
  const isBlank = (r: string[] | undefined) => !r || r.every((c) => c.trim() === '');
  const firstIndex = records.findIndex((r) => !isBlank(r));
  if (firstIndex < 0) return { ok: false, errors: [{ row: null, code: 'emptyFile', params: {} }] };
  if (records.length - firstIndex > CSV_MAX_ROWS + 1) return { ok: false, errors: [{ row: null, code: 'fileTooLarge', params: { maxRows: CSV_MAX_ROWS } }] };

  const badRows = new Set<number>();
  for (const e of parsed.errors) {
    if (e.code === 'UndetectableDelimiter' || e.row === undefined) continue;
    badRows.add(e.row);
    fail(e.row + 1, 'malformedRow', { detail: e.message });
  }

  const header = records[firstIndex]!.map((h) => norm(unescapeCell(h)).replace(/[\s-]+/g, '_'));
  const col = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<CsvColumn, number>;
  // The matrix columns all or none; with none, the file holds people only (and needs their names).
  const peopleOnly = MATRIX_COLUMNS.every((c) => col[c] < 0) && col.name >= 0;
  const missing = (['unit', ...(peopleOnly ? [] : MATRIX_COLUMNS)] as const).filter((c) => col[c] < 0);
  if (missing.length > 0) {
    return { ok: false, errors: [{ row: firstIndex + 1, code: 'missingHeader', params: { columns: missing.join(', '), expected: CSV_COLUMNS.slice(0, 5).join(', ') } }] };
  }

  const phaseWords = new Map<string, Phase>(PHASES.map((p) => [p, p]));
  for (const [word, phase] of Object.entries(options.phaseAliases ?? {})) phaseWords.set(norm(word), phase);

  const plan: MatrixImportPlan = { replaceCrisisTypeIds: [], cells: [], firstResponders: [], people: [], rowCount: 0 };
  const replace = new Set<string>();
  const seenCells = new Map<string, number>();
  const seenFr = new Map<string, number>();
  const personRows: PersonRow[] = [];

  for (let i = firstIndex + 1; i < records.length; i++) {
    const rec = records[i]!;
    const row = i + 1;
    if (isBlank(rec) || badRows.has(i)) continue;
    plan.rowCount++;
    if (rec.length !== header.length) {
      fail(row, 'wrongColumnCount', { expected: header.length, actual: rec.length });
      continue;
    }
    const cell = (c: CsvColumn) => (col[c] >= 0 ? unescapeCell(rec[col[c]] ?? '') : '');
    const kind = KIND_WORDS[norm(cell('kind')) || (peopleOnly ? 'person' : 'raci')];
    if (!kind) {
      fail(row, 'unknownKind', { value: cell('kind') });
      continue;
    }
    if (kind === 'person') {
      const unit = lookup(map.units, cell('unit'), (u) => [u.key, u.abbr]);
      if (cell('unit').trim() === '') fail(row, 'missingValue', { column: 'unit' });
      else if (unit === 'ambiguous') fail(row, 'ambiguousUnit', { value: cell('unit') });
      else if (!unit) fail(row, 'unknownUnit', { value: cell('unit') });
      if (typeof unit !== 'object') continue;
      const cells = Object.fromEntries(PERSON_COLUMNS.filter((c) => col[c] >= 0).map((c) => [c, cell(c)]));
      personRows.push({ row, unit, cells });
      continue;
    }
    const shape = RowSchema.safeParse({ crisis_type: cell('crisis_type'), phase: cell('phase'), unit: cell('unit'), role: cell('role') });
    if (!shape.success) {
      for (const iss of shape.error.issues) fail(row, 'missingValue', { column: String(iss.path[0] ?? '') });
      continue;
    }
    const r = shape.data;
    let ok = true;
    const ct = lookup(map.crisisTypes, r.crisis_type, (t) => [t.key]);
    if (ct === 'ambiguous') fail(row, 'ambiguousCrisisType', { value: r.crisis_type });
    else if (!ct) fail(row, 'unknownCrisisType', { value: r.crisis_type });
    const unit = lookup(map.units, r.unit, (u) => [u.key, u.abbr]);
    if (unit === 'ambiguous') fail(row, 'ambiguousUnit', { value: r.unit });
    else if (!unit) fail(row, 'unknownUnit', { value: r.unit });
    if (typeof ct !== 'object' || typeof unit !== 'object') ok = false;

    if (kind === 'first_responder') {
      if (!ok || typeof ct !== 'object' || typeof unit !== 'object') continue;
      const first = seenFr.get(ct.id);
      if (first !== undefined) fail(row, 'duplicateFirstResponder', { firstRow: first, crisisType: ct.name });
      else {
        seenFr.set(ct.id, row);
        plan.firstResponders.push({ crisisTypeId: ct.id, unitId: unit.id });
      }
      continue;
    }

    const phase = phaseWords.get(norm(r.phase));
    if (!phase) {
      fail(row, r.phase === '' ? 'missingValue' : 'unknownPhase', r.phase === '' ? { column: 'phase' } : { value: r.phase, expected: PHASES.join(', ') });
      ok = false;
    }
    const role = r.role === '' || r.role === '-' ? null : (RACI_ROLES as readonly string[]).includes(r.role) ? (r.role as RaciRole) : undefined;
    if (role === undefined) {
      fail(row, 'unknownRole', { value: cell('role'), expected: RACI_ROLES.join(', ') });
      ok = false;
    }
    if (!ok || typeof ct !== 'object' || typeof unit !== 'object' || !phase || role === undefined) continue;
    const key = cellKey(ct.id, phase, unit.id);
    const first = seenCells.get(key);
    if (first !== undefined) {
      fail(row, 'duplicateCell', { firstRow: first, crisisType: ct.name, phase, unit: unit.name });
      continue;
    }
    seenCells.set(key, row);
    replace.add(ct.id);
    if (role) plan.cells.push({ crisisTypeId: ct.id, phase, unitId: unit.id, role });
  }
  plan.people = planPeople(personRows, map, fail);

  if (errors.length > 0) {
    errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    if (errors.length > CSV_MAX_ERRORS) {
      const more = errors.length - CSV_MAX_ERRORS;
      return { ok: false, errors: [...errors.slice(0, CSV_MAX_ERRORS), { row: null, code: 'tooManyErrors', params: { count: more } }] };
    }
    return { ok: false, errors };
  }
  if (plan.rowCount === 0) return { ok: false, errors: [{ row: null, code: 'emptyFile', params: {} }] };
  plan.replaceCrisisTypeIds = [...replace];
  return { ok: true, plan };
}

/** Applies a checked plan in one `import` transaction. Returns how many cells and people were written. */
export function applyMatrixImport(doc: Y.Doc, plan: MatrixImportPlan): { cells: number; removed: number; firstResponders: number; peopleAdded: number; peopleUpdated: number } {
  const raci = raciOf(doc);
  const crisisTypes = collectionOf(doc, 'crisisTypes');
  return write(doc, 'import', () => {
    const replace = new Set(plan.replaceCrisisTypeIds);
    const next = new Map(plan.cells.map((c) => [cellKey(c.crisisTypeId, c.phase, c.unitId), c.role]));
    let removed = 0;
    for (const key of Array.from(raci.keys())) {
      const cell = parseCellKey(key);
      if (cell && replace.has(cell.crisisTypeId) && !next.has(key)) {
        raci.delete(key);
        removed++;
      }
    }
    // Unchanged cells are not rewritten, so a re-import of an export changes nothing.
    for (const [key, role] of next) if (raci.get(key) !== role) raci.set(key, role);
    for (const fr of plan.firstResponders) {
      const rec = crisisTypes.get(fr.crisisTypeId);
      if (rec && rec.get('firstResponderUnitId') !== fr.unitId) rec.set('firstResponderUnitId', fr.unitId);
    }
    const people = applyPeople(doc, plan.people);
    return { cells: next.size, removed, firstResponders: plan.firstResponders.length, peopleAdded: people.added, peopleUpdated: people.updated };
  });
}
