import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTable } from '../../../bench/lib/report';

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const temp = mkdtempSync(join(tmpdir(), 'bench-run-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Ran {
  code: number | null;
  out: string;
  ms: number;
}

/** Runs `bench/run.ts` like `npm run bench` does (tsx), with `env`; kills it after `limitMs`. */
function runBench(env: Record<string, string>, limitMs: number): Promise<Ran> {
  const t0 = Date.now();
  const child = spawn(process.execPath, [TSX, join(ROOT, 'bench', 'run.ts')], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  return new Promise((done) =>
    child.on('exit', (code) => {
      clearTimeout(killer);
      done({ code, out, ms: Date.now() - t0 });
    }),
  );
}

describe('npm run bench (bench/run.ts)', () => {
  it('without Chromium: one clear message before anything starts, a quick exit, a non-zero code', async () => {
    const missing = join(temp, 'no-chromium-here', 'chromium');
    const ran = await runBench({ CHROMIUM_PATH: missing }, 60_000);
    expect(ran.code, ran.out).toBe(2);
    expect(ran.out).toContain(`Chromium was not found at ${missing} (CHROMIUM_PATH)`);
    expect(ran.out).toContain('apt-get install chromium');
    expect(ran.out).toContain('Nothing was run.');
    // No benchmark was started, so none failed one by one.
    expect(ran.out).not.toMatch(/▶|failed:/);
    expect(ran.ms).toBeLessThan(30_000);
  }, 70_000);

  it('ends even when a benchmark leaks a server or never finishes; reports it, exits 1, prints the load next to every timing', async () => {
    const modules = join(temp, 'modules');
    const dist = join(temp, 'dist');
    mkdirSync(modules, { recursive: true });
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    // X1 measures something but leaves a listening server behind (what used to keep the process alive).
    writeFileSync(
      join(modules, 'X1-leaky.ts'),
      `import { createServer } from 'node:net';
       export default async function run() {
         createServer().listen(0, '127.0.0.1');
         return [{ id: 'X1', what: 'a timing', value: 12.5, unit: 'ms', baseline: 10, ratio: 1.25, goal: '≤ 2× raw', pass: true }];
       }`,
    );
    // X2 never resolves.
    writeFileSync(join(modules, 'X2-stuck.ts'), `export default function run() { return new Promise(() => setInterval(() => {}, 1000)); }`);
    const results = join(temp, 'bench-results.json');
    const ran = await runBench({ BENCH_MODULES_DIR: modules, BENCH_APP_DIST: dist, BENCH_PORT: '0', BENCH_TIMEOUT_S: '3', CHROMIUM_PATH: process.execPath, BENCH_RESULTS: results }, 60_000);
    expect(ran.code, ran.out).toBe(1);
    expect(ran.out).toMatch(/▶ X1-leaky\.ts {2}\[load \d+\.\d\d\]/);
    expect(ran.out).toContain('X2-stuck.ts timed out: Error: no result after 3 s');
    expect(ran.out).toMatch(/│ load \(1 min\)/);
    expect(ran.out).toMatch(/X1 +│ a timing +│ 12\.5 .*│ yes +│ \d+\.\d\d→\d+\.\d\d/);
    expect(ran.out).toMatch(/X2 +│ TIMED OUT: no result after 3 s .*│ NO +│ \d+\.\d\d→\d+\.\d\d/);
    expect(ran.out).toContain('1 of 2 benchmarks did not produce results: X2 (timed out).');
    expect(JSON.parse(readFileSync(results, 'utf8'))).toEqual([expect.objectContaining({ id: 'X1', value: 12.5, load1: { start: expect.any(Number), end: expect.any(Number) } })]);
    expect(ran.ms).toBeLessThan(40_000);
  }, 70_000);

  it('lists a benchmark that cannot run as NOT RUN, with its reason, in the table', () => {
    const table = formatTable([], [{ id: 'P3', file: 'P3-remote-edit.ts', status: 'not run', reason: 'they run real peers in network namespaces, which needs root', load1: { start: 1.5, end: 1.5 } }]);
    expect(table).toMatch(/P3 +│ NOT RUN: they run real peers in network namespaces, which needs root +│ — .*│ NO +│ 1\.50→1\.50/);
  });
});
