import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setField } from '../../../shared/doc/collection';
import { write } from '../../../shared/doc/origins';
import { cadenceMinutes, nextUpdateDue, situationSummary } from '../../../shared/incidents/cadence';
import {
  addFact,
  addLogEntry,
  changeSeverity,
  declareIncident,
  incidentRecord,
  incidentsOf,
  linkStatement,
  listIncidents,
  readIncident,
  realIncidents,
  recordStatementApproval,
  setIncidentField,
  setTaskStatus,
  type DeclareContext,
} from '../../../shared/incidents/incidents';
import { tasksFromPlaybook } from '../../../shared/incidents/tasks';

const T0 = Date.UTC(2025, 0, 10, 9, 0);
const MIN = 60_000;

const ctx: DeclareContext = {
  crisisType: {
    id: 'type-food',
    firstResponderUnitId: 'u-cs',
    steps: [
      { id: 's1', title: 'Confirm facts', ownerUnitId: 'u-cs', targetMinutes: 30 },
      { id: 's2', title: 'Holding statement', ownerUnitId: 'u-pr', targetMinutes: 60 },
      { id: 's3', title: 'Notify regulator', ownerUnitId: 'u-gone', targetMinutes: 120 },
      { id: 's4', title: 'Lab results', ownerUnitId: '', targetMinutes: Number.NaN },
    ],
  },
  unitIds: new Set(['u-cs', 'u-pr', 'u-legal']),
  levels: [1, 2, 3, 4],
};

function declare(doc: Y.Doc, drill: boolean, extra: Partial<Parameters<typeof declareIncident>[1]> = {}) {
  return declareIncident(doc, { title: drill ? 'Drill' : 'Real', drill, crisisTypeId: 'type-food', risk: { likelihood: 3, loss: 3, feasibility: 3 }, t0: T0, declaredBy: 'Mei', ...extra }, ctx, 'user');
}

describe('tasks from the playbook', () => {
  it('takes owners from the steps (first responder when the owner is missing or unknown) and due times from T0', () => {
    const tasks = tasksFromPlaybook(ctx.crisisType, T0, ctx.unitIds);
    expect(tasks.map((t) => [t.stepId, t.ownerUnitId, (t.dueAt - T0) / MIN, t.status])).toEqual([
      ['s1', 'u-cs', 30, 'open'],
      ['s2', 'u-pr', 60, 'open'],
      ['s3', 'u-cs', 120, 'open'],
      ['s4', 'u-cs', 0, 'open'],
    ]);
  });
});

describe('declaring an incident', () => {
  it('writes the record with suggested severity, tasks and an empty log, with origin user', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const id = declare(doc, false, { facts: [{ label: 'People ill', value: '7', kind: 'number' }] });
    const inc = readIncident(incidentRecord(doc, id), id);
    expect(inc).toMatchObject({ title: 'Real', drill: false, drillFlagTampered: false, severity: 2, suggestedSeverity: 2, overrideReason: '', t0: T0, state: 'active' });
    expect(inc.tasks).toHaveLength(4);
    expect(inc.facts).toEqual([expect.objectContaining({ label: 'People ill', value: '7', kind: 'number' })]);
    expect(inc.log).toEqual([]);
    expect(origins.every((o) => o === 'user')).toBe(true);
  });

  it('requires a reason to override the suggested severity', () => {
    const doc = new Y.Doc();
    expect(() => declare(doc, false, { severity: 1 })).toThrow(/reason/);
    expect(incidentsOf(doc).size).toBe(0);
    const id = declare(doc, false, { severity: 1, overrideReason: 'Children among the sick' });
    expect(readIncident(incidentRecord(doc, id), id)).toMatchObject({ severity: 1, suggestedSeverity: 2, overrideReason: 'Children among the sick' });
  });

  it('rejects invalid input with a clear error', () => {
    const doc = new Y.Doc();
    expect(() => declare(doc, false, { title: '  ' })).toThrow();
    expect(() => declare(doc, false, { risk: { likelihood: 9, loss: 1, feasibility: 1 } })).toThrow();
    expect(incidentsOf(doc).size).toBe(0);
  });

  it('changes severity later only with a reason when it departs from the suggestion, and logs the decision', () => {
    const doc = new Y.Doc();
    const id = declare(doc, false);
    const rec = incidentRecord(doc, id);
    expect(() => changeSeverity(rec, 1, ' ', 'Mei', T0 + MIN, 'Raised to 1', 'user')).toThrow(/reason/);
    changeSeverity(rec, 1, 'Regulator involved', 'Mei', T0 + MIN, 'Raised to 1', 'user');
    const inc = readIncident(rec, id);
    expect(inc.severity).toBe(1);
    expect(inc.log).toEqual([expect.objectContaining({ category: 'decision', text: 'Raised to 1', by: 'Mei' })]);
  });
});

