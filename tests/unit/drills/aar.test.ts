import { describe, expect, it } from 'vitest';
import { computeAar, responseTargetAt, type ReviewStep } from '../../../shared/drills/aar';
import type { Inject } from '../../../shared/drills/scenario';
import type { Incident } from '../../../shared/incidents/types';

const T0 = Date.UTC(2025, 5, 1, 18, 0);
const MIN = 60_000;
const at = (m: number) => T0 + m * MIN;

const steps: ReviewStep[] = [
  { id: 's-facts', title: 'Confirm the facts', ownerUnitId: 'cs', targetMinutes: 30 },
  { id: 's-hold', title: 'Publish a holding statement', ownerUnitId: 'pr', targetMinutes: 60 },
  { id: 's-halt', title: 'Halt sales', ownerUnitId: 'ops', targetMinutes: 120 },
];

const inj = (id: string, offsetMinutes: number, linkedStepId: string, linkedStepTitle = ''): Inject => ({
  id,
  offsetMinutes,
  channel: 'social',
  content: `inject ${id}`,
  expectedResponse: '',
  linkedStepId,
  linkedStepTitle,
});

const injects: Inject[] = [
  inj('i1', 0, 's-facts'),
  inj('i2', 15, '', 'publish a HOLDING statement'), // linked by title only
  inj('i3', 70, 's-halt'),
  inj('i4', 100, 's-hold'), // arrives after the holding-statement target: allowance counts from the inject
  inj('i5', 200, 's-halt'), // after the end of the drill
];

/** A fixed event log of a 3-hour drill that ended at minute 180. */
const incident: Pick<Incident, 'id' | 'crisisTypeId' | 't0' | 'tasks' | 'log' | 'closedAt'> = {
  id: 'drill-1',
  crisisTypeId: 'type-food',
  t0: T0,
  closedAt: at(180),
  tasks: [
    { id: 't1', stepId: 's-facts', title: 'Confirm the facts', ownerUnitId: 'cs', dueAt: at(30), status: 'done', doneAt: at(25), doneBy: 'Ken' },
    { id: 't2', stepId: 's-hold', title: 'Publish a holding statement', ownerUnitId: 'pr', dueAt: at(60), status: 'done', doneAt: at(95), doneBy: 'Mei' },
    { id: 't3', stepId: 's-halt', title: 'Halt sales', ownerUnitId: 'ops', dueAt: at(120), status: 'open', doneAt: null, doneBy: '' },
  ],
  log: [
    { id: 'l1', at: at(2), by: 'Ken', category: 'signal', text: 'Saw the post', injectId: 'i1' }, // signals are not actions
    { id: 'l2', at: at(8), by: 'Ken', category: 'action', text: 'DM to poster', injectId: 'i1' },
    { id: 'l3', at: at(6), by: 'Ken', category: 'decision', text: 'Level 2', injectId: 'i1' },
    { id: 'l4', at: at(40), by: 'Mei', category: 'action', text: 'Drafting', injectId: 'i2' },
    { id: 'l5', at: at(95), by: 'Lin', category: 'communication', text: 'Holding statement approved', statementId: 'st-1', approved: true },
    { id: 'l6', at: at(130), by: 'Mei', category: 'communication', text: 'Answered reporter', injectId: 'i4' },
  ],
};

describe('after-action review', () => {
  const report = computeAar({ incident, injects, steps });
  const byId = Object.fromEntries(report.injects.map((r) => [r.injectId, r]));

  it('measures time to first action and to an approved statement per inject', () => {
    expect(byId.i1).toMatchObject({ firstActionMinutes: 6, approvedStatementMinutes: 95, targetMinutes: 30, lateByMinutes: 0, outcome: 'onTime', stepId: 's-facts' });
    expect(byId.i2).toMatchObject({ firstActionMinutes: 25, approvedStatementMinutes: 80, targetMinutes: 60, targetAt: at(60), outcome: 'onTime', stepId: 's-hold' });
    expect(byId.i4).toMatchObject({ firstActionMinutes: 30, targetAt: at(160), outcome: 'onTime', approvedStatementMinutes: null });
  });

  it('flags injects nobody answered and those after the end', () => {
    expect(byId.i3).toMatchObject({ firstActionAt: null, targetAt: at(120), outcome: 'noResponse', lateByMinutes: 60 });
    expect(byId.i5).toMatchObject({ outcome: 'notReached' });
  });

  it('finds late and missed tasks', () => {
    expect(report.tasks.map((t) => [t.taskId, t.outcome, t.lateByMinutes])).toEqual([
      ['t1', 'onTime', 0],
      ['t2', 'late', 35],
      ['t3', 'missed', 60],
    ]);
  });

  it('totals what the team needs to hear first', () => {
    expect(report.totals).toEqual({
      injectsReleased: 4,
      injectsOnTime: 3,
      medianFirstActionMinutes: 25,
      firstApprovedStatementMinutes: 95,
      tasksLate: 1,
      tasksMissed: 1,
      tasksOnTime: 1,
    });
  });

  it('builds a timeline in time order, lanes for injects, log and tasks', () => {
    expect(report.timeline.map((e) => [Math.round((e.at - T0) / MIN), e.lane, e.kind])).toEqual([
      [0, 'inject', 'inject'],
      [2, 'log', 'signal'],
      [6, 'log', 'decision'],
      [8, 'log', 'action'],
      [15, 'inject', 'inject'],
      [25, 'task', 'taskDone'],
      [40, 'log', 'action'],
      [70, 'inject', 'inject'],
      [95, 'log', 'approval'],
      [95, 'task', 'taskDone'],
      [100, 'inject', 'inject'],
      [120, 'task', 'taskMissed'],
      [130, 'log', 'communication'],
    ]);
  });

  it('uses approvals reported by the statements as well, and a review time before the end', () => {
    const early = computeAar({ incident, injects, steps, approvals: [{ statementId: 'st-0', at: at(50) }], endAt: at(50) });
    const r = Object.fromEntries(early.injects.map((x) => [x.injectId, x]));
    expect(r.i2).toMatchObject({ approvedStatementMinutes: 35, outcome: 'onTime' });
    expect(r.i3?.outcome).toBe('notReached');
    expect(early.tasks.find((t) => t.taskId === 't3')?.outcome).toBe('notDue');
  });

  it('counts the target from T0, or from a late inject', () => {
    expect(responseTargetAt(T0, at(10), 60)).toBe(at(60));
    expect(responseTargetAt(T0, at(90), 60)).toBe(at(150));
  });
});

describe('after-action review figures (issue 13, item 3)', () => {
  it('the median of two response times is rounded to a tenth, never floating-point noise like 27.799999999999997', () => {
    const two = {
      ...incident,
      tasks: [],
      log: [
        { id: 'a', at: at(27.7), by: 'Ken', category: 'action' as const, text: 'first', injectId: 'i1' },
        { id: 'b', at: at(15 + 27.9), by: 'Mei', category: 'action' as const, text: 'second', injectId: 'i2' },
      ],
    };
    const report = computeAar({ incident: two, injects: injects.slice(0, 2), steps });
    expect(report.injects.map((r) => r.firstActionMinutes)).toEqual([27.7, 27.9]);
    expect(report.totals.medianFirstActionMinutes).toBe(27.8);
  });
});
