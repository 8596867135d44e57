import type { YRecord } from '../../shared/doc/collection';
import { exerciseTime, type ExerciseClockState } from '../../shared/drills/clock';
import { facilitatorOf, readClock } from '../../shared/drills/run';
import type { Incident } from '../../shared/incidents/types';
import { useYSnapshot } from '../hooks/useY';
import { useWallNow } from '../hooks/useWallNow';
import { getDeviceId, useClockSync } from './clockService';

/** The drill's clock state (re-renders when the facilitator changes it). */
export function useDrillClock(rec: YRecord | null): ExerciseClockState | null {
  return useYSnapshot(rec, readClock) ?? null;
}

/** Facilitator of a drill and whether it is this laptop. */
export function useFacilitator(rec: YRecord | null): { deviceId: string; name: string; isMe: boolean } {
  const f = useYSnapshot(rec, facilitatorOf) ?? { deviceId: '', name: '' };
  return { ...f, isMe: f.deviceId !== '' && f.deviceId === getDeviceId() };
}

/**
 * "Now" on the incident's clock: wall time for a real incident; for a drill, exercise time from
 * the shared clock read at the facilitator's wall time (this laptop's time + estimated offset).
 */
export function useIncidentNow(rec: YRecord | null, incident: Pick<Incident, 'drill' | 'closedAt' | 'state'> | null, tickMs = 250): number {
  const wall = useWallNow(incident?.drill ? tickMs : 1000);
  const clock = useDrillClock(incident?.drill ? rec : null);
  const offset = useClockSync((s) => s.offset);
  if (!incident?.drill || !clock) return wall;
  if (incident.state === 'closed' && incident.closedAt !== null) return incident.closedAt;
  // The tick only triggers renders; read the clock fresh, so a render right after the facilitator
  // re-anchored it never shows a time before the anchor.
  return exerciseTime(clock, Math.max(wall, Date.now()) + offset);
}

/** Current incident-clock time outside React (for writes: log entries, task completion). */
export function incidentNowFor(rec: YRecord, drill: boolean): number {
  if (!drill) return Date.now();
  const closedAt = rec.get('closedAt');
  if (rec.get('state') === 'closed' && typeof closedAt === 'number') return closedAt;
  return exerciseTime(readClock(rec), Date.now() + useClockSync.getState().offset);
}

/** The drill's exercise time at a past wall-clock moment `wallAt` (e.g. when an approval was signed). */
export function exerciseTimeAt(rec: YRecord, wallAt: number): number {
  return exerciseTime(readClock(rec), wallAt + useClockSync.getState().offset);
}
