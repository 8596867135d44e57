/**
 * Severity numbers must be unique: incidents store only the number (`Incident.severity`), so two
 * levels sharing a number make the incident's level ambiguous (the room would show the first one's
 * name, the cadence table the number's interval).
 */

/** One number used by more than one level (indexes into the list given, in order). */
export interface DuplicateLevel {
  level: number;
  indexes: number[];
}

/** Every severity number that more than one level uses, lowest number first. */
export function duplicateLevels(levels: readonly Readonly<Record<string, unknown>>[]): DuplicateLevel[] {
  const byLevel = new Map<number, number[]>();
  levels.forEach((l, i) => {
    if (typeof l.level !== 'number' || !Number.isFinite(l.level)) return;
    const at = byLevel.get(l.level) ?? [];
    at.push(i);
    byLevel.set(l.level, at);
  });
  return [...byLevel.entries()]
    .filter(([, indexes]) => indexes.length > 1)
    .map(([level, indexes]) => ({ level, indexes }))
    .sort((a, b) => a.level - b.level);
}

/** The lowest free number after the highest in use (for a new level): 1 when there are none. */
export function nextFreeLevel(levels: readonly Readonly<Record<string, unknown>>[]): number {
  return Math.max(0, ...levels.map((l) => (typeof l.level === 'number' && Number.isFinite(l.level) ? l.level : 0))) + 1;
}
