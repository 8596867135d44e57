import { describe, expect, it } from 'vitest';
import { runFuzzSeed } from './fuzzHarness';

/**
 * Seeds run on every `npm test`; `npm run fuzz -- --seeds N` runs more. The limits allow a loaded
 * machine (1,000 seeds took 165 s at load 13, 75 s at load 5): slower is not wrong here.
 */
const SEEDS = Number(process.env.SYNC_FUZZ_SEEDS ?? 1000);

describe('sync fuzz: 2–5 peers, adversarial network', () => {
  it(`every peer ends identical for ${SEEDS} seeds`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const r = runFuzzSeed(seed);
      if (!r.ok) failures.push(`seed ${seed} (${r.peers} peers, ${r.steps} steps): ${r.error}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it(`…also with every diff cut into slices of ≤ 200 bytes (${Math.ceil(SEEDS / 4)} seeds)`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= Math.ceil(SEEDS / 4); seed++) {
      const r = runFuzzSeed(seed, { sliceBytes: 200 });
      if (!r.ok) failures.push(`seed ${seed} (${r.peers} peers, ${r.steps} steps): ${r.error}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
