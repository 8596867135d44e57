import { readFile, writeFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { createWorkspace, openApp, waitSaved } from './helpers';

/**
 * Encrypted backups and sneakernet through the real UI: laptop A exports its workspace with a
 * passphrase; laptop B (a separate browser context: its own storage and device key) restores it
 * as a new workspace; both edit; B exports; A merges B's file as a CRDT merge after a preview
 * with counts per section. A wrong passphrase and a damaged file show the clear error and
 * change nothing.
 */

const PASS = 'sneakernet passphrase 2026';

async function openBackupPage(page: Page, id: string): Promise<void> {
  await page.goto(`/#/w/${id}/backup`);
  await expect(page.getByTestId('backup-page')).toBeVisible();
}

async function exportWithPassphrase(page: Page, path: string): Promise<void> {
  await page.getByTestId('export-kind-workspace').check();
  await page.getByTestId('export-by-passphrase').check();
  await page.getByTestId('export-passphrase').fill(PASS);
  await page.getByTestId('export-passphrase2').fill(PASS);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  await (await download).saveAs(path);
  await expect(page.getByTestId('export-result')).toBeVisible();
}

async function pickFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-pick').click();
  await (await chooser).setFiles(path);
}

async function addCrisisType(page: Page, id: string, name: string): Promise<void> {
  await page.goto(`/#/w/${id}/playbook`);
  await page.getByTestId('add-crisis-type').click();
  await page.getByTestId('crisis-name').fill(name);
  await expect(page.getByTestId('crisis-type-link').filter({ hasText: name })).toHaveCount(1);
  await waitSaved(page);
}

async function crisisTypes(page: Page, id: string): Promise<string[]> {
  await page.goto(`/#/w/${id}/playbook`);
  await expect(page.getByTestId('crisis-type-link').first()).toBeVisible();
  return page.getByTestId('crisis-type-link').allInnerTexts();
}

test('export with a passphrase, restore on another laptop, edit both, merge back with a preview', async ({ page: a, browser }, info) => {
  test.setTimeout(180_000);
  const fileA = info.outputPath('a.crisisroom');
  const fileB = info.outputPath('b.crisisroom');
  const damaged = info.outputPath('damaged.crisisroom');

  await openApp(a, 'en', { name: 'Amy' });
  const id = await createWorkspace(a, 'Sneakernet');
  await openBackupPage(a, id);
  await exportWithPassphrase(a, fileA);
  const bytesA = await readFile(fileA);
  expect(bytesA.subarray(0, 10).toString()).toBe('CRISISROOM');
  expect(bytesA.includes(Buffer.from('Sneakernet'))).toBe(false);

  // Laptop B: its own profile and storage.
  const contextB = await browser.newContext();
  const b = await contextB.newPage();
  await openApp(b, 'en', { name: 'Bea' });
  const scratch = await createWorkspace(b, 'Scratch');
  await openBackupPage(b, scratch);

  // A wrong passphrase: the clear error, no workspace added.
  await pickFile(b, fileA);
  await b.getByTestId('import-passphrase').fill('not the passphrase at all');
  await b.getByTestId('import-open').click();
  await expect(b.getByTestId('import-error')).toHaveText('Wrong passphrase (or the file was altered).');
  await expect(b.getByTestId('import-manifest')).toHaveCount(0);

  // The right one: the manifest says what, who and when; restore as a new workspace.
  await b.getByTestId('import-passphrase').fill(PASS);
  await b.getByTestId('import-open').click();
  const manifest = b.getByTestId('import-manifest');
  await expect(manifest).toHaveAttribute('data-kind', 'workspace');
  await expect(manifest).toContainText('Sneakernet');
  await expect(manifest).toContainText('Amy');
  await b.getByTestId('import-restore').click();
  await expect(b.getByTestId('import-result')).toContainText('Restored as workspace “Sneakernet”');
  await b.getByTestId('import-open-restored').click();
  await expect(b.getByTestId('workspace-title')).toHaveText('Sneakernet');
  expect(b.url()).toContain(`#/w/${id}/`);
  await b.goto('/#/');
  await expect(b.getByTestId('workspace-item')).toHaveCount(2);

  // Both edit.
  await addCrisisType(a, id, 'Supplier stoppage (A)');
  await addCrisisType(b, id, 'Data leak (B)');
  const before = await crisisTypes(a, id);

  // B exports; the file goes to A "on a USB stick".
  await openBackupPage(b, id);
  await exportWithPassphrase(b, fileB);

  // A damaged copy: the clear error, nothing changes in A.
  const bytesB = await readFile(fileB);
  const broken = Buffer.from(bytesB);
  broken[broken.length - 100]! ^= 0x10;
  await writeFile(damaged, broken);
  await openBackupPage(a, id);
  await pickFile(a, damaged);
  await a.getByTestId('import-passphrase').fill(PASS);
  await a.getByTestId('import-open').click();
  await expect(a.getByTestId('import-error')).toHaveText(/^Part \d+ of \d+ of the file is damaged or was altered\.$/);
  await expect(a.getByTestId('import-manifest')).toHaveCount(0);
  expect(await crisisTypes(a, id)).toEqual(before);

  // The good file: preview with counts per section, then the merge.
  await openBackupPage(a, id);
  await pickFile(a, fileB);
  await a.getByTestId('import-passphrase').fill(PASS);
  await a.getByTestId('import-open').click();
  await a.getByTestId('import-merge').click();
  const preview = a.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(preview.locator('[data-section=playbook]')).toHaveAttribute('data-added', '1');
  await expect(preview.locator('[data-section=playbook]')).toHaveAttribute('data-removed', '0');
  await expect(preview.locator('[data-section=statements]')).toHaveAttribute('data-added', '0');
  // Nothing is written before the person applies.
  expect(await crisisTypes(a, id)).toEqual(before);
  await openBackupPage(a, id);
  await pickFile(a, fileB);
  await a.getByTestId('import-passphrase').fill(PASS);
  await a.getByTestId('import-open').click();
  await a.getByTestId('import-merge').click();
  await a.getByTestId('import-apply').click();
  await expect(a.getByTestId('import-result')).toContainText('Merged');
  await waitSaved(a);
  const after = await crisisTypes(a, id);
  expect(after).toContain('Supplier stoppage (A)');
  expect(after).toContain('Data leak (B)');
  expect(after.length).toBe(before.length + 1);

  // A file of another workspace cannot be merged: the clear error, restore offered.
  const other = await createWorkspace(a, 'Other room');
  await openBackupPage(a, other);
  await pickFile(a, fileB);
  await a.getByTestId('import-passphrase').fill(PASS);
  await a.getByTestId('import-open').click();
  await a.getByTestId('import-merge').click();
  await expect(a.getByTestId('import-error')).toContainText('belongs to another workspace (“Sneakernet”)');
  await expect(a.getByTestId('import-restore')).toBeVisible();
  // Restoring it here, where its workspace id exists: a separate copy, said plainly.
  await a.getByTestId('import-restore').click();
  await expect(a.getByTestId('import-result')).toContainText('Restored as a separate copy “Sneakernet (');
  await expect(a.getByTestId('import-result')).toContainText('do not count in it');
  await a.getByTestId('import-open-restored').click();
  await expect(a.getByTestId('workspace-title')).toHaveText(/^Sneakernet \(\d{4}-\d{2}-\d{2}\)$/);
  expect(a.url()).not.toContain(id);
  await a.goto(`/#/w/${id}/playbook`);
  await expect(a.getByTestId('crisis-type-link').filter({ hasText: 'Data leak (B)' })).toHaveCount(1);
  await contextB.close();
});
