import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { announceDevice, answerClockPings, awarenessTransport, type AwarenessLike } from '../../../shared/drills/awarenessClockSync';
import { exerciseTime, newClock, resume, setSpeed } from '../../../shared/drills/clock';
import { bestEstimate, measureOffset, sampleOffset, sampleRtt, ClockOffsetEstimator, type ClockSyncTransport } from '../../../shared/drills/clockSync';

const MIN = 60_000;

/** Seeded PRNG (mulberry32) so simulated jitter is reproducible. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A simulated room: one true time line, clocks that are the true time plus a skew, and a network
 * whose one-way delay is a base latency plus random (asymmetric) jitter.
 */
function simulatedRoom(seed: number, opts: { baseMs: number; jitterMs: number; processMs?: number }) {
  const random = rng(seed);
  const sim = { now: Date.UTC(2025, 4, 1, 8, 0) };
  const clock = (skew: number) => () => sim.now + skew;
  const leg = () => opts.baseMs + (random() < 0.7 ? random() * opts.jitterMs * 0.1 : random() * opts.jitterMs);
  const transport = (facilitator: () => number): ClockSyncTransport => ({
    async request(_t0) {
      sim.now += leg();
      const t1 = facilitator();
      sim.now += opts.processMs ?? 0.2;
      const t2 = facilitator();
      sim.now += leg();
      return { t1, t2 };
    },
  });
  const wait = async (ms: number) => {
    sim.now += ms;
  };
  return { sim, clock, transport, wait };
}

describe('offset from one exchange', () => {
  it('is exact with symmetric delays and bounded by half the round trip otherwise', () => {
    // Peer 300 s behind the facilitator; 10 ms each way; 1 ms processing.
    const s = { t0: 1000, t1: 1000 + 10 + 300_000, t2: 1000 + 11 + 300_000, t3: 1000 + 21 };
    expect(sampleOffset(s)).toBe(300_000);
    expect(sampleRtt(s)).toBe(20);
    const asym = { t0: 1000, t1: 1000 + 2 + 300_000, t2: 1000 + 2 + 300_000, t3: 1000 + 2 + 40 };
    expect(Math.abs(sampleOffset(asym) - 300_000)).toBeLessThanOrEqual(sampleRtt(asym) / 2);
  });

  it('keeps the sample with the smallest round trip and ignores impossible ones', () => {
    const good = { t0: 0, t1: 5_005, t2: 5_005, t3: 10 };
    const slow = { t0: 0, t1: 5_090, t2: 5_090, t3: 100 };
    const broken = { t0: 50, t1: 0, t2: 0, t3: 10 };
    expect(bestEstimate([slow, broken, good])).toEqual({ offset: 5_000, rtt: 10, samples: 2 });
    const est = new ClockOffsetEstimator(2);
    est.add(good);
    est.add(slow);
    est.add(slow);
    expect(est.estimate?.rtt).toBe(100); // the good sample slid out of the window
  });
});

