import type * as Y from 'yjs';
import { addRecord, listRecords, newId, recordId, removeRecord, type YRecord } from '../doc/collection.js';
import { collectionOf } from '../doc/workspaceDoc.js';
import { write, type Origin } from '../doc/origins.js';
import { readCells, removeCells } from './raci.js';
import { checkKeyRole, checkMemberPatch, checkUnitPatch, definedOnly, keyRoleOf, MemberRecord, UnitRecord, type KeyRole, type MemberRecordFields, type UnitFields as UnitRecordFields } from './records.js';
import type { Member, RoleCrisisType, RoleMap, RoleUnit, UnitKind } from './types.js';

/**
 * Reading and editing the map's units and people. Units are records of the `units` root
 * collection (shared with the playbook, which seeds the built-in ones). People are records of
 * their own root collection `members`, each naming its unit (`unitId`): a nested collection
 * would have to be created by whoever adds a unit's first person, and two people doing that at
 * once (likely right after the built-in units are seeded) would each create one and one of them
 * would lose their entries. Crisis types belong to the playbook; the map only reads them and
 * sets their `firstResponderUnitId`. Both record kinds are defined once in ./records.ts.
 */

function str(rec: YRecord, key: string): string {
  const v = rec.get(key);
  return typeof v === 'string' ? v : '';
}

/** A person as the map shows them, and the unit they belong to. */
function readMember(rec: YRecord): { unitId: string; member: Member } {
  const { unitId, ...fields } = MemberRecord.read(rec);
  // Never confirmed: null, and so is a time at or before 1970 (no one confirmed anything then).
  const reviewedAt = fields.reviewedAt !== null && fields.reviewedAt > 0 ? fields.reviewedAt : null;
  return { unitId, member: { ...fields, reviewedAt, ...keyRoleOf(rec) } };
}

/**
 * Plain snapshot of the whole map: units in order, each with its people in order, crisis types
 * in playbook order, and the cells. People whose unit was removed (by a peer, while they were
 * being added) are left out.
 */
export function readRoleMap(doc: Y.Doc): RoleMap {
  const byUnit = new Map<string, Member[]>();
  for (const rec of listRecords(collectionOf(doc, 'members'))) {
    const { unitId, member } = readMember(rec);
    const list = byUnit.get(unitId);
    if (list) list.push(member);
    else byUnit.set(unitId, [member]);
  }
  const units = listRecords(collectionOf(doc, 'units')).map((rec): RoleUnit => {
    const unit = UnitRecord.read(rec);
    return { ...unit, members: byUnit.get(unit.id) ?? [] };
  });
  const crisisTypes: RoleCrisisType[] = listRecords(collectionOf(doc, 'crisisTypes')).map((rec) => ({
    id: recordId(rec),
    key: str(rec, 'key'),
    name: str(rec, 'name'),
    firstResponderUnitId: str(rec, 'firstResponderUnitId'),
  }));
  return { units, crisisTypes, cells: readCells(doc) };
}

/** Fields of a member the team edits (keyRole: true, or a role name, or false / ''). */
export type MemberFields = Partial<Omit<MemberRecordFields, 'id' | 'unitId'>> & { keyRole?: KeyRole };

/** Fields of a unit the team edits. */
export type UnitFields = Partial<Pick<UnitRecordFields, 'name' | 'abbr' | 'kind' | 'duties'>>;

function unitRecord(doc: Y.Doc, unitId: string): YRecord {
  const rec = collectionOf(doc, 'units').get(unitId);
  if (!rec) throw new Error(`Unit ${unitId} is not in this workspace`);
  return rec;
}

/** Writes the fields of `patch` that differ, in one transaction (none when nothing changes). */
function patchRecord<F extends object>(doc: Y.Doc, rec: YRecord, patch: F, set: (key: keyof F & string, value: F[keyof F]) => void, origin: Origin, holds: (key: string, value: unknown) => boolean = (k, v) => rec.get(k) === v): void {
  const changes = (Object.entries(patch) as [keyof F & string, F[keyof F]][]).filter(([k, v]) => v !== undefined && k !== 'id' && !holds(k, v));
  if (changes.length === 0) return;
  write(doc, origin, () => {
    for (const [k, v] of changes) set(k, v);
  });
}

/** Adds a unit at the end of the list; returns its id. Throws RecordFieldError (nothing written) for invalid fields. */
export function addUnit(doc: Y.Doc, fields: UnitFields & { name: string; kind: UnitKind }, origin: Origin): string {
  const unit = UnitRecord.init({ id: newId(), key: '', abbr: '', duties: '', ...definedOnly(fields) });
  return addRecord(collectionOf(doc, 'units'), unit, origin);
}

/** Changes a unit's fields; throws RecordFieldError (nothing written) when one is invalid. */
export function updateUnit(doc: Y.Doc, unitId: string, patch: UnitFields, origin: Origin): void {
  const rec = unitRecord(doc, unitId);
  checkUnitPatch(patch);
  patchRecord(doc, rec, patch, (k, v) => UnitRecord.set(rec, k, v as never, origin), origin);
}

