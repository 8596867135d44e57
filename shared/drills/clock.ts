import { z } from 'zod';

/**
 * The exercise clock of a drill. Only the facilitator changes it; every change re-anchors the
 * clock at the facilitator's current wall time, so the whole state is four numbers:
 *
 *   exerciseTime(now) = exerciseAtAnchor + (running ? (now − anchorWall) × speed : 0)
 *
 * `now` and `anchorWall` are on the facilitator's wall clock. Another laptop first converts its own
 * wall time to the facilitator's with the offset estimated by clockSync.ts
 * (`facilitatorNow = localNow + offset`); wall clocks of laptops in one room are never assumed to agree.
 */
export const CLOCK_SPEEDS = [1, 10, 60, 120] as const;

export const ExerciseClockState = z.object({
  status: z.enum(['running', 'paused']),
  speed: z.number().finite().positive().max(10_000),
  /** Exercise time (epoch ms on the exercise timeline) at the anchor. */
  exerciseAtAnchor: z.number().finite(),
  /** The facilitator's wall time (epoch ms) when the clock was last anchored. */
  anchorWall: z.number().finite(),
});
export type ExerciseClockState = z.infer<typeof ExerciseClockState>;

/** Exercise time at facilitator wall time `now`. */
export function exerciseTime(state: ExerciseClockState, now: number): number {
  return state.exerciseAtAnchor + (state.status === 'running' ? (now - state.anchorWall) * state.speed : 0);
}

/** A new clock, paused at exercise time `exerciseStart` (the drill's T0), at 1×. */
export function newClock(exerciseStart: number, now: number, speed = 1): ExerciseClockState {
  return { status: 'paused', speed: checkSpeed(speed), exerciseAtAnchor: exerciseStart, anchorWall: now };
}

function checkSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed <= 0) throw new RangeError(`Clock speed must be a positive number (got ${speed})`);
  return speed;
}

function anchored(state: ExerciseClockState, now: number): Pick<ExerciseClockState, 'exerciseAtAnchor' | 'anchorWall'> {
  return { exerciseAtAnchor: exerciseTime(state, now), anchorWall: now };
}

/** Starts or resumes the clock at facilitator time `now` (no jump in exercise time). */
export function resume(state: ExerciseClockState, now: number): ExerciseClockState {
  if (state.status === 'running') return state;
  return { ...state, status: 'running', anchorWall: now };
}

/** Pauses the clock at facilitator time `now`; exercise time stands still until resumed. */
export function pause(state: ExerciseClockState, now: number): ExerciseClockState {
  if (state.status === 'paused') return state;
  return { ...state, ...anchored(state, now), status: 'paused' };
}

/** Changes the speed at `now` without a jump: time so far is kept, the new speed applies from now. */
export function setSpeed(state: ExerciseClockState, speed: number, now: number): ExerciseClockState {
  return { ...state, ...anchored(state, now), speed: checkSpeed(speed) };
}

/** Moves exercise time to `exerciseAt` (e.g. skip to the next inject); keeps running or paused. */
export function jumpTo(state: ExerciseClockState, exerciseAt: number, now: number): ExerciseClockState {
  if (!Number.isFinite(exerciseAt)) throw new RangeError('Exercise time must be a finite number');
  return { ...state, exerciseAtAnchor: exerciseAt, anchorWall: now };
}

/**
 * Hands the clock to a new facilitator without a jump. `newNow` is the new facilitator's wall time,
 * `offsetToOld` its estimated offset to the old facilitator's clock (old = new + offset).
 */
export function handOver(state: ExerciseClockState, newNow: number, offsetToOld: number): ExerciseClockState {
  return { ...state, exerciseAtAnchor: exerciseTime(state, newNow + offsetToOld), anchorWall: newNow };
}

/** Reads a clock state from untrusted data (a synced record); null when it is not a valid clock. */
export function parseClock(raw: unknown): ExerciseClockState | null {
  const r = ExerciseClockState.safeParse(raw);
  return r.success ? r.data : null;
}
