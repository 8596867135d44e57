import { test, expect } from '@playwright/test';
import { createWorkspace, openApp, waitSaved, unlock } from './helpers';

test('declare an incident, work its room, and see it on the projector board', async ({ page }) => {
  await openApp(page, 'zh-TW');
  const ws = await createWorkspace(page, '事件應變測試');
  await page.getByRole('link', { name: '事件應變' }).click();
  await page.getByTestId('declare-incident').click();

  await page.getByTestId('incident-title').fill('信義店顧客食物中毒');
  await page.getByTestId('incident-type').selectOption({ label: '食安事件' });
  // 4 × 4 = 16 → level 1 suggested; choosing level 2 requires a reason.
  await page.getByTestId('risk-likelihood').selectOption('4');
  await page.getByTestId('risk-loss').selectOption('4');
  await expect(page.getByTestId('suggested-severity')).toContainText('第一級');
  await page.getByTestId('incident-severity').selectOption('2');
  await page.getByTestId('declare-submit').click();
  await expect(page.getByRole('alert')).toContainText('必須填寫理由');
  await page.getByTestId('severity-reason').fill('僅單一門市，已暫停供餐');
  await page.getByTestId('incident-product').fill('海鮮燉飯');
  await page.getByTestId('declare-submit').click();

  await expect(page.getByTestId('incident-room')).toBeVisible();
  await expect(page.getByTestId('severity-value')).toHaveText('第二級：嚴重');
  // Tasks come from the playbook's food-safety steps, with owners from the responsibility map.
  const tasks = page.getByTestId('task');
  await expect(tasks).toHaveCount(5);
  await expect(tasks.first()).toContainText('暫停販售並封存樣品');
  await expect(tasks.first()).toContainText('負責：營運部');
  await expect(page.getByTestId('update-reminder')).toContainText('下次狀態更新');
  await expect(page.getByTestId('fact')).toHaveCount(1);

  await tasks.first().getByTestId('task-done').click();
  await expect(tasks.first()).toHaveAttribute('data-status', 'done');
  await page.getByTestId('log-category').selectOption('decision');
  await page.getByTestId('log-text').fill('全台分店暫停供應海鮮燉飯');
  await page.getByTestId('log-submit').click();
  await expect(page.getByTestId('log-entry').first()).toContainText('全台分店暫停供應海鮮燉飯');
  await expect(page.getByTestId('log-entry').first()).toHaveAttribute('data-category', 'decision');
  await page.getByTestId('fact-label').fill('就醫人數');
  await page.getByTestId('fact-value').fill('7');
  await page.getByTestId('fact-add').click();
  await expect(page.getByTestId('fact')).toHaveCount(2);
  await waitSaved(page);

  // Reload: everything is still there.
  await page.reload();
  await unlock(page);
  await expect(page.getByTestId('log-entry')).toHaveCount(1);
  await expect(page.getByTestId('task').first()).toHaveAttribute('data-status', 'done');

  // The projector board: huge type, readable across a room.
  await page.getByTestId('open-projector').click();
  await expect(page.getByTestId('projector')).toBeVisible();
  await expect(page.locator('.sidebar')).toHaveCount(0);
  const bodySize = await page.getByTestId('projector').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(bodySize).toBeGreaterThanOrEqual(28);
  const smallest = await page.getByTestId('projector').evaluate((root) => Math.min(...[...root.querySelectorAll('li, h2, span, strong')].map((el) => parseFloat(getComputedStyle(el).fontSize))));
  expect(smallest).toBeGreaterThanOrEqual(28);
  await expect(page.getByTestId('projector-severity')).toHaveText('第二級：嚴重');
  await expect(page.getByTestId('projector')).toContainText('全台分店暫停供應海鮮燉飯');

  // Real incidents are listed and counted; no drill badge.
  await page.goto(`/#/w/${ws}/incidents`);
  await expect(page.getByTestId('incident-item')).toHaveCount(1);
  await expect(page.getByTestId('real-report')).toContainText('真實事件共 1 件');
  await expect(page.getByTestId('drill-badge')).toHaveCount(0);
});