/**
 * Removes a unit together with its people and RACI cells, and clears it as first responder
 * wherever it was one, in one transaction (so no peer ever sees a half-removed unit).
 */
export function removeUnit(doc: Y.Doc, unitId: string, origin: Origin): void {
  write(doc, origin, () => {
    for (const m of Array.from(collectionOf(doc, 'members').values())) {
      if (m.get('unitId') === unitId) removeMember(doc, unitId, recordId(m), origin);
    }
    removeCells(doc, (c) => c.unitId === unitId, origin);
    for (const ct of collectionOf(doc, 'crisisTypes').values()) {
      if (ct.get('firstResponderUnitId') === unitId) ct.set('firstResponderUnitId', '');
    }
    removeRecord(collectionOf(doc, 'units'), unitId, origin);
  });
}

/**
 * The fields of a new member of `unitId`, validated (throws RecordFieldError naming the first
 * invalid field): what the people editor, quick add and a CSV import all store for a new person —
 * only what holds something (an empty phone, no backup, not reviewed, no key role are not stored:
 * they read the same absent).
 */
export function newMemberFields(unitId: string, fields: MemberFields & { name: string }, id: string = newId()): Partial<MemberRecordFields> & { id: string; keyRole?: KeyRole } {
  const { keyRole = false, ...rest } = fields;
  const member = MemberRecord.init({ id, title: '', phone: '', email: '', handle: '', backupMemberId: '', reviewedAt: null, reviewerMemberId: '', ...definedOnly(rest), unitId });
  const role = checkKeyRole(keyRole);
  return { ...MemberRecord.stored(member), id, ...(role === false || role === '' ? {} : { keyRole: role }) };
}

/** Adds a member at the end of a unit's people; returns the member id. */
export function addMember(doc: Y.Doc, unitId: string, fields: MemberFields & { name: string }, origin: Origin): string {
  unitRecord(doc, unitId);
  return addRecord(collectionOf(doc, 'members'), newMemberFields(unitId, fields), origin);
}

/** The live record of a member of a unit (throws when there is none). */
export function memberRecord(doc: Y.Doc, unitId: string, memberId: string): YRecord {
  const rec = collectionOf(doc, 'members').get(memberId);
  if (!rec || rec.get('unitId') !== unitId) throw new Error(`Member ${memberId} is not in unit ${unitId}`);
  return rec;
}

/** Changes a member's fields; throws RecordFieldError (nothing written) when one is invalid. */
export function updateMember(doc: Y.Doc, unitId: string, memberId: string, patch: MemberFields, origin: Origin): void {
  const rec = memberRecord(doc, unitId, memberId);
  checkMemberPatch(patch);
  patchRecord(doc, rec, patch, (k, v) => (k === 'keyRole' ? rec.set(k, v as KeyRole) : MemberRecord.set(rec, k, v as never, origin)), origin, (k, v) => memberHolds(rec, k, v));
}

/** Whether a member's record already holds `value` for `key` (fields holding nothing are not stored: newMemberFields). */
export function memberHolds(rec: YRecord, key: string, value: unknown): boolean {
  if (key !== 'keyRole') return MemberRecord.holds(rec, key, value);
  return rec.get(key) === value || (!rec.has(key) && (value === false || value === ''));
}

/** Records that a member's contact details were confirmed at `at` (epoch ms). */
export function markReviewed(doc: Y.Doc, unitId: string, memberId: string, at: number, origin: Origin): void {
  updateMember(doc, unitId, memberId, { reviewedAt: at }, origin);
}

/** Removes a member and clears every backup/reviewer reference to them. */
export function removeMember(doc: Y.Doc, unitId: string, memberId: string, origin: Origin): void {
  const members = collectionOf(doc, 'members');
  write(doc, origin, () => {
    if (members.get(memberId)?.get('unitId') !== unitId) return;
    for (const m of members.values()) {
      // Plain comparisons (this runs over every person for each one removed); writes are typed.
      if (m.get('backupMemberId') === memberId) MemberRecord.set(m, 'backupMemberId', '', origin);
      if (m.get('reviewerMemberId') === memberId) MemberRecord.set(m, 'reviewerMemberId', '', origin);
    }
    removeRecord(members, memberId, origin);
  });
}

/** Sets the unit that acts first for a crisis type ('' to clear). */
export function setFirstResponder(doc: Y.Doc, crisisTypeId: string, unitId: string, origin: Origin): void {
  const ct = collectionOf(doc, 'crisisTypes').get(crisisTypeId);
  if (!ct) throw new Error(`Crisis type ${crisisTypeId} is not in this workspace`);
  if (ct.get('firstResponderUnitId') === unitId) return;
  write(doc, origin, () => ct.set('firstResponderUnitId', unitId));
}
