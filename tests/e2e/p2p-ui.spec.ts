/**
 * The team-connection screens with two real members, each in its own network namespace, using
 * the built app (dist/) served by the hub next to the signaling server: A connects to the host
 * by address and makes an invite; B joins with the code; both see each other (names, colours,
 * in sync); B edits while its link is cut and is told its changes have not reached anyone; after
 * the link returns A holds B's edit.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createNetnsLab, netnsAvailable, type NetnsLab } from './netns/netns';
import { createWorkspaceOn, openLaptop } from './netns/appPeers';
import { ROOT } from './netns/peers';

// APP_DIST: a build elsewhere than dist/ (engineers sharing a machine build to their own folder).
const DIST = process.env.APP_DIST ?? join(ROOT, 'dist');

test.describe.configure({ mode: 'serial' });

let lab: NetnsLab | null = null;
let a: Page;
let b: Page;

const openAs = (index: number, name: string, color: string) => openLaptop(lab!, index, name, color);
const createWorkspace = (page: Page, name: string) => createWorkspaceOn(lab!, page, name);

const indicator = (page: Page) => page.getByTestId('sync-indicator');

test.beforeAll(async () => {
  const can = netnsAvailable();
  if (!can.ok) throw new Error(`Real-peer UI test cannot run: ${can.reason}`);
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npx vite build` first (npm run test:e2e does)');
  lab = await createNetnsLab(2, DIST);
  a = await openAs(0, 'Mei (PR)', '#be123c');
  b = await openAs(1, 'Lin (law firm)', '#0369a1');
});

test.afterAll(async () => {
  await lab?.dispose();
});

test('connect to a host, invite, join, see each other, and recover a cut link', async () => {
  test.setTimeout(90_000);
  const id = await createWorkspace(a, 'Product recall 2026');
  await a.goto(`${lab!.url}#/w/${id}/sync`);
  await expect(indicator(a)).toHaveAttribute('data-state', 'noHost');
  await a.getByRole('textbox', { name: 'Host address' }).fill('10.77.0.1:8080');
  await a.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(indicator(a)).toHaveAttribute('data-state', 'alone', { timeout: 10_000 });

  await a.getByRole('button', { name: 'Create invite code' }).click();
  const code = (await a.getByTestId('invite-code').textContent())!.trim();
  expect(code).toMatch(/^CR3\./);
  await expect(a.locator('.invite-qr svg')).toBeVisible();

  // B, already in the app, joins from its team-connection page; a damaged code is refused first.
  const scratch = await createWorkspace(b, 'Scratch');
  await b.goto(`${lab!.url}#/w/${scratch}/sync`);
  const joinBox = b.getByRole('textbox', { name: 'Join a workspace with an invite code' });
  await joinBox.fill(code.slice(0, -3) + 'zzz');
  await b.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(b.getByTestId('join-invite').getByRole('alert')).toContainText('authentication code does not match');
  await joinBox.fill(code);
  await b.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(b).toHaveURL(new RegExp(`#/w/${id}/sync`));

  // Both in sync; each sees the other's name; B received the workspace (its name arrives by sync).
  await expect(indicator(a)).toHaveAttribute('data-state', 'inSync', { timeout: 15_000 });
  await expect(indicator(b)).toHaveAttribute('data-state', 'inSync', { timeout: 15_000 });
  await expect(b.getByTestId('workspace-title')).toHaveText('Product recall 2026');
  await expect(a.getByTestId('peer').filter({ hasText: 'Lin (law firm)' })).toHaveAttribute('data-state', 'inSync');
  await expect(b.getByTestId('peer').filter({ hasText: 'Mei (PR)' })).toHaveAttribute('data-state', 'inSync');

  // Cut B; B edits a principle; B is told its changes have not reached anyone.
  lab!.cut(1);
  await expect(indicator(a)).toHaveAttribute('data-state', 'alone', { timeout: 6_000 });
  await b.goto(`${lab!.url}#/w/${id}/playbook/principles`);
  const field = b.getByTestId('principle').first().locator('input, textarea').first();
  await field.fill('Answer within the first hour — edited while offline');
  await field.blur();
  await expect(indicator(b)).toHaveAttribute('data-state', 'unreached', { timeout: 6_000 });
  await b.goto(`${lab!.url}#/w/${id}/sync`);
  await expect(b.getByTestId('unreached-banner')).toBeVisible();

  // Restore: B's edit reaches A, the warning goes away.
  lab!.restore(1);
  await expect(indicator(b)).toHaveAttribute('data-state', 'inSync', { timeout: 10_000 });
  await expect(b.getByTestId('unreached-banner')).toHaveCount(0);
  await a.goto(`${lab!.url}#/w/${id}/playbook/principles`);
  await expect(a.getByTestId('principle').first().locator('input, textarea').first()).toHaveValue('Answer within the first hour — edited while offline');

  // Presence: B edits the second crisis type; A sees B's name on it in the list.
  await b.goto(`${lab!.url}#/w/${id}/playbook/crisisTypes`);
  await b.getByTestId('crisis-type-link').nth(1).click();
  await b.getByTestId('crisis-name').focus();
  await a.goto(`${lab!.url}#/w/${id}/playbook/crisisTypes`);
  await expect(a.getByTestId('crisis-type-link').nth(1).locator('xpath=..').getByTestId('presence-badge')).toContainText('Lin (law firm)', { timeout: 6_000 });
  await expect(a.getByTestId('presence-badge')).toHaveCount(1);
});
