import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exerciseTime, handOver, jumpTo, newClock, parseClock, pause, resume, setSpeed, type ExerciseClockState } from '../../../shared/drills/clock';

const WALL = Date.UTC(2025, 2, 1, 10, 0);
const T0 = Date.UTC(2025, 2, 1, 9, 0);
const S = 1000;
const MIN = 60 * S;

describe('exercise clock', () => {
  it('stands still until started, then runs at its speed', () => {
    let c = newClock(T0, WALL);
    expect(exerciseTime(c, WALL + 10 * MIN)).toBe(T0);
    c = resume(c, WALL + 10 * MIN);
    expect(exerciseTime(c, WALL + 11 * MIN)).toBe(T0 + MIN);
  });

  it('keeps exercise time across pause and resume, with no jump', () => {
    let c = resume(newClock(T0, WALL, 60), WALL);
    expect(exerciseTime(c, WALL + 10 * S)).toBe(T0 + 10 * MIN);
    c = pause(c, WALL + 10 * S);
    expect(exerciseTime(c, WALL + 10 * S)).toBe(T0 + 10 * MIN);
    expect(exerciseTime(c, WALL + 5 * MIN)).toBe(T0 + 10 * MIN);
    c = resume(c, WALL + 5 * MIN);
    expect(exerciseTime(c, WALL + 5 * MIN)).toBe(T0 + 10 * MIN);
    expect(exerciseTime(c, WALL + 5 * MIN + S)).toBe(T0 + 11 * MIN);
    // Pausing twice or resuming a running clock changes nothing.
    expect(resume(c, WALL + 6 * MIN)).toBe(c);
    const p = pause(c, WALL + 6 * MIN);
    expect(pause(p, WALL + 7 * MIN)).toBe(p);
  });

  it('changes speed without a jump', () => {
    let c = resume(newClock(T0, WALL, 1), WALL);
    c = setSpeed(c, 120, WALL + MIN);
    expect(exerciseTime(c, WALL + MIN)).toBe(T0 + MIN);
    expect(exerciseTime(c, WALL + MIN + 30 * S)).toBe(T0 + MIN + 60 * MIN);
    c = setSpeed(c, 10, WALL + 2 * MIN);
    expect(exerciseTime(c, WALL + 2 * MIN)).toBe(T0 + 121 * MIN);
    expect(exerciseTime(c, WALL + 2 * MIN + 6 * S)).toBe(T0 + 122 * MIN);
    // Speed change while paused takes effect on resume.
    c = setSpeed(pause(c, WALL + 3 * MIN), 60, WALL + 4 * MIN);
    expect(exerciseTime(c, WALL + 9 * MIN)).toBe(T0 + 131 * MIN);
    c = resume(c, WALL + 9 * MIN);
    expect(exerciseTime(c, WALL + 9 * MIN + S)).toBe(T0 + 132 * MIN);
    expect(() => setSpeed(c, 0, WALL)).toThrow(RangeError);
  });

  it('jumps to a chosen exercise time and keeps running', () => {
    const c = jumpTo(resume(newClock(T0, WALL, 60), WALL), T0 + 45 * MIN, WALL + 5 * S);
    expect(exerciseTime(c, WALL + 6 * S)).toBe(T0 + 46 * MIN);
  });

  it('shows every laptop the same exercise time when wall clocks differ by minutes', () => {
    // Facilitator's wall clock is the reference; peers run 5 min fast and 4 min 30 s slow.
    const skews = [0, 5 * MIN, -4.5 * MIN];
    let c = resume(newClock(T0, WALL, 60), WALL);
    c = pause(c, WALL + 20 * S);
    c = setSpeed(resume(c, WALL + 40 * S), 120, WALL + 50 * S);
    for (const trueNow of [WALL + 10 * S, WALL + 30 * S, WALL + 45 * S, WALL + 70 * S]) {
      // Each peer knows its offset (facilitator − local) exactly here; clockSync tests cover estimating it.
      const seen = skews.map((skew) => {
        const local = trueNow + skew;
        return exerciseTime(c, local + -skew);
      });
      expect(new Set(seen).size).toBe(1);
      // A peer that trusted its own wall clock would be off by minutes × speed.
      expect(Math.abs(exerciseTime(c, trueNow + 5 * MIN) - seen[0]!)).toBeGreaterThan(60 * MIN);
    }
  });

  it('is continuous and monotone under any sequence of facilitator actions', () => {
    const action = fc.oneof(
      fc.constant<'pause'>('pause'),
      fc.constant<'resume'>('resume'),
      fc.constantFrom(1, 10, 60, 120).map((s) => ({ speed: s })),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(action, fc.integer({ min: 0, max: 120_000 })), { maxLength: 30 }), (steps) => {
        let c: ExerciseClockState = newClock(T0, WALL);
        let now = WALL;
        for (const [a, gap] of steps) {
          const before = exerciseTime(c, now + gap);
          now += gap;
          const next = a === 'pause' ? pause(c, now) : a === 'resume' ? resume(c, now) : setSpeed(c, a.speed, now);
          expect(exerciseTime(next, now)).toBeCloseTo(before, 6);
          expect(exerciseTime(next, now + 1000)).toBeGreaterThanOrEqual(exerciseTime(next, now));
          c = next;
        }
      }),
    );
  });

  it('hands the clock to a new facilitator without a jump', () => {
    const c = resume(newClock(T0, WALL, 60), WALL);
    // New facilitator's wall clock is 3 min behind the old one's (offset to old = +3 min).
    const newNow = WALL + 10 * S - 3 * MIN;
    const h = handOver(c, newNow, 3 * MIN);
    expect(exerciseTime(h, newNow)).toBe(exerciseTime(c, WALL + 10 * S));
    expect(exerciseTime(h, newNow + S)).toBe(T0 + 11 * MIN);
  });

  it('reads only valid clock states from synced data', () => {
    expect(parseClock({ status: 'running', speed: 60, exerciseAtAnchor: T0, anchorWall: WALL })).not.toBeNull();
    expect(parseClock({ status: 'running', speed: -1, exerciseAtAnchor: T0, anchorWall: WALL })).toBeNull();
    expect(parseClock({ status: 'fast', speed: 60, exerciseAtAnchor: T0, anchorWall: WALL })).toBeNull();
    expect(parseClock(null)).toBeNull();
  });
});
