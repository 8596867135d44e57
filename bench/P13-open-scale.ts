/**
 * P13 — open a generated workspace to interactive in the built app (issue 14), at 100× (goal
 * ≤ 1 s), 10× and 1× (info).
 *
 * Setup (bench/lib/appScale.ts, once per process): the workspace generated through shared/
 * (bench/lib/generateWorkspace.ts) is merged in the UI from an encrypted `.crisisroom` file into a
 * workspace the person created, and stored by the app (encrypted at rest). Each run launches
 * nothing new: a new tab of the same Chromium (a fresh copy of that profile, one unlocked tab on
 * the workspace list, which hands the vault key to new tabs — no Argon2id in the measured time)
 * navigates to `#/w/<id>/playbook`. Measured from navigation start (performance.now() = 0) to
 * interactive: the first frame showing the playbook's crisis types, then pushed past every long
 * task (> 50 ms) that starts within 500 ms of it, until 500 ms pass without one.
 * Baseline (same run, interleaved): Y.applyUpdateV2 of the same generated state into a new Y.Doc
 * in a fresh page (Yjs alone, bench/browser/applyBench.ts).
 * Info row at 100× (interleaved too): the same workspace opened from the workspace list of a tab
 * that already runs the app, unlocked and settled — no page load, no script evaluation, no vault:
 * what reading, decrypting, decoding and rendering the workspace cost on their own.
 * Info rows, interleaved too: the raw decode of the 100× state without the parts a view could load
 * on demand (bench/lib/decodeParts.ts) — what a design that decodes less at open could save.
 * Info row at 100×, interleaved too: a fourth workspace of the same profile holding the 100× content
 * without the largest of those sets (crisis types' steps and escalation, statements' bodies,
 * versions and releases, incidents' logs), stored by the app like the others, opened in a new tab
 * as above — the whole open, not only the decode, of what a second document would leave behind.
 * Info rows at 100×, interleaved too: the playbook section alone as a new document of its own
 * (decodeParts.ts `playbookAlone`: its four collections and the units), decoded raw with and without
 * the crisis types' steps and escalation, and a fifth workspace holding only the lighter one, opened
 * in a new tab as above — what one document per section, each type's details loaded when shown,
 * would leave to open for the playbook.
 * Info rows at 100×, interleaved too: the raw decode of the state plus a year of statement history
 * (bench/lib/versionHistory.ts), its versions stored as full copies (before schema 4) and as deltas.
 * Chromium runs with the app's switches (electron/switches.ts). Info rows at 100× and 1×,
 * interleaved too: the same opens in a second Chromium (a copy of the same profile) with Chromium's
 * default features and V8 flags — BackgroundResourceFetch on, under which Chromium 150 never uses
 * V8's code cache for the app's scripts, and an uncapped young generation — what the switches save;
 * at 100× also the raw decode there (what the young-generation cap saves Yjs alone).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, row, type BenchContext, type BenchRow } from './types';
import { buildBenchBundle } from './lib/bundle';
import { serveStatic } from './lib/server';
import { interleaved } from './lib/measure';
import { launchScaleBrowser, scaleProfile, SCALES, type Scale, type ScaleBrowser } from './lib/appScale';
import { interactiveAfter, longest, longTasks, recordLongTasks, startCpuProfile, timeHashNavigation, watchFirstFrame } from './lib/appScaleProbe';
import type {} from './browser/applyBench';
import { playbookAlone, withoutParts, type LeftOut } from './lib/decodeParts';
import { withHistory, type HistoryFormat } from './lib/versionHistory';

/** The 100× state with a year of statement history, by how versions are stored. */
const HISTORY: Record<'histCopies' | 'histDeltas', { file: string; format: HistoryFormat; label: string }> = {
  histCopies: { file: 'state-100-history-copies.bin', format: 'copies', label: 'as full copies of text and body (before schema 4)' },
  histDeltas: { file: 'state-100-history-deltas.bin', format: 'deltas', label: 'as deltas (schema 4)' },
};

