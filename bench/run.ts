/**
 * `npm run bench`: runs every bench/<id>-*.ts module, prints one table and writes
 * bench-results.json. Pass ids to run a subset: `npm run bench -- P1 P2`.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
import type { BenchContext, BenchRow } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

async function waitForUrl(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`App server did not answer at ${url} within ${timeoutMs} ms`);
}

function fmt(n: number | null): string {
  if (n === null || Number.isNaN(n)) return '—';
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).map((s) => s.toUpperCase());
  const files = readdirSync(here)
    .filter((f) => /^[A-Z]\d+-.*\.ts$/.test(f))
    .filter((f) => only.length === 0 || only.includes(f.split('-')[0]!))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

  // BENCH_APP_DIST / BENCH_PORT: serve another build (e.g. an engineer's own outDir) on another port.
  const port = Number(process.env.BENCH_PORT ?? 4199);
  const outDir = process.env.BENCH_APP_DIST ? ['--outDir', join(root, process.env.BENCH_APP_DIST)] : [];
  const server = spawn('npx', ['vite', 'preview', ...outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore' });
  const appUrl = `http://127.0.0.1:${port}/`;
  const rows: BenchRow[] = [];
  try {
    await waitForUrl(appUrl, 30_000);
    const ctx: BenchContext = { runs: Number(process.env.BENCH_RUNS ?? 5), log: (m) => console.log(`  … ${m}`), appUrl };
    for (const file of files) {
      console.log(`▶ ${file}`);
      const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: (c: BenchContext) => Promise<BenchRow[]> };
      try {
        rows.push(...(await mod.default(ctx)));
      } catch (err) {
        console.error(`  ✗ ${file} failed: ${(err as Error).stack ?? String(err)}`);
        process.exitCode = 1;
      }
    }
  } finally {
    server.kill();
  }

  const header = ['id', 'what', 'value', 'unit', 'baseline', 'ratio', 'goal', 'met'];
  const table = rows.map((r) => [r.id, r.what, fmt(r.value), r.unit, fmt(r.baseline), r.ratio === null ? '—' : `${fmt(r.ratio)}×`, r.goal, r.pass === undefined ? '' : r.pass ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => [...t[i]!].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
  console.log('\n' + line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const t of table) console.log(line(t));
  writeFileSync(join(root, 'bench-results.json'), JSON.stringify(rows, null, 2) + '\n');
  console.log(`\nWrote ${rows.length} rows to bench-results.json`);
}

await main();
