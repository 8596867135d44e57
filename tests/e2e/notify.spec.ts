/**
 * System notifications through the real UI: turned on in Settings (the browser's permission
 * granted), a drill inject arriving on the exercise clock raises one notification naming the
 * drill and carrying the inject, once.
 */
import { expect, test, type Page } from '@playwright/test';
import { createWorkspace, openApp } from './helpers';

declare global {
  interface Window {
    __notes: Array<{ title: string; body: string }>;
  }
}

/** The page's Notification API, recording instead of showing (permission: granted). */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__notes = [];
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      onclick: (() => void) | null = null;
      constructor(title: string, opts?: { body?: string }) {
        window.__notes.push({ title, body: opts?.body ?? '' });
      }
    }
    Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true });
  });
}

test('a drill inject arriving raises a system notification once notifications are on', async ({ page }) => {
  test.setTimeout(120_000);
  await recordNotifications(page);
  await openApp(page, 'en');
  const ws = await createWorkspace(page, 'Notify drill');

  await page.goto('/#/settings');
  const panel = page.getByTestId('notify-settings');
  await panel.getByRole('checkbox', { name: /Notify me/ }).check();
  await expect(panel.getByRole('checkbox', { name: /Notify me/ })).toBeChecked();

  await page.goto(`/#/w/${ws}/drills`);
  await page.locator('[data-testid=library-scenario][data-key=restaurant-food-poisoning]').getByTestId('add-library-scenario').click();
  const scenario = page.locator('[data-testid=scenario][data-library-key=restaurant-food-poisoning]');
  await scenario.getByTestId('start-drill').click();
  await expect(page.getByTestId('clock-status')).toHaveAttribute('data-status', 'paused');
  await expect(page.getByTestId('inject')).toHaveCount(1);
  // The next inject, when the exercise clock reaches it, raises exactly one more notification.
  await page.waitForTimeout(1500);
  const injectNotes = () => page.evaluate(() => window.__notes.filter((n) => n.title.startsWith('New drill inject')).length);
  const before = await injectNotes();
  await page.getByTestId('clock-skip').click();
  await expect(page.getByTestId('inject')).toHaveCount(2);
  await expect.poll(injectNotes, { timeout: 5000 }).toBe(before + 1);
  await page.waitForTimeout(1500);
  expect(await injectNotes()).toBe(before + 1);
  const note = await page.evaluate(() => window.__notes.filter((n) => n.title.startsWith('New drill inject')).at(-1)!);
  expect(note.title).toContain('New drill inject:');
  expect(note.body.length).toBeGreaterThan(5);
});
