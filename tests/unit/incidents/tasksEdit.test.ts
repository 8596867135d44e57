import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { declareIncident, incidentRecord, readIncident, type DeclareContext } from '../../../shared/incidents/incidents';
import { addTask, assignTask, ownerLabel, reassignCandidates, reassignTask, setChecklistItem, setTaskDue } from '../../../shared/incidents/tasksEdit';

// Issue 13, "tasks belong to units only": a person in charge, a new due time, ad-hoc tasks,
// the step's checklist ticks, and reassignment (backup first) noted in the log.

const T0 = Date.UTC(2025, 0, 10, 9, 0);
const ctx: DeclareContext = {
  crisisType: { id: 'type-food', firstResponderUnitId: 'u-ops', steps: [{ id: 'step-1', title: '封存樣品', ownerUnitId: 'u-ops', targetMinutes: 30 }] },
  unitIds: new Set(['u-ops', 'u-pr']),
  levels: [1, 2, 3, 4],
};
const WANG = { unitId: 'u-ops', memberId: 'm-wang', name: '王小明' };
const CHEN = { unitId: 'u-ops', memberId: 'm-chen', name: '陳大文' };
const label = (name: string, unit: string) => `${name}（${unit}）`;

function incident() {
  const doc = new Y.Doc();
  const id = declareIncident(doc, { title: '食物中毒', drill: false, crisisTypeId: 'type-food', risk: { likelihood: 3, loss: 3, feasibility: 3 }, t0: T0, declaredBy: 'Mei' }, ctx, 'user');
  const rec = incidentRecord(doc, id);
  const origins: unknown[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
  return { doc, id, rec, origins, read: () => readIncident(rec, id), taskId: () => readIncident(rec, id).tasks[0]!.id };
}

describe('a person in charge of a task', () => {
  it('playbook tasks start with the unit only (older records read the same)', () => {
    const { read } = incident();
    expect(read().tasks[0]).toMatchObject({ ownerUnitId: 'u-ops', ownerMemberId: '', ownerName: '', checked: [], adHoc: false });
  });

  it('assigns a person (their unit becomes the task\'s), and back to the unit as a whole', () => {
    const { rec, read, taskId, origins } = incident();
    assignTask(rec, taskId(), { ...WANG, unitId: 'u-pr' }, 'user');
    expect(read().tasks[0]).toMatchObject({ ownerUnitId: 'u-pr', ownerMemberId: 'm-wang', ownerName: '王小明' });
    expect(origins.at(-1)).toBe('user');
    assignTask(rec, taskId(), null, 'user');
    expect(read().tasks[0]).toMatchObject({ ownerUnitId: 'u-pr', ownerMemberId: '', ownerName: '' });
    assignTask(rec, taskId(), WANG, 'user');
    assignTask(rec, taskId(), { unitId: 'u-ops' }, 'user');
    expect(read().tasks[0]).toMatchObject({ ownerUnitId: 'u-ops', ownerMemberId: '', ownerName: '' });
  });

  it('refuses a person without a name or id, and an unknown task', () => {
    const { rec, taskId } = incident();
    expect(() => assignTask(rec, taskId(), { ...WANG, name: '  ' }, 'user')).toThrow();
    expect(() => assignTask(rec, taskId(), { ...WANG, memberId: '' }, 'user')).toThrow();
    expect(() => assignTask(rec, taskId(), { unitId: '' }, 'user')).toThrow();
    expect(() => assignTask(rec, 'nope', WANG, 'user')).toThrow(/No task/);
  });
});

describe('due time', () => {
  it('moves the due time, and refuses one that is not a date', () => {
    const { rec, read, taskId } = incident();
    setTaskDue(rec, taskId(), T0 + 90 * 60_000, 'user');
    expect(read().tasks[0]!.dueAt).toBe(T0 + 90 * 60_000);
    expect(() => setTaskDue(rec, taskId(), NaN, 'user')).toThrow(/valid date/);
    expect(() => setTaskDue(rec, taskId(), -5, 'user')).toThrow(/valid date/);
    expect(read().tasks[0]!.dueAt).toBe(T0 + 90 * 60_000);
  });
});

describe('ad-hoc tasks', () => {
  it('adds a task with a title, a person and a due time', () => {
    const { rec, read, origins } = incident();
    const id = addTask(rec, { title: ' 通知保險公司 ', owner: CHEN, dueAt: T0 + 3_600_000, at: T0 + 60_000 }, 'user');
    expect(origins.at(-1)).toBe('user');
    expect(read().tasks.find((t) => t.id === id)).toMatchObject({ title: '通知保險公司', stepId: '', ownerUnitId: 'u-ops', ownerMemberId: 'm-chen', ownerName: '陳大文', dueAt: T0 + 3_600_000, status: 'open', adHoc: true });
  });

  it('without owner or due: nobody yet, due at once', () => {
    const { rec, read } = incident();
    const id = addTask(rec, { title: '查監視器', at: T0 + 120_000 }, 'user');
    expect(read().tasks.find((t) => t.id === id)).toMatchObject({ ownerUnitId: '', ownerMemberId: '', dueAt: T0 + 120_000 });
  });

  it('refuses an empty title or a due time that is not a date', () => {
    const { rec, read } = incident();
    expect(() => addTask(rec, { title: '   ', at: T0 }, 'user')).toThrow();
    expect(() => addTask(rec, { title: 'x', dueAt: Infinity, at: T0 }, 'user')).toThrow();
    expect(read().tasks).toHaveLength(1);
  });
});

describe('checklist ticks', () => {
  it('ticks and unticks items; two laptops ticking different items both keep theirs', () => {
    const a = incident();
    setChecklistItem(a.rec, a.taskId(), 'item-1', true, 'user');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc), 'remote');
    const recB = incidentRecord(b, a.id);
    setChecklistItem(a.rec, a.taskId(), 'item-2', true, 'user');
    setChecklistItem(recB, a.taskId(), 'item-3', true, 'user');
    setChecklistItem(recB, a.taskId(), 'item-1', false, 'user');
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b), 'remote');
    expect(a.read().tasks[0]!.checked).toEqual(['item-2', 'item-3']);
    expect(() => setChecklistItem(a.rec, a.taskId(), '', true, 'user')).toThrow();
  });
});

