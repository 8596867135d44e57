/** One row of `npm run bench` and of bench-results.json. */
export interface BenchRow {
  id: string;
  what: string;
  /** Median of the runs. */
  value: number;
  unit: string;
  /** The raw-library baseline measured in the same run (null where none applies, e.g. UI counts). */
  baseline: number | null;
  /** value / baseline (null without a baseline). */
  ratio: number | null;
  /** The target, in words, e.g. "≤ 2× raw". */
  goal: string;
  /** Whether the goal is met. */
  pass?: boolean;
}

/** Shared facilities handed to every benchmark module. */
export interface BenchContext {
  /** Number of repetitions to take a median over. */
  runs: number;
  /** Reports progress of long benchmarks. */
  log: (message: string) => void;
  /** Base URL of the built app served for browser benchmarks. */
  appUrl: string;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function row(id: string, what: string, value: number, unit: string, baseline: number | null, goal: string, pass?: boolean): BenchRow {
  const ratio = baseline && baseline > 0 ? value / baseline : null;
  return { id, what, value, unit, baseline, ratio, goal, ...(pass === undefined ? {} : { pass }) };
}