describe('drills never turn into real incidents', () => {
  it('refuses to change the drill flag through the accessors', () => {
    const doc = new Y.Doc();
    const id = declare(doc, true);
    expect(() => setIncidentField(incidentRecord(doc, id), 'drill', false, 'user')).toThrow(/cannot change/);
    expect(readIncident(incidentRecord(doc, id), id).drill).toBe(true);
  });

  it('ignores and flags a raw change of the stored flag, in both directions', () => {
    const doc = new Y.Doc();
    const drillId = declare(doc, true);
    const realId = declare(doc, false);
    setField(incidentRecord(doc, drillId), 'drill', false, 'remote');
    setField(incidentRecord(doc, realId), 'drill', true, 'remote');
    const drill = readIncident(incidentRecord(doc, drillId), drillId);
    const real = readIncident(incidentRecord(doc, realId), realId);
    expect([drill.drill, drill.drillFlagTampered]).toEqual([true, true]);
    expect([real.drill, real.drillFlagTampered]).toEqual([false, true]);
  });

  it('keeps drills out of real-incident reports', () => {
    const doc = new Y.Doc();
    const realId = declare(doc, false);
    const drillId = declare(doc, true);
    setField(incidentRecord(doc, drillId), 'drill', false, 'remote');
    const all = listIncidents(doc);
    expect(all.map((i) => i.id).sort()).toEqual([realId, drillId].sort());
    expect(realIncidents(all).map((i) => i.id)).toEqual([realId]);
  });

  it('survives a peer that flips the flag concurrently', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = declare(a, true);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
    write(b, 'user', () => incidentRecord(b, id).set('drill', false));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'remote');
    expect(realIncidents(listIncidents(a))).toEqual([]);
  });
});

describe('incident room records', () => {
  it('marks tasks done with who and when, and reopens them', () => {
    const doc = new Y.Doc();
    const id = declare(doc, false);
    const rec = incidentRecord(doc, id);
    const task = readIncident(rec, id).tasks[0]!;
    setTaskStatus(rec, task.id, 'done', 'Ken', T0 + 20 * MIN, 'user');
    expect(readIncident(rec, id).tasks[0]).toMatchObject({ status: 'done', doneBy: 'Ken', doneAt: T0 + 20 * MIN });
    setTaskStatus(rec, task.id, 'open', 'Ken', T0 + 25 * MIN, 'user');
    expect(readIncident(rec, id).tasks[0]).toMatchObject({ status: 'open', doneBy: '', doneAt: null });
    expect(() => setTaskStatus(rec, 'nope', 'done', 'Ken', T0, 'user')).toThrow(/No task/);
  });

  it('keeps facts with label, value and kind, and links statements once', () => {
    const doc = new Y.Doc();
    const id = declare(doc, false);
    const rec = incidentRecord(doc, id);
    addFact(rec, { label: 'Branch', value: 'Xinyi', kind: 'name' }, 'user');
    linkStatement(rec, 'st-1', 'user');
    linkStatement(rec, 'st-1', 'user');
    linkStatement(rec, 'st-2', 'user');
    const inc = readIncident(rec, id);
    expect(inc.facts.map((f) => [f.label, f.value, f.kind])).toEqual([['Branch', 'Xinyi', 'name']]);
    expect(inc.statementIds).toEqual(['st-1', 'st-2']);
  });

  it('notes a statement approval once even when two laptops notice it', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = declare(a, true);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
    const hash = 'ab'.repeat(32);
    expect(recordStatementApproval(incidentRecord(a, id), 'st-1', hash, T0 + 40 * MIN, 'Lin', 'Approved', 'user')).toBe(true);
    expect(recordStatementApproval(incidentRecord(a, id), 'st-1', hash, T0 + 41 * MIN, 'Lin', 'Approved', 'user')).toBe(false);
    recordStatementApproval(incidentRecord(b, id), 'st-1', hash, T0 + 40.5 * MIN, 'Lin', 'Approved', 'user');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'remote');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
    const log = readIncident(incidentRecord(a, id), id).log;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ category: 'communication', approved: true, statementId: 'st-1' });
    expect(readIncident(incidentRecord(b, id), id).log).toEqual(log);
  });
});

describe('status-update cadence', () => {
  it('is 30 minutes at level 1 and longer for lower levels', () => {
    expect([1, 2, 3, 4, 7].map(cadenceMinutes)).toEqual([30, 60, 120, 240, 240]);
  });

  it('counts from the latest communication entry, or from T0', () => {
    const base = { t0: T0, severity: 1 };
    expect(nextUpdateDue({ ...base, log: [] }, T0 + 10 * MIN)).toMatchObject({ dueAt: T0 + 30 * MIN, overdue: false, lastUpdateAt: null, minutesLeft: 20 });
    expect(nextUpdateDue({ ...base, log: [] }, T0 + 31 * MIN).overdue).toBe(true);
    const log = [
      { id: 'a', at: T0 + 25 * MIN, by: 'x', category: 'communication' as const, text: 'update' },
      { id: 'b', at: T0 + 40 * MIN, by: 'x', category: 'action' as const, text: 'not an update' },
    ];
    expect(nextUpdateDue({ ...base, log }, T0 + 50 * MIN)).toMatchObject({ dueAt: T0 + 55 * MIN, overdue: false, lastUpdateAt: T0 + 25 * MIN });
    expect(nextUpdateDue({ ...base, severity: 2, log }, T0 + 50 * MIN).dueAt).toBe(T0 + 85 * MIN);
  });

  it('summarises the situation at a glance', () => {
    const doc = new Y.Doc();
    const id = declare(doc, false);
    const rec = incidentRecord(doc, id);
    const tasks = readIncident(rec, id).tasks;
    setTaskStatus(rec, tasks[0]!.id, 'done', 'Ken', T0 + 10 * MIN, 'user');
    addLogEntry(rec, { at: T0 + 5 * MIN, by: 'Ken', category: 'signal', text: 'Post seen' }, 'user');
    const s = situationSummary(readIncident(rec, id), T0 + 90 * MIN);
    expect(s).toMatchObject({ elapsedMinutes: 90, openTasks: 3, overdueTasks: 2, doneTasks: 1, totalTasks: 4 });
    expect(s.nextTask?.title).toBe('Lab results');
    expect(s.latest[0]?.text).toBe('Post seen');
    expect(s.update.overdue).toBe(true);
  });
});
