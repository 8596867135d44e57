import Papa from 'papaparse';
import type * as Y from 'yjs';
import { z } from 'zod';
import { collectionOf } from '../doc/workspaceDoc.js';
import { write } from '../doc/origins.js';
import { raciOf } from './raci.js';
import { PHASES, RACI_ROLES, cellKey, parseCellKey, type Phase, type RaciRole, type RoleMap } from './types.js';

/**
 * The matrix as CSV, for spreadsheets: columns `kind, crisis_type, phase, unit, role`.
 * `kind` is `raci` (one cell) or `first_responder` (the crisis type's first responder; phase
 * and role are left empty). Names are written; on import a crisis type or unit is matched by
 * id, name, built-in key or (units) abbreviation.
 *
 * Import is all-or-nothing: the file is checked completely first, every problem is reported with
 * its row number, and only a clean file is applied, in one transaction with origin `import`.
 * For each crisis type with `raci` rows, the file's rows replace that type's current cells; a
 * `first_responder` row sets that type's first responder. Types the file does not name keep
 * what they have.
 */

export const CSV_COLUMNS = ['kind', 'crisis_type', 'phase', 'unit', 'role'] as const;
export const CSV_KINDS = ['raci', 'first_responder'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

/** Largest file accepted (bytes) and most rows. */
export const CSV_MAX_BYTES = 2 * 1024 * 1024;
export const CSV_MAX_ROWS = 20_000;
/** At most this many row errors are listed; the rest are counted. */
export const CSV_MAX_ERRORS = 200;

/** The matrix as CSV text (UTF-8 BOM so spreadsheet apps read Chinese correctly, CRLF). */
export function exportMatrixCsv(map: RoleMap): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  const units = new Map(map.units.map((u) => [u.id, u]));
  for (const ct of map.crisisTypes) {
    const fr = units.get(ct.firstResponderUnitId);
    if (fr) rows.push(['first_responder', ct.name, '', fr.name, '']);
    for (const phase of PHASES) {
      for (const unit of map.units) {
        const role = map.cells.get(cellKey(ct.id, phase, unit.id));
        if (role) rows.push(['raci', ct.name, phase, unit.name, role]);
      }
    }
  }
  // escapeFormulae: a name starting with = + - @ must not run as a formula in a spreadsheet.
  return '\uFEFF' + Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n' });
}

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
  /** Data rows read (excluding the header and blank lines). */
  rowCount: number;
}

export type MatrixImportResult = { ok: true; plan: MatrixImportPlan } | { ok: false; errors: CsvRowError[] };

export interface ParseOptions {
  /** Extra words accepted for phases (e.g. the localized phase names), matched case-insensitively. */
  phaseAliases?: Record<string, Phase>;
}

const norm = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Decodes file bytes as UTF-8, refusing anything else (UTF-16, Big5, GBK…). */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: CsvRowError } {
  if (bytes.length > CSV_MAX_BYTES) return { ok: false, error: { row: null, code: 'fileTooLarge', params: { maxKb: CSV_MAX_BYTES / 1024 } } };
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16 || bytes.includes(0)) return { ok: false, error: { row: null, code: 'badEncoding', params: {} } };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: { row: null, code: 'badEncoding', params: {} } };
  }
}

/** Finds a record by id, then name, then other labels; reports ambiguity. */
function lookup<T extends { id: string; name: string }>(items: readonly T[], value: string, labels: (t: T) => string[]): T | 'ambiguous' | undefined {
  const byId = items.find((t) => t.id === value.trim());
  if (byId) return byId;
  const v = norm(value);
  const byName = items.filter((t) => norm(t.name) === v);
  if (byName.length > 1) return 'ambiguous';
  if (byName[0]) return byName[0];
  const byLabel = items.filter((t) => labels(t).some((l) => l !== '' && norm(l) === v));
  if (byLabel.length > 1) return 'ambiguous';
  return byLabel[0];
}

const KIND_WORDS: Record<string, CsvKind> = { raci: 'raci', first_responder: 'first_responder', 'first responder': 'first_responder', fr: 'first_responder' };

const RowSchema = z.object({
  kind: z.string().transform((s, ctx) => {
    const k = KIND_WORDS[norm(s) || 'raci'];
    if (!k) ctx.addIssue({ code: 'custom', message: 'unknownKind' });
    return k ?? 'raci';
  }),
  crisis_type: z.string().trim().min(1, 'missingValue'),
  phase: z.string().trim(),
  unit: z.string().trim().min(1, 'missingValue'),
  role: z.string().trim().toUpperCase(),
});

/** Strips the apostrophe spreadsheets (and our export) put before formula-like text. */
const unescapeFormula = (s: string): string => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

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

  const header = records[firstIndex]!.map((h) => norm(h).replace(/[\s-]+/g, '_'));
  const col = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof CSV_COLUMNS)[number], number>;
  const missing = CSV_COLUMNS.filter((c) => c !== 'kind' && col[c] < 0);
  if (missing.length > 0) {
    return { ok: false, errors: [{ row: firstIndex + 1, code: 'missingHeader', params: { columns: missing.join(', '), expected: CSV_COLUMNS.join(', ') } }] };
  }

  const phaseWords = new Map<string, Phase>(PHASES.map((p) => [p, p]));
  for (const [word, phase] of Object.entries(options.phaseAliases ?? {})) phaseWords.set(norm(word), phase);

  const plan: MatrixImportPlan = { replaceCrisisTypeIds: [], cells: [], firstResponders: [], rowCount: 0 };
  const replace = new Set<string>();
  const seenCells = new Map<string, number>();
  const seenFr = new Map<string, number>();

  for (let i = firstIndex + 1; i < records.length; i++) {
    const rec = records[i]!;
    const row = i + 1;
    if (isBlank(rec) || badRows.has(i)) continue;
    plan.rowCount++;
    if (rec.length !== header.length) {
      fail(row, 'wrongColumnCount', { expected: header.length, actual: rec.length });
      continue;
    }
    const cell = (c: (typeof CSV_COLUMNS)[number]) => (col[c] >= 0 ? unescapeFormula(rec[col[c]] ?? '') : '');
    const shape = RowSchema.safeParse({ kind: cell('kind'), crisis_type: cell('crisis_type'), phase: cell('phase'), unit: cell('unit'), role: cell('role') });
    if (!shape.success) {
      for (const iss of shape.error.issues) {
        const column = String(iss.path[0] ?? '');
        if (iss.message === 'unknownKind') fail(row, 'unknownKind', { value: cell('kind') });
        else fail(row, 'missingValue', { column });
      }
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

    if (r.kind === 'first_responder') {
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

/** Applies a checked plan in one `import` transaction. Returns how many cells were written. */
export function applyMatrixImport(doc: Y.Doc, plan: MatrixImportPlan): { cells: number; removed: number; firstResponders: number } {
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
    return { cells: next.size, removed, firstResponders: plan.firstResponders.length };
  });
}
