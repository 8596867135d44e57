import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RecordFieldError } from '../../../shared/doc/typedRecord';
import { addFact, addLogEntry, closeIncident, declareIncident, incidentRecord, readIncident, recordStatementApproval, setTaskStatus, type DeclareContext } from '../../../shared/incidents/incidents';
import { addTask, assignTask, reassignTask, setTaskDue } from '../../../shared/incidents/tasksEdit';
import { FactRecord, LogEntryRecord, TaskRecord } from '../../../shared/incidents/types';
import { plainReadersAgreeWithZod } from './recordChecks';

// Issue 14: the records of an incident (facts, tasks, log entries) each have one definition, used
// for reading, writing and validation, and store exactly what they stored before.

const T0 = Date.UTC(2025, 2, 3, 8, 0);
const MIN = 60_000;
const ctx: DeclareContext = {
  crisisType: { id: 'type-food', firstResponderUnitId: 'u-ops', steps: [{ id: 'step-1', title: '封存樣品', ownerUnitId: 'u-ops', targetMinutes: 30 }] },
  unitIds: new Set(['u-ops', 'u-pr']),
  levels: [1, 2, 3, 4],
};

function incident(extra: Partial<Parameters<typeof declareIncident>[1]> = {}, context = ctx) {
  const doc = new Y.Doc();
  const id = declareIncident(doc, { title: '食物中毒', drill: false, crisisTypeId: 'type-food', risk: { likelihood: 3, loss: 3, feasibility: 3 }, t0: T0, declaredBy: '王小明', ...extra }, context, 'user');
  const rec = incidentRecord(doc, id);
  return { doc, id, rec, read: () => readIncident(rec, id) };
}

/** The record `id` of the nested collection `key` (e.g. one task). */
function child(rec: Y.Map<unknown>, key: string, id: string): Y.Map<unknown> {
  return (rec.get(key) as Y.Map<Y.Map<unknown>>).get(id)!;
}

const keysOf = (r: Y.Map<unknown>) => [...r.keys()].sort();
/** The field a `check` problem names. */
const field = (problem: string) => problem.split(':')[0];

/** A record of a nested collection as an older version or a damaged peer left it. */
function stored(rec: Y.Map<unknown>, key: string, fields: Record<string, unknown>): void {
  rec.doc!.transact(() => {
    let coll = rec.get(key) as Y.Map<Y.Map<unknown>> | undefined;
    if (!coll) {
      coll = new Y.Map();
      rec.set(key, coll);
    }
    const r = new Y.Map<unknown>();
    coll.set(String(fields.id), r);
    for (const [k, v] of Object.entries(fields)) r.set(k, v);
  }, 'remote');
}

