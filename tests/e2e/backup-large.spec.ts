import { writeFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { countSections, writeBackup } from '../../shared/backup';
import { addRecord } from '../../shared/doc/collection';
import { write } from '../../shared/doc/origins';
import { metaOf, playbookOf } from '../../shared/doc/workspaceDoc';
import { createWorkspace, openApp } from './helpers';

/**
 * A large backup (a workspace whose Yjs state is > 20 MB) through the real UI: import with a
 * progress bar, restore, export again with a progress bar; the page keeps answering meanwhile
 * (a 20 ms timer in the page records its longest gap). Prints times and throughput.
 */

const PASS = 'large file passphrase 2026';

/** Installs a timer that records how late it fires (the page's longest unresponsive stretch). */
async function startProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __gaps: number[]; __probe: number };
    w.__gaps = [];
    let last = performance.now();
    w.__probe = window.setInterval(() => {
      const now = performance.now();
      w.__gaps.push(now - last);
      last = now;
    }, 20);
  });
}
async function stopProbe(page: Page): Promise<{ max: number; over100: number; ticks: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __gaps: number[]; __probe: number };
    clearInterval(w.__probe);
    return { max: Math.round(Math.max(...w.__gaps)), over100: w.__gaps.filter((g) => g > 100).length, ticks: w.__gaps.length };
  });
}

test('a > 20 MB workspace: import and export show progress and the page stays responsive', async ({ page }, info) => {
  test.setTimeout(300_000);
  // The big workspace, made and encrypted here (Node), as another laptop would have.
  const doc = new Y.Doc();
  const filler = 'abcdefghijklmnopqrstuvwxyz0123456789 '.repeat(300);
  write(doc, 'system', () => metaOf(doc).set('name', 'Large room'));
  for (let i = 0; i < 2000; i++) addRecord(playbookOf(doc).principles, { text: `${i} ${filler}` }, 'system');
  const payload = Y.encodeStateAsUpdateV2(doc);
  expect(payload.length).toBeGreaterThan(20 * 1024 * 1024);
  const bytes = await writeBackup({
    manifest: {
      kind: 'workspace',
      workspace: { id: `large-${Date.now()}`, name: 'Large room' },
      exportedBy: { name: 'Lab', key: 'k', fingerprint: 'LAB' },
      exportedAt: Date.now(),
      automatic: false,
      appVersion: 'test',
      schemaVersion: 1,
      counts: countSections(doc),
    },
    payload,
    protection: { passphrase: PASS },
  });
  const file = info.outputPath('large.crisisroom');
  await writeFile(file, bytes);
  const mb = payload.length / 1024 / 1024;

  await openApp(page, 'en', { name: 'Lee' });
  const scratch = await createWorkspace(page, 'Scratch');
  await page.goto(`/#/w/${scratch}/backup`);
  await startProbe(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-pick').click();
  await (await chooser).setFiles(file);
  await page.getByTestId('import-passphrase').fill(PASS);
  const t0 = Date.now();
  await page.getByTestId('import-open').click();
  // The progress bar moves through intermediate values.
  const progress = page.getByTestId('import-progress');
  await expect(progress).toHaveAttribute('data-phase', 'decrypt', { timeout: 60_000 });
  await expect.poll(async () => Number(await progress.getAttribute('data-percent').catch(() => '0')), { timeout: 60_000, intervals: [50] }).toBeGreaterThan(0);
  await expect(page.getByTestId('import-manifest')).toBeVisible({ timeout: 120_000 });
  const importMs = Date.now() - t0;
  const importProbe = await stopProbe(page);
  await page.getByTestId('import-restore').click();
  await expect(page.getByTestId('import-result')).toContainText('Restored as workspace “Large room”', { timeout: 120_000 });
  const restoredHref = await page.getByTestId('import-open-restored').getAttribute('href');
  const id = /#\/w\/([^/]+)/.exec(restoredHref ?? '')![1]!;

  // Export the large workspace again from the page.
  await page.goto(`/#/w/${id}/backup`);
  await expect(page.getByTestId('workspace-title')).toHaveText('Large room', { timeout: 120_000 });
  await page.getByTestId('export-passphrase').fill(PASS);
  await page.getByTestId('export-passphrase2').fill(PASS);
  await startProbe(page);
  const download = page.waitForEvent('download', { timeout: 120_000 });
  const t1 = Date.now();
  await page.getByTestId('export-button').click();
  const exportProgress = page.getByTestId('export-progress');
  await expect.poll(async () => Number(await exportProgress.getAttribute('data-percent').catch(() => '0')), { timeout: 60_000, intervals: [50] }).toBeGreaterThan(0);
  const saved = await download;
  const exportMs = Date.now() - t1;
  const exportProbe = await stopProbe(page);
  const out = info.outputPath('large-again.crisisroom');
  await saved.saveAs(out);
  console.log(
    `[backup large e2e] payload ${mb.toFixed(1)} MB; import (Argon2id 64 MiB + decrypt + verify + check) ${(importMs / 1000).toFixed(1)} s ` +
      `(${(mb / (importMs / 1000)).toFixed(1)} MB/s), longest page stall ${importProbe.max} ms, stalls >100 ms: ${importProbe.over100}/${importProbe.ticks}; ` +
      `export (encode + Argon2id + encrypt + download) ${(exportMs / 1000).toFixed(1)} s (${(mb / (exportMs / 1000)).toFixed(1)} MB/s), ` +
      `longest page stall ${exportProbe.max} ms, stalls >100 ms: ${exportProbe.over100}/${exportProbe.ticks}`,
  );
});
