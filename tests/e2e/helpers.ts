import { expect, type Page } from '@playwright/test';

/** Opens the app with a clean slate in this browser context and the given UI language. */
export async function openApp(page: Page, language: 'zh-TW' | 'zh-CN' | 'en' = 'zh-TW'): Promise<void> {
  await page.addInitScript((lang) => {
    if (!localStorage.getItem('crisis-room.session')) {
      localStorage.setItem('crisis-room.session', JSON.stringify({ state: { language: lang, userName: 'Tester', userColor: '#0369a1' }, version: 1 }));
    }
  }, language);
  await page.goto('/');
}

/** Creates a workspace from the list page and waits until its playbook is shown. Returns its id. */
export async function createWorkspace(page: Page, name: string): Promise<string> {
  await page.goto('/#/');
  const input = page.locator('[data-testid=create-workspace] input');
  await input.fill(name);
  await page.locator('[data-testid=create-workspace] button[type=submit]').click();
  await expect(page).toHaveURL(/#\/w\/[^/]+\/playbook/);
  await expect(page.getByTestId('workspace-title')).toHaveText(name);
  const id = /#\/w\/([^/]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`No workspace id in ${page.url()}`);
  return decodeURIComponent(id);
}

/** Waits until every local edit is confirmed written to IndexedDB. */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}
