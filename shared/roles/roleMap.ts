import * as Y from 'yjs';
import { addRecord, childCollection, listRecords, readChildren, removeRecord, type Primitive, type YRecord } from '../doc/collection.js';
import { collectionOf } from '../doc/workspaceDoc.js';
import { write, type Origin } from '../doc/origins.js';
import { readCells, removeCells } from './raci.js';
import type { Member, RoleCrisisType, RoleMap, RoleUnit, UnitKind } from './types.js';

/**
 * Reading and editing the map's units and people. Units are records of the `units` root
 * collection (shared with the playbook, which seeds the built-in ones); each unit keeps its
 * people in a nested `members` collection. Crisis types belong to the playbook; the map only
 * reads them and sets their `firstResponderUnitId`.
 */

const MEMBERS = 'members';

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

function readUnit(rec: YRecord): RoleUnit {
  return {
    id: str(rec, 'id'),
    key: str(rec, 'key'),
    name: str(rec, 'name'),
    abbr: str(rec, 'abbr'),
    kind: rec.get('kind') === 'external' ? 'external' : 'internal',
    duties: str(rec, 'duties'),
    members: readChildren(rec, MEMBERS).map(readMember),
  };
}

/** Plain snapshot of the whole map (units in order, crisis types in playbook order, cells). */
export function readRoleMap(doc: Y.Doc): RoleMap {
  const units = listRecords(collectionOf(doc, 'units')).map(readUnit);
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
  return addRecord(collectionOf(doc, 'units'), { key: '', abbr: '', duties: '', ...fields, members: [] }, origin);
}

export function updateUnit(doc: Y.Doc, unitId: string, patch: UnitFields, origin: Origin): void {
  patchRecord(doc, unitRecord(doc, unitId), { ...patch }, origin);
}

/**
 * Removes a unit together with its RACI cells, and clears it as first responder wherever it
 * was one, in one transaction (so no peer ever sees a half-removed unit).
 */
export function removeUnit(doc: Y.Doc, unitId: string, origin: Origin): void {
  write(doc, origin, () => {
    removeCells(doc, (c) => c.unitId === unitId, origin);
    for (const ct of collectionOf(doc, 'crisisTypes').values()) {
      if (ct.get('firstResponderUnitId') === unitId) ct.set('firstResponderUnitId', '');
    }
    removeRecord(collectionOf(doc, 'units'), unitId, origin);
  });
}

/** Adds a member to a unit; returns the member id. */
export function addMember(doc: Y.Doc, unitId: string, fields: MemberFields & { name: string }, origin: Origin): string {
  const unit = unitRecord(doc, unitId);
  return write(doc, origin, () => {
    const members = childCollection(unit, MEMBERS, origin);
    const init = { title: '', phone: '', email: '', handle: '', keyRole: false, backupMemberId: '', reviewedAt: null, reviewerMemberId: '', ...fields };
    return addRecord(members, init, origin);
  });
}

function memberRecord(doc: Y.Doc, unitId: string, memberId: string): YRecord {
  const members = unitRecord(doc, unitId).get(MEMBERS);
  const rec = members instanceof Y.Map ? (members as Y.Map<YRecord>).get(memberId) : undefined;
  if (!rec) throw new Error(`Member ${memberId} is not in unit ${unitId}`);
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
  write(doc, origin, () => {
    for (const unit of collectionOf(doc, 'units').values()) {
      for (const m of readChildrenRecords(unit)) {
        if (m.get('backupMemberId') === memberId) m.set('backupMemberId', '');
        if (m.get('reviewerMemberId') === memberId) m.set('reviewerMemberId', '');
      }
    }
    const members = unitRecord(doc, unitId).get(MEMBERS);
    if (members instanceof Y.Map) removeRecord(members as Y.Map<YRecord>, memberId, origin);
  });
}

function readChildrenRecords(unit: YRecord): YRecord[] {
  const c = unit.get(MEMBERS);
  return c instanceof Y.Map ? Array.from((c as Y.Map<YRecord>).values()) : [];
}

/** Sets the unit that acts first for a crisis type ('' to clear). */
export function setFirstResponder(doc: Y.Doc, crisisTypeId: string, unitId: string, origin: Origin): void {
  const ct = collectionOf(doc, 'crisisTypes').get(crisisTypeId);
  if (!ct) throw new Error(`Crisis type ${crisisTypeId} is not in this workspace`);
  if (ct.get('firstResponderUnitId') === unitId) return;
  write(doc, origin, () => ct.set('firstResponderUnitId', unitId));
}
