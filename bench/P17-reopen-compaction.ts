/**
 * P17 — the first open after a join's rows were left uncompacted (info; issue 14, storage).
 *
 * A laptop that joined a workspace stores what it received in rows of at most 60 KB
 * (renderer/workspace/remoteBatch.ts `REMOTE_ROW_BYTES`). When the app goes away before compacting them (quit right
 * after the join), the next open compacts them at idle (`CompactionSchedule.resume`: eight rows or
 * more), reading rows no page of this session sealed or opened. Setup, in the built app: a workspace
 * created in the UI; the generated 100× state (bench/lib/generateWorkspace.ts) cut as a join's
 * slices (shared/sync/slices.ts) merged as the joining laptop's rows are (as many consecutive slices
 * as fit in REMOTE_ROW_BYTES in V2), applied through the scale test hook, one stored row each (247 at
 * 100×); the page closed as soon as they are stored (another tab keeps the vault open).
 * Measured: a new tab on the workspace, the longest main-thread task in the 8 s after its first
 * frame (the compaction's, and the sections' code preloading once the first screen is done).
 * Baseline: the same in the next open (rows compacted then). One open per setup and run.
 */
import * as Y from 'yjs';
import { rmSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import { median, row, type BenchContext, type BenchRow } from './types';
import { launchInProfile, createWorkspaceIn, scaleTmpDir } from './lib/appScale';
import { completeOnboarding } from '../tests/e2e/helpers';
import { longTasks, recordLongTasks, watchFirstFrame } from './lib/appScaleProbe';
import { generateWorkspace } from './lib/generateWorkspace';
import { DiffSlicer } from '../shared/sync/slices';
import { REMOTE_ROW_BYTES } from '../renderer/workspace/remoteBatch';
import { rowGroups } from '../renderer/workspace/compactionMerge';

const SCALE = 100;
const WATCH_MS = 8000;

/** The generated state as a join's slices, merged into rows as the joining laptop merges them (V1, base64). */
function joinBatches(): string[] {
  const slicer = new DiffSlicer(generateWorkspace(SCALE).doc, new Map());
  const slices: Uint8Array[] = [];
  for (let s = slicer.next(); s; s = slicer.next()) slices.push(s);
  // Grouped as the worker groups them: by each slice's size in V2.
  const v2 = slices.map((s) => Y.convertUpdateFormatV1ToV2(s));
  const v1Of = new Map(v2.map((u, i) => [u, slices[i]!]));
  return rowGroups(v2, REMOTE_ROW_BYTES).map((group) => Buffer.from(Y.mergeUpdates(group.map((u) => v1Of.get(u)!))).toString('base64'));
}

/** A workspace holding `batches` as uncompacted rows; returns its playbook's address. */
async function leftUncompacted(context: BrowserContext, appUrl: string, batches: readonly string[]): Promise<string> {
  const page = await context.newPage();
  const id = await createWorkspaceIn(page, appUrl, 'Joined yesterday');
  for (const b of batches) await page.evaluate((u) => window.__crisisRoomScaleTest!.applyUpdate(u), b);
  await page.getByTestId('save-status').and(page.locator('[data-status=saved]')).waitFor({ timeout: 300_000 });
  // Gone before compacting (the compaction after a close runs at idle on a page that stays).
  await page.close();
  return `${appUrl}#/w/${encodeURIComponent(id)}/playbook`;
}

/** Opens `url` in a new tab: the longest task in the WATCH_MS after its first frame. */
async function openAndWatch(context: BrowserContext, url: string): Promise<{ visible: number; longest: number }> {
  const page = await context.newPage();
  try {
    await watchFirstFrame(page, '[data-testid=crisis-type-link]');
    await page.goto(url);
    await page.waitForFunction(() => window.__scaleVisible !== undefined, null, { timeout: 180_000, polling: 100 });
    const visible = await page.evaluate(() => window.__scaleVisible!);
    await page.waitForTimeout(WATCH_MS);
    const after = (await longTasks(page, 0)).filter(([s]) => s >= visible);
    return { visible, longest: Math.max(0, ...after.map(([, d]) => d)) };
  } finally {
    await page.close();
  }
}

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const batches = joinBatches();
  const first: number[] = [];
  const next: number[] = [];
  for (let r = 1; r <= ctx.runs; r++) {
    const dir = scaleTmpDir();
    const context = await launchInProfile(dir);
    try {
      // One tab keeps the vault open: new tabs get its key (no Argon2id in the measured time).
      const holder = context.pages()[0] ?? (await context.newPage());
      await holder.goto(ctx.appUrl);
      await completeOnboarding(holder, { name: 'Bench' });
      const url = await leftUncompacted(context, ctx.appUrl, batches);
      await recordLongTasks(context);
      const a = await openAndWatch(context, url);
      const b = await openAndWatch(context, url);
      first.push(a.longest);
      next.push(b.longest);
      ctx.log(`run ${r}/${ctx.runs}: ${batches.length} rows left; first open: first frame ${a.visible.toFixed(0)} ms, longest task after it ${a.longest.toFixed(0)} ms; next open: ${b.visible.toFixed(0)} ms, ${b.longest.toFixed(0)} ms`);
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return [
    row('P17', `first open of the ${SCALE}× workspace after a join left ${batches.length} uncompacted rows (the app gone before compacting): longest main-thread task in the ${WATCH_MS / 1000} s after the first frame, median of ${ctx.runs}; baseline the next open — info`, median(first), 'ms', median(next), 'info'),
  ];
}

