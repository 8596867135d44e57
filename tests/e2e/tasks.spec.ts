import { test, expect, type Page } from '@playwright/test';
import { createWorkspace, openApp, unlock, waitSaved } from './helpers';

// Issue 13, "tasks belong to units only": in the room a task gets a person of the map, a new due
// time (checked), checklist ticks and ad-hoc siblings; reassigning offers the holder's backup
// first and notes the change in the log. Everything survives a reload.

interface Person {
  name: string;
  phone: string;
}

async function addPeople(page: Page, ws: string, unit: string, people: Person[], backupOfFirst?: string) {
  await page.goto(`/#/w/${ws}/roles/people`);
  await page.getByTestId('unit-link').filter({ hasText: new RegExp(`^${unit}$`) }).click();
  await expect(page.getByTestId('unit-name')).toHaveValue(unit);
  for (const p of people) {
    await page.getByTestId('add-member').click();
    const row = page.getByTestId('member').last();
    await row.getByTestId('member-name').fill(p.name);
    await row.getByTestId('member-phone').fill(p.phone);
    await row.getByTestId('member-confirm').click();
    await expect(row.getByTestId('member-freshness')).toHaveAttribute('data-status', 'fresh');
  }
  if (backupOfFirst) {
    const key = page.getByTestId('member').first();
    await key.getByTestId('member-key').check();
    await key.getByTestId('member-backup').selectOption({ label: backupOfFirst });
  }
}

test('a task gets a person, a new due time, checklist ticks, an ad-hoc sibling, and is reassigned to the backup', async ({ page }) => {
  await openApp(page, 'zh-TW');
  const ws = await createWorkspace(page, '任務指派測試');
  await addPeople(page, ws, '營運部', [{ name: '王小明', phone: '0912-000-111' }, { name: '黃副理', phone: '0912-000-222' }, { name: '陳大文', phone: '0912-000-333' }], '黃副理');
  await addPeople(page, ws, '公關部', [{ name: '林雅婷', phone: '0912-000-444' }]);

  await page.goto(`/#/w/${ws}/incidents`);
  await page.getByTestId('declare-incident').click();
  await page.getByTestId('incident-title').fill('信義店顧客食物中毒');
  await page.getByTestId('incident-type').selectOption({ label: '食安事件' });
  await page.getByTestId('declare-submit').click();
  await expect(page.getByTestId('incident-room')).toBeVisible();

  const first = page.getByTestId('task').filter({ hasText: '暫停販售並封存樣品' });
  await expect(first.getByTestId('task-owner')).toHaveText('負責：營運部');

  // 1 + 2. A person in charge and a later due time, in one edit.
  const oldDue = Number(await first.getByTestId('task-due').getAttribute('data-due'));
  await first.getByTestId('task-edit').click();
  await first.getByTestId('task-assignee').selectOption({ label: '王小明（營運部）' });
  const newDue = '2031-05-06T14:30';
  await first.getByTestId('task-due-input').fill(newDue);
  await first.getByTestId('task-save').click();
  const task = page.getByTestId('task').filter({ hasText: '暫停販售並封存樣品' });
  await expect(task.getByTestId('task-owner')).toHaveText('負責：王小明（營運部）');
  const expected = await page.evaluate((v) => new Date(v).getTime(), newDue);
  expect(expected).not.toBe(oldDue);
  await expect(task.getByTestId('task-due')).toHaveAttribute('data-due', String(expected));
  await expect(task.getByTestId('task-due')).toContainText('期限');

  // A due time that is not a date is refused where it was typed; nothing changes.
  await task.getByTestId('task-edit').click();
  await task.getByTestId('task-due-input').fill('');
  await task.getByTestId('task-save').click();
  await expect(task.getByRole('alert')).toHaveText('請輸入有效的日期與時間。');
  await expect(task.getByTestId('task-due')).toHaveAttribute('data-due', String(expected));
  await task.getByRole('button', { name: '取消' }).click();

  // 4. The step's checklist, ticked off.
  await task.getByTestId('task-checklist-summary').click();
  await expect(task.getByTestId('task-check')).toHaveCount(3);
  await task.getByText('封存留樣以供檢驗').click();
  await expect(task.getByTestId('task-checklist-summary')).toHaveText('檢核清單 1/3');

  // 5. 王小明 cannot be reached: reassign offers his backup first, two clicks.
  await task.getByTestId('task-reassign').click();
  const to = task.getByTestId('task-reassign-to');
  await expect(to.locator('option:checked')).toHaveText('黃副理（營運部・代理人）');
  await expect(to.locator('option')).toHaveText(['黃副理（營運部・代理人）', '陳大文（營運部）', '林雅婷（公關部）']);
  await task.getByTestId('task-reassign-confirm').click();
  await expect(task.getByTestId('task-owner')).toHaveText('負責：黃副理（營運部）');
  const note = page.getByTestId('log-entry').filter({ hasText: '改派' });
  await expect(note).toHaveCount(1);
  await expect(note).toContainText('任務「暫停販售並封存樣品」改派：王小明（營運部） → 黃副理（營運部）');

  // 3. Ad-hoc tasks: a title is required; owner and due are optional.
  const add = page.getByTestId('task-add-form');
  await add.getByTestId('task-add').click();
  await expect(add.getByRole('alert')).toHaveText('請輸入任務內容。');
  const before = await page.getByTestId('task').count();
  await add.getByTestId('task-add-title').fill('通知產品責任險保險公司');
  await add.getByTestId('task-add-owner').selectOption({ label: '林雅婷（公關部）' });
  await add.getByTestId('task-add-due').fill('2031-05-06T16:00');
  await add.getByTestId('task-add').click();
  await add.getByTestId('task-add-title').fill('調閱門市監視器');
  await add.getByTestId('task-add').click();
  await expect(page.getByTestId('task')).toHaveCount(before + 2);
  const insurer = page.getByTestId('task').filter({ hasText: '通知產品責任險保險公司' });
  await expect(insurer).toHaveAttribute('data-adhoc', 'true');
  await expect(insurer.getByTestId('task-owner')).toHaveText('負責：林雅婷（公關部）');
  await expect(insurer).toContainText('臨時');
  const cctv = page.getByTestId('task').filter({ hasText: '調閱門市監視器' });
  await expect(cctv.getByTestId('task-owner')).toHaveText('未指定負責單位');
  await expect(cctv.getByTestId('task-checklist')).toHaveCount(0);
  await waitSaved(page);

  // Everything is in the document, not just on screen.
  await page.reload();
  await unlock(page);
  const again = page.getByTestId('task').filter({ hasText: '暫停販售並封存樣品' });
  await expect(again.getByTestId('task-owner')).toHaveText('負責：黃副理（營運部）');
  await expect(again.getByTestId('task-due')).toHaveAttribute('data-due', String(expected));
  await expect(again.getByTestId('task-checklist-summary')).toHaveText('檢核清單 1/3');
  await expect(page.getByTestId('task')).toHaveCount(before + 2);
  await expect(page.getByTestId('log-entry').filter({ hasText: '改派' })).toHaveCount(1);

  // The projector names the person too.
  await page.getByTestId('open-projector').click();
  await expect(page.locator('li').filter({ hasText: '暫停販售並封存樣品' }).getByTestId('projector-task-owner')).toHaveText(' · 黃副理 / 營運部');
});
