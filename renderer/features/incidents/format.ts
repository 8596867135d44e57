/**
 * Offsets from T0 and datetime-local values for the incident room and drills. Dates, times of day and
 * numbers in the UI language come from `renderer/i18n/format.ts` (Intl, cached formatters).
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** Elapsed time since T0, "T+1:05:09" (negative before T0: "T−0:02:00"). */
export function elapsedText(ms: number): string {
  const sign = ms < 0 ? '−' : '+';
  const s = Math.floor(Math.abs(ms) / 1000);
  return `T${sign}${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** An offset in minutes from T0, "T+0:45". */
export function offsetText(minutes: number): string {
  const m = Math.round(minutes);
  return `T+${Math.floor(m / 60)}:${pad(m % 60)}`;
}

/** A value for <input type="datetime-local"> in local time. */
export function toLocalInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Parses a datetime-local value (local time); NaN when empty or invalid. */
export function fromLocalInput(value: string): number {
  const t = new Date(value).getTime();
  return Number.isFinite(t) ? t : NaN;
}
