/**
 * `npm run bench`: runs every bench/<id>-*.ts module, prints one table and writes
 * bench-results.json. Pass ids to run a subset: `npm run bench -- P1 P2`.
 *
 * It tells the truth and always ends: prerequisites (Chromium, the built app) are checked before
 * anything starts, with one clear message and exit code 2 when missing; peer benchmarks that
 * cannot run here (no root) are listed as NOT RUN with the reason; each benchmark has a time
 * limit; the app server is closed in `finally`; and the process exits explicitly — 0 only when
 * every selected benchmark ran and produced its rows, 1 otherwise. Every timing, in the table and
 * in the progress lines, carries the 1-minute load average it was measured under.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import type { BenchContext, BenchRow } from './types';
import { checkCommon, formatProblems, NEEDS_NETNS, netnsProblem } from './lib/prerequisites';
import { formatTable, load1, type NotRun, type ReportedRow } from './lib/report';
import { serveApp, type StaticServer } from './lib/server';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
/** Where the benchmark modules are (BENCH_MODULES_DIR: another folder, for the runner's own tests). */
const modulesDir = process.env.BENCH_MODULES_DIR ? resolve(process.env.BENCH_MODULES_DIR) : here;

/** Time limit of one benchmark module (BENCH_TIMEOUT_S, default 30 minutes: P1 builds a 260k-op store). */
const MODULE_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 1800) * 1000;

class TimedOut extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`no result after ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

async function main(): Promise<number> {
  const problems = checkCommon(root);
  if (problems.length > 0) {
    console.error(formatProblems(problems));
    return 2;
  }
  const only = process.argv.slice(2).map((s) => s.toUpperCase());
  const files = readdirSync(modulesDir)
    .filter((f) => /^[A-Z]\d+-.*\.ts$/.test(f))
    .filter((f) => only.length === 0 || only.includes(f.split('-')[0]!))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (files.length === 0) {
    console.error(`No benchmark matches ${only.join(', ')}.`);
    return 2;
  }

  // BENCH_APP_DIST / BENCH_PORT: serve another build (e.g. an engineer's own outDir) on another port.
  const rows: ReportedRow[] = [];
  const notRun: NotRun[] = [];
  const netns = netnsProblem();
  let server: StaticServer | null = null;
  let timedOut = false;
  try {
    server = await serveApp(resolve(root, process.env.BENCH_APP_DIST ?? 'dist'), Number(process.env.BENCH_PORT ?? 4199));
    const ctx: BenchContext = { runs: Number(process.env.BENCH_RUNS ?? 5), log: (m) => console.log(`  … ${m}  [load ${load1().toFixed(2)}]`), appUrl: server.url };
    for (const file of files) {
      const id = file.split('-')[0]!;
      const start = load1();
      if (netns && NEEDS_NETNS.has(id)) {
        console.log(`▶ ${file}\n  ✗ NOT RUN: ${netns}`);
        notRun.push({ id, file, status: 'not run', reason: netns, load1: { start, end: start } });
        continue;
      }
      console.log(`▶ ${file}  [load ${start.toFixed(2)}]`);
      try {
        const mod = (await import(pathToFileURL(join(modulesDir, file)).href)) as { default: (c: BenchContext) => Promise<BenchRow[]> };
        const produced = await withTimeout(mod.default(ctx), MODULE_TIMEOUT_MS);
        const end = load1();
        rows.push(...produced.map((r) => ({ ...r, load1: { start, end } })));
      } catch (err) {
        const status = err instanceof TimedOut ? 'timed out' : 'failed';
        console.error(`  ✗ ${file} ${status}: ${(err as Error).stack ?? String(err)}`);
        notRun.push({ id, file, status, reason: (err as Error).message.split('\n')[0]!, load1: { start, end: load1() } });
        // A timed-out benchmark may still hold browsers and ports: do not start the next one beside it.
        if (status === 'timed out') {
          timedOut = true;
          break;
        }
      }
    }
  } finally {
    await server?.close();
  }

  console.log('\n' + formatTable(rows, notRun));
  // BENCH_RESULTS: write the rows elsewhere (the runner's own tests write to a temp folder).
  const results = resolve(root, process.env.BENCH_RESULTS ?? 'bench-results.json');
  writeFileSync(results, JSON.stringify(rows, null, 2) + '\n');
  console.log(`\nWrote ${rows.length} rows to ${results} (each with the 1-minute load average at the start and end of its benchmark).`);
  if (timedOut) console.error('A benchmark timed out; the remaining ones were not started.');
  if (notRun.length > 0) {
    console.error(`${notRun.length} of ${files.length} benchmarks did not produce results: ${notRun.map((n) => `${n.id} (${n.status})`).join(', ')}.`);
    return 1;
  }
  return 0;
}

// Always end, with the code: a benchmark that leaks a server or a browser must not keep the process alive.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`npm run bench failed: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  },
);