describe('incident facts', () => {
  it('round trip: a fact is stored with the fields it always had and reads back the same', () => {
    const { rec, read } = incident({ facts: [{ label: '就醫人數', value: '7', kind: 'number' }] });
    const id = addFact(rec, { label: ' 門市 ', value: '信義店', kind: 'name' }, 'user');
    const [declared, added] = read().facts;
    expect(declared).toEqual({ id: declared!.id, label: '就醫人數', value: '7', kind: 'number' });
    expect(added).toEqual({ id, label: '門市', value: '信義店', kind: 'name' });
    for (const f of read().facts) {
      expect(keysOf(child(rec, 'facts', f.id))).toEqual(['kind', 'label', 'order', 'value']);
      expect(FactRecord.check(child(rec, 'facts', f.id))).toEqual([]);
    }
  });

  it('a fact the definition refuses is not written, and the error names the field', () => {
    const { doc, rec, read } = incident();
    const before = Y.encodeStateVector(doc);
    expect(() => addFact(rec, { label: 'x'.repeat(201), value: '1', kind: 'number' }, 'user')).toThrow(RecordFieldError);
    expect(() => addFact(rec, { label: '人數', value: '1', kind: 'weight' as never }, 'user')).toThrow(/incidentFact\.kind/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(read().facts).toEqual([]);
  });

  it('a damaged or older fact reads with defaults, field by field', () => {
    const { rec, read } = incident();
    stored(rec, 'facts', { id: 'f-old', order: 1, label: 42, kind: 'weight' });
    expect(read().facts).toEqual([{ id: 'f-old', label: '', value: '', kind: 'name' }]);
  });
});

describe('incident tasks', () => {
  it('round trip: a playbook task stores only the fields tasks first shipped with; an ad-hoc task adds the person and its mark', () => {
    const { rec, read } = incident();
    const task = read().tasks[0]!;
    expect(task).toEqual({ id: task.id, stepId: 'step-1', title: '封存樣品', ownerUnitId: 'u-ops', dueAt: T0 + 30 * MIN, status: 'open', doneAt: null, doneBy: '', ownerMemberId: '', ownerName: '', adHoc: false, checked: [] });
    expect(keysOf(child(rec, 'tasks', task.id))).toEqual(['doneAt', 'doneBy', 'dueAt', 'order', 'ownerUnitId', 'status', 'stepId', 'title']);
    const adHoc = addTask(rec, { title: '通知保險公司', owner: { unitId: 'u-pr', memberId: 'm-chen', name: '陳大文' }, dueAt: T0 + 60 * MIN, at: T0 }, 'user');
    expect(keysOf(child(rec, 'tasks', adHoc))).toEqual(['adHoc', 'doneAt', 'doneBy', 'dueAt', 'order', 'ownerMemberId', 'ownerName', 'ownerUnitId', 'status', 'stepId', 'title']);
    expect(read().tasks.find((t) => t.id === adHoc)).toMatchObject({ ownerMemberId: 'm-chen', ownerName: '陳大文', adHoc: true, dueAt: T0 + 60 * MIN });
    setTaskStatus(rec, task.id, 'done', '王小明', T0 + 20 * MIN, 'user');
    expect(read().tasks[0]).toMatchObject({ status: 'done', doneAt: T0 + 20 * MIN, doneBy: '王小明' });
    // check() is strict: it names the later fields a playbook task leaves out (stored only once
    // set), and nothing else.
    expect(TaskRecord.check(child(rec, 'tasks', task.id)).map(field)).toEqual(['ownerMemberId', 'ownerName']);
    expect(TaskRecord.check(child(rec, 'tasks', adHoc))).toEqual([]);
  });

  it('a step title longer than a task title holds is cut, not a reason to refuse the declaration', () => {
    const long = '步'.repeat(600);
    const { read } = incident({}, { ...ctx, crisisType: { ...ctx.crisisType, steps: [{ id: 's', title: long, targetMinutes: 5 }] } });
    expect(read().tasks[0]!.title).toBe(long.slice(0, 500));
  });

  it('a bad status change is refused before any of its fields is written', () => {
    const { doc, rec, read } = incident();
    const id = read().tasks[0]!.id;
    const before = Y.encodeStateVector(doc);
    expect(() => setTaskStatus(rec, id, 'done', '王小明', Number.NaN, 'user')).toThrow(/incidentTask\.doneAt/);
    expect(() => setTaskStatus(rec, id, 'lost' as never, '王小明', T0, 'user')).toThrow(RecordFieldError);
    expect(() => setTaskStatus(rec, id, 'done', 'x'.repeat(201), T0, 'user')).toThrow(/incidentTask\.doneBy/);
    expect(() => TaskRecord.set(child(rec, 'tasks', id), 'dueAt', -1, 'user')).toThrow(RecordFieldError);
    expect(() => setTaskDue(rec, id, Number.NaN, 'user')).toThrow(/valid date/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(read().tasks[0]).toMatchObject({ status: 'open', doneAt: null, doneBy: '' });
    expect(() => TaskRecord.init({ id: 't', stepId: '', title: '', ownerUnitId: '', dueAt: 0, status: 'open', doneAt: null, doneBy: '', ownerMemberId: '', ownerName: '', adHoc: 'yes' as never })).toThrow(/incidentTask\.adHoc/);
  });

  it('fields that belong together are written together, even the unchanged one', () => {
    const { doc, rec, read } = incident();
    const id = read().tasks[0]!.id;
    const task = child(rec, 'tasks', id);
    const changed: string[][] = [];
    task.observe((e) => changed.push([...e.keysChanged].sort()));
    // The unit stays u-ops: still written, so a concurrent assignment wins or loses as a whole.
    assignTask(rec, id, { unitId: 'u-ops', memberId: 'm-wang', name: '王小明' }, 'user');
    reassignTask(rec, id, { unitId: 'u-ops', memberId: 'm-chen', name: '陳大文' }, { by: '王小明', at: T0 + MIN, from: '王小明', to: '陳大文', text: '改由陳大文負責' }, 'user');
    expect(changed).toEqual([
      ['ownerMemberId', 'ownerName', 'ownerUnitId'],
      ['ownerMemberId', 'ownerName', 'ownerUnitId'],
    ]);
    expect(read().tasks[0]).toMatchObject({ ownerUnitId: 'u-ops', ownerMemberId: 'm-chen', ownerName: '陳大文' });
    expect(doc.getMap('incidents').size).toBe(1);
  });

  it('a damaged or older task reads with defaults, field by field (ticks stay one key per item)', () => {
    const { rec, read } = incident();
    stored(rec, 'tasks', { id: 't-old', order: 9, title: 7, dueAt: '30', status: 'lost', doneAt: 'yesterday', doneBy: null, ownerName: 5, adHoc: 'yes', 'check:a': true, 'check:b': 'yes' });
    expect(read().tasks.find((t) => t.id === 't-old')).toEqual({ id: 't-old', stepId: '', title: '', ownerUnitId: '', dueAt: 0, status: 'open', doneAt: null, doneBy: '', ownerMemberId: '', ownerName: '', adHoc: false, checked: ['a'] });
  });
});

describe('log entries', () => {
  it('round trip: optional fields are stored only when set; a system event is one JSON string', () => {
    const { rec, read } = incident();
    const plain = addLogEntry(rec, { at: T0 + MIN, by: '王小明', category: 'signal', text: '  網路爆料  ' }, 'user');
    expect(keysOf(child(rec, 'log', plain))).toEqual(['at', 'by', 'category', 'order', 'text']);
    expect(recordStatementApproval(rec, 'st-1', 'abcdef0123456789ff', T0 + 2 * MIN, '法務', '聲明已核准', 'system', '初步聲明')).toBe(true);
    const approval = child(rec, 'log', 'approved-st-1-abcdef0123456789');
    expect(keysOf(approval)).toEqual(['approved', 'at', 'by', 'category', 'order', 'statementId', 'system', 'text']);
    expect(JSON.parse(approval.get('system') as string)).toEqual({ kind: 'statementApproved', title: '初步聲明' });
    const inject = addLogEntry(rec, { at: T0 + 3 * MIN, by: '陳大文', category: 'action', text: '回覆記者', injectId: 'inj-1' }, 'user');
    expect(read().log).toEqual([
      { id: plain, at: T0 + MIN, by: '王小明', category: 'signal', text: '網路爆料' },
      { id: 'approved-st-1-abcdef0123456789', at: T0 + 2 * MIN, by: '法務', category: 'communication', text: '聲明已核准', statementId: 'st-1', approved: true, system: { kind: 'statementApproved', title: '初步聲明' } },
      { id: inject, at: T0 + 3 * MIN, by: '陳大文', category: 'action', text: '回覆記者', injectId: 'inj-1' },
    ]);
    expect(LogEntryRecord.check(child(rec, 'log', plain)).map(field)).toEqual(['injectId', 'statementId', 'system']);
    expect(LogEntryRecord.check(approval).map(field)).toEqual(['injectId']);
  });

  it('an entry the definition refuses is not written, and the error names the field', () => {
    const { doc, rec, read } = incident();
    const before = Y.encodeStateVector(doc);
    // The form's schema takes any inject id; the record holds a reference of up to 200 characters.
    expect(() => addLogEntry(rec, { at: T0, by: '王小明', category: 'action', text: '回覆', injectId: 'i'.repeat(201) }, 'user')).toThrow(/logEntry\.injectId/);
    expect(() => addLogEntry(rec, { at: T0, by: '王小明', category: 'decision', text: '升級', system: { kind: 'severityChanged', from: 3, to: 1, reason: '"'.repeat(2000) } }, 'user')).toThrow(RecordFieldError);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(read().log).toEqual([]);
  });

  it('a damaged or older entry reads with defaults, field by field', () => {
    const { rec, read } = incident();
    stored(rec, 'log', { id: 'l-old', order: 1, at: 'noon', by: 3, category: 'gossip', text: null, injectId: 7, statementId: '', approved: 'true', system: '{"kind":' });
    stored(rec, 'log', { id: 'l-foreign', order: 2, at: T0, by: '王小明', category: 'decision', text: '升級', system: JSON.stringify({ kind: 'severityChanged', from: 3, to: 1, reason: 9 }) });
    expect(read().log).toEqual([
      { id: 'l-old', at: 0, by: '', category: 'action', text: '' },
      { id: 'l-foreign', at: T0, by: '王小明', category: 'decision', text: '升級' },
    ]);
  });
});

describe('the plain readers of incident records', () => {
  it('give exactly what the lenient zod schema gives, for every kind of bad value', () => {
    const odd: unknown[] = [undefined, null, 0, -1, 2.5, Number.NaN, Infinity, '', 'open', 'done', 'signal', 'number', 'x', true, false, [], { a: 1 }];
    const compared = plainReadersAgreeWithZod([FactRecord, TaskRecord, LogEntryRecord], odd);
    expect(compared).toBeGreaterThan(400);
  });
});

describe('closing an incident', () => {
  it('a refused closing time leaves the incident open and the document unchanged', () => {
    const { doc, rec, read } = incident();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => closeIncident(rec, Number.NaN, 'user')).toThrow(RecordFieldError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(read().state).toBe('active');
    closeIncident(rec, T0 + 90 * MIN, 'user');
    expect([read().state, read().closedAt]).toEqual(['closed', T0 + 90 * MIN]);
  });
});
