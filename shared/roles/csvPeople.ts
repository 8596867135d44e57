import type * as Y from 'yjs';
import { addRecord, newId } from '../doc/collection.js';
import { RecordFieldError } from '../doc/typedRecord.js';
import { collectionOf } from '../doc/workspaceDoc.js';
import { lookup, norm } from './csvLookup.js';
import type { CsvErrorCode, CsvRowError } from './csv.js';
import { checkMemberPatch } from './records.js';
import { memberHolds, memberRecord, newMemberFields, updateMember, type MemberFields } from './roleMap.js';
import type { Member, RoleMap, RoleUnit } from './types.js';

/**
 * The people of the map in the roles CSV: one `person` row per member with their unit, contact
 * details, key role, backup and reviewer (by name, with the unit when needed) and when their
 * details were last confirmed. On import a row updates the member with the same `person_id`, or
 * else the one with the same name in that unit, or adds a new member; columns the file does not
 * have are left as they are. People the file does not name are kept: an import never removes
 * anyone from the map.
 */

export const PERSON_COLUMNS = ['name', 'title', 'phone', 'email', 'handle', 'key_person', 'key_role', 'backup', 'backup_unit', 'reviewer', 'reviewer_unit', 'reviewed_at', 'person_id'] as const;
export type PersonColumn = (typeof PERSON_COLUMNS)[number];

/** A person row of a file whose unit was found. */
export interface PersonRow {
  row: number;
  unit: RoleUnit;
  /** The row's cells of the person columns the file has (absent column = leave as is). */
  cells: Partial<Record<PersonColumn, string>>;
}

/** Fields a person row sets, as the map stores them. */
export type PersonFields = Omit<MemberFields, 'name'> & { name: string };

/** What the import will do to one person. */
export interface PersonChange {
  memberId: string;
  unitId: string;
  isNew: boolean;
  fields: PersonFields;
  row: number;
}

type Fail = (row: number, code: CsvErrorCode, params?: CsvRowError['params']) => void;

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'v', '✓', '是', '對', '对', 'key']);
const NO = new Set(['', 'no', 'n', 'false', '0', '否', '不是']);
const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads a date as spreadsheets write it: ISO 8601 (what the export writes, exact to the
 * millisecond) or `2025/6/1 09:30`; without a zone the time is taken as UTC. '' = never.
 */
