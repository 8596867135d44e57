import { test, expect, type Page } from '@playwright/test';
import { createWorkspace, openApp } from './helpers';

// Issue 13, item 1: tasks due at T+24 h and T+72 h showed only "02:26" (room and projector) and read as overdue.
test.use({ timezoneId: 'Asia/Taipei' });

async function declareFoodSafety(page: Page): Promise<void> {
  await page.getByRole('link', { name: '事件應變' }).click();
  await page.getByTestId('declare-incident').click();
  await page.getByTestId('incident-title').fill('食物中毒');
  await page.getByTestId('incident-type').selectOption({ label: '食安事件' });
  await page.getByTestId('declare-submit').click();
  await expect(page.getByTestId('incident-room')).toBeVisible();
}

test('due times a day or more away show the day, in the room and on the projector; T0 names the time zone', async ({ page }) => {
  await openApp(page, 'zh-TW');
  await createWorkspace(page, '期限顯示');
  await declareFoodSafety(page);
  const due = page.getByTestId('task-due');
  await expect(due).toHaveCount(5);
  // The food-safety steps: 30 min, 1 h, 1 h, 24 h, 72 h after T0.
  await expect(due.nth(3)).toContainText('明天');
  await expect(due.nth(3)).toContainText('T+24:00:00');
  await expect(due.nth(4)).toHaveText(/期限 \d+月\d+日週.  ?\d\d:\d\d \(T\+72:00:00\)/);
  await expect(due.nth(4)).not.toContainText('明天');
  // The full moment with its zone on hover; the zone on the T0 line.
  await expect(due.nth(4)).toHaveAttribute('title', /\d{4}年\d+月\d+日 \d\d:\d\d \(GMT\+8\)/);
  await expect(page.getByTestId('incident-room')).toContainText(/T0：\d{4}年\d+月\d+日 \d\d:\d\d \(GMT\+8\)/);
  // Item 6 (part): the update reminder says what restarts its timer.
  await expect(page.getByTestId('update-resets')).toContainText('「溝通」類的時間軸紀錄');

  await page.getByTestId('open-projector').click();
  const projDue = page.getByTestId('projector-task-due');
  await expect(projDue).toHaveCount(5);
  await expect(projDue.nth(3)).toHaveText(/^明天 \d\d:\d\d$/);
  await expect(projDue.nth(4)).toHaveText(/^\d+月\d+日週. ?\d\d:\d\d$/);
  // Not struck as late: only tasks whose moment has passed are.
  await expect(page.locator('.projector li.late')).toHaveCount(0);
  await expect(page.getByTestId('projector-zone')).toHaveText('GMT+8');
});

test('in English the same due times read "tomorrow" and a weekday date', async ({ page }) => {
  await openApp(page, 'en');
  await createWorkspace(page, 'Due times');
  await page.getByRole('link', { name: 'Incidents' }).click();
  await page.getByTestId('declare-incident').click();
  await page.getByTestId('incident-title').fill('Food poisoning');
  await page.getByTestId('incident-type').selectOption({ label: 'Food-safety incident' });
  await page.getByTestId('declare-submit').click();
  const due = page.getByTestId('task-due');
  await expect(due.nth(3)).toContainText('tomorrow');
  await expect(due.nth(4)).toHaveText(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d+ \d\d:\d\d/);
});
