import { test, expect } from '@playwright/test';
import { createWorkspace, openApp } from './helpers';

// Issue 13, item 4: an error stayed in the old language after a switch, playbook import errors were
// zod's raw English ("Invalid input: expected number…"), system log entries stayed zh-TW in a zh-CN screen.

test('import problems are worded in the UI language, and follow a switch', async ({ page }) => {
  await openApp(page, 'zh-TW');
  await createWorkspace(page, '語言切換');
  const exported = await (async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('playbook-export').click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    return JSON.parse(readFileSync(file!, 'utf8'));
  })();
  exported.crisisTypes[1].steps[0].targetMinutes = 'soon';
  delete exported.crisisTypes[2].name;
  exported.severities[1].level = exported.severities[0].level;
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('playbook-import').click();
  await (await chooser).setFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  const issues = page.getByTestId('import-issues');
  await expect(issues).toContainText('發現 3 個問題');
  const minutes = issues.locator('li').filter({ has: page.locator('[data-path="crisisTypes[1].steps[0].targetMinutes"]') });
  await expect(minutes).toHaveText('危機類型 #2 › 應變步驟 #1 › 目標時間：應為數字');
  await expect(issues.locator('li').filter({ has: page.locator('[data-path="crisisTypes[2].name"]') })).toHaveText('危機類型 #3 › 名稱：缺少這個欄位');
  await expect(issues.locator('li').filter({ has: page.locator('[data-path="severities[1].level"]') })).toContainText('等級數字 1 重複');
  await expect(issues).not.toContainText('Invalid input');
  await expect(issues).not.toContainText('expected');

  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(minutes).toHaveText('危机类型 #2 › 应对步骤 #1 › 目标时间：应为数字');
  await page.getByTestId('language-switch').selectOption('en');
  await expect(minutes).toHaveText('Crisis types #2 › Steps #1 › Target time: should be a number');
});

test('a shown error and a severity change in the log follow the reader\'s language', async ({ page }) => {
  await openApp(page, 'zh-TW');
  await createWorkspace(page, '系統紀錄');
  await page.getByRole('link', { name: '事件應變' }).click();
  await page.getByTestId('declare-incident').click();
  await page.getByTestId('incident-title').fill('食物中毒');
  await page.getByTestId('incident-type').selectOption({ label: '食安事件' });
  await page.getByTestId('risk-likelihood').selectOption('4');
  await page.getByTestId('risk-loss').selectOption('4');
  await page.getByTestId('incident-severity').selectOption('2');
  await page.getByTestId('declare-submit').click();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('與建議等級不同時，必須填寫理由。');
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(alert).toHaveText('与建议等级不同时，必须填写理由。');
  await page.getByTestId('severity-reason').fill('仅单一门店');
  await page.getByTestId('declare-submit').click();
  await expect(page.getByTestId('incident-room')).toBeVisible();

  // A change of level written on a zh-CN screen, read on an English one: worded by the reader's app.
  await page.getByTestId('severity-change').click();
  await page.getByTestId('severity-select').selectOption('3');
  await page.getByTestId('severity-reason-input').fill('媒体开始报道');
  await page.getByTestId('severity-apply').click();
  const entry = page.getByTestId('log-entry').first();
  await expect(entry).toContainText('调整为');
  await expect(entry).toContainText('媒体开始报道');
  await page.getByTestId('language-switch').selectOption('en');
  await expect(entry).not.toContainText('调整为');
  await expect(entry).toContainText('媒体开始报道');
  await expect(entry).toContainText('Severity changed from');
});
