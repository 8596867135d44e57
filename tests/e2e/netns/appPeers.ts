/**
 * The full app on a laptop of the namespace lab, as the two-laptop specs drive it: the browser in
 * the laptop's namespace, a profile completed at first start, and a workspace made from the list.
 */
import { expect, type Page } from '@playwright/test';
import { completeOnboarding } from '../helpers';
import type { NetnsLab } from './netns';

/** Opens the app (served by the hub) on laptop `index` as `name`, past the first-start form. */
export async function openLaptop(lab: NetnsLab, index: number, name: string, color: string): Promise<Page> {
  const browser = await lab.launch(index);
  const page = await browser.newPage();
  await page.addInitScript(
    ([n, c]) => {
      if (!localStorage.getItem('crisis-room.session')) localStorage.setItem('crisis-room.session', JSON.stringify({ state: { language: 'en', userName: n, userColor: c }, version: 1 }));
    },
    [name, color] as const,
  );
  await page.goto(lab.url);
  await completeOnboarding(page, { name });
  return page;
}

/** Creates a workspace from the list page; returns its id. */
export async function createWorkspaceOn(lab: NetnsLab, page: Page, name: string): Promise<string> {
  await page.goto(`${lab.url}#/`);
  await page.locator('[data-testid=create-workspace] input').fill(name);
  await page.locator('[data-testid=create-workspace] button[type=submit]').click();
  await expect(page).toHaveURL(/#\/w\/[^/]+\//);
  return decodeURIComponent(/#\/w\/([^/]+)/.exec(page.url())![1]!);
}
