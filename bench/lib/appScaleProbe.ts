/**
 * In-page probes for the scale benchmarks (P13–P16): long tasks recorded by a
 * PerformanceObserver('longtask') installed before the app's scripts run, "interactive" (content
 * shown, then 500 ms without a long task), in-page timing of a hash navigation, and an optional
 * CPU profile (BENCH_PROFILE=1) summarised as the functions with the most self time.
 */
import type { BrowserContext, Page } from '@playwright/test';

declare global {
  interface Window {
    /** Long tasks as [startTime, duration] (ms, performance.now() clock). */
    __scaleLongTasks?: Array<[number, number]>;
    /** Long animation frames (≥ 50 ms) with their scripts (≥ 5 ms). */
    __scaleLongFrames?: LongFrame[];
    /** When the watched selector was first seen in a frame (performance.now()). */
    __scaleVisible?: number;
  }
}

export interface LongFrame {
  start: number;
  duration: number;
  blocking: number;
  /** Rendering (from renderStart to the frame's end) and style + layout, ms. */
  render: number;
  layout: number;
  scripts: Array<{ d: number; what: string; layout: number }>;
}

/** The app's own performance measures (`crisis-room:…`) of at least `minMs` from `from` on. */
export async function appMeasures(page: Page, from = 0, minMs = 15): Promise<string[]> {
  const list = await page.evaluate(
    ([f, m]) => performance.getEntriesByType('measure').filter((e) => e.name.startsWith('crisis-room:') && e.startTime >= f && e.duration >= m).map((e) => [e.name, e.startTime, e.duration] as const),
    [from, minMs] as const,
  );
  return list.sort((a, b) => b[2] - a[2]).slice(0, 12).map(([name, start, d]) => `measure ${d.toFixed(0)} ms ${name} at +${((start - from) / 1000).toFixed(1)} s`);
}

/** The `top` longest animation frames from `from` on, one line each with their scripts. */
export async function longFrames(page: Page, from = 0, top = 8): Promise<string[]> {
  const frames = await page.evaluate((f) => (window.__scaleLongFrames ?? []).filter((x) => x.start + x.duration >= f), from);
  return frames
    .sort((a, b) => b.duration - a.duration)
    .slice(0, top)
    .map((x) => `frame ${x.duration.toFixed(0)} ms at +${((x.start - from) / 1000).toFixed(1)} s (blocking ${x.blocking.toFixed(0)}, render ${x.render.toFixed(0)}, layout ${x.layout.toFixed(0)}): ${x.scripts.map((sc) => `${sc.d.toFixed(0)} ms ${sc.what.trim()}${sc.layout ? ` (forced layout ${sc.layout.toFixed(0)})` : ''}`).join('; ') || 'no script ≥ 5 ms'}`);
}

// The scripts below are strings: functions passed to the page would carry tsx's `__name` helper.

const LONG_TASKS = `(() => {
  const tasks = (window.__scaleLongTasks = []);
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  } catch (e) { /* no long-task timing here */ }
  // Long animation frames with the scripts that ran in them (what a long task was), kept short.
  const frames = (window.__scaleLongFrames = []);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration < 50) continue;
        frames.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration, render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0, layout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          scripts: (e.scripts || []).filter((x) => x.duration >= 5).map((x) => ({ d: x.duration, what: (x.invokerType || '') + ' ' + (x.invoker || '') + ' ' + (x.sourceFunctionName || '') + ' ' + String(x.sourceURL || '').split('/').pop() + ':' + x.sourceCharPosition, layout: x.forcedStyleAndLayoutDuration })) });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (e) { /* no long-animation-frame timing here */ }
})();`;

/** Records every long task of every page of `context` from its first script on. */
export async function recordLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: LONG_TASKS });
}

/** Before the page loads: notes the first animation frame in which `selector` is rendered. */
export async function watchFirstFrame(page: Page, selector: string): Promise<void> {
  await page.addInitScript({
    content: `(() => {
  const sel = ${JSON.stringify(selector)};
  const tick = () => {
    // Layout is read only once the element exists: that one layout is the first paint's own.
    const el = document.querySelector(sel);
    if (el && el.getClientRects().length > 0) window.__scaleVisible = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`,
  });
}

export const longTasks = (page: Page, from = 0): Promise<Array<[number, number]>> => page.evaluate((f) => (window.__scaleLongTasks ?? []).filter(([s, d]) => s + d >= f), from);

/** The longest task in [from, to] (0 when none was long). */
export function longest(tasks: Array<[number, number]>): number {
  return tasks.reduce((m, [, d]) => Math.max(m, d), 0);
}

/**
 * Interactive after `visible`: the first moment followed by `quietMs` without a long task (a task
 * starting within the quiet window pushes it to that task's end). Waits in real time until that
 * window has passed, at most `capMs` after `visible`.
 */
