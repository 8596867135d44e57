import type { Incident } from '../incidents/types.js';
import { cadenceMinutes } from '../incidents/cadence.js';
import type { Language, Localized } from '../languages.js';
import type { AarReport, ReviewStep } from './aar.js';
import type { InjectChannel } from './scenario.js';
import { BACKUP_OWNER_ITEM, type FindingCode, type ProposedEdit } from './findings.js';

/**
 * Findings of an after-action review, derived from what happened: which task of which unit was
 * how late (or never done), which inject stood unanswered and for how long, the longest silence
 * between status updates against the level's cadence, and how long the first approved statement
 * took against its target. Each finding carries the facts as data (the renderer words them in the
 * UI language) and one proposal that fits its cause; a proposal that changes a playbook step
 * comes with the edit (accepted into the playbook, see ./findings.ts).
 */
export type FindingKind = 'taskMissed' | 'taskLate' | 'injectUnanswered' | 'injectLate' | 'cadenceGap' | 'statementLate' | 'noStatement';

/** What the finding proposes; different causes get different proposals. */
export type ProposalCode = 'addBackupOwner' | 'raiseTarget' | 'watchChannel' | 'prepareReply' | 'updateReminder' | 'preapproveHolding';

/** The facts of a finding. Times are minutes from T0 (exercise time for a drill). */
export interface FindingFacts {
  stepId: string | null;
  /** The step or task title (for an inject: its linked step, '' when none). */
  stepTitle: string;
  /** Owning unit id ('' when unknown). */
  unitId: string;
  /** Who was assigned or marked it done ('' when unknown). */
  person: string;
  targetMinutes: number | null;
  dueMinutes: number | null;
  doneMinutes: number | null;
  /** Minutes past due (late: when done; never done / unanswered: until the end of the review). */
  lateMinutes: number;
  channel: InjectChannel | null;
  injectContent: string;
  injectMinutes: number | null;
  /** Inject: minutes it stood unanswered (until the end) or until the first action. */
  waitedMinutes: number | null;
  /** Cadence: the longest silence between status updates, its start and end, the level and its interval. */
  gapMinutes: number | null;
  gapFromMinutes: number | null;
  gapToMinutes: number | null;
  level: number | null;
  intervalMinutes: number | null;
  missedUpdates: number | null;
  /** Statement: minutes to the first approval (null: none) and the target. */
  statementMinutes: number | null;
  statementTargetMinutes: number | null;
  /** Minutes the review covers (T0 to end). */
  spanMinutes: number;
  /** The new target a raiseTarget proposal sets. */
  proposedTarget: number | null;
}

export interface Finding {
  /** Stable across recomputation: `<kind>:<task/inject id>` (or the kind alone). */
  id: string;
  kind: FindingKind;
  proposal: ProposalCode;
  facts: FindingFacts;
  /** The playbook edit accepting this finding makes (null: a lesson, no playbook change). */
  edit: ProposedEdit | null;
}

export interface FindingOptions {
  /** Target for the first approved statement, minutes after T0 (default 60). */
  statementTargetMinutes?: number;
}

/** Checklist item proposed for a step whose inject nobody answered. */
export const WATCH_CHANNEL_ITEM: Localized = {
  'zh-TW': '指定專人監看此管道，訊息進來後在目標時間內記錄第一個回應。',
  'zh-CN': '指定专人监看此渠道，消息进来后在目标时间内记录第一个响应。',
  en: 'Name who watches this channel and logs the first response within the target time.',
};

/** Checklist item proposed for a step whose inject was answered late. */
export const PREPARE_REPLY_ITEM: Localized = {
  'zh-TW': '事先備妥此管道的第一則回覆（經法務核可的待命說法），讓回應不必從零起草。',
  'zh-CN': '事先备好此渠道的第一条回复（经法务核可的待命说法），让回应不必从零起草。',
  en: 'Prepare the first reply for this channel in advance (a legally approved holding line) so the response is not drafted from scratch.',
};

const roundUp15 = (m: number) => Math.ceil(m / 15) * 15;
const mins = (ms: number) => Math.round((ms / 60_000) * 10) / 10;

function blankFacts(spanMinutes: number): FindingFacts {
  return {
    stepId: null,
    stepTitle: '',
    unitId: '',
    person: '',
    targetMinutes: null,
    dueMinutes: null,
    doneMinutes: null,
    lateMinutes: 0,
    channel: null,
    injectContent: '',
    injectMinutes: null,
    waitedMinutes: null,
    gapMinutes: null,
    gapFromMinutes: null,
    gapToMinutes: null,
    level: null,
    intervalMinutes: null,
    missedUpdates: null,
    statementMinutes: null,
    statementTargetMinutes: null,
    spanMinutes,
    proposedTarget: null,
  };
}

