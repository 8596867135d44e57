import { describe, expect, it } from 'vitest';
import { setCell } from '../../../shared/roles/raci';
import { addMember, addUnit, readRoleMap, removeMember, setFirstResponder, updateMember } from '../../../shared/roles/roleMap';
import { countIssues, indexIssues, validateRoleMap, type RoleIssue } from '../../../shared/roles/validate';
import { addCrisisType, DAY, NOW, smallMap } from './fixture';

const codes = (issues: RoleIssue[]) => issues.map((i) => i.code);

describe('map validation', () => {
  it('finds nothing wrong with a complete, reachable, fresh map', () => {
    const { doc } = smallMap();
    expect(validateRoleMap(readRoleMap(doc), NOW)).toEqual([]);
  });

  it('flags a crisis type with no entries once, not row by row', () => {
    const { doc } = smallMap();
    const ct = addCrisisType(doc, '物流延誤');
    const issues = validateRoleMap(readRoleMap(doc), NOW).filter((i) => i.crisisTypeId === ct);
    expect(codes(issues)).toEqual(['crisisTypeUnmapped', 'noFirstResponder']);
    expect(issues[0]).toMatchObject({ severity: 'error', params: { crisisType: '物流延誤' } });
  });

  it('needs exactly one Accountable and at least one Responsible per row; errors clear when fixed', () => {
    const { doc, units, crisisTypes } = smallMap();
    setCell(doc, crisisTypes.defect, 'assess', units.pr, null, 'user');
    setCell(doc, crisisTypes.defect, 'respond', units.legal, 'A', 'user');
    setCell(doc, crisisTypes.defect, 'recover', units.cs, 'I', 'user');
    let issues = validateRoleMap(readRoleMap(doc), NOW);
    expect(issues.map((i) => [i.code, i.phase])).toEqual([
      ['noAccountable', 'assess'],
      ['multipleAccountable', 'respond'],
      ['noResponsible', 'recover'],
    ]);
    expect(issues[1]!.params).toMatchObject({ units: '公關部、法務部', count: 2 });
    expect(issues.every((i) => i.severity === 'error' && i.crisisTypeId === crisisTypes.defect)).toBe(true);

    setCell(doc, crisisTypes.defect, 'assess', units.pr, 'A', 'user');
    setCell(doc, crisisTypes.defect, 'respond', units.legal, 'C', 'user');
    setCell(doc, crisisTypes.defect, 'recover', units.cs, 'R', 'user');
    issues = validateRoleMap(readRoleMap(doc), NOW);
    expect(issues).toEqual([]);
  });

  it('ignores cells of removed units', () => {
    const { doc, crisisTypes } = smallMap();
    setCell(doc, crisisTypes.defect, 'detect', 'ghost-unit', 'A', 'user');
    expect(validateRoleMap(readRoleMap(doc), NOW)).toEqual([]);
  });

  it('requires a first responder that can be reached', () => {
    const { doc, units, people, crisisTypes } = smallMap();
    setFirstResponder(doc, crisisTypes.defect, 'missing-unit', 'user');
    expect(codes(validateRoleMap(readRoleMap(doc), NOW))).toEqual(['firstResponderMissing']);
    setFirstResponder(doc, crisisTypes.defect, units.cs, 'user');
    for (const id of people[units.cs]!) updateMember(doc, units.cs, id, { phone: '', email: 'not-an-address' }, 'user');
    const issues = validateRoleMap(readRoleMap(doc), NOW);
    expect(codes(issues)).toEqual(['firstResponderUnreachable', 'contactMalformed', 'backupUnreachable', 'contactMalformed']);
    expect(issues[0]).toMatchObject({ severity: 'error', crisisTypeId: crisisTypes.defect, unitId: units.cs, params: { unit: '客服部' } });
  });

  it("requires a backup for the first responder's key person (error) and other key people (warning)", () => {
    const { doc, units, people, crisisTypes } = smallMap();
    const [csKey] = people[units.cs]!;
    const [legalKey] = people[units.legal]!;
    updateMember(doc, units.cs, csKey!, { backupMemberId: '' }, 'user');
    updateMember(doc, units.legal, legalKey!, { backupMemberId: legalKey! }, 'user'); // oneself is no backup
    const issues = validateRoleMap(readRoleMap(doc), NOW);
    expect(issues.map((i) => [i.code, i.severity, i.memberId])).toEqual([
      ['firstResponderNoBackup', 'error', csKey],
      ['keyMemberNoBackup', 'warning', legalKey],
    ]);
    expect(issues[0]!.crisisTypeId).toBe(crisisTypes.defect);
  });

  it('falls back to the first reachable person when no key person is marked', () => {
    const { doc, units, people } = smallMap();
    const [key, second] = people[units.cs]!;
    updateMember(doc, units.cs, key!, { keyRole: false, phone: '', email: '' }, 'user');
    // Now `second` is the one to call, and has no backup.
    const issues = validateRoleMap(readRoleMap(doc), NOW);
    expect(issues.map((i) => [i.code, i.memberId])).toEqual([['firstResponderNoBackup', second]]);
  });

  it('treats a backup who left the map as no backup, and warns about unreachable backups', () => {
    const { doc, units, people } = smallMap();
    const [key, backup] = people[units.pr]!;
    removeMember(doc, units.pr, backup!, 'user');
    expect(codes(validateRoleMap(readRoleMap(doc), NOW))).toEqual(['firstResponderNoBackup']);
    const silent = addMember(doc, units.pr, { name: '新同事', reviewedAt: NOW }, 'user');
    updateMember(doc, units.pr, key!, { backupMemberId: silent }, 'user');
    const issues = validateRoleMap(readRoleMap(doc), NOW);
    expect(issues.map((i) => [i.code, i.memberId])).toEqual([['backupUnreachable', key]]);
    expect(issues[0]!.params.backup).toBe('新同事');
  });

  it('flags stale and never-reviewed contacts with who must review them', () => {
    const { doc, units, people } = smallMap();
    const [key, other] = people[units.legal]!;
    updateMember(doc, units.legal, other!, { reviewedAt: NOW - 120 * DAY }, 'user');
    updateMember(doc, units.legal, key!, { reviewedAt: null }, 'user');
    const issues = validateRoleMap(readRoleMap(doc), NOW).filter((i) => i.code === 'staleContact');
    expect(issues.map((i) => [i.memberId, i.severity, i.params.days, i.params.reviewer])).toEqual([
      [key, 'warning', -1, '李律師'],
      [other, 'warning', 120, '李律師'],
    ]);
  });

  it('warns when a unit that leads somewhere has no people', () => {
    const { doc, crisisTypes } = smallMap();
    const empty = addUnit(doc, { name: '監測廠商', kind: 'external' }, 'user');
    setCell(doc, crisisTypes.rumour, 'detect', empty, 'R', 'user');
    const issues = validateRoleMap(readRoleMap(doc), NOW);
    expect(issues.map((i) => [i.code, i.unitId])).toEqual([['unitWithoutPeople', empty]]);
    setCell(doc, crisisTypes.rumour, 'detect', empty, 'I', 'user');
    expect(validateRoleMap(readRoleMap(doc), NOW)).toEqual([]);
  });

  it('indexes issues by row, crisis type, unit and member, and counts them', () => {
    const { doc, units, people, crisisTypes } = smallMap();
    setCell(doc, crisisTypes.defect, 'detect', units.pr, null, 'user');
    updateMember(doc, units.cs, people[units.cs]![1]!, { reviewedAt: null }, 'user');
    addCrisisType(doc, '資料外洩');
    const issues = validateRoleMap(readRoleMap(doc), NOW);
    const idx = indexIssues(issues);
    expect(idx.rows.get(`${crisisTypes.defect}|detect`)?.map((i) => i.code)).toEqual(['noAccountable']);
    expect(idx.members.get(people[units.cs]![1]!)?.map((i) => i.code)).toEqual(['staleContact']);
    expect(idx.units.get(units.cs)?.length).toBe(1);
    expect([...idx.crisisTypes.values()].flat().map((i) => i.code)).toEqual(['crisisTypeUnmapped', 'noFirstResponder']);
    expect(countIssues(issues)).toEqual({ error: 3, warning: 1 });
    expect(new Set(issues.map((i) => i.id)).size).toBe(issues.length);
  });
});
