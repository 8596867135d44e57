import type { Incident, LogEntry } from './types.js';
import { openTasks, overdueTasks } from './tasks.js';

/**
 * How often the crisis team owes its stakeholders a status update, by severity level
 * (1 = most severe). Levels beyond the table use the last entry.
 */
export const UPDATE_CADENCE_MINUTES: readonly number[] = [30, 60, 120, 240];

/** Status-update interval in minutes for a severity level. */
export function cadenceMinutes(level: number): number {
  const i = Math.max(1, Math.floor(Number.isFinite(level) ? level : UPDATE_CADENCE_MINUTES.length)) - 1;
  return UPDATE_CADENCE_MINUTES[Math.min(i, UPDATE_CADENCE_MINUTES.length - 1)]!;
}

export interface UpdateDue {
  /** When the next status update is due (same clock as the incident's times). */
  dueAt: number;
  /** The last update counted (null: none yet since T0). */
  lastUpdateAt: number | null;
  overdue: boolean;
  /** Minutes until due (negative when overdue). */
  minutesLeft: number;
  cadence: number;
}

/**
 * When the next status update is due: one cadence interval after the latest communication entry
 * of the log at or after T0, or after T0 itself when there has been none. `now` is on the
 * incident's clock (exercise time for a drill).
 */
export function nextUpdateDue(incident: Pick<Incident, 't0' | 'severity' | 'log'>, now: number): UpdateDue {
  const cadence = cadenceMinutes(incident.severity);
  let last: number | null = null;
  for (const e of incident.log) {
    if (e.category === 'communication' && e.at >= incident.t0 && e.at <= now && (last === null || e.at > last)) last = e.at;
  }
  const dueAt = (last ?? incident.t0) + cadence * 60_000;
  return { dueAt, lastUpdateAt: last, overdue: now > dueAt, minutesLeft: (dueAt - now) / 60_000, cadence };
}

/** The at-a-glance situation of an incident. */
export interface SituationSummary {
  elapsedMinutes: number;
  severity: number;
  openTasks: number;
  overdueTasks: number;
  doneTasks: number;
  totalTasks: number;
  nextTask: { title: string; dueAt: number; ownerUnitId: string } | null;
  update: UpdateDue;
  latest: LogEntry[];
}

/** Situation summary at `now` (incident clock); `latestCount` newest log entries, newest first. */
export function situationSummary(incident: Incident, now: number, latestCount = 5): SituationSummary {
  const open = openTasks(incident.tasks);
  const next = open[0];
  return {
    elapsedMinutes: Math.max(0, (now - incident.t0) / 60_000),
    severity: incident.severity,
    openTasks: open.length,
    overdueTasks: overdueTasks(incident.tasks, now).length,
    doneTasks: incident.tasks.filter((t) => t.status === 'done').length,
    totalTasks: incident.tasks.length,
    nextTask: next ? { title: next.title, dueAt: next.dueAt, ownerUnitId: next.ownerUnitId } : null,
    update: nextUpdateDue(incident, now),
    latest: [...incident.log].sort((a, b) => b.at - a.at).slice(0, latestCount),
  };
}