type Ctx = { crisisTypeId: string; steps: readonly ReviewStep[]; language: Language };

function checklistEdit(id: string, ctx: Ctx, step: ReviewStep | undefined, code: FindingCode, item: Localized, lateBy: number): ProposedEdit | null {
  if (!step) return null;
  return {
    id,
    crisisTypeId: ctx.crisisTypeId,
    stepId: step.id,
    stepTitle: step.title,
    field: 'checklist',
    from: null,
    to: item[ctx.language],
    rationale: { code, targetMinutes: step.targetMinutes, lateByMinutes: lateBy, evidence: 1 },
  };
}

function taskFindings(report: AarReport, ctx: Ctx, person: (taskId: string) => string): Finding[] {
  const out: Finding[] = [];
  for (const t of report.tasks) {
    if (t.outcome !== 'late' && t.outcome !== 'missed') continue;
    if (t.outcome === 'late' && t.lateByMinutes < 1) continue;
    const step = ctx.steps.find((s) => s.id === t.stepId);
    const target = step?.targetMinutes ?? null;
    const facts: FindingFacts = {
      ...blankFacts(mins(report.endAt - report.t0)),
      stepId: t.stepId,
      stepTitle: t.title,
      unitId: t.ownerUnitId,
      person: person(t.taskId),
      targetMinutes: target,
      dueMinutes: mins(t.dueAt - report.t0),
      doneMinutes: t.doneAt === null ? null : mins(t.doneAt - report.t0),
      lateMinutes: t.lateByMinutes,
    };
    if (t.outcome === 'missed') {
      out.push({ id: `taskMissed:${t.taskId}`, kind: 'taskMissed', proposal: 'addBackupOwner', facts, edit: checklistEdit(`taskMissed:${t.taskId}`, ctx, step, 'missedAddBackup', BACKUP_OWNER_ITEM, t.lateByMinutes) });
      continue;
    }
    // Late by more than twice the whole allowance: the target does not fit the work → raise it.
    // Late by less: the step fits its target but waited on its owner → name a backup.
    if (step && t.lateByMinutes > 2 * step.targetMinutes) {
      const to = roundUp15(step.targetMinutes + t.lateByMinutes);
      const edit: ProposedEdit = {
        id: `taskLate:${t.taskId}`,
        crisisTypeId: ctx.crisisTypeId,
        stepId: step.id,
        stepTitle: step.title,
        field: 'targetMinutes',
        from: step.targetMinutes,
        to,
        rationale: { code: 'lateRaiseTarget', targetMinutes: step.targetMinutes, lateByMinutes: t.lateByMinutes, evidence: 1 },
      };
      out.push({ id: `taskLate:${t.taskId}`, kind: 'taskLate', proposal: 'raiseTarget', facts: { ...facts, proposedTarget: to }, edit });
    } else {
      out.push({ id: `taskLate:${t.taskId}`, kind: 'taskLate', proposal: 'addBackupOwner', facts, edit: checklistEdit(`taskLate:${t.taskId}`, ctx, step, 'lateAddBackup', BACKUP_OWNER_ITEM, t.lateByMinutes) });
    }
  }
  return out;
}

function injectFindings(report: AarReport, ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  for (const i of report.injects) {
    if (i.outcome !== 'noResponse' && i.outcome !== 'late') continue;
    if (i.outcome === 'late' && (i.lateByMinutes ?? 0) < 1) continue;
    const step = ctx.steps.find((s) => s.id === i.stepId);
    const facts: FindingFacts = {
      ...blankFacts(mins(report.endAt - report.t0)),
      stepId: i.stepId,
      stepTitle: i.stepTitle,
      unitId: step?.ownerUnitId ?? '',
      targetMinutes: i.targetMinutes,
      dueMinutes: i.targetAt === null ? null : mins(i.targetAt - report.t0),
      doneMinutes: i.firstActionAt === null ? null : mins(i.firstActionAt - report.t0),
      lateMinutes: i.lateByMinutes ?? 0,
      channel: i.channel,
      injectContent: i.content,
      injectMinutes: i.offsetMinutes,
      waitedMinutes: i.firstActionMinutes ?? mins(report.endAt - i.at),
    };
    if (i.outcome === 'noResponse') {
      out.push({ id: `injectUnanswered:${i.injectId}`, kind: 'injectUnanswered', proposal: 'watchChannel', facts, edit: checklistEdit(`injectUnanswered:${i.injectId}`, ctx, step, 'unansweredWatchChannel', WATCH_CHANNEL_ITEM, facts.lateMinutes) });
    } else {
      out.push({ id: `injectLate:${i.injectId}`, kind: 'injectLate', proposal: 'prepareReply', facts, edit: checklistEdit(`injectLate:${i.injectId}`, ctx, step, 'lateInjectPrepareReply', PREPARE_REPLY_ITEM, facts.lateMinutes) });
    }
  }
  return out;
}

