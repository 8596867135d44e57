/**
 * The app's own confirmation dialog (renderer/ui/confirm.tsx) through the real UI, deleting a
 * workspace: it is an alertdialog named by its title and described by its text, in the UI
 * language; a destructive action starts on Cancel; Tab and Shift+Tab stay inside; Esc cancels
 * and nothing is deleted, focus going back to the button that asked; the page behind cannot be
 * clicked; the action button deletes. A harmless action (copying RACI roles) starts on its own
 * button. axe finds no violation in the open dialog, and the browser never opens a native dialog.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createWorkspace, openApp, recordNativeDialogs, unlock } from './helpers';

/** Whether the focused element is inside the open alertdialog. */
const focusInside = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('[role=alertdialog]'));

test('confirming in the app’s own dialog: named alertdialog, focus kept inside, Esc cancels, the action deletes; no native dialog', async ({ page }) => {
  const nativeDialogs = recordNativeDialogs(page);
  await openApp(page, 'zh-TW');
  const name = '確認對話框測試';
  await createWorkspace(page, name);
  await page.goto('/#/');
  const item = page.getByTestId('workspace-item').filter({ hasText: name });
  const remove = item.getByRole('button', { name: '刪除', exact: true });
  await remove.click();

  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleName('刪除');
  await expect(dialog).toHaveAccessibleDescription(/確定要刪除「確認對話框測試」嗎？刪除後 \d+ 秒內可以復原。/);
  await expect(dialog.getByTestId('confirm-cancel')).toHaveText('取消');
  await expect(dialog.getByTestId('confirm-ok')).toHaveText('刪除');
  // Destructive: Enter right away would cancel, not delete.
  await expect(dialog.getByTestId('confirm-cancel')).toBeFocused();
  const axe = await new AxeBuilder({ page }).include('[role=alertdialog]').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.failureSummary ?? ''}`)).toEqual([]);

  // Tab and Shift+Tab cycle through the dialog's two buttons only.
  const seen = new Set<string>();
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await focusInside(page), `focus after ${key}`).toBe(true);
    seen.add(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''));
  }
  expect([...seen].sort()).toEqual(['confirm-cancel', 'confirm-ok']);

  // The page behind is out of reach while the dialog is open.
  await page.mouse.click(5, 5);
  await expect(dialog).toBeVisible();

  // Esc cancels: the dialog goes, the workspace stays (also after a reload), focus is back on 刪除.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(remove).toBeFocused();
  await expect(item).toHaveCount(1);
  await expect(page.locator('.toast')).toHaveCount(0);
  await page.reload();
  await unlock(page);
  await expect(item).toHaveCount(1);

  // Cancel with the mouse: still there.
  await remove.click();
  await dialog.getByTestId('confirm-cancel').click();
  await expect(dialog).toHaveCount(0);
  await expect(item).toHaveCount(1);

  // The action button deletes (with the undo toast, as before).
  await remove.click();
  await dialog.getByTestId('confirm-ok').click();
  await expect(dialog).toHaveCount(0);
  await expect(item).toHaveCount(0);
  await expect(page.locator('.toast').filter({ hasText: name })).toBeVisible();

  expect(nativeDialogs).toEqual([]);
});

test('a harmless action starts on its own button; the dialog speaks the UI language', async ({ page }) => {
  const nativeDialogs = recordNativeDialogs(page);
  await openApp(page, 'en');
  const id = await createWorkspace(page, 'Confirm focus');
  await page.goto(`/#/w/${id}/roles/matrix`);
  const copyFrom = page.getByTestId('matrix-copy-from');
  await copyFrom.selectOption({ index: 1 });
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleName('Use the roles of another type…');
  await expect(dialog.getByTestId('confirm-ok')).toHaveText('OK');
  await expect(dialog.getByTestId('confirm-cancel')).toHaveText('Cancel');
  await expect(dialog.getByTestId('confirm-ok')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(nativeDialogs).toEqual([]);
});
