import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { collectionOf } from '../../../shared/doc/workspaceDoc';
import { readCells } from '../../../shared/roles/raci';
import { addMember, addUnit, markReviewed, readRoleMap, removeMember, removeUnit, setFirstResponder, updateMember, updateUnit } from '../../../shared/roles/roleMap';
import { NOW, smallMap } from './fixture';

describe('units and people', () => {
  it('reads units, members and crisis types in order', () => {
    const { doc, units, people } = smallMap();
    const map = readRoleMap(doc);
    expect(map.units.map((u) => u.name)).toEqual(['客服部', '公關部', '法務部']);
    expect(map.crisisTypes.map((c) => [c.name, c.firstResponderUnitId])).toEqual([
      ['產品瑕疵', units.cs],
      ['不實謠言', units.pr],
    ]);
    const cs = map.units[0]!;
    expect(cs.members.map((m) => [m.name, m.isKey, m.backupMemberId])).toEqual([
      ['王小明', true, people[units.cs]![1]],
      ['林美玲', false, ''],
    ]);
    expect(map.cells.size).toBe(30);
  });

  it('reads keyRole as a flag or a role name', () => {
    const { doc, units, people } = smallMap();
    const [a, b] = people[units.pr]!;
    updateMember(doc, units.pr, a!, { keyRole: '發言人' }, 'user');
    updateMember(doc, units.pr, b!, { keyRole: '' }, 'user');
    const pr = readRoleMap(doc).units[1]!;
    expect(pr.members[0]).toMatchObject({ isKey: true, keyRoleName: '發言人' });
    expect(pr.members[1]).toMatchObject({ isKey: false, keyRoleName: '' });
  });

  it('tolerates fields of the wrong type from another peer', () => {
    const doc = new Y.Doc();
    const unit = new Y.Map<unknown>();
    doc.transact(() => {
      collectionOf(doc, 'units').set('u', unit as never);
      unit.set('id', 'u');
      unit.set('name', 42);
      unit.set('kind', 'alien');
      unit.set('members', 'not a map');
    }, 'remote');
    expect(readRoleMap(doc).units).toEqual([{ id: 'u', key: '', name: '', abbr: '', kind: 'internal', duties: '', members: [] }]);
  });

  it('keeps the people two peers add to the same unit at once, even its very first ones', () => {
    const a = new Y.Doc();
    const unit = addUnit(a, { name: '客服部', kind: 'internal' }, 'system');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
    addMember(a, unit, { name: '王小明' }, 'user');
    addMember(b, unit, { name: '林美玲' }, 'user');
    addMember(b, unit, { name: '張雅婷' }, 'user');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
    const names = (d: Y.Doc) => readRoleMap(d).units[0]!.members.map((m) => m.name).sort();
    expect(names(a)).toEqual(['張雅婷', '林美玲', '王小明'].sort());
    expect(readRoleMap(a)).toEqual(readRoleMap(b));
  });

  it('leaves out people whose unit a peer removed meanwhile', () => {
    const a = new Y.Doc();
    const unit = addUnit(a, { name: '行銷部', kind: 'internal' }, 'system');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
    removeUnit(a, unit, 'user');
    addMember(b, unit, { name: '陳志豪' }, 'user');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
    expect(readRoleMap(a).units).toEqual([]);
  });

  it('records a review and edits a unit', () => {
    const { doc, units, people } = smallMap();
    markReviewed(doc, units.cs, people[units.cs]![1]!, NOW, 'user');
    updateUnit(doc, units.cs, { abbr: 'CS', duties: '第一線' }, 'user');
    const cs = readRoleMap(doc).units[0]!;
    expect(cs.members[1]!.reviewedAt).toBe(NOW);
    expect(cs).toMatchObject({ abbr: 'CS', duties: '第一線' });
  });

  it('removing a member clears backups and reviewers that named them', () => {
    const { doc, units, people } = smallMap();
    const [key, backup] = people[units.cs]!;
    const other = addMember(doc, units.legal, { name: '外部顧問', reviewerMemberId: backup! }, 'user');
    removeMember(doc, units.cs, backup!, 'user');
    const map = readRoleMap(doc);
    expect(map.units[0]!.members.map((m) => m.id)).toEqual([key]);
    expect(map.units[0]!.members[0]!.backupMemberId).toBe('');
    expect(map.units[2]!.members.find((m) => m.id === other)!.reviewerMemberId).toBe('');
  });

  it('removing a unit removes its cells and its first-responder duty in one transaction', () => {
    const { doc, units, crisisTypes } = smallMap();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    removeUnit(doc, units.cs, 'user');
    expect(transactions).toBe(1);
    expect([...collectionOf(doc, 'members').values()].some((m) => m.get('unitId') === units.cs)).toBe(false);
    const map = readRoleMap(doc);
    expect(map.units.map((u) => u.id)).not.toContain(units.cs);
    expect([...readCells(doc).keys()].some((k) => k.endsWith(`|${units.cs}`))).toBe(false);
    expect(map.crisisTypes.find((c) => c.id === crisisTypes.defect)!.firstResponderUnitId).toBe('');
    expect(map.crisisTypes.find((c) => c.id === crisisTypes.rumour)!.firstResponderUnitId).toBe(units.pr);
  });

  it('sets the first responder on the playbook crisis type itself', () => {
    const { doc, units, crisisTypes } = smallMap();
    setFirstResponder(doc, crisisTypes.defect, units.legal, 'user');
    expect(collectionOf(doc, 'crisisTypes').get(crisisTypes.defect)!.get('firstResponderUnitId')).toBe(units.legal);
    expect(() => setFirstResponder(doc, 'nope', units.legal, 'user')).toThrow();
  });
});
