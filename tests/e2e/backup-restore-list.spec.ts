import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { createWorkspace, openApp, waitSaved } from './helpers';

/**
 * The USB-stick case: laptop A exports its workspace with a passphrase; laptop B is a fresh
 * browser context with no workspace at all (an isolated room, no network) and restores the file
 * from the workspace list ("Restore from a backup file…"), then sees A's content. A wrong
 * passphrase shows the clear error and adds nothing.
 */

const PASS = 'usb stick passphrase 2026';
const MARKER = 'Warehouse fire (from A)';

async function pickFromList(page: Page, path: string): Promise<void> {
  await page.goto('/#/');
  await page.getByTestId('restore-from-file').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-pick').click();
  await (await chooser).setFiles(path);
}

test('a fresh laptop restores a backup from the workspace list; a wrong passphrase changes nothing', async ({ page: a, browser }, info) => {
  test.setTimeout(180_000);
  const fileA = info.outputPath('a.crisisroom');

  await openApp(a, 'en', { name: 'Amy' });
  const id = await createWorkspace(a, 'USB stick');
  await a.getByTestId('add-crisis-type').click();
  await a.getByTestId('crisis-name').fill(MARKER);
  await expect(a.getByTestId('crisis-type-link').filter({ hasText: MARKER })).toHaveCount(1);
  await waitSaved(a);
  await a.goto(`/#/w/${id}/backup`);
  await a.getByTestId('export-kind-workspace').check();
  await a.getByTestId('export-by-passphrase').check();
  await a.getByTestId('export-passphrase').fill(PASS);
  await a.getByTestId('export-passphrase2').fill(PASS);
  const download = a.waitForEvent('download');
  await a.getByTestId('export-button').click();
  await (await download).saveAs(fileA);
  expect((await readFile(fileA)).includes(Buffer.from(MARKER))).toBe(false);

  // Laptop B: a fresh context, no workspace at all.
  const contextB = await browser.newContext();
  const b = await contextB.newPage();
  await openApp(b, 'en', { name: 'Bea' });
  await expect(b.getByTestId('workspace-item')).toHaveCount(0);

  // A wrong passphrase: the clear error, nothing shown, nothing added.
  await pickFromList(b, fileA);
  await b.getByTestId('import-passphrase').fill('not the passphrase at all');
  await b.getByTestId('import-open').click();
  await expect(b.getByTestId('import-error')).toHaveText('Wrong passphrase (or the file was altered).', { timeout: 60_000 });
  await expect(b.getByTestId('import-manifest')).toHaveCount(0);
  await expect(b.getByTestId('workspace-item')).toHaveCount(0);

  // The right passphrase: progress, the manifest, restore (no merge without an open workspace).
  await b.getByTestId('import-passphrase').fill(PASS);
  await b.getByTestId('import-open').click();
  const manifest = b.getByTestId('import-manifest');
  await expect(manifest).toHaveAttribute('data-kind', 'workspace', { timeout: 60_000 });
  await expect(manifest).toContainText('USB stick');
  await expect(manifest).toContainText('Amy');
  await expect(b.getByTestId('import-merge')).toHaveCount(0);
  await b.getByTestId('import-restore').click();
  await expect(b.getByTestId('import-result')).toContainText('Restored as workspace “USB stick”');
  await expect(b.getByTestId('workspace-item')).toHaveCount(1);
  await b.getByTestId('import-open-restored').click();
  await expect(b.getByTestId('workspace-title')).toHaveText('USB stick');
  expect(b.url()).toContain(`#/w/${id}/`);
  await b.goto(`/#/w/${id}/playbook`);
  await expect(b.getByTestId('crisis-type-link').filter({ hasText: MARKER })).toHaveCount(1);
  await contextB.close();
});
