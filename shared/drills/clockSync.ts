/**
 * Estimating this laptop's clock offset to the facilitator's, NTP style, over any message channel.
 *
 * One exchange: the peer notes t0 (its clock) and sends a ping; the facilitator notes t1 when the
 * ping arrives and t2 when it answers (its clock); the peer notes t3 when the answer arrives.
 *   offset = ((t1 − t0) + (t2 − t3)) / 2      (facilitator clock − peer clock)
 *   rtt    = (t3 − t0) − (t2 − t1)
 * The error of one sample is at most rtt / 2 and is smallest when both legs take equally long, so
 * of several samples the one with the smallest round trip is kept.
 */

/** One ping/pong exchange's four timestamps. */
export interface ClockSample {
  t0: number;
  t1: number;
  t2: number;
  t3: number;
}

export interface OffsetEstimate {
  /** Facilitator clock minus this laptop's clock, in ms. */
  offset: number;
  /** Round trip of the sample the estimate rests on, in ms (the offset is within ± rtt/2). */
  rtt: number;
  /** How many samples were considered. */
  samples: number;
}

/** The facilitator's answer to a ping. */
export interface ClockPong {
  t1: number;
  t2: number;
}

/**
 * How a peer reaches the facilitator. `request` sends a ping stamped `t0` and resolves with the
 * facilitator's stamps when the answer arrives (or rejects, e.g. on timeout).
 */
export interface ClockSyncTransport {
  request(t0: number): Promise<ClockPong>;
}

export function sampleOffset(s: ClockSample): number {
  return (s.t1 - s.t0 + (s.t2 - s.t3)) / 2;
}

export function sampleRtt(s: ClockSample): number {
  return s.t3 - s.t0 - (s.t2 - s.t1);
}

/** Whether a sample is physically possible (no negative round trip or processing time). */
export function isPlausible(s: ClockSample): boolean {
  return [s.t0, s.t1, s.t2, s.t3].every(Number.isFinite) && s.t3 >= s.t0 && s.t2 >= s.t1 && sampleRtt(s) >= 0;
}

/** The estimate from the plausible sample with the smallest round trip; null without one. */
export function bestEstimate(samples: readonly ClockSample[]): OffsetEstimate | null {
  let best: ClockSample | null = null;
  let count = 0;
  for (const s of samples) {
    if (!isPlausible(s)) continue;
    count++;
    if (!best || sampleRtt(s) < sampleRtt(best)) best = s;
  }
  return best ? { offset: sampleOffset(best), rtt: sampleRtt(best), samples: count } : null;
}

/**
 * Keeps the most recent samples (a sliding window, so a changed network path or a corrected
 * system clock is picked up) and answers with the best of them.
 */
export class ClockOffsetEstimator {
  private readonly window: ClockSample[] = [];
  constructor(private readonly size = 16) {}

  add(sample: ClockSample): void {
    if (!isPlausible(sample)) return;
    this.window.push(sample);
    if (this.window.length > this.size) this.window.shift();
  }

  get estimate(): OffsetEstimate | null {
    return bestEstimate(this.window);
  }

  clear(): void {
    this.window.length = 0;
  }
}

export interface MeasureOptions {
  /** Number of exchanges (default 8). */
  samples?: number;
  /** Pause between exchanges, in ms (default 50), so one burst of queueing does not hit them all. */
  gapMs?: number;
  /** How to wait `ms` (tests pass a simulated wait). */
  wait?: (ms: number) => Promise<void>;
  /** Receives each sample (e.g. a long-lived estimator). */
  onSample?: (sample: ClockSample) => void;
}

const realWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs several exchanges over `transport` with this laptop's clock `localNow` and returns the best
 * estimate. Failed exchanges (timeouts) are skipped; throws only when every exchange failed.
 */
export async function measureOffset(transport: ClockSyncTransport, localNow: () => number, opts: MeasureOptions = {}): Promise<OffsetEstimate> {
  const n = Math.max(1, opts.samples ?? 8);
  const wait = opts.wait ?? realWait;
  const samples: ClockSample[] = [];
  let lastError: unknown = null;
  for (let i = 0; i < n; i++) {
    if (i > 0) await wait(opts.gapMs ?? 50);
    const t0 = localNow();
    try {
      const pong = await transport.request(t0);
      const sample = { t0, t1: pong.t1, t2: pong.t2, t3: localNow() };
      samples.push(sample);
      opts.onSample?.(sample);
    } catch (err) {
      lastError = err;
    }
  }
  const est = bestEstimate(samples);
  if (!est) throw new Error(`Could not reach the facilitator's clock${lastError instanceof Error ? `: ${lastError.message}` : ''}`);
  return est;
}

/** The facilitator's side of one exchange: stamps t1 on arrival, runs `reply`, stamps t2 last. */
export function answerPing(now: () => number): ClockPong {
  const t1 = now();
  return { t1, t2: now() };
}
