import { describe, expect, it } from 'vitest';
import { runFuzzSeed } from './fuzzHarness';

/**
 * Seeds that once failed, kept by name. Each names the bug it caught; they run in full on every
 * `npm test` (the main fuzz test also covers them, but a regression must not hide in a range).
 */
const REGRESSIONS: Array<{ seed: number; bug: string }> = [
  {
    seed: 96,
    bug: 'one side replaced its link (a relay restart) and numbered messages from 1 again; the other side, still on its old reassembler, dropped them as duplicates and never reported the peer in sync',
  },
  {
    seed: 5902,
    bug: 'a link was replaced while a presence message was half received; the new link started an empty reassembler, the message never completed and the peer stayed invisible',
  },
];

describe('sync fuzz regressions', () => {
  for (const { seed, bug } of REGRESSIONS) {
    it(`seed ${seed}: ${bug}`, () => {
      const r = runFuzzSeed(seed);
      expect(r.error ?? 'ok').toBe('ok');
    });
  }
});
