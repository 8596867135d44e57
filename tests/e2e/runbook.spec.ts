/**
 * The playbook's read mode: a runbook with no inputs, each crisis type with its first responder
 * and its steps (owner, time target, checklist); an edit made in edit mode shows there.
 */
import { expect, test } from '@playwright/test';
import { createWorkspace, openApp } from './helpers';

test('read mode shows the playbook as a runbook without inputs, and follows edits', async ({ page }) => {
  await openApp(page, 'zh-TW');
  const id = await createWorkspace(page, '手冊閱讀');
  await page.goto(`/#/w/${id}/playbook/runbook`);
  const runbook = page.getByTestId('runbook');
  await expect(runbook).toBeVisible();
  expect(await page.getByTestId('runbook-type').count()).toBeGreaterThanOrEqual(13);
  expect(await page.getByTestId('runbook-step').count()).toBeGreaterThan(20);
  await expect(runbook.locator('input, textarea, select')).toHaveCount(0);
  await expect(runbook).toContainText('第一線負責：');
  await expect(runbook).toContainText('危機等級');
  await expect(page.getByTestId('runbook-print')).toBeVisible();

  // Rename the first crisis type in edit mode: read mode shows the new name.
  await page.goto(`/#/w/${id}/playbook/crisisTypes`);
  const name = page.getByTestId('crisis-name');
  await expect(name).toBeVisible();
  await name.fill('食安事件（改）');
  await name.blur();
  await page.goto(`/#/w/${id}/playbook/runbook`);
  await expect(page.getByTestId('runbook-type').first().locator('h2')).toHaveText('食安事件（改）');
});
