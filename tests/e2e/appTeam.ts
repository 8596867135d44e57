/**
 * A team of laptops running the real built app (APP_DIST) in the namespace lab: each laptop
 * completes its first start, the first one makes a workspace and connects it to the LAN host in
 * the hub namespace, and the others join it with invite codes made in the UI. Used by the
 * two-laptop statement and drill specs and by bench P6.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { completeOnboarding, newInviteCode, type TestProfile } from './helpers';
import type { NetnsLab } from './netns/netns';

const ROOT = join(import.meta.dirname, '..', '..');
/** The production build the specs run (`npx vite build`, or APP_DIST). */
export const APP_DIST = process.env.APP_DIST ?? join(ROOT, 'dist');

export function requireAppDist(): void {
  if (!existsSync(join(APP_DIST, 'index.html'))) throw new Error(`${APP_DIST} is missing: run \`npx vite build\` first (or set APP_DIST)`);
}

export interface LaptopOptions {
  profile: TestProfile;
  /** Shifts the laptop's system clock (Date.now) by this much, as a laptop with a wrong clock. */
  clockSkewMs?: number;
}

/** Opens the app on laptop `index` in English with test hooks on, past the first-start form. */
export async function openLaptop(lab: NetnsLab, index: number, o: LaptopOptions): Promise<Page> {
  const browser = await lab.launch(index);
  const page = await browser.newPage();
  if (o.clockSkewMs) {
    await page.addInitScript((skew) => {
      const real = Date.now.bind(Date);
      Date.now = () => real() + skew;
    }, o.clockSkewMs);
  }
  await page.addInitScript(() => {
    if (!localStorage.getItem('crisis-room.session')) localStorage.setItem('crisis-room.session', JSON.stringify({ state: { language: 'en' }, version: 1 }));
    localStorage.setItem('crisis-room.test-hooks', '1');
  });
  await page.goto(lab.url);
  await completeOnboarding(page, o.profile);
  return page;
}

export const indicator = (page: Page) => page.getByTestId('sync-indicator');
/** Connected peers as the sync indicator counts them. */
export const links = async (page: Page) => Number(await indicator(page).getAttribute('data-links'));

export interface Team {
  ws: string;
  pages: Page[];
  go: (page: Page, path: string) => Promise<unknown>;
}

/**
 * Laptop 0 makes workspace `name` and connects to the LAN host; every other laptop joins with an
 * invite (role `role`) and is in sync before this returns.
 */
export async function assembleTeam(lab: NetnsLab, laptops: LaptopOptions[], name: string, role = 'editor'): Promise<Team> {
  const pages: Page[] = [];
  for (const [i, o] of laptops.entries()) pages.push(await openLaptop(lab, i, o));
  const go = (page: Page, path: string) => page.goto(`${lab.url}#/${path}`);
  const owner = pages[0]!;
  await go(owner, '');
  await owner.locator('[data-testid=create-workspace] input').fill(name);
  await owner.locator('[data-testid=create-workspace] button[type=submit]').click();
  await expect(owner).toHaveURL(/#\/w\/[^/]+\//);
  const ws = decodeURIComponent(/#\/w\/([^/]+)/.exec(owner.url())![1]!);
  await go(owner, `w/${ws}/sync`);
  await owner.getByRole('textbox', { name: 'Host address' }).fill(`${lab.hubIp}:${lab.port}`);
  await owner.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(indicator(owner)).toHaveAttribute('data-state', 'alone', { timeout: 20_000 });
  for (const page of pages.slice(1)) {
    await go(owner, `w/${ws}/sync`);
    await owner.getByTestId('invite-role').selectOption(role);
    const code = await newInviteCode(owner, () => owner.getByRole('button', { name: 'Create invite code' }).click());
    await go(page, '');
    const join = page.getByTestId('join-invite');
    await join.getByRole('textbox').fill(code);
    await join.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/w/${ws}/sync`));
    await completeOnboarding(page);
    await expect(indicator(page)).toHaveAttribute('data-state', 'inSync', { timeout: 45_000 });
  }
  return { ws, pages, go };
}
