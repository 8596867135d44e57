import type { Incident, LogCategory } from '../incidents/types.js';
import { injectAt, resolveInjectStep, type Inject, type InjectChannel } from './scenario.js';

/**
 * After-action review metrics of a drill (or a real incident), computed from the record alone:
 * how fast the team acted on each inject and got a statement approved, against the playbook's
 * targets, and which tasks ran late or were missed. All times are on the incident's clock
 * (exercise time for a drill); durations are in minutes.
 */

/** A playbook step as the review needs it. */
export interface ReviewStep {
  id: string;
  title: string;
  ownerUnitId: string;
  targetMinutes: number;
}

/** A statement approval on the incident's clock. */
export interface StatementApproval {
  statementId: string;
  at: number;
}

export interface AarInput {
  incident: Pick<Incident, 'id' | 'crisisTypeId' | 't0' | 'tasks' | 'log' | 'closedAt'>;
  injects: readonly Inject[];
  steps: readonly ReviewStep[];
  /** Approvals known from the statements (in addition to approved communication log entries). */
  approvals?: readonly StatementApproval[];
  /** The moment the review looks from (default: when the incident was closed). */
  endAt?: number;
}

export type InjectOutcome = 'onTime' | 'late' | 'noResponse' | 'pending' | 'notReached';

export interface InjectReview {
  injectId: string;
  channel: InjectChannel;
  content: string;
  at: number;
  offsetMinutes: number;
  stepId: string | null;
  stepTitle: string;
  targetMinutes: number | null;
  /** When the response was due (null without a linked step). */
  targetAt: number | null;
  firstActionAt: number | null;
  /** Minutes from the inject to the first logged action on it. */
  firstActionMinutes: number | null;
  approvedStatementAt: number | null;
  /** Minutes from the inject to the first statement approval after it. */
  approvedStatementMinutes: number | null;
  /** Minutes past the target (0 when on time, null when unknown or not yet due). */
  lateByMinutes: number | null;
  outcome: InjectOutcome;
}

export type TaskOutcome = 'onTime' | 'late' | 'missed' | 'skipped' | 'notDue';

export interface TaskReview {
  taskId: string;
  stepId: string;
  title: string;
  ownerUnitId: string;
  dueAt: number;
  doneAt: number | null;
  lateByMinutes: number;
  outcome: TaskOutcome;
}

export interface TimelineEvent {
  at: number;
  lane: 'inject' | 'log' | 'task';
  kind: 'inject' | LogCategory | 'taskDone' | 'taskMissed' | 'approval';
  label: string;
  refId: string;
}

export interface AarReport {
  t0: number;
  endAt: number;
  injects: InjectReview[];
  tasks: TaskReview[];
  timeline: TimelineEvent[];
  totals: {
    injectsReleased: number;
    injectsOnTime: number;
    medianFirstActionMinutes: number | null;
    firstApprovedStatementMinutes: number | null;
    tasksLate: number;
    tasksMissed: number;
    tasksOnTime: number;
  };
}

const RESPONSE_CATEGORIES: readonly LogCategory[] = ['decision', 'action', 'communication'];
const minutes = (ms: number) => Math.round((ms / 60_000) * 10) / 10;

/**
 * When the response to an inject is due: the step's target counted from T0 (that is what the
 * playbook's "target from T0" means); when the inject arrives after that moment, the step's
 * allowance is counted from the inject instead (a new development re-opens the step).
 */
export function responseTargetAt(t0: number, injectTime: number, targetMinutes: number): number {
  const fromT0 = t0 + targetMinutes * 60_000;
  return fromT0 >= injectTime ? fromT0 : injectTime + targetMinutes * 60_000;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  // Rounded like every other figure here: the mean of 27.7 and 27.9 is 27.799999999999997 in floating point.
  return s.length % 2 ? s[m]! : Math.round(((s[m - 1]! + s[m]!) / 2) * 10) / 10;
}

