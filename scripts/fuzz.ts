/**
 * Long sync fuzz runs: `npm run fuzz -- --seeds 100000 [--from 1] [--peers 2..5]`.
 * `--trace <seed>` replays one seed and prints every action. A failing seed belongs in
 * tests/unit/sync/fuzz.regressions.test.ts once fixed.
 */
import { runFuzzSeed } from '../tests/unit/sync/fuzzHarness';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const traceSeed = arg('trace');
if (traceSeed) {
  const r = runFuzzSeed(Number(traceSeed), { trace: (line) => console.log(line) });
  console.log(r.ok ? `seed ${r.seed}: ok (${r.peers} peers, ${r.steps} steps, ${r.healRounds} heal rounds)` : `seed ${r.seed}: FAILED — ${r.error}`);
  process.exit(r.ok ? 0 : 1);
}

const seeds = Number(arg('seeds') ?? 10_000);
const from = Number(arg('from') ?? 1);
const peers = arg('peers') ? Number(arg('peers')) : undefined;
if (!Number.isInteger(seeds) || seeds < 1 || !Number.isInteger(from)) {
  console.error('usage: npm run fuzz -- --seeds N [--from S] [--peers 2..5] | --trace SEED');
  process.exit(2);
}

const started = Date.now();
const failed: number[] = [];
let frames = 0;
for (let seed = from; seed < from + seeds; seed++) {
  const r = runFuzzSeed(seed, { peers });
  frames += r.frames;
  if (!r.ok) {
    failed.push(seed);
    console.log(`✗ seed ${seed} (${r.peers} peers, ${r.steps} steps): ${r.error}`);
  }
  if ((seed - from + 1) % 1000 === 0) console.log(`… ${seed - from + 1}/${seeds} seeds, ${failed.length} failed, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
const secs = (Date.now() - started) / 1000;
console.log(`${seeds} seeds from ${from}: ${seeds - failed.length} passed, ${failed.length} failed in ${secs.toFixed(1)} s (${frames} frames delivered)`);
if (failed.length) console.log(`failing seeds: ${failed.join(', ')}`);
process.exit(failed.length ? 1 : 0);
