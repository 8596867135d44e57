import { test, expect } from '@playwright/test';
import { openApp, createWorkspace, waitSaved, unlock, confirmDialog } from './helpers';

test('create a workspace, edit the playbook in zh-TW, reload, switch languages, delete and undo', async ({ page }) => {
  await openApp(page, 'zh-TW');
  await expect(page.getByRole('heading', { name: '工作區', exact: true })).toBeVisible();
  const id = await createWorkspace(page, '年度危機演練');

  // The default playbook in zh-TW: 13 crisis types, the first one selected.
  await expect(page.getByRole('heading', { name: '危機應變手冊' })).toBeVisible();
  await expect(page.getByTestId('crisis-type-link')).toHaveCount(13);
  await expect(page.getByTestId('crisis-type-link').first()).toHaveText('產品瑕疵');

  // Add a crisis type with a step that has an owner and a target time.
  await page.getByTestId('add-crisis-type').click();
  await page.getByTestId('crisis-name').fill('供應商停工');
  await expect(page.getByTestId('crisis-type-link')).toHaveCount(14);
  await page.getByTestId('add-step').click();
  const step = page.getByTestId('step').last();
  await step.getByTestId('step-title').fill('聯絡替代供應商');
  await step.getByTestId('step-owner').selectOption({ label: '營運部' });
  await step.getByTestId('step-minutes').fill('90');
  await waitSaved(page);

  await page.reload();
  await unlock(page);
  await expect(page.getByTestId('crisis-type-link')).toHaveCount(14);
  await page.getByTestId('crisis-type-link').filter({ hasText: '供應商停工' }).click();
  const saved = page.getByTestId('step').last();
  await expect(saved.getByTestId('step-title')).toHaveValue('聯絡替代供應商');
  await expect(saved.getByTestId('step-owner').locator('option:checked')).toHaveText('營運部');
  await expect(saved.getByTestId('step-minutes')).toHaveValue('90');

  // Switch to English, then to zh-CN: UI text follows; no zh-TW labels remain.
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Crisis playbook' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Playbook' })).toBeVisible();
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '危机应对手册' })).toBeVisible();
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('heading', { name: '危机应对手册' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('應變手冊');

  // Delete (confirmed) and undo.
  await page.goto('/#/');
  await page.getByTestId('workspace-item').filter({ hasText: '年度危機演練' }).getByRole('button', { name: '删除' }).click();
  await confirmDialog(page);
  await expect(page.getByTestId('workspace-item')).toHaveCount(0);
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByTestId('workspace-item')).toHaveCount(1);
  await page.getByRole('link', { name: '年度危機演練' }).click();
  await expect(page).toHaveURL(new RegExp(`#/w/${id}/playbook`));
  await expect(page.getByTestId('crisis-type-link')).toHaveCount(14);
});

test('a deleted workspace is gone for good once the undo period is over', async ({ page }) => {
  await openApp(page, 'en');
  const id = await createWorkspace(page, 'Short-lived');
  await page.goto('/#/');
  await page.getByTestId('workspace-item').getByRole('button', { name: 'Delete' }).click();
  await confirmDialog(page);
  await expect(page.getByTestId('workspace-item')).toHaveCount(0);
  await page.waitForTimeout(12_500);
  await page.reload();
  await unlock(page);
  await expect(page.getByTestId('workspace-item')).toHaveCount(0);
  const countRows = () => page.evaluate(async (wsId) => {
    const req = indexedDB.open('crisis-room-v2');
    const db = await new Promise<IDBDatabase>((res, rej) => {
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
    const all = (store: string) =>
      new Promise<Array<{ k?: string }>>((res) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => res(r.result as Array<{ k?: string }>);
      });
    // y-dexie keeps one bookkeeping row (no k) in the updates table; count this workspace's rows.
    const out = { workspaces: (await all('workspaces')).length, updates: (await all('$workspaces.doc_updates')).filter((u) => u.k === wsId).length };
    db.close();
    return out;
  }, id);
  await expect.poll(countRows).toEqual({ workspaces: 0, updates: 0 });
});

test('a storage failure is shown with advice, and saving again keeps every edit', async ({ page, context }) => {
  await openApp(page, 'en');
  await createWorkspace(page, 'Storage trouble');
  await waitSaved(page);
  // Another window deletes the database: Dexie closes our connection (versionchange).
  const other = await context.newPage();
  await other.goto('/#/settings');
  await other.evaluate(() => new Promise((res) => {
    const r = indexedDB.deleteDatabase('crisis-room-v2');
    r.onsuccess = r.onerror = r.onblocked = () => res(null);
  }));
  await other.close();
  await page.getByTestId('crisis-name').fill('Edited while storage was gone');
  await expect(page.getByTestId('storage-error')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'error');
  await page.getByRole('button', { name: 'Save again' }).click();
  await expect(page.getByTestId('storage-error')).toBeHidden();
  await page.reload();
  await unlock(page);
  await expect(page.getByTestId('crisis-name')).toHaveValue('Edited while storage was gone');
  await expect(page.getByTestId('crisis-type-link')).toHaveCount(13);
});