/** All approvals, from the statements and from approved communication entries, oldest first. */
export function approvalTimes(input: Pick<AarInput, 'incident' | 'approvals'>): StatementApproval[] {
  const fromLog = input.incident.log.filter((e) => e.category === 'communication' && e.approved).map((e) => ({ statementId: e.statementId ?? e.id, at: e.at }));
  const seen = new Set<string>();
  const out: StatementApproval[] = [];
  for (const a of [...(input.approvals ?? []), ...fromLog].sort((x, y) => x.at - y.at)) {
    const key = `${a.statementId}@${a.at}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

/** Computes the after-action review. */
export function computeAar(input: AarInput): AarReport {
  const { incident } = input;
  const t0 = incident.t0;
  const endAt = input.endAt ?? incident.closedAt ?? Math.max(t0, ...incident.log.map((e) => e.at));
  const approvals = approvalTimes(input);

  const injects: InjectReview[] = [...input.injects]
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes)
    .map((inj) => {
      const at = injectAt(inj, t0);
      const step = resolveInjectStep(inj, input.steps);
      const targetMinutes = step ? step.targetMinutes : null;
      const targetAt = targetMinutes === null ? null : responseTargetAt(t0, at, targetMinutes);
      const responses = incident.log.filter((e) => e.injectId === inj.id && RESPONSE_CATEGORIES.includes(e.category) && e.at >= at && e.at <= endAt);
      const firstActionAt = responses.length ? Math.min(...responses.map((e) => e.at)) : null;
      const approval = approvals.find((a) => a.at >= at && a.at <= endAt);
      let outcome: InjectOutcome;
      let lateBy: number | null = null;
      if (at > endAt) outcome = 'notReached';
      else if (firstActionAt !== null) {
        lateBy = targetAt === null ? null : Math.max(0, minutes(firstActionAt - targetAt));
        outcome = targetAt !== null && firstActionAt > targetAt ? 'late' : 'onTime';
      } else if (targetAt !== null && endAt > targetAt) {
        outcome = 'noResponse';
        lateBy = minutes(endAt - targetAt);
      } else outcome = targetAt === null ? 'noResponse' : 'pending';
      return {
        injectId: inj.id,
        channel: inj.channel,
        content: inj.content,
        at,
        offsetMinutes: inj.offsetMinutes,
        stepId: step?.id ?? null,
        stepTitle: step?.title ?? inj.linkedStepTitle,
        targetMinutes,
        targetAt,
        firstActionAt,
        firstActionMinutes: firstActionAt === null ? null : minutes(firstActionAt - at),
        approvedStatementAt: approval?.at ?? null,
        approvedStatementMinutes: approval ? minutes(approval.at - at) : null,
        lateByMinutes: lateBy,
        outcome,
      };
    });

  const tasks: TaskReview[] = incident.tasks.map((t) => {
    let outcome: TaskOutcome;
    let lateBy = 0;
    if (t.status === 'skipped') outcome = 'skipped';
    else if (t.status === 'done' && t.doneAt !== null) {
      lateBy = Math.max(0, minutes(t.doneAt - t.dueAt));
      outcome = t.doneAt > t.dueAt ? 'late' : 'onTime';
    } else if (endAt > t.dueAt) {
      outcome = 'missed';
      lateBy = minutes(endAt - t.dueAt);
    } else outcome = 'notDue';
    return { taskId: t.id, stepId: t.stepId, title: t.title, ownerUnitId: t.ownerUnitId, dueAt: t.dueAt, doneAt: t.status === 'done' ? t.doneAt : null, lateByMinutes: lateBy, outcome };
  });

  const timeline: TimelineEvent[] = [
    ...injects.filter((i) => i.outcome !== 'notReached').map((i): TimelineEvent => ({ at: i.at, lane: 'inject', kind: 'inject', label: i.content, refId: i.injectId })),
    ...incident.log.filter((e) => e.at >= t0 && e.at <= endAt).map((e): TimelineEvent => ({ at: e.at, lane: 'log', kind: e.approved ? 'approval' : e.category, label: e.text, refId: e.id })),
    ...tasks.filter((t) => t.doneAt !== null).map((t): TimelineEvent => ({ at: t.doneAt!, lane: 'task', kind: 'taskDone', label: t.title, refId: t.taskId })),
    ...tasks.filter((t) => t.outcome === 'missed').map((t): TimelineEvent => ({ at: t.dueAt, lane: 'task', kind: 'taskMissed', label: t.title, refId: t.taskId })),
  ].sort((a, b) => a.at - b.at);

  const released = injects.filter((i) => i.outcome !== 'notReached');
  const firstApproval = approvals.find((a) => a.at >= t0 && a.at <= endAt);
  return {
    t0,
    endAt,
    injects,
    tasks,
    timeline,
    totals: {
      injectsReleased: released.length,
      injectsOnTime: released.filter((i) => i.outcome === 'onTime').length,
      medianFirstActionMinutes: median(released.flatMap((i) => (i.firstActionMinutes === null ? [] : [i.firstActionMinutes]))),
      firstApprovedStatementMinutes: firstApproval ? minutes(firstApproval.at - t0) : null,
      tasksLate: tasks.filter((t) => t.outcome === 'late').length,
      tasksMissed: tasks.filter((t) => t.outcome === 'missed').length,
      tasksOnTime: tasks.filter((t) => t.outcome === 'onTime').length,
    },
  };
}
