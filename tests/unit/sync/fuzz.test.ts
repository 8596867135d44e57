import { describe, expect, it } from 'vitest';
import { runFuzzSeed } from './fuzzHarness';

/** Seeds run on every `npm test`; `npm run fuzz -- --seeds N` runs more. */
const SEEDS = Number(process.env.SYNC_FUZZ_SEEDS ?? 1000);

describe('sync fuzz: 2–5 peers, adversarial network', () => {
  it(`every peer ends identical for ${SEEDS} seeds`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const r = runFuzzSeed(seed);
      if (!r.ok) failures.push(`seed ${seed} (${r.peers} peers, ${r.steps} steps): ${r.error}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