describe('reassigning a task', () => {
  it('writes the new person and a system log entry in one transaction', () => {
    const { rec, read, taskId, origins } = incident();
    assignTask(rec, taskId(), WANG, 'user');
    const before = origins.length;
    reassignTask(rec, taskId(), CHEN, { by: 'Mei', at: T0 + 600_000, from: ownerLabel('王小明', '營運部', label), to: ownerLabel('陳大文', '營運部', label), text: '任務改派' }, 'user');
    expect(origins.slice(before)).toEqual(['user']);
    const inc = read();
    expect(inc.tasks[0]).toMatchObject({ ownerMemberId: 'm-chen', ownerName: '陳大文', ownerUnitId: 'u-ops' });
    expect(inc.log).toHaveLength(1);
    expect(inc.log[0]).toMatchObject({ by: 'Mei', at: T0 + 600_000, text: '任務改派', system: { kind: 'taskReassigned', title: '封存樣品', from: '王小明（營運部）', to: '陳大文（營運部）' } });
  });

  it('refuses to hand a task to whoever holds it (nothing is logged)', () => {
    const { rec, read, taskId } = incident();
    assignTask(rec, taskId(), WANG, 'user');
    expect(() => reassignTask(rec, taskId(), WANG, { by: 'Mei', at: T0, from: 'a', to: 'b', text: 'x' }, 'user')).toThrow(/already/);
    expect(read().log).toHaveLength(0);
  });

  it('names a unit alone when nobody was named', () => {
    expect(ownerLabel('', '營運部', label)).toBe('營運部');
    expect(ownerLabel('王小明', '', label)).toBe('王小明');
  });
});

describe('who could take a task over', () => {
  const units = [
    { id: 'u-pr', name: '公關部', members: [{ id: 'm-lin', name: '林雅婷', isKey: true, backupMemberId: '' }] },
    {
      id: 'u-ops',
      name: '營運部',
      members: [
        { id: 'm-wang', name: '王小明', isKey: true, backupMemberId: 'm-huang' },
        { id: 'm-chen', name: '陳大文', isKey: false, backupMemberId: '' },
        { id: 'm-li', name: '李主任', isKey: true, backupMemberId: '' },
        { id: 'm-huang', name: '黃副理', isKey: false, backupMemberId: '' },
        { id: 'm-blank', name: '  ', isKey: false, backupMemberId: '' },
      ],
    },
  ];
  it('the holder\'s backup first, then the unit (key people first), then everyone else; never the holder', () => {
    const c = reassignCandidates(units, { ownerUnitId: 'u-ops', ownerMemberId: 'm-wang' });
    expect(c.map((x) => x.name)).toEqual(['黃副理', '李主任', '陳大文', '林雅婷']);
    expect(c.map((x) => x.backup)).toEqual([true, false, false, false]);
    expect(c[3]).toMatchObject({ unitId: 'u-pr', unitName: '公關部' });
  });
  it('a task held by the unit: the backup of its first key person comes first', () => {
    const c = reassignCandidates(units, { ownerUnitId: 'u-ops' });
    expect(c.map((x) => x.name)).toEqual(['黃副理', '王小明', '李主任', '陳大文', '林雅婷']);
  });
  it('without backups: the unit first, then the rest', () => {
    const c = reassignCandidates(units, { ownerUnitId: 'u-pr', ownerMemberId: 'm-lin' });
    expect(c.map((x) => x.name)).toEqual(['王小明', '陳大文', '李主任', '黃副理']);
    expect(c.some((x) => x.backup)).toBe(false);
  });
});