export async function interactiveAfter(page: Page, visible: number, quietMs = 500, capMs = 20_000): Promise<{ at: number; maxTask: number }> {
  for (;;) {
    const [now, tasks] = await page.evaluate(() => [performance.now(), window.__scaleLongTasks ?? []] as const);
    let at = visible;
    let maxTask = 0;
    for (const [s, d] of [...tasks].sort((a, b) => a[0] - b[0])) {
      if (s + d <= visible) continue;
      maxTask = Math.max(maxTask, d);
      if (s <= at + quietMs) at = Math.max(at, s + d);
    }
    if (now >= at + quietMs || now >= visible + capMs) return { at, maxTask };
    await page.waitForTimeout(100);
  }
}

/**
 * Sets the hash to `hash` and times, in the page, until `selector` is rendered and the next frame
 * could be painted (one animation frame, then a task). Returns the time, the longest task and
 * when the navigation started (performance.now()).
 */
export async function timeHashNavigation(page: Page, hash: string, selector: string, timeoutMs = 60_000): Promise<{ ms: number; maxTask: number; from: number }> {
  const res = (await page.evaluate(`new Promise((resolve) => {
    const sel = ${JSON.stringify(selector)};
    const t0 = performance.now();
    window.location.hash = ${JSON.stringify(hash)};
    const tick = () => {
      const el = document.querySelector(sel);
      if (el && el.getClientRects().length > 0) requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - t0, from: t0 }), 0));
      else if (performance.now() - t0 > ${timeoutMs}) resolve({ error: sel + ' not shown after ${timeoutMs} ms' });
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`)) as { ms: number; from: number } | { error: string };
  if ('error' in res) throw new Error(res.error);
  const tasks = await longTasks(page, res.from);
  return { ms: res.ms, maxTask: longest(tasks.filter(([s]) => s <= res.from + res.ms)), from: res.from };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

const frameName = (f: ProfileNode['callFrame']) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`;

/**
 * The busy stretches of a profile longer than `minMs` (samples without idle between them: about
 * the long tasks), each with the functions that held most of it (inclusive time, each function
 * counted once per sample).
 */
function busyStretches(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, minMs = 50, perStretch = 10): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Only idle samples end a stretch: (program) is the browser's own work (style, layout) inside a task.
  const idle = (id: number) => byId.get(id)!.callFrame.functionName === '(idle)';
  const out: string[] = [];
  // Over the whole profile: the functions that held most of it, callees included.
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (idle(id)) return;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const k = frameName(byId.get(n)!.callFrame);
      if (seen.has(k) || k.startsWith('(root)')) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  });
  out.push('inclusive time over the whole profile (top 60):', ...[...total].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([k, t]) => `    ${t.toFixed(0).padStart(6)} ms  ${k}`));
  let run: Array<[number, number]> = [];
  const flush = () => {
    const ms = run.reduce((m, [, dt]) => m + dt, 0);
    if (ms >= minMs) {
      const incl = new Map<string, number>();
      for (const [id, dt] of run) {
        const seen = new Set<string>();
        for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
          const k = frameName(byId.get(n)!.callFrame);
          if (seen.has(k) || k.startsWith('(root)')) continue;
          seen.add(k);
          incl.set(k, (incl.get(k) ?? 0) + dt);
        }
      }
      out.push(`busy stretch ${ms.toFixed(0)} ms:`, ...[...incl].sort((a, b) => b[1] - a[1]).slice(0, perStretch).map(([k, t]) => `    ${t.toFixed(0).padStart(5)} ms  ${k}`));
    }
    run = [];
  };
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (idle(id)) flush();
    else run.push([id, dt]);
  });
  flush();
  return out;
}

/** Starts a CPU profile of `page` (only with BENCH_PROFILE=1); `stop()` returns the top self-time lines. */
export async function startCpuProfile(page: Page): Promise<{ stop: (top?: number) => Promise<string[]> } | null> {
  if (process.env.BENCH_PROFILE !== '1') return null;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return {
    stop: async (top = 12) => {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
      await cdp.detach().catch(() => {});
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const self = new Map<string, number>();
      let total = 0;
      profile.samples.forEach((id, i) => {
        const dt = (profile.timeDeltas[i] ?? 0) / 1000;
        const f = byId.get(id)!.callFrame;
        if (f.functionName === '(idle)' || f.functionName === '(program)') return;
        const key = frameName(f);
        self.set(key, (self.get(key) ?? 0) + dt);
        total += dt;
      });
      return [...busyStretches(profile), `busy ${total.toFixed(0)} ms (self time, top ${top}):`, ...[...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => `  ${ms.toFixed(0).padStart(6)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${k}`)];
    },
  };
}
