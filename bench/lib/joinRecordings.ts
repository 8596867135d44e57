/**
 * Recordings of one join for bench P15, each switched on by its environment variable and written
 * to that folder (build with `--minify false` for readable names):
 * - `BENCH_PROFILE_DIR`: the whole CPU profile, `<who>-<n>.cpuprofile` (DevTools or a script);
 * - `BENCH_TRACE_DIR` (joiner only): a Chromium trace with V8's garbage collection,
 *   `joiner-<n>.json` — which long task was a major GC's pause, which was the app's work;
 * - `BENCH_HEAP_DIR` (joiner only): a sampling heap profile of everything allocated during the
 *   join, collected or not, `joiner-<n>.heapprofile` — who allocates what the GC then collects.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

type Stop = () => Promise<string>;

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
    return file;
  };
}

async function trace(page: Page, dir: string, name: string): Promise<Stop> {
  const browser = page.context().browser();
  if (!browser) throw new Error('BENCH_TRACE_DIR needs a page of a launched browser');
  const file = outFile(dir, `${name}.json`);
  await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'toplevel', 'v8', 'disabled-by-default-v8.gc'] });
  return async () => {
    await browser.stopTracing();
    return file;
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
    return file;
  };
}

/** Starts the recordings asked for, of the joiner's and the owner's page; `stop()` writes them and returns their files. */
export async function startJoinRecordings(joiner: Page, owner: Page, n: number): Promise<{ stop: () => Promise<string[]> }> {
  const env = process.env;
  const stops: Stop[] = [];
  if (env.BENCH_PROFILE_DIR) for (const [who, p] of [['joiner', joiner], ['owner', owner]] as const) stops.push(await cpuProfile(p, env.BENCH_PROFILE_DIR, `${who}-${n}`));
  if (env.BENCH_TRACE_DIR) stops.push(await trace(joiner, env.BENCH_TRACE_DIR, `joiner-${n}`));
  if (env.BENCH_HEAP_DIR) stops.push(await heapProfile(joiner, env.BENCH_HEAP_DIR, `joiner-${n}`));
  return { stop: async () => Promise.all(stops.map((s) => s())) };
}
