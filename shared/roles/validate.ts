import { freshnessOf, memberIndex, reviewerOf, type MemberRef } from './freshness.js';
import { PHASES, isPlausibleEmail, isPlausiblePhone, isReachable, parseCellKey, rowRoles, type Member, type Phase, type RoleMap, type RoleUnit } from './types.js';

/**
 * Checks of the responsibility map. Pure: takes a snapshot and the current time, returns a list
 * of issues, each with a severity, where it is (crisis type, phase, unit, member) and a message
 * key (`roles:issues.<code>`) with the values its message needs.
 */

export type IssueSeverity = 'error' | 'warning';

export const ISSUE_CODES = {
  /** A crisis type has no RACI entries at all yet. */
  crisisTypeUnmapped: 'error',
  /** A crisis type × phase row has no Accountable unit. */
  noAccountable: 'error',
  /** A row has more than one Accountable unit. */
  multipleAccountable: 'error',
  /** A row has no Responsible unit. */
  noResponsible: 'error',
  /** A crisis type has no first responder. */
  noFirstResponder: 'error',
  /** The first responder unit was removed from the map. */
  firstResponderMissing: 'error',
  /** The first responder unit has nobody with a phone number or e-mail address. */
  firstResponderUnreachable: 'error',
  /** A key person of a first responder unit has no (existing) backup. */
  firstResponderNoBackup: 'error',
  /** A key person of any other unit has no (existing) backup. */
  keyMemberNoBackup: 'warning',
  /** Someone's backup cannot be reached (no phone, no e-mail). */
  backupUnreachable: 'warning',
  /** Contact details not confirmed in the last 90 days, or never. */
  staleContact: 'warning',
  /** A unit is Responsible or Accountable somewhere but lists nobody. */
  unitWithoutPeople: 'warning',
  /** A phone number or e-mail address is not in a usable form. */
  contactMalformed: 'warning',
} as const satisfies Record<string, IssueSeverity>;

export type IssueCode = keyof typeof ISSUE_CODES;

export interface RoleIssue {
  /** Stable within one snapshot (code + location), usable as a React key. */
  id: string;
  code: IssueCode;
  severity: IssueSeverity;
  crisisTypeId?: string;
  phase?: Phase;
  unitId?: string;
  memberId?: string;
  /** Values for the message: names rather than ids, so the message reads on its own. */
  params: Record<string, string | number>;
}

type Location = Pick<RoleIssue, 'crisisTypeId' | 'phase' | 'unitId' | 'memberId'>;

function issue(code: IssueCode, loc: Location, params: RoleIssue['params'] = {}): RoleIssue {
  const id = [code, loc.crisisTypeId ?? '', loc.phase ?? '', loc.unitId ?? '', loc.memberId ?? ''].join('|');
  return { id, code, severity: ISSUE_CODES[code], ...loc, params };
}

/** The people whose backups a unit must name: its key people, or if none is marked, its first reachable person. */
export function keyPeopleOf(unit: RoleUnit): Member[] {
  const marked = unit.members.filter((m) => m.isKey);
  if (marked.length > 0) return marked;
  const first = unit.members.find(isReachable);
  return first ? [first] : [];
}

function checkBackup(member: Member, unit: RoleUnit, index: Map<string, MemberRef>, firstResponder: boolean, crisisTypeId?: string): RoleIssue[] {
  const backup = member.backupMemberId && member.backupMemberId !== member.id ? index.get(member.backupMemberId) : undefined;
  const loc: Location = { unitId: unit.id, memberId: member.id, ...(crisisTypeId ? { crisisTypeId } : {}) };
  if (!backup) return [issue(firstResponder ? 'firstResponderNoBackup' : 'keyMemberNoBackup', loc, { unit: unit.name, member: member.name })];
  return [];
}

