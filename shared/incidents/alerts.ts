import { nextUpdateDue } from './cadence.js';
import { dueInjects } from '../drills/scenario.js';
import type { Incident } from './types.js';
import type { Inject } from '../drills/scenario.js';

/**
 * What deserves a system notification while a workspace is open: a status update falling due
 * (the cadence of an incident's severity, counted from its latest communication entry) and a new
 * drill inject arriving on the shared exercise clock. Pure: the caller keeps `seen` between
 * ticks. The first tick after opening only primes `seen` (no flood of what was already due).
 */
export interface Alert {
  /** Stable per occurrence: the same update falling due or the same inject notifies once. */
  key: string;
  kind: 'cadence' | 'inject';
  incidentId: string;
  drill: boolean;
  /** Incident title. */
  title: string;
  /** Inject text, or the minutes of the cadence. */
  detail: string;
  minutes: number;
}

export interface WatchedIncident {
  incident: Pick<Incident, 'id' | 'title' | 'drill' | 't0' | 'severity' | 'log' | 'state'>;
  /** The incident's clock now (exercise time for a drill). */
  now: number;
  /** A drill's scenario injects (empty for a real incident). */
  injects: readonly Inject[];
}

export function collectAlerts(watched: readonly WatchedIncident[], seen: Set<string>, prime: boolean): Alert[] {
  const out: Alert[] = [];
  for (const { incident: inc, now, injects } of watched) {
    if (inc.state !== 'active') continue;
    const due = nextUpdateDue(inc, now);
    if (due.overdue) {
      const key = `cadence:${inc.id}:${due.dueAt}`;
      if (!seen.has(key)) {
        seen.add(key);
        if (!prime) out.push({ key, kind: 'cadence', incidentId: inc.id, drill: inc.drill, title: inc.title, detail: '', minutes: due.cadence });
      }
    }
    for (const inject of dueInjects(injects, inc.t0, now)) {
      const key = `inject:${inc.id}:${inject.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!prime) out.push({ key, kind: 'inject', incidentId: inc.id, drill: inc.drill, title: inc.title, detail: inject.content, minutes: inject.offsetMinutes });
    }
  }
  return out;
}