/** The most severe level (lowest number) in force at any moment of [from, to], from the log's severity changes. */
function levelDuring(incident: Pick<Incident, 'severity' | 'log'>, from: number, to: number): number {
  const changes = incident.log.flatMap((e) => (e.system?.kind === 'severityChanged' ? [{ at: e.at, from: e.system.from, to: e.system.to }] : [])).sort((a, b) => a.at - b.at);
  if (changes.length === 0) return incident.severity;
  let atStart = changes[0]!.from >= 1 ? changes[0]!.from : incident.severity;
  for (const c of changes) if (c.at <= from) atStart = c.to;
  return Math.min(atStart, ...changes.filter((c) => c.at > from && c.at < to).map((c) => c.to));
}

/** The longest silence between status updates (communication entries), measured against the cadence of the level in force. */
export function cadenceFinding(report: AarReport, incident: Pick<Incident, 'severity' | 'log'>): Finding | null {
  const comms = incident.log.filter((e) => e.category === 'communication' && e.at >= report.t0 && e.at <= report.endAt).map((e) => e.at);
  const points = [report.t0, ...[...new Set(comms)].sort((a, b) => a - b), report.endAt];
  let worst: { from: number; to: number; level: number; interval: number; over: number } | null = null;
  for (let k = 1; k < points.length; k++) {
    const from = points[k - 1]!;
    const to = points[k]!;
    const level = levelDuring(incident, from, to);
    const interval = cadenceMinutes(level);
    const over = mins(to - from) - interval;
    if (over > 0 && (!worst || over > worst.over)) worst = { from, to, level, interval, over };
  }
  if (!worst) return null;
  const gap = mins(worst.to - worst.from);
  return {
    id: 'cadenceGap',
    kind: 'cadenceGap',
    proposal: 'updateReminder',
    edit: null,
    facts: {
      ...blankFacts(mins(report.endAt - report.t0)),
      gapMinutes: gap,
      gapFromMinutes: mins(worst.from - report.t0),
      gapToMinutes: mins(worst.to - report.t0),
      level: worst.level,
      intervalMinutes: worst.interval,
      missedUpdates: Math.floor(gap / worst.interval),
      lateMinutes: Math.round(worst.over * 10) / 10,
    },
  };
}

function statementFinding(report: AarReport, target: number): Finding | null {
  const span = mins(report.endAt - report.t0);
  const first = report.totals.firstApprovedStatementMinutes;
  const facts = { ...blankFacts(span), statementMinutes: first, statementTargetMinutes: target };
  if (first === null) return span > target ? { id: 'noStatement', kind: 'noStatement', proposal: 'preapproveHolding', edit: null, facts: { ...facts, lateMinutes: Math.round((span - target) * 10) / 10 } } : null;
  if (first <= target) return null;
  return { id: 'statementLate', kind: 'statementLate', proposal: 'preapproveHolding', edit: null, facts: { ...facts, lateMinutes: Math.round((first - target) * 10) / 10 } };
}

/** A finding's identity for "no two findings say the same thing". */
const factsKey = (f: Finding) => JSON.stringify([f.kind, f.proposal, f.facts]);

/**
 * Findings of a review, most pressing kind first: tasks never done, late tasks, unanswered and
 * late injects, the cadence gap, the first statement. Two findings never carry the same facts.
 */
export function deriveFindings(
  report: AarReport,
  incident: Pick<Incident, 'severity' | 'log' | 'tasks'>,
  crisisTypeId: string,
  steps: readonly ReviewStep[],
  language: Language,
  options: FindingOptions = {},
): Finding[] {
  const ctx: Ctx = { crisisTypeId, steps, language };
  // The person: whoever the task was assigned to, else whoever marked it done.
  const person = (taskId: string) => {
    const task = incident.tasks.find((t) => t.id === taskId);
    if (!task) return '';
    if (typeof task.ownerName === 'string' && task.ownerName.trim()) return task.ownerName.trim();
    return task.status === 'done' ? task.doneBy : '';
  };
  const tasks = taskFindings(report, ctx, person);
  const order: FindingKind[] = ['taskMissed', 'taskLate'];
  tasks.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || b.facts.lateMinutes - a.facts.lateMinutes);
  const all = [...tasks, ...injectFindings(report, ctx), cadenceFinding(report, incident), statementFinding(report, options.statementTargetMinutes ?? 60)].filter((f): f is Finding => f !== null);
  const seen = new Set<string>();
  return all.filter((f) => {
    const key = factsKey(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
