import type { Finding } from '../../../shared/drills/aarFindings';
import { formatNumber } from '../../i18n/format';
import { offsetText } from '../incidents/format';

/** The translate function of the `drills` namespace, as this module needs it. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

const short = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const offset = (m: number | null) => (m === null ? '—' : offsetText(m));

/**
 * A finding worded in the UI language: what happened (with the task, unit, person, times and
 * minutes late) and the proposal that fits its cause.
 */
export function findingText(t: Translate, f: Finding, unitName: (id: string) => string, lang: string): { what: string; proposal: string } {
  const n = (v: number | null) => (v === null ? '—' : formatNumber(lang, v, 1));
  const x = f.facts;
  const channel = x.channel ? t(`channels.${x.channel}`) : '';
  const params = {
    unit: x.unitId ? unitName(x.unitId) : '—',
    person: x.person,
    task: x.stepTitle,
    step: x.stepTitle,
    due: offset(x.dueMinutes),
    done: offset(x.doneMinutes),
    late: n(x.lateMinutes),
    at: offset(x.injectMinutes),
    channel,
    content: short(x.injectContent),
    waited: n(x.waitedMinutes),
    gap: n(x.gapMinutes),
    from: offset(x.gapFromMinutes),
    to: x.proposedTarget ?? offset(x.gapToMinutes),
    level: x.level ?? '—',
    interval: x.intervalMinutes ?? '—',
    missed: x.missedUpdates ?? 0,
    statement: n(x.statementMinutes),
    target: x.statementTargetMinutes ?? n(x.targetMinutes),
    span: n(x.spanMinutes),
  };
  let whatKey: string = f.kind;
  if ((f.kind === 'taskMissed' || f.kind === 'taskLate') && x.person) whatKey += '_person';
  if (f.kind === 'injectUnanswered' && x.dueMinutes === null) whatKey += '_noTarget';
  let proposalKey: string = f.proposal;
  if ((f.proposal === 'watchChannel' || f.proposal === 'prepareReply') && !x.stepId) proposalKey += '_noStep';
  return { what: t(`review.finding.${whatKey}`, params), proposal: t(`review.proposal.${proposalKey}`, params) };
}
