import { test, expect, type Locator, type Page } from '@playwright/test';
import { createWorkspace, openApp, waitSaved } from './helpers';

// Issue 13, item 2: "+ 新檢核項目" inserted the literal text and kept the focus on the button, so a
// space added yet another item. Every add button: the new item appears empty, its first field focused.

/** Clicks an add button, then types: the text must land in the new item, and nothing more is added. */
async function addAndType(page: Page, button: Locator, rows: Locator, field: (row: Locator) => Locator, text: string): Promise<void> {
  const before = await rows.count();
  await button.click();
  await expect(rows).toHaveCount(before + 1);
  const input = field(rows.last());
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('');
  // A space first: on a focused button it would add another item.
  await page.keyboard.press('Space');
  await page.keyboard.type(text);
  await expect(rows).toHaveCount(before + 1);
  await expect(input).toHaveValue(` ${text}`);
}

test('playbook add buttons focus the new item, empty', async ({ page }) => {
  await openApp(page, 'zh-TW');
  const ws = await createWorkspace(page, '新增焦點');

  const step = page.getByTestId('step').first();
  const checklist = step.locator('.checklist li');
  await addAndType(page, step.getByRole('button', { name: '+ 新檢核項目' }), checklist, (r) => r.getByTestId('checklist-item'), '拍照存證');
  await expect(page.locator('body')).not.toContainText('新檢核項目新檢核項目');
  await addAndType(page, page.getByTestId('add-step'), page.getByTestId('step'), (r) => r.getByTestId('step-title'), '通知保險公司');
  // An escalation row starts with the unit to bring in: that choice gets the focus.
  const chain = page.locator('.subsection').last().locator('.record-list > li');
  const links = await chain.count();
  await page.getByTestId('add-escalation').click();
  await expect(chain).toHaveCount(links + 1);
  await expect(chain.last().locator('select').first()).toBeFocused();

  await page.getByTestId('add-crisis-type').click();
  await expect(page.getByTestId('crisis-name')).toBeFocused();
  await expect(page.getByTestId('crisis-name')).toHaveValue('');
  await expect(page.getByTestId('crisis-name')).toHaveAttribute('placeholder', '新的危機類型');
  await page.keyboard.type('供應商停工');
  await expect(page.getByTestId('crisis-type-link').last()).toHaveText('供應商停工');

  await page.goto(`/#/w/${ws}/playbook/severities`);
  await addAndType(page, page.getByTestId('add-severity'), page.getByTestId('severity'), (r) => r.getByTestId('severity-name'), '觀察');
  await page.goto(`/#/w/${ws}/playbook/signals`);
  await addAndType(page, page.getByTestId('add-signal'), page.getByTestId('signal'), (r) => r.locator('input').first(), '客服進線暴增');
  await page.goto(`/#/w/${ws}/playbook/principles`);
  await addAndType(page, page.getByTestId('add-principle'), page.getByTestId('principle'), (r) => r.locator('textarea'), '先承認再說明');
  await waitSaved(page);
});

test('responsibility map, scenario and incident add buttons focus the new item', async ({ page }) => {
  await openApp(page, 'zh-TW');
  const ws = await createWorkspace(page, '新增焦點二');
  await page.goto(`/#/w/${ws}/roles/people`);
  await page.getByTestId('add-unit').click();
  await expect(page.getByTestId('unit-name')).toBeFocused();
  await expect(page.getByTestId('unit-name')).toHaveValue('');
  await page.keyboard.type('資安小組');
  await expect(page.getByTestId('unit-link').filter({ hasText: '資安小組' })).toHaveCount(1);
  await addAndType(page, page.getByTestId('add-member'), page.getByTestId('member'), (r) => r.getByTestId('member-name'), '林小華');
  await page.getByTestId('add-partner').click();
  await expect(page.getByTestId('unit-name')).toBeFocused();
  await expect(page.getByTestId('unit-name')).toHaveValue('');

  await page.goto(`/#/w/${ws}/drills`);
  await page.getByTestId('add-library-scenario').first().click();
  await page.getByTestId('scenario').first().getByRole('link', { name: '編輯' }).click();
  await addAndType(page, page.getByTestId('add-inject'), page.getByTestId('scenario-inject'), (r) => r.locator('textarea').first(), '記者來電詢問');

  await page.goto(`/#/w/${ws}/incidents`);
  await page.getByTestId('declare-incident').click();
  await page.getByTestId('incident-title').fill('測試');
  await page.getByTestId('incident-type').selectOption({ label: '食安事件' });
  await page.getByTestId('declare-submit').click();
  await page.getByTestId('fact-label').fill('就醫人數');
  await page.getByTestId('fact-add').click();
  await expect(page.getByTestId('fact-label')).toBeFocused();
  await page.getByTestId('log-text').fill('已通報');
  await page.getByTestId('log-submit').click();
  await expect(page.getByTestId('log-text')).toBeFocused();
});
