/**
 * Interleaved measurement: every run times each contender once, in an order rotated run by run,
 * so that load from other processes on a shared machine spreads over all contenders instead of
 * landing on whichever was measured last. Optionally one untimed warm-up of each first.
 */
import { median } from '../types';

export interface InterleaveOptions {
  runs: number;
  /** Untimed first round (default true). */
  warmup?: boolean;
  /** Called after each run with the times of that run. */
  onRun?: (run: number, times: Record<string, number>) => void;
}

export interface Interleaved<C extends string> {
  times: Record<C, number[]>;
  medians: Record<C, number>;
}

export async function interleaved<C extends string>(contenders: readonly C[], once: (c: C) => Promise<number>, opts: InterleaveOptions): Promise<Interleaved<C>> {
  const times = Object.fromEntries(contenders.map((c) => [c, [] as number[]])) as Record<C, number[]>;
  if (opts.warmup ?? true) for (const c of contenders) await once(c);
  for (let r = 0; r < opts.runs; r++) {
    const thisRun: Record<string, number> = {};
    for (let i = 0; i < contenders.length; i++) {
      const c = contenders[(i + r) % contenders.length]!;
      const ms = await once(c);
      times[c].push(ms);
      thisRun[c] = ms;
    }
    opts.onRun?.(r + 1, thisRun);
  }
  const medians = Object.fromEntries(contenders.map((c) => [c, median(times[c])])) as Record<C, number>;
  return { times, medians };
}