/** Validates the map at time `now` (epoch ms). */
export function validateRoleMap(map: RoleMap, now: number): RoleIssue[] {
  const issues: RoleIssue[] = [];
  const units = new Map(map.units.map((u) => [u.id, u]));
  const index = memberIndex(map);
  const mappedTypes = new Set<string>();
  const leadingUnits = new Set<string>();
  for (const [key, role] of map.cells) {
    const cell = parseCellKey(key);
    if (!cell || !units.has(cell.unitId)) continue;
    mappedTypes.add(cell.crisisTypeId);
    if (role === 'R' || role === 'A') leadingUnits.add(cell.unitId);
  }

  const firstResponderUnits = new Set<string>();
  for (const ct of map.crisisTypes) {
    const at = { crisisTypeId: ct.id };
    const named = { crisisType: ct.name };
    if (!mappedTypes.has(ct.id)) {
      issues.push(issue('crisisTypeUnmapped', at, named));
    } else {
      for (const phase of PHASES) {
        const roles = rowRoles(map, ct.id, phase);
        const row = { crisisTypeId: ct.id, phase };
        const params = { ...named, phase };
        if (roles.A.length === 0) issues.push(issue('noAccountable', row, params));
        if (roles.A.length > 1) issues.push(issue('multipleAccountable', row, { ...params, units: roles.A.map((u) => u.name).join('、'), count: roles.A.length }));
        if (roles.R.length === 0) issues.push(issue('noResponsible', row, params));
      }
    }

    if (!ct.firstResponderUnitId) {
      issues.push(issue('noFirstResponder', at, named));
      continue;
    }
    const unit = units.get(ct.firstResponderUnitId);
    if (!unit) {
      issues.push(issue('firstResponderMissing', at, named));
      continue;
    }
    firstResponderUnits.add(unit.id);
    const loc = { crisisTypeId: ct.id, unitId: unit.id };
    if (!unit.members.some(isReachable)) {
      issues.push(issue('firstResponderUnreachable', loc, { ...named, unit: unit.name }));
      continue;
    }
    for (const key of keyPeopleOf(unit)) issues.push(...checkBackup(key, unit, index, true, ct.id));
  }

  for (const unit of map.units) {
    if (unit.members.length === 0 && leadingUnits.has(unit.id)) issues.push(issue('unitWithoutPeople', { unitId: unit.id }, { unit: unit.name }));
    if (!firstResponderUnits.has(unit.id)) {
      for (const m of unit.members.filter((p) => p.isKey)) issues.push(...checkBackup(m, unit, index, false));
    }
    for (const member of unit.members) issues.push(...memberIssues(member, unit, index, now));
  }
  return issues;
}

function memberIssues(member: Member, unit: RoleUnit, index: Map<string, MemberRef>, now: number): RoleIssue[] {
  const out: RoleIssue[] = [];
  const loc = { unitId: unit.id, memberId: member.id };
  const who = { unit: unit.name, member: member.name };
  const badPhone = member.phone.trim() !== '' && !isPlausiblePhone(member.phone);
  const badEmail = member.email.trim() !== '' && !isPlausibleEmail(member.email);
  if (badPhone || badEmail) out.push(issue('contactMalformed', loc, { ...who, field: badPhone ? 'phone' : 'email', value: badPhone ? member.phone : member.email }));

  const backup = member.backupMemberId ? index.get(member.backupMemberId) : undefined;
  if (backup && backup.member.id !== member.id && !isReachable(backup.member)) out.push(issue('backupUnreachable', loc, { ...who, backup: backup.member.name }));

  const fresh = freshnessOf(member.reviewedAt, now);
  if (fresh.status === 'stale' || fresh.status === 'never') {
    const reviewer = reviewerOf(member, unit, index);
    out.push(
      issue('staleContact', loc, {
        ...who,
        days: fresh.daysSince ?? -1,
        reviewer: reviewer ? reviewer.member.name : '',
        reviewerUnit: reviewer ? reviewer.unit.name : '',
      }),
    );
  }
  return out;
}

/** Issues grouped by where the UI shows them inline. */
export interface IssueIndex {
  /** Per crisis type × phase row: `${crisisTypeId}|${phase}`. */
  rows: Map<string, RoleIssue[]>;
  /** Per crisis type (unmapped, first responder): crisis type id. */
  crisisTypes: Map<string, RoleIssue[]>;
  /** Per unit (whatever concerns it or its people): unit id. */
  units: Map<string, RoleIssue[]>;
  /** Per member: member id. */
  members: Map<string, RoleIssue[]>;
}

function push<K>(map: Map<K, RoleIssue[]>, key: K, value: RoleIssue): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexIssues(issues: readonly RoleIssue[]): IssueIndex {
  const idx: IssueIndex = { rows: new Map(), crisisTypes: new Map(), units: new Map(), members: new Map() };
  for (const i of issues) {
    if (i.crisisTypeId && i.phase) push(idx.rows, `${i.crisisTypeId}|${i.phase}`, i);
    else if (i.crisisTypeId) push(idx.crisisTypes, i.crisisTypeId, i);
    if (i.unitId) push(idx.units, i.unitId, i);
    if (i.memberId) push(idx.members, i.memberId, i);
  }
  return idx;
}

/** Counts by severity, for badges and the summary header. */
export function countIssues(issues: readonly RoleIssue[]): Record<IssueSeverity, number> {
  let error = 0;
  let warning = 0;
  for (const i of issues) {
    if (i.severity === 'error') error++;
    else warning++;
  }
  return { error, warning };
}
