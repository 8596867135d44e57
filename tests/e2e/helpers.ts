import { expect, type Page } from '@playwright/test';

/** Who a test laptop's person is (the first-start form's fields). */
export interface TestProfile {
  name: string;
  unit?: string;
  phone?: string;
  email?: string;
}

/**
 * Answers the first-start form (profile + device key) if the app shows it, and waits until the
 * app is ready. Call after every first `page.goto` of a fresh browser profile; on a laptop that
 * already has an identity it only waits. Works in every UI language (fields are found by name).
 */
export async function completeOnboarding(page: Page, profile: TestProfile = { name: 'Tester' }): Promise<void> {
  const app = page.locator('.app[data-identity]');
  await expect(app).toHaveAttribute('data-identity', /^(none|ready)$/, { timeout: 15_000 });
  if ((await app.getAttribute('data-identity')) === 'none') {
    const form = page.getByTestId('onboarding');
    for (const field of ['name', 'unit', 'phone', 'email'] as const) await form.locator(`input[name=${field}]`).fill(profile[field] ?? '');
    await form.locator('button[type=submit]').click();
  }
  await expect(app).toHaveAttribute('data-identity', 'ready', { timeout: 15_000 });
}

/** Opens the app with a clean slate in this browser context and the given UI language, past the first-start form. */
export async function openApp(page: Page, language: 'zh-TW' | 'zh-CN' | 'en' = 'zh-TW', profile: TestProfile = { name: 'Tester' }): Promise<void> {
  await page.addInitScript((lang) => {
    if (!localStorage.getItem('crisis-room.session')) {
      localStorage.setItem('crisis-room.session', JSON.stringify({ state: { language: lang, userName: 'Tester', userColor: '#0369a1' }, version: 1 }));
    }
  }, language);
  await page.goto('/');
  await completeOnboarding(page, profile);
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
