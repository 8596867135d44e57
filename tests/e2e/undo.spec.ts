/**
 * Undo through the real UI: deleting a playbook record shows a toast whose "復原" brings it back
 * with its content; Ctrl+Z (focus outside a text box) undoes the next deletion, Ctrl+Shift+Z
 * redoes it.
 */
import { expect, test } from '@playwright/test';
import { createWorkspace, openApp, recordNativeDialogs } from './helpers';

test('a deleted crisis type comes back from the undo toast, and with Ctrl+Z; Ctrl+Shift+Z deletes it again', async ({ page }) => {
  const nativeDialogs = recordNativeDialogs(page);
  await openApp(page, 'zh-TW');
  const id = await createWorkspace(page, '復原測試');
  await page.goto(`/#/w/${id}/playbook/crisisTypes`);
  const removeButtons = page.getByRole('button', { name: /^刪除 / });
  await expect(removeButtons.first()).toBeVisible();
  const firstName = (await removeButtons.first().getAttribute('aria-label'))!.replace(/^刪除 /, '');
  const victim = page.getByRole('button', { name: `刪除 ${firstName}`, exact: true });
  await expect(victim).toHaveCount(1);

  await victim.click();
  await expect(victim).toHaveCount(0);
  const toast = page.locator('.toast').filter({ hasText: '已刪除 1 項' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: '復原' }).click();
  await expect(victim).toHaveCount(1);

  await victim.click();
  await expect(victim).toHaveCount(0);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+z');
  await expect(victim).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(victim).toHaveCount(0);
  expect(nativeDialogs).toEqual([]);
});
