/**
 * `npm run crashtest`: builds the app into .tmp/dist-crashtest (or uses CRASH_DIST), serves it on
 * 127.0.0.1 and runs CRASH_TRIALS (default 21) crash trials — real key events into a statement
 * body and into playbook fields, `kill -9` of Chromium's whole process group at a random moment,
 * a restart on the same profile — then prints a table and
 * `lost N characters older than 100 ms in T trials`. Exits 1 when N > 0.
 * CRASH_SEED replays a run; CRASH_TARGETS=statement,playbook-description,playbook-name picks targets;
 * CRASH_KEEP=1 keeps the trial profiles.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatHeader, runCrashTrials, summaryLine } from '../tests/e2e/crash/trials';
import type { Target } from '../tests/e2e/crash/app';

const root = resolve(import.meta.dirname, '..');
const trials = Number(process.env.CRASH_TRIALS ?? 21);
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const targets = process.env.CRASH_TARGETS?.split(',').map((s) => s.trim()) as Target['name'][] | undefined;

let dist = process.env.CRASH_DIST ? resolve(process.env.CRASH_DIST) : join(root, '.tmp', 'dist-crashtest');
if (!process.env.CRASH_DIST) {
  console.log(`building the app into ${dist} …`);
  execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
dist = resolve(dist);
if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no index.html`);
if (!Number.isInteger(trials) || trials < 1) throw new Error('CRASH_TRIALS must be a positive integer');

console.log(`crash trials: ${trials}, seed ${seed} (CRASH_SEED=${seed} replays the schedule)`);
console.log(formatHeader());
const results = await runCrashTrials({ dist, trials, seed, ...(targets ? { targets } : {}), log: (line) => console.log(line) });
const byTarget = new Map<string, { trials: number; typed: number; lost: number; recent: number }>();
for (const r of results) {
  const t = byTarget.get(r.target) ?? { trials: 0, typed: 0, lost: 0, recent: 0 };
  t.trials++;
  t.typed += r.typed;
  t.lost += r.lostOld;
  t.recent += r.lostRecent;
  byTarget.set(r.target, t);
}
for (const [target, t] of byTarget) console.log(`${target}: ${t.trials} trials, ${t.typed} keys acknowledged, ${t.lost} lost older than 100 ms, ${t.recent} lost within 100 ms of the kill`);
const line = summaryLine(results);
console.log(line);
process.exit(results.some((r) => r.lostOld > 0 || r.unexpected > 0) ? 1 : 0);