export function parseReviewedAt(value: string): number | null | undefined {
  const v = value.trim();
  if (v === '') return null;
  const m = DATE.exec(v);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0', zone] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0')));
  const check = new Date(utc);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23) return undefined;
  if (!zone || zone.toLowerCase() === 'z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.replace(/[+:-]/g, '');
  return utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

interface Someone {
  id: string;
  name: string;
  unitId: string;
}

/** How a backup or reviewer is written: name and unit, or the id when that pair is not unique. */
function referenceCells(id: string, everyone: Map<string, { member: Member; unit: RoleUnit }>, all: Someone[]): [string, string] {
  const ref = everyone.get(id);
  if (!ref) return ['', ''];
  const same = all.filter((p) => norm(p.name) === norm(ref.member.name) && p.unitId === ref.unit.id);
  return same.length > 1 ? [id, ''] : [ref.member.name, ref.unit.name];
}

/** The person rows of an export, in unit order, then member order. */
export function exportPeopleRows(map: RoleMap): Record<PersonColumn | 'unit', string>[] {
  const everyone = new Map<string, { member: Member; unit: RoleUnit }>();
  for (const unit of map.units) for (const member of unit.members) everyone.set(member.id, { member, unit });
  const all: Someone[] = [...everyone.values()].map(({ member, unit }) => ({ id: member.id, name: member.name, unitId: unit.id }));
  const rows: Record<PersonColumn | 'unit', string>[] = [];
  for (const unit of map.units) {
    for (const m of unit.members) {
      const [backup, backupUnit] = referenceCells(m.backupMemberId, everyone, all);
      const [reviewer, reviewerUnit] = referenceCells(m.reviewerMemberId, everyone, all);
      rows.push({
        unit: unit.name,
        name: m.name,
        title: m.title,
        phone: m.phone,
        email: m.email,
        handle: m.handle,
        key_person: m.isKey ? 'yes' : '',
        key_role: m.keyRoleName,
        backup,
        backup_unit: backupUnit,
        reviewer,
        reviewer_unit: reviewerUnit,
        reviewed_at: m.reviewedAt === null ? '' : new Date(m.reviewedAt).toISOString(),
        person_id: m.id,
      });
    }
  }
  return rows;
}

const COLUMN_OF_FIELD: Record<string, PersonColumn> = { keyRole: 'key_role', reviewedAt: 'reviewed_at' };

/**
 * The column of the first field of a row that the member definition refuses, if any. Cells are
 * text and dates are parsed already, so what it can refuse is a value longer than the field holds.
 */
function refusedField(fields: PersonFields): string | undefined {
  try {
    checkMemberPatch(fields);
    return undefined;
  } catch (err) {
    if (!(err instanceof RecordFieldError)) throw err;
    return COLUMN_OF_FIELD[err.field] ?? err.field;
  }
}

/** Which member a row means: by id, else by name in its unit; undefined = a new person. */
function targetOf(row: PersonRow, map: RoleMap, fail: Fail): Member | 'error' | undefined {
  const id = row.cells.person_id?.trim() ?? '';
  if (id !== '') {
    const owner = map.units.find((u) => u.members.some((m) => m.id === id));
    if (owner && owner.id !== row.unit.id) {
      fail(row.row, 'personUnitMismatch', { name: row.cells.name ?? '', unit: row.unit.name, actual: owner.name });
      return 'error';
    }
    const found = owner?.members.find((m) => m.id === id);
    if (found) return found;
  }
  const byName = row.unit.members.filter((m) => norm(m.name) === norm(row.cells.name ?? ''));
  if (byName.length > 1) {
    fail(row.row, 'ambiguousPerson', { value: row.cells.name ?? '', unit: row.unit.name });
    return 'error';
  }
  return byName[0];
}

/**
 * Checks the person rows against the map and each other; returns the changes, or reports
 * problems through `fail` (and then the import is refused as a whole).
 */
export function planPeople(rows: PersonRow[], map: RoleMap, fail: Fail): PersonChange[] {
  const changes: PersonChange[] = [];
  const taken = new Map<string, number>();
  for (const r of rows) {
    // Values are kept exactly as written (a re-import of an export then changes nothing).
    const name = r.cells.name ?? '';
    if (name.trim() === '') {
      fail(r.row, 'missingValue', { column: 'name' });
      continue;
    }
    const target = targetOf(r, map, fail);
    if (target === 'error') continue;
    const memberId = target?.id ?? newId();
    const key = target ? target.id : `${r.unit.id}|${norm(name)}`;
    const first = taken.get(key);
    if (first !== undefined) {
      fail(r.row, 'duplicatePerson', { firstRow: first, name, unit: r.unit.name });
      continue;
    }
    taken.set(key, r.row);
    const fields: PersonFields = { name };
    for (const c of ['title', 'phone', 'email', 'handle'] as const) if (r.cells[c] !== undefined) fields[c] = r.cells[c];
    if (r.cells.key_person !== undefined || r.cells.key_role !== undefined) {
      const said = norm(r.cells.key_person ?? '');
      if (r.cells.key_person !== undefined && !YES.has(said) && !NO.has(said)) fail(r.row, 'badYesNo', { column: 'key_person', value: r.cells.key_person });
      const isKey = r.cells.key_person !== undefined ? YES.has(said) : (target?.isKey ?? false);
      const roleName = r.cells.key_role !== undefined ? r.cells.key_role.trim() : (target?.keyRoleName ?? '');
      // A named key role makes the person a key person (as in the people editor).
      fields.keyRole = roleName !== '' ? roleName : isKey;
    }
    if (r.cells.reviewed_at !== undefined) {
      const at = parseReviewedAt(r.cells.reviewed_at);
      if (at === undefined) fail(r.row, 'badDate', { column: 'reviewed_at', value: r.cells.reviewed_at });
      else fields.reviewedAt = at;
    }
    // The same definition the app writes with (./records.ts): what it refuses, the file may not bring.
    const refused = refusedField(fields);
    if (refused) {
      fail(r.row, 'tooLong', { column: refused });
      continue;
    }
    changes.push({ memberId, unitId: r.unit.id, isNew: !target, fields, row: r.row });
  }
  resolveReferences(rows, changes, map, fail);
  return changes;
}

/** Fills backup and reviewer ids from names (looked up among the people after the import). */
function resolveReferences(rows: PersonRow[], changes: PersonChange[], map: RoleMap, fail: Fail): void {
  const after = new Map<string, Someone>();
  for (const unit of map.units) for (const m of unit.members) after.set(m.id, { id: m.id, name: m.name, unitId: unit.id });
  for (const c of changes) after.set(c.memberId, { id: c.memberId, name: c.fields.name, unitId: c.unitId });
  const people = [...after.values()];
  const byRow = new Map(rows.map((r) => [r.row, r]));
  for (const change of changes) {
    const r = byRow.get(change.row)!;
    for (const [column, unitColumn, field] of [
      ['backup', 'backup_unit', 'backupMemberId'],
      ['reviewer', 'reviewer_unit', 'reviewerMemberId'],
    ] as const) {
      const value = r.cells[column];
      if (value === undefined) continue;
      const unitValue = r.cells[unitColumn] ?? '';
      const id = findPerson(value, unitValue, change.unitId, people, map);
      if (typeof id === 'string') change.fields[field] = id;
      else fail(r.row, id.error, id.error === 'unknownUnit' ? { column: unitColumn, value: unitValue } : { column, value });
    }
  }
}

function findPerson(value: string, unitValue: string, ownUnitId: string, people: Someone[], map: RoleMap): string | { error: 'unknownPerson' | 'ambiguousPerson' | 'unknownUnit' } {
  const v = value.trim();
  if (v === '') return '';
  if (people.some((p) => p.id === v)) return v;
  let candidates = people.filter((p) => norm(p.name) === norm(v));
  if (unitValue.trim() !== '') {
    const unit = lookup(map.units, unitValue, (u) => [u.key, u.abbr]);
    if (typeof unit !== 'object') return { error: 'unknownUnit' };
    candidates = candidates.filter((p) => p.unitId === unit.id);
  } else if (candidates.some((p) => p.unitId === ownUnitId)) {
    candidates = candidates.filter((p) => p.unitId === ownUnitId);
  }
  if (candidates.length === 0) return { error: 'unknownPerson' };
  if (candidates.length > 1) return { error: 'ambiguousPerson' };
  return candidates[0]!.id;
}

/** Writes the people changes (inside the caller's `import` transaction); returns counts. */
export function applyPeople(doc: Y.Doc, changes: readonly PersonChange[]): { added: number; updated: number } {
  const members = collectionOf(doc, 'members');
  let added = 0;
  let updated = 0;
  for (const c of changes) {
    if (c.isNew) {
      // Checked by planPeople with the same definition, so this does not throw mid-import.
      addRecord(members, newMemberFields(c.unitId, c.fields, c.memberId), 'import');
      added++;
      continue;
    }
    const rec = memberRecord(doc, c.unitId, c.memberId);
    if (Object.entries(c.fields).some(([k, v]) => v !== undefined && !memberHolds(rec, k, v))) {
      updateMember(doc, c.unitId, c.memberId, c.fields, 'import');
      updated++;
    }
  }
  return { added, updated };
}