/** The reduced 100× states P13 decodes raw, by contender. */
const PARTS: Record<'noDetails' | 'noMore', { file: string; leftOut: LeftOut; label: string }> = {
  noDetails: { file: 'state-100-no-details.bin', leftOut: 'details', label: "without the crisis types' steps and escalation" },
  noMore: { file: 'state-100-no-details-bodies-logs.bin', leftOut: 'details+bodies+logs', label: "without those, the statements' bodies, versions and releases, and the incidents' logs" },
};

/** The 100× playbook section as a document of its own, with and without the crisis types' details (decodeParts.ts). */
const ALONE = {
  details: { file: 'state-100-playbook.bin', label: "with the crisis types' steps and escalation" },
  light: { file: 'state-100-playbook-light.bin', label: "without the crisis types' steps and escalation" },
} as const;

const CONTENT = '[data-testid=crisis-type-link]';

interface Open {
  visible: number;
  interactive: number;
  maxTask: number;
}

async function openOnce(b: ScaleBrowser, url: string, profile = false, log?: (m: string) => void): Promise<Open> {
  const page = await b.context.newPage();
  try {
    await watchFirstFrame(page, CONTENT);
    const cpu = profile ? await startCpuProfile(page) : null;
    await page.goto(url);
    await page.waitForFunction(() => window.__scaleVisible !== undefined, null, { timeout: 180_000, polling: 100 });
    const visible = await page.evaluate(() => window.__scaleVisible!);
    const { at } = await interactiveAfter(page, visible);
    // Every long task of the open (the one that decodes the workspace ends before its first frame).
    const maxTask = longest((await longTasks(page, 0)).filter(([s]) => s <= at));
    // Where the time went: the app's own marks (ms from navigation start), resources included.
    const marks = await page.evaluate(() => [
      ...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('crisis-room:')).map((m) => [m.name.slice(12), m.startTime] as const),
      ['scripts loaded', Math.max(0, ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.endsWith('.js')).map((r) => r.responseEnd))] as const,
    ]);
    log?.(`marks: ${marks.sort((a, b) => a[1] - b[1]).map(([n, t]) => `${n} ${t.toFixed(0)}`).join(', ')}, content ${visible.toFixed(0)}`);
    if (cpu) {
      // Where the page waited: every resource with its fetch start and end (ms from navigation start).
      const resources = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => `${r.name.split('/').pop()} ${r.startTime.toFixed(0)}→${r.responseEnd.toFixed(0)}`));
      log?.(`resources: ${resources.join(', ')}`);
      for (const line of await cpu.stop()) log?.(line);
    }
    return { visible, interactive: at, maxTask };
  } finally {
    await page.close();
  }
}

