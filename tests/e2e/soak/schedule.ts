/**
 * The soak's trial plan and its printed lines. Pure: no browser, no network.
 */
import type { TrialMarkers } from './laptop';

export interface Outage {
  /** The laptops cut (indexes); all of them for a whole-team outage. */
  cut: number[];
  seconds: number;
}

/** `npm test`: a short outage, a long one and a whole-team one, a few minutes in all. */
export const QUICK_CYCLE = [{ who: 'one', seconds: 5 }, { who: 'one', seconds: 60 }, { who: 'all', seconds: 30 }] as const;
/** `npm run soak`: the full cycle, including five minutes away. */
export const FULL_CYCLE = [{ who: 'one', seconds: 5 }, { who: 'one', seconds: 60 }, { who: 'one', seconds: 300 }, { who: 'all', seconds: 30 }] as const;

/**
 * `trials` outages cycling through the quick cycle (up to 3 trials) or the full one (more), or as
 * `cycle` says. A one-laptop outage cuts laptop (trial index mod laptops), so over the cycles each
 * length falls on each laptop in turn (5 s: A, B, C…; 60 s: B, C, A…).
 */
export function planOutages(trials: number, laptops: number, cycle: 'quick' | 'full' = trials <= 3 ? 'quick' : 'full'): Outage[] {
  const steps = cycle === 'quick' ? QUICK_CYCLE : FULL_CYCLE;
  return Array.from({ length: trials }, (_, i) => {
    const step = steps[i % steps.length]!;
    return { cut: step.who === 'all' ? Array.from({ length: laptops }, (_, k) => k) : [i % laptops], seconds: step.seconds };
  });
}

export const letter = (index: number): string => String.fromCharCode(65 + index);

export function describeOutage(o: Outage, laptops: number): string {
  return o.cut.length === laptops ? 'all three' : `laptop ${o.cut.map(letter).join('+')}`;
}

/**
 * Unique words for one laptop in one trial. Fixed width (trial padded to 3 digits) so no marker
 * is part of another; lower-case letters and digits only, so no editor input rule fires; and the
 * start-of-statement word has its first letter nowhere else, because it is typed just before
 * the previous start word (see Laptop.typeInStatement).
 */
export function markersFor(trial: number, laptop: number): TrialMarkers {
  const base = `mk${String(trial).padStart(3, '0')}${letter(laptop).toLowerCase()}`;
  return {
    statementStart: `${base}sa`,
    statementMiddle: `${base}sm`,
    statementEnd: `${base}se`,
    principle: `${base}pr`,
    person: `${base}pe`,
    log: `${base}lg`,
  };
}

export interface TrialResult {
  trial: number;
  outage: string;
  /** Measured time from cut to restore (s). */
  outageSeconds: number;
  /** ms from the restore until all copies were identical; null when they never were (timeout). */
  identicalMs: number | null;
  timeoutMs: number;
  signalingAttempts: number;
  editsMissing: number;
  /** Edits a laptop could not even make locally (a harness or UI fault, not a sync one). */
  editsNotMade: number;
}

export const IDENTICAL_WITHIN_MS = 3000;

export function trialPassed(r: TrialResult): boolean {
  return r.identicalMs !== null && r.identicalMs <= IDENTICAL_WITHIN_MS && r.editsMissing === 0 && r.editsNotMade === 0;
}

export function trialLine(r: TrialResult): string {
  const identical = r.identicalMs === null ? `never (>${r.timeoutMs})` : String(r.identicalMs);
  const notMade = r.editsNotMade > 0 ? `, edits not made ${r.editsNotMade}` : '';
  return `trial ${r.trial}: outage ${r.outage} ${Math.round(r.outageSeconds)} s, identical ${identical} ms after restore, signaling attempts ${r.signalingAttempts}, edits missing ${r.editsMissing}${notMade}`;
}

export function summaryLine(results: TrialResult[]): string {
  const passed = results.filter(trialPassed).length;
  return `${passed} passed, ${results.length - passed} failed`;
}
