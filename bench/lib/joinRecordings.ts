/**
 * Recordings of one join for bench P15, each switched on by its environment variable and written
 * to that folder (build with `--minify false` for readable names):
 * - `BENCH_PROFILE_DIR`: the whole CPU profile, `<who>-<n>.cpuprofile` (DevTools or a script);
 * - `BENCH_TRACE_DIR` (joiner only): a Chromium trace with V8's garbage collection,
 *   `joiner-<n>.json` — which long task was a major GC's pause, which was the app's work; the log
 *   names the longest tasks of the page's main thread with the CPU time that thread had in each
 *   and the garbage collection inside (`longTasksOfTrace`): a task long on the wall clock with
 *   little CPU time waited for the processor (on one 2-core box both laptops share it);
 * - `BENCH_HEAP_DIR` (joiner only): a sampling heap profile of everything allocated during the
 *   join, collected or not, `joiner-<n>.heapprofile` — who allocates what the GC then collects.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

/** Stops a recording; returns its file and what to log about it. */
type Stop = () => Promise<{ file: string; lines: string[] }>;

function outFile(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  return join(resolve(dir), name);
}

async function cpuProfile(page: Page, dir: string, name: string): Promise<Stop> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach().catch(() => {});
    const file = outFile(dir, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return { file, lines: [] };
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** One task of a page's main thread: wall time, the thread's CPU time in it, garbage collection in it (ms). */
export interface TracedTask {
  at: number;
  wall: number;
  cpu: number;
  gc: number;
}

/**
 * The `count` longest tasks of the busiest renderer main thread of a Chromium trace (a JSON
 * object with `traceEvents`, as Playwright writes it), `at` in ms from the trace's first task.
 */
export function longTasksOfTrace(json: string, count = 6): TracedTask[] {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mains.has(key)) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  const main = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const gcs = main.filter((e) => e.name === 'MajorGC' || e.name === 'MinorGC');
  const t0 = tasks.reduce((t, e) => Math.min(t, e.ts), Infinity);
  return tasks
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, count)
    .map((t) => ({
      at: (t.ts - t0) / 1000,
      wall: (t.dur ?? 0) / 1000,
      cpu: (t.tdur ?? 0) / 1000,
      gc: gcs.filter((g) => g.ts >= t.ts && g.ts + (g.dur ?? 0) <= t.ts + (t.dur ?? 0)).reduce((n, g) => n + (g.dur ?? 0), 0) / 1000,
    }));
}

async function trace(page: Page, dir: string, name: string): Promise<Stop> {
  const browser = page.context().browser();
  if (!browser) throw new Error('BENCH_TRACE_DIR needs a page of a launched browser');
  const file = outFile(dir, `${name}.json`);
  await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'toplevel', 'v8', 'disabled-by-default-v8.gc'] });
  return async () => {
    await browser.stopTracing();
    const tasks = longTasksOfTrace(readFileSync(file, 'utf8'));
    const line = tasks.map((t) => `${t.wall.toFixed(0)} ms at +${(t.at / 1000).toFixed(1)} s (main thread's CPU ${t.cpu.toFixed(0)} ms, GC ${t.gc.toFixed(0)} ms)`).join(', ');
    return { file, lines: [`joiner's longest tasks in the trace, wall clock: ${line}`] };
  };
}

async function heapProfile(page: Page, dir: string, name: string): Promise<Stop> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 65536, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  return async () => {
    const { profile } = await cdp.send('HeapProfiler.stopSampling');
    await cdp.detach().catch(() => {});
    const file = outFile(dir, `${name}.heapprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return { file, lines: [] };
  };
}

/** Starts the recordings asked for, of the joiner's and the owner's page; `stop()` writes them and returns what to log (their files, and what the trace shows). */
export async function startJoinRecordings(joiner: Page, owner: Page, n: number): Promise<{ stop: () => Promise<string[]> }> {
  const env = process.env;
  const stops: Stop[] = [];
  if (env.BENCH_PROFILE_DIR) for (const [who, p] of [['joiner', joiner], ['owner', owner]] as const) stops.push(await cpuProfile(p, env.BENCH_PROFILE_DIR, `${who}-${n}`));
  if (env.BENCH_TRACE_DIR) stops.push(await trace(joiner, env.BENCH_TRACE_DIR, `joiner-${n}`));
  if (env.BENCH_HEAP_DIR) stops.push(await heapProfile(joiner, env.BENCH_HEAP_DIR, `joiner-${n}`));
  return {
    stop: async () => {
      const lines: string[] = [];
      for (const { file, lines: more } of await Promise.all(stops.map((s) => s()))) lines.push(`recorded: ${file}`, ...more);
      return lines;
    },
  };
}