/** Opens workspace `id` from the workspace list of a tab already running the app (unlocked, settled). */
async function openFromList(b: ScaleBrowser, appUrl: string, id: string): Promise<Open> {
  const page = await b.context.newPage();
  try {
    await page.goto(`${appUrl}#/`);
    await page.waitForSelector('[data-testid=workspace-item]', { timeout: 60_000 });
    // Settled: the sections' code loads once the first screen is done (renderer/app/startup.ts).
    await interactiveAfter(page, await page.evaluate(() => performance.now()), 1000);
    const { ms, from } = await timeHashNavigation(page, `#/w/${encodeURIComponent(id)}/playbook`, CONTENT);
    const { at } = await interactiveAfter(page, from + ms);
    return { visible: ms, interactive: at - from, maxTask: longest((await longTasks(page, from)).filter(([s]) => s <= at)) };
  } finally {
    await page.close();
  }
}

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const profile = await scaleProfile(ctx);
  const dir = await buildBenchBundle({ entry: 'bench/browser/applyBench.ts', name: 'apply-bench', title: 'Crisis Room apply bench' });
  for (const s of SCALES) writeFileSync(join(dir, `state-${s}.bin`), profile.workspaces[s].update);
  for (const p of Object.values(PARTS)) writeFileSync(join(dir, p.file), withoutParts(profile.workspaces[100].update, p.leftOut));
  const aloneWithDetails = playbookAlone(profile.workspaces[100].update);
  writeFileSync(join(dir, ALONE.details.file), aloneWithDetails);
  writeFileSync(join(dir, ALONE.light.file), profile.playbookAlone.update);
  const historyBytes = {} as Record<keyof typeof HISTORY, number>;
  for (const [k, h] of Object.entries(HISTORY) as Array<[keyof typeof HISTORY, (typeof HISTORY)[keyof typeof HISTORY]]>) {
    const state = withHistory(profile.workspaces[100].update, h.format);
    historyBytes[k] = state.length;
    writeFileSync(join(dir, h.file), state);
  }
  const srv = await serveStatic(dir);
  const b = await launchScaleBrowser(profile, ctx.log);
  let defaults: ScaleBrowser | null = null;
  try {
    defaults = await launchScaleBrowser(profile, ctx.log, 'chromium');
    await recordLongTasks(defaults.context);
    await recordLongTasks(b.context);
    const rows: BenchRow[] = [];
    const result = {} as Record<Scale, { app: number; raw: number; visible: number; maxTask: number }>;
    let fromList: { median: number; maxTask: number } | null = null;
    let parts: Record<keyof typeof PARTS, number> | null = null;
    let apart: { median: number; visible: number; maxTask: number } | null = null;
    let history: Record<keyof typeof HISTORY, number> | null = null;
    const withDefaults = {} as Record<Scale, number>;
    let rawWithDefaults: number | null = null;
    const apartOpens: Open[] = [];
    const aloneOpens: Open[] = [];
    let alone: { median: number; maxTask: number; raw: number; rawDetails: number } | null = null;
    /** Y.applyUpdateV2 of `file` into a new Y.Doc in a fresh page of `on` (Yjs alone). */
    const rawDecode = async (file: string, on: ScaleBrowser = b): Promise<number> => {
      const page = await on.context.newPage();
      try {
        await page.goto(srv.url);
        await page.waitForFunction(() => 'applyBench' in window);
        return await page.evaluate((f) => window.applyBench.time(f), file);
      } finally {
        await page.close();
      }
    };
    for (const scale of [100, 10, 1] as const) {
      const ws = profile.workspaces[scale];
      const url = `${profile.appUrl}#/w/${encodeURIComponent(ws.id)}/playbook`;
      const opens: Open[] = [];
      const listOpens: Open[] = [];
      const { medians } = await interleaved(
        scale === 100 ? (['app', 'raw', 'list', 'noDetails', 'noMore', 'apart', 'alone', 'rawAlone', 'rawAloneDetails', 'histCopies', 'histDeltas', 'defaults', 'rawDefaults'] as const) : scale === 1 ? (['app', 'raw', 'defaults'] as const) : (['app', 'raw'] as const),
        async (c) => {
          if (c === 'defaults') return (await openOnce(defaults!, url)).interactive;
          if (c === 'rawDefaults') return rawDecode(`state-${scale}.bin`, defaults!);
          if (c === 'apart') {
            const o = await openOnce(b, `${profile.appUrl}#/w/${encodeURIComponent(profile.partsApart.id)}/playbook`);
            apartOpens.push(o);
            return o.interactive;
          }
          if (c === 'alone') {
            const o = await openOnce(b, `${profile.appUrl}#/w/${encodeURIComponent(profile.playbookAlone.id)}/playbook`);
            aloneOpens.push(o);
            return o.interactive;
          }
          if (c === 'rawAlone') return rawDecode(ALONE.light.file);
          if (c === 'rawAloneDetails') return rawDecode(ALONE.details.file);
          if (c === 'noDetails' || c === 'noMore') return rawDecode(PARTS[c].file);
          if (c === 'histCopies' || c === 'histDeltas') return rawDecode(HISTORY[c].file);
          if (c === 'list') {
            const o = await openFromList(b, profile.appUrl, ws.id);
            listOpens.push(o);
            return o.interactive;
          }
          if (c === 'raw') return rawDecode(`state-${scale}.bin`);
          const o = await openOnce(b, url, false, ctx.log);
          opens.push(o);
          return o.interactive;
        },
        {
          runs: ctx.runs,
          onRun: (r, t) =>
            ctx.log(
              `${scale}× run ${r}/${ctx.runs}: interactive ${t.app!.toFixed(0)} ms (content ${opens.at(-1)!.visible.toFixed(0)} ms, longest task ${opens.at(-1)!.maxTask.toFixed(0)} ms), raw applyUpdate ${t.raw!.toFixed(0)} ms` +
                (t.list === undefined ? '' : `; from the list of a running app: interactive ${t.list.toFixed(0)} ms (content ${listOpens.at(-1)!.visible.toFixed(0)} ms, longest task ${listOpens.at(-1)!.maxTask.toFixed(0)} ms)`) +
                (t.noDetails === undefined ? '' : `; raw decode without details ${t.noDetails.toFixed(0)} ms, without details, bodies and logs ${t.noMore!.toFixed(0)} ms`) +
                (t.apart === undefined ? '' : `; the workspace without those: interactive ${t.apart.toFixed(0)} ms (longest task ${apartOpens.at(-1)!.maxTask.toFixed(0)} ms)`) +
                (t.alone === undefined ? '' : `; the playbook alone: interactive ${t.alone.toFixed(0)} ms (longest task ${aloneOpens.at(-1)!.maxTask.toFixed(0)} ms), raw decode ${t.rawAlone!.toFixed(0)} ms, with the types' details ${t.rawAloneDetails!.toFixed(0)} ms`) +
                (t.histCopies === undefined ? '' : `; raw decode with a year of history as copies ${t.histCopies.toFixed(0)} ms, as deltas ${t.histDeltas!.toFixed(0)} ms`) +
                (t.defaults === undefined ? '' : `; with Chromium's default features and V8 flags: interactive ${t.defaults.toFixed(0)} ms`) +
                (t.rawDefaults === undefined ? '' : `, raw applyUpdate ${t.rawDefaults.toFixed(0)} ms`),
            ),
        },
      );
      if ('noDetails' in medians) parts = { noDetails: medians.noDetails, noMore: medians.noMore };
      if ('defaults' in medians) withDefaults[scale] = medians.defaults;
      if ('rawDefaults' in medians) rawWithDefaults = medians.rawDefaults;
      if ('histCopies' in medians) history = { histCopies: medians.histCopies, histDeltas: medians.histDeltas };
      if ('alone' in medians) alone = { median: medians.alone, maxTask: median(aloneOpens.slice(1).map((o) => o.maxTask)), raw: medians.rawAlone, rawDetails: medians.rawAloneDetails };
      if ('apart' in medians) apart = { median: medians.apart, visible: median(apartOpens.slice(1).map((o) => o.visible)), maxTask: median(apartOpens.slice(1).map((o) => o.maxTask)) };
      if ('list' in medians) fromList = { median: medians.list, maxTask: median(listOpens.slice(1).map((o) => o.maxTask)) };
      result[scale] = { app: medians.app, raw: medians.raw, visible: median(opens.slice(1).map((o) => o.visible)), maxTask: median(opens.slice(1).map((o) => o.maxTask)) };
      if (scale === 100 && process.env.BENCH_PROFILE === '1') {
        ctx.log('CPU profile of one more 100× open:');
        await openOnce(b, url, true, ctx.log);
      }
    }
    const mb = (s: Scale) => `${(profile.workspaces[s].update.length / 1024 / 1024).toFixed(1)} MB`;
    const r100 = result[100];
    rows.push(row('P13', `open the 100× workspace (${mb(100)} V2) to interactive in the built app (new tab, stored encrypted; key handed over); baseline Y.applyUpdateV2 of the same state`, r100.app, 'ms', r100.raw, '≤ 1 s', r100.app <= 1000));
    rows.push(row('P13', `100×: first frame with the playbook shown (median longest task of the open, until interactive: ${r100.maxTask.toFixed(0)} ms) — info`, r100.visible, 'ms', r100.raw, 'info'));
    if (fromList) rows.push(row('P13', `100× opened from the workspace list of a tab already running the app (no page load, vault open; median longest task of the open ${fromList.maxTask.toFixed(0)} ms) — info`, fromList.median, 'ms', r100.raw, 'info'));
    if (parts) for (const k of ['noDetails', 'noMore'] as const) rows.push(row('P13', `100× state ${PARTS[k].label}: Y.applyUpdateV2 (what loading those on demand could save); baseline the whole state — info`, parts[k], 'ms', r100.raw, 'info'));
    if (apart) rows.push(row('P13', `100× workspace ${PARTS.noMore.label} (${(profile.partsApart.update.length / 1024 / 1024).toFixed(1)} MB V2, stored by the app like the others): open to interactive, new tab as above (median longest task ${apart.maxTask.toFixed(0)} ms) — what keeping those parts in a second document would leave to open; baseline the whole state's Y.applyUpdateV2 — info`, apart.median, 'ms', r100.raw, 'info'));
    if (alone) {
      const mbOf = (u: Uint8Array) => `${(u.length / 1024 / 1024).toFixed(1)} MB V2`;
      rows.push(row('P13', `100× playbook section alone as a document of its own (its four collections and the units), ${ALONE.details.label} (${mbOf(aloneWithDetails)}): Y.applyUpdateV2; baseline the whole state — info`, alone.rawDetails, 'ms', r100.raw, 'info'));
      rows.push(row('P13', `100× playbook section alone, ${ALONE.light.label} (${mbOf(profile.playbookAlone.update)}): Y.applyUpdateV2 — what a document per section, with each type's details loaded when it is shown, would decode to open the playbook; baseline the whole state — info`, alone.raw, 'ms', r100.raw, 'info'));
      rows.push(row('P13', `100× workspace holding only that (stored by the app like the others): open to interactive, new tab as above (median longest task ${alone.maxTask.toFixed(0)} ms) — what that design would leave to open; baseline the whole state's Y.applyUpdateV2 — info`, alone.median, 'ms', r100.raw, 'info'));
    }
    if (history)
      for (const k of ['histCopies', 'histDeltas'] as const)
        rows.push(row('P13', `100× state plus a year of statement history (4 versions per statement: draft, one edit, review, approval, release) ${HISTORY[k].label}, ${(historyBytes[k] / 1024 / 1024).toFixed(1)} MB V2: Y.applyUpdateV2; baseline the state without history — info`, history[k], 'ms', r100.raw, 'info'));
    for (const s of [10, 1] as const) rows.push(row('P13', `open the ${s}× workspace (${mb(s)}) to interactive — info`, result[s].app, 'ms', result[s].raw, 'info'));
    for (const s of [100, 1] as const)
      if (s in withDefaults) rows.push(row('P13', `open the ${s}× workspace as above, in a Chromium with its default features and V8 flags (BackgroundResourceFetch on: no V8 code cache; young generation not capped); baseline the same open with the app's switches — info`, withDefaults[s], 'ms', result[s].app, 'info'));
    if (rawWithDefaults !== null) rows.push(row('P13', `Y.applyUpdateV2 of the 100× state in a fresh page of the Chromium with its default features and V8 flags (young generation not capped); baseline the same decode with the app's switches — info`, rawWithDefaults, 'ms', r100.raw, 'info'));
    return rows;
  } finally {
    await defaults?.close();
    await b.close();
    await srv.close();
  }
}
