import { test, expect } from '@playwright/test';
import { createWorkspace, openApp, waitSaved } from './helpers';

// Issue 13, item 3: duplicate severity numbers were accepted, an out-of-range number vanished when
// the field was left, contacts confirmed today read "0 天前確認", the AAR printed "27.799999999999997 分鐘".

test('severity numbers: a duplicate is named, an out-of-range number stays with a message', async ({ page }) => {
  await openApp(page, 'zh-TW');
  const ws = await createWorkspace(page, '驗證');
  await page.goto(`/#/w/${ws}/playbook/severities`);
  const levels = page.getByTestId('severity');
  const second = levels.nth(1);
  const level = second.locator('input[type=number]').first();
  const firstName = await levels.nth(0).getByTestId('severity-name').inputValue();
  const secondName = await second.getByTestId('severity-name').inputValue();
  await expect(page.getByTestId('severity-duplicate')).toHaveCount(0);
  await level.fill('1');
  const dup = page.getByTestId('severity-duplicate');
  await expect(dup).toHaveCount(1);
  await expect(dup).toHaveText(`等級數字 1 重複：「${firstName}」、「${secondName}」。事件只記錄等級數字，請讓每個等級各用不同的數字。`);
  await level.fill('2');
  await expect(dup).toHaveCount(0);

  // 12 is outside 1–9: kept in the field after leaving it, with what is expected and what is stored.
  await level.fill('12');
  await second.getByTestId('severity-name').click();
  await expect(level).toHaveValue('12');
  await expect(second.getByTestId('number-field-error')).toHaveText('請輸入 1–9 之間的數字；在此之前仍保留原值 2。');
  await level.fill('3');
  await expect(second.getByTestId('number-field-error')).toHaveCount(0);
  await waitSaved(page);

  // The language follows a switch, also for the message already shown.
  await level.fill('1');
  await page.getByTestId('language-switch').selectOption('en');
  await expect(dup).toContainText('Level number 1 is used more than once');
});

test('contacts confirmed today read "today", not "0 days ago"', async ({ page }) => {
  await openApp(page, 'zh-TW');
  const ws = await createWorkspace(page, '驗證二');
  await page.goto(`/#/w/${ws}/roles/people`);
  await page.getByTestId('add-member').click();
  const row = page.getByTestId('member').last();
  await row.getByTestId('member-name').fill('王小明');
  await row.getByTestId('member-confirm').click();
  await expect(row.getByTestId('member-freshness')).toHaveText('今天確認');
  await page.getByTestId('language-switch').selectOption('en');
  await expect(row.getByTestId('member-freshness')).toHaveText('Confirmed today');
});

test('the after-action review shows minutes rounded, not floating-point noise', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, 'zh-TW');
  const ws = await createWorkspace(page, '驗證三');
  await page.goto(`/#/w/${ws}/drills`);
  await page.locator('[data-testid=library-scenario][data-key=restaurant-food-poisoning]').getByTestId('add-library-scenario').click();
  await page.locator('[data-testid=scenario][data-library-key=restaurant-food-poisoning]').getByTestId('start-drill').click();
  await expect(page.getByTestId('incident-room')).toHaveAttribute('data-drill', 'true');
  // Run at 60× for a moment: the response lands a fraction of a minute after the inject.
  await page.getByTestId('clock-speed-60').click();
  await page.getByTestId('clock-resume').click();
  await page.waitForTimeout(2_300);
  await page.getByTestId('clock-pause').click();
  await page.getByTestId('inject').first().getByTestId('inject-respond').click();
  await page.getByTestId('log-text').fill('客服主動聯繫發文者');
  await page.getByTestId('log-submit').click();
  await expect(page.getByTestId('log-entry')).toHaveCount(1);
  await page.getByTestId('open-review').click();
  const first = page.getByTestId('aar-first-action').first();
  await expect(first).toHaveText(/^\d+(\.\d)? 分鐘$/);
  await expect(page.getByTestId('aar-totals')).toHaveText(/首次行動中位數：\d+(\.\d)? 分鐘/);
});