describe('estimating skewed peer clocks over a jittery network (simulation)', () => {
  const skews = [5 * MIN, -5 * MIN, 4 * MIN + 59_999, -2 * MIN - 123, 17];
  for (const [i, skew] of skews.entries()) {
    it(`finds a ${(skew / 1000).toFixed(3)} s skew within a few ms (seed ${i + 1})`, async () => {
      const room = simulatedRoom(i + 1, { baseMs: 3, jitterMs: 60 });
      const facilitatorSkew = 37_000; // the facilitator's own clock is not "true" time either
      const facilitator = room.clock(facilitatorSkew);
      const peer = room.clock(skew);
      const est = await measureOffset(room.transport(facilitator), peer, { samples: 10, gapMs: 100, wait: room.wait });
      const truth = facilitatorSkew - skew;
      expect(Math.abs(est.offset - truth)).toBeLessThanOrEqual(3);
      expect(Math.abs(est.offset - truth)).toBeLessThanOrEqual(est.rtt / 2);
    });
  }

  it('puts two laptops 10 minutes apart on the same exercise time at 120×', async () => {
    const room = simulatedRoom(42, { baseMs: 2, jitterMs: 40 });
    const facilitator = room.clock(0);
    const fast = room.clock(5 * MIN);
    const slow = room.clock(-5 * MIN);
    const fastOffset = (await measureOffset(room.transport(facilitator), fast, { wait: room.wait })).offset;
    const slowOffset = (await measureOffset(room.transport(facilitator), slow, { wait: room.wait })).offset;
    const start = facilitator();
    const clock = setSpeed(resume(newClock(Date.UTC(2025, 0, 1, 12), start, 60), start), 120, start + 5_000);
    for (const later of [1_000, 7_000, 30_000]) {
      room.sim.now += later;
      const a = exerciseTime(clock, fast() + fastOffset);
      const b = exerciseTime(clock, slow() + slowOffset);
      const truth = exerciseTime(clock, facilitator());
      // 3 ms of wall-clock error is 360 ms of exercise time at 120×: far below one exercise minute.
      expect(Math.abs(a - truth)).toBeLessThanOrEqual(3 * 120);
      expect(Math.abs(b - truth)).toBeLessThanOrEqual(3 * 120);
    }
  });

  it('reports failure when the facilitator never answers', async () => {
    const dead: ClockSyncTransport = { request: () => Promise.reject(new Error('timeout')) };
    await expect(measureOffset(dead, () => 0, { samples: 3, wait: async () => {} })).rejects.toThrow(/facilitator/);
  });
});

describe('exchanges over Yjs awareness', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    while (cleanup.length) cleanup.pop()!();
  });

  /** Two awareness instances joined by a relay that delivers each update after `delayMs`. */
  function linkedPair(delayMs: () => number) {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const a = new Awareness(docA);
    const b = new Awareness(docB);
    const relay = (from: Awareness, to: Awareness) => {
      const onUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (origin === 'relay') return;
        const update = encodeAwarenessUpdate(from, [...added, ...updated, ...removed]);
        setTimeout(() => applyAwarenessUpdate(to, update, 'relay'), delayMs());
      };
      from.on('update', onUpdate);
      return () => from.off('update', onUpdate);
    };
    const offs = [relay(a, b), relay(b, a)];
    cleanup.push(() => {
      offs.forEach((off) => off());
      a.destroy();
      b.destroy();
    });
    return { a: a as unknown as AwarenessLike, b: b as unknown as AwarenessLike };
  }

  it('estimates a 5-minute skew within a few ms through awareness states', async () => {
    const random = rng(7);
    const { a: facAw, b: peerAw } = linkedPair(() => 1 + random() * 4);
    const facilitator = () => Date.now() + 5 * MIN;
    const peer = () => Date.now();
    announceDevice(facAw, 'dev-fac');
    announceDevice(peerAw, 'dev-peer');
    cleanup.push(answerClockPings(facAw, 'dev-fac', facilitator));
    const est = await measureOffset(awarenessTransport(peerAw, 'dev-peer', 'dev-fac'), peer, { samples: 6, gapMs: 5 });
    expect(est.samples).toBe(6);
    expect(Math.abs(est.offset - 5 * MIN)).toBeLessThanOrEqual(est.rtt / 2 + 1);
    // Loose bound: timers on a loaded CI machine add jitter; the bound above is the exact one.
    expect(Math.abs(est.offset - 5 * MIN)).toBeLessThanOrEqual(50);
  });

  it('ignores pings addressed to another device and malformed states', async () => {
    const { a: facAw, b: peerAw } = linkedPair(() => 1);
    announceDevice(facAw, 'dev-fac');
    cleanup.push(answerClockPings(facAw, 'dev-fac', () => Date.now()));
    peerAw.setLocalStateField('drillClock', { deviceId: 'dev-peer', ping: { id: 'x', t0: 'not a number', to: 'dev-fac' } });
    const t = awarenessTransport(peerAw, 'dev-peer', 'someone-else', { timeoutMs: 150 });
    await expect(t.request(Date.now())).rejects.toThrow(/did not answer/);
    expect(facAw.getLocalState()?.drillClock).toEqual({ deviceId: 'dev-fac' });
  });
});
