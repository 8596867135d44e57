/**
 * Ctrl+K search across the workspace, through the real UI: Chinese found inside words without
 * spaces, in a statement's body; Enter jumps to the item; an edit made
 * after the first search is found by the next one.
 */
import { expect, test } from '@playwright/test';
import { createWorkspace, openApp } from './helpers';

test('Ctrl+K finds a statement by a word inside its body and jumps there', async ({ page }) => {
  await openApp(page, 'zh-TW');
  const id = await createWorkspace(page, '搜尋測試');

  // A statement with a body the search must look into.
  await page.goto(`/#/w/${id}/statements`);
  await page.getByTestId('new-statement').click();
  await page.getByTestId('new-title').fill('雞腿便當回收聲明');
  await page.getByTestId('create-statement').click();
  await expect(page).toHaveURL(new RegExp(`#/w/${id}/statements/[^/?]+$`));
  const statementUrl = page.url();
  const body = page.getByTestId('statement-body');
  await expect(body).toHaveAttribute('contenteditable', 'true', { timeout: 15_000 });
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('已安排全額退款予受影響顧客。');

  await page.goto(`/#/w/${id}/playbook`);
  await page.keyboard.press('Control+k');
  const input = page.getByTestId('search-input');
  await expect(input).toBeFocused();
  await input.fill('全額退款');
  const hit = page.getByTestId('search-hit').first();
  await expect(hit).toHaveAttribute('data-kind', 'statement');
  await expect(hit).toContainText('雞腿便當回收聲明');
  await expect(hit).toContainText('全額退款');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(statementUrl);
  await expect(page.getByTestId('search-palette')).toHaveCount(0);

  // A word that is nowhere: a clear "nothing found".
  await page.getByTestId('search-open').click();
  await page.getByTestId('search-input').fill('不存在的關鍵字');
  await expect(page.getByTestId('search-palette')).toContainText('找不到「不存在的關鍵字」');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('search-palette')).toHaveCount(0);

  // An edit after the first search is found by the next one.
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('門市暫停販售雞腿排。');
  await page.keyboard.press('Control+k');
  await page.getByTestId('search-input').fill('販售雞腿排');
  await expect(page.getByTestId('search-hit').first()).toContainText('雞腿便當回收聲明');
});

test('"?" outside a text box lists the keyboard shortcuts; Esc closes the sheet', async ({ page }) => {
  await openApp(page, 'zh-TW');
  await createWorkspace(page, '快速鍵');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('?');
  const sheet = page.getByTestId('shortcut-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('搜尋整個工作區');
  await expect(sheet).toContainText('復原自己的上一個變更');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});
