import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp, createWorkspace, waitSaved } from './helpers';

test('exports the playbook, rejects a malformed file without changing anything, and imports a valid one', async ({ page }) => {
  await openApp(page, 'en');
  await createWorkspace(page, 'Transfer');
  await page.getByTestId('crisis-name').fill('Exported name');
  await waitSaved(page);

  const download = page.waitForEvent('download');
  await page.getByTestId('playbook-export').click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.crisisTypes).toHaveLength(13);
  expect(exported.crisisTypes[0].name).toBe('Exported name');

  // A malformed file: a step with a negative target time and a type without a name.
  const bad = structuredClone(exported);
  bad.crisisTypes[1].steps[0].targetMinutes = -5;
  delete bad.crisisTypes[2].name;
  let chooser = page.waitForEvent('filechooser');
  await page.getByTestId('playbook-import').click();
  await (await chooser).setFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const issues = page.getByTestId('import-issues');
  // Each problem names its place in the reader's words (the technical path stays in data-path).
  await expect(issues.locator('[data-path="crisisTypes[1].steps[0].targetMinutes"]')).toHaveText('Crisis types #2 › Steps #1 › Target time');
  await expect(issues.locator('[data-path="crisisTypes[2].name"]')).toHaveCount(1);
  await expect(page.getByTestId('crisis-type-link')).toHaveCount(13);
  await expect(page.getByTestId('crisis-name')).toHaveValue('Exported name');

  // A valid file with one type renamed and one removed replaces the playbook.
  const good = structuredClone(exported);
  good.crisisTypes[0].name = 'Imported name';
  good.crisisTypes.pop();
  chooser = page.waitForEvent('filechooser');
  await page.getByTestId('playbook-import').click();
  await (await chooser).setFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await page.getByTestId('playbook-import-apply').click();
  await expect(page.getByTestId('crisis-type-link')).toHaveCount(12);
  await expect(page.getByTestId('crisis-type-link').first()).toHaveText('Imported name');
  await expect(page.getByTestId('import-issues')).toBeHidden();
});
