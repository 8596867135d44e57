import type * as Y from 'yjs';
import { addRecord, listRecords, removeRecord, type Primitive, type YRecord } from '../doc/collection.js';
import { collectionOf } from '../doc/workspaceDoc.js';
import { write, type Origin } from '../doc/origins.js';
import { readCells, removeCells } from './raci.js';
import type { Member, RoleCrisisType, RoleMap, RoleUnit, UnitKind } from './types.js';

/**
 * Reading and editing the map's units and people. Units are records of the `units` root
 * collection (shared with the playbook, which seeds the built-in ones). People are records of
 * their own root collection `members`, each naming its unit (`unitId`): a nested collection
 * would have to be created by whoever adds a unit's first person, and two people doing that at
 * once (likely right after the built-in units are seeded) would each create one and one of them
 * would lose their entries. Crisis types belong to the playbook; the map only reads them and
 * sets their `firstResponderUnitId`.
 */


function str(rec: YRecord, key: string): string {
  const v = rec.get(key);
  return typeof v === 'string' ? v : '';
}

function readMember(rec: YRecord): Member {
  const keyRole = rec.get('keyRole');
  const reviewedAt = rec.get('reviewedAt');
  return {
    id: str(rec, 'id'),
    name: str(rec, 'name'),
    title: str(rec, 'title'),
    phone: str(rec, 'phone'),
    email: str(rec, 'email'),
    handle: str(rec, 'handle'),
    isKey: keyRole === true || (typeof keyRole === 'string' && keyRole.trim() !== ''),
    keyRoleName: typeof keyRole === 'string' ? keyRole.trim() : '',
    backupMemberId: str(rec, 'backupMemberId'),
    reviewedAt: typeof reviewedAt === 'number' && Number.isFinite(reviewedAt) && reviewedAt > 0 ? reviewedAt : null,
    reviewerMemberId: str(rec, 'reviewerMemberId'),
  };
}

function readUnit(rec: YRecord, members: Member[]): RoleUnit {
  return {
    id: str(rec, 'id'),
    key: str(rec, 'key'),
    name: str(rec, 'name'),
    abbr: str(rec, 'abbr'),
    kind: rec.get('kind') === 'external' ? 'external' : 'internal',
    duties: str(rec, 'duties'),
    members,
  };
}

/**
 * Plain snapshot of the whole map: units in order, each with its people in order, crisis types
 * in playbook order, and the cells. People whose unit was removed (by a peer, while they were
 * being added) are left out.
 */
export function readRoleMap(doc: Y.Doc): RoleMap {
  const byUnit = new Map<string, Member[]>();
  for (const rec of listRecords(collectionOf(doc, 'members'))) {
    const unitId = str(rec, 'unitId');
    const list = byUnit.get(unitId);
    if (list) list.push(readMember(rec));
    else byUnit.set(unitId, [readMember(rec)]);
  }
  const units = listRecords(collectionOf(doc, 'units')).map((rec) => readUnit(rec, byUnit.get(str(rec, 'id')) ?? []));
  const crisisTypes: RoleCrisisType[] = listRecords(collectionOf(doc, 'crisisTypes')).map((rec) => ({
    id: str(rec, 'id'),
    key: str(rec, 'key'),
    name: str(rec, 'name'),
    firstResponderUnitId: str(rec, 'firstResponderUnitId'),
  }));
  return { units, crisisTypes, cells: readCells(doc) };
}

/** Fields of a member the team edits (keyRole: true, or a role name, or false / ''). */
export interface MemberFields {
  name?: string;
  title?: string;
  phone?: string;
  email?: string;
  handle?: string;
  keyRole?: boolean | string;
  backupMemberId?: string;
  reviewedAt?: number | null;
  reviewerMemberId?: string;
}

/** Fields of a unit the team edits. */
export interface UnitFields {
  name?: string;
  abbr?: string;
  kind?: UnitKind;
  duties?: string;
}

function unitRecord(doc: Y.Doc, unitId: string): YRecord {
  const rec = collectionOf(doc, 'units').get(unitId);
  if (!rec) throw new Error(`Unit ${unitId} is not in this workspace`);
  return rec;
}

function patchRecord(doc: Y.Doc, rec: YRecord, patch: Record<string, Primitive | undefined>, origin: Origin): void {
  const changes = Object.entries(patch).filter(([k, v]) => v !== undefined && k !== 'id' && rec.get(k) !== v);
  if (changes.length === 0) return;
  write(doc, origin, () => {
    for (const [k, v] of changes) rec.set(k, v as Primitive);
  });
}

/** Adds a unit at the end of the list; returns its id. */
export function addUnit(doc: Y.Doc, fields: UnitFields & { name: string; kind: UnitKind }, origin: Origin): string {
  return addRecord(collectionOf(doc, 'units'), { key: '', abbr: '', duties: '', ...fields }, origin);
}

export function updateUnit(doc: Y.Doc, unitId: string, patch: UnitFields, origin: Origin): void {
  patchRecord(doc, unitRecord(doc, unitId), { ...patch }, origin);
}

/**
 * Removes a unit together with its people and RACI cells, and clears it as first responder
 * wherever it was one, in one transaction (so no peer ever sees a half-removed unit).
 */
export function removeUnit(doc: Y.Doc, unitId: string, origin: Origin): void {
  write(doc, origin, () => {
    for (const m of Array.from(collectionOf(doc, 'members').values())) {
      if (m.get('unitId') === unitId) removeMember(doc, unitId, str(m, 'id'), origin);
    }
    removeCells(doc, (c) => c.unitId === unitId, origin);
    for (const ct of collectionOf(doc, 'crisisTypes').values()) {
      if (ct.get('firstResponderUnitId') === unitId) ct.set('firstResponderUnitId', '');
    }
    removeRecord(collectionOf(doc, 'units'), unitId, origin);
  });
}

/** Adds a member at the end of a unit's people; returns the member id. */
export function addMember(doc: Y.Doc, unitId: string, fields: MemberFields & { name: string }, origin: Origin): string {
  unitRecord(doc, unitId);
  const init = { title: '', phone: '', email: '', handle: '', keyRole: false, backupMemberId: '', reviewedAt: null, reviewerMemberId: '', ...fields, unitId };
  return addRecord(collectionOf(doc, 'members'), init, origin);
}

/** The live record of a member of a unit (throws when there is none). */
export function memberRecord(doc: Y.Doc, unitId: string, memberId: string): YRecord {
  const rec = collectionOf(doc, 'members').get(memberId);
  if (!rec || rec.get('unitId') !== unitId) throw new Error(`Member ${memberId} is not in unit ${unitId}`);
  return rec;
}

export function updateMember(doc: Y.Doc, unitId: string, memberId: string, patch: MemberFields, origin: Origin): void {
  patchRecord(doc, memberRecord(doc, unitId, memberId), { ...patch }, origin);
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
      if (m.get('backupMemberId') === memberId) m.set('backupMemberId', '');
      if (m.get('reviewerMemberId') === memberId) m.set('reviewerMemberId', '');
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
