/**
 * Members, device keys and the roster with two real laptops: separate Chromium processes, each in
 * its own network namespace with its own profile (and so its own device key), running the built
 * app (dist/, or APP_DIST) and syncing over the app's own WebRTC stack.
 *
 * A creates a workspace (signed genesis: A is its owner), invites B as legal approver with a
 * one-time admission; B joins with the code and signs a join request; A's laptop admits B by
 * itself; both laptops show B in the roster with the same key fingerprint (the one B's Settings
 * shows). B, not an owner, gets no role or removal buttons, and entries B forges straight into
 * the document (promoting itself; removing A under A's name) are listed as not counting on A,
 * while A's own role change for B counts on both.
 *
 * Then a third laptop C joins as editor, A removes C and rotates the room key: A and B move to
 * the new room (each opened its own seal) and keep syncing; C finds no seal for itself, stays in
 * the old room alone, and neither receives A's later edits nor delivers its own.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createNetnsLab, netnsAvailable, type NetnsLab } from './netns/netns';
import { ROOT } from './netns/peers';
import { completeOnboarding, confirmDialog, newInviteCode, type TestProfile } from './helpers';

const DIST = process.env.APP_DIST ?? join(ROOT, 'dist');

test.describe.configure({ mode: 'serial' });

let lab: NetnsLab | null = null;
let a: Page;
let b: Page;
let workspaceId = '';

async function openAs(index: number, profile: TestProfile, testHooks: boolean): Promise<Page> {
  const browser = await lab!.launch(index);
  const page = await browser.newPage();
  await page.addInitScript(
    ([hooks]) => {
      if (!localStorage.getItem('crisis-room.session')) localStorage.setItem('crisis-room.session', JSON.stringify({ state: { language: 'en' }, version: 1 }));
      // B plays a modified client: it may write anything into the shared document.
      if (hooks) localStorage.setItem('crisis-room.test-hooks', '1');
    },
    [testHooks] as const,
  );
  await page.goto(lab!.url);
  await completeOnboarding(page, profile);
  return page;
}

const row = (page: Page, name: string) => page.getByTestId('member-row').filter({ has: page.getByTestId('member-name').getByText(name, { exact: true }) });
const hexOf = (page: Page, name: string) => row(page, name).getByTestId('member-fingerprint').getAttribute('data-hex');
const indicator = (page: Page) => page.getByTestId('sync-indicator');

test.beforeAll(async () => {
  const can = netnsAvailable();
  if (!can.ok) throw new Error(`Two-laptop members test cannot run: ${can.reason}`);
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} is missing: run \`npx vite build\` first (npm run test:e2e does)`);
  lab = await createNetnsLab(3, DIST);
  a = await openAs(0, { name: 'Mei Lin', unit: 'PR' }, false);
  b = await openAs(1, { name: 'Chen Wei', unit: 'Law firm', email: 'chen@lawfirm.example' }, true);
});

test.afterAll(async () => {
  await lab?.dispose();
});

test('an owner invites a legal approver; the owner’s laptop admits them; both see the same roster and fingerprints; forgeries do not count', async () => {
  test.setTimeout(120_000);
  // A creates the workspace: the roster starts with A, owner, anchored at A's own key.
  await a.goto(`${lab!.url}#/`);
  await a.locator('[data-testid=create-workspace] input').fill('Product recall 2026');
  await a.locator('[data-testid=create-workspace] button[type=submit]').click();
  await expect(a).toHaveURL(/#\/w\/[^/]+\//);
  const id = decodeURIComponent(/#\/w\/([^/]+)/.exec(a.url())![1]!);
  workspaceId = id;
  await a.goto(`${lab!.url}#/w/${id}/members`);
  await expect(row(a, 'Mei Lin').getByTestId('member-roles')).toHaveAttribute('data-roles', 'owner');
  await expect(a.getByTestId('roster-verifying')).toHaveCount(0);
  const aHex = await hexOf(a, 'Mei Lin');
  await expect(a.getByTestId('anchor-fingerprint')).toHaveAttribute('data-hex', aHex!);

  // A connects to the host and makes a one-time invite for a legal approver.
  await a.goto(`${lab!.url}#/w/${id}/sync`);
  await a.getByRole('textbox', { name: 'Host address' }).fill(`${lab!.hubIp}:${lab!.port}`);
  await a.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(indicator(a)).toHaveAttribute('data-state', 'alone', { timeout: 10_000 });
  await a.getByTestId('invite-role').selectOption('legal_approver');
  await a.getByRole('button', { name: 'Create invite code' }).click();
  await expect(a.getByTestId('invite-admission')).toContainText('Legal approver');
  const code = (await a.getByTestId('invite-code').textContent())!.trim();
  expect(code).toMatch(/^CR3\./);

  // B joins from its workspace list; A stays on its team page (the admission runs there too).
  await b.goto(`${lab!.url}#/`);
  await b.getByRole('textbox', { name: 'Join a workspace with an invite code' }).fill(code);
  await b.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(b).toHaveURL(new RegExp(`#/w/${id}/sync`));
  await expect(indicator(b)).toHaveAttribute('data-state', 'inSync', { timeout: 20_000 });
  await expect(b.getByTestId('invite-not-owner')).toBeVisible();

  // A's laptop admitted B by itself, with the offered role.
  await a.goto(`${lab!.url}#/w/${id}/members`);
  await expect(row(a, 'Chen Wei').getByTestId('member-roles')).toHaveAttribute('data-roles', 'legal_approver', { timeout: 20_000 });
  await expect(row(a, 'Chen Wei')).toContainText('Law firm');
  await expect(row(a, 'Chen Wei')).toContainText('Mei Lin'); // added by
  await expect(a.getByTestId('join-request')).toHaveCount(0);

  // B sees the same roster: itself as legal approver, A as owner, with the same fingerprints.
  await b.goto(`${lab!.url}#/w/${id}/members`);
  await expect(row(b, 'Chen Wei').getByTestId('member-roles')).toHaveAttribute('data-roles', 'legal_approver', { timeout: 20_000 });
  await expect(row(b, 'Mei Lin').getByTestId('member-roles')).toHaveAttribute('data-roles', 'owner');
  await expect(b.getByTestId('my-standing')).toHaveAttribute('data-state', 'member');
  const bHexOnA = await hexOf(a, 'Chen Wei');
  const bHexOnB = await hexOf(b, 'Chen Wei');
  expect(bHexOnA).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  expect(bHexOnB).toBe(bHexOnA);
  expect(await hexOf(b, 'Mei Lin')).toBe(aHex);
  await expect(b.getByTestId('anchor-fingerprint')).toHaveAttribute('data-hex', aHex!);
  const digitsOnA = await row(a, 'Chen Wei').locator('.fingerprint-digits').textContent();
  expect(await row(b, 'Chen Wei').locator('.fingerprint-digits').textContent()).toBe(digitsOnA);

  // The fingerprint B's own Settings shows is the one the roster shows (what the two compare in the room).
  await b.goto(`${lab!.url}#/settings`);
  await expect(b.getByTestId('own-fingerprint')).toHaveAttribute('data-hex', bHexOnA!);
  await b.goto(`${lab!.url}#/w/${id}/members`);

  // B is not an owner: no role or removal buttons; A has them.
  await expect(row(b, 'Chen Wei')).toBeVisible();
  await expect(b.getByTestId('change-roles')).toHaveCount(0);
  await expect(b.getByTestId('remove-member')).toHaveCount(0);
  await expect(a.getByTestId('change-roles')).toHaveCount(2);

  // B forges: promotes itself to owner (signed with its own key), and removes A "as A" (bad signature).
  const bKey = await b.evaluate(() => window.__crisisRoomGovernanceTest!.publicKey());
  const aKey = await a.evaluate(() => {
    const row = [...document.querySelectorAll<HTMLElement>('[data-testid=member-row]')].find((r) => r.dataset.name === 'Mei Lin');
    return row?.dataset.key ?? '';
  });
  await b.evaluate(([ws, key]) => window.__crisisRoomGovernanceTest!.signAndAppendAnything({ ws: ws!, kind: 'roster.roles', key: key!, roles: ['owner', 'legal_approver'] }), [id, bKey!]);
  await b.evaluate(
    ([ws, key]) => {
      const p = JSON.stringify({ at: Date.now(), by: key, key, kind: 'roster.remove', ws }); // keys already in sorted order
      window.__crisisRoomGovernanceTest!.appendRaw(JSON.stringify({ p, s: 'A'.repeat(86) }));
    },
    [id, aKey],
  );
  const rejected = (page: Page, kind: string, reason: string) => page.locator(`[data-testid=rejected-entry][data-kind="${kind}"][data-reason="${reason}"]`);
  await expect(rejected(a, 'roster.roles', 'notOwner')).toHaveCount(1, { timeout: 15_000 });
  await expect(rejected(a, 'roster.remove', 'badSignature')).toHaveCount(1, { timeout: 15_000 });
  await expect(rejected(a, 'roster.roles', 'notOwner')).toContainText('Chen Wei');
  await expect(rejected(b, 'roster.roles', 'notOwner')).toHaveCount(1);
  await expect(row(a, 'Chen Wei').getByTestId('member-roles')).toHaveAttribute('data-roles', 'legal_approver');
  await expect(row(a, 'Mei Lin')).toHaveAttribute('data-removed', 'false');
  await expect(row(b, 'Mei Lin').getByTestId('member-roles')).toHaveAttribute('data-roles', 'owner');
  await expect(b.getByTestId('change-roles')).toHaveCount(0);

  // The owner's own change counts everywhere: B also becomes spokesperson.
  await row(a, 'Chen Wei').getByTestId('change-roles').click();
  await row(a, 'Chen Wei').getByRole('checkbox', { name: 'Spokesperson' }).check();
  await row(a, 'Chen Wei').getByRole('button', { name: 'Sign and save roles' }).click();
  await expect(row(a, 'Chen Wei').getByTestId('member-roles')).toHaveAttribute('data-roles', 'legal_approver spokesperson');
  await expect(row(b, 'Chen Wei').getByTestId('member-roles')).toHaveAttribute('data-roles', 'legal_approver spokesperson', { timeout: 15_000 });
});

test('after removing a member an owner rotates the room key: the others move on, the removed member is left behind', async () => {
  test.setTimeout(150_000);
  const id = workspaceId;
  expect(id).not.toBe('');
  const c = await openAs(2, { name: 'Outside Agency', unit: 'PR agency' }, false);

  // A invites C as editor; C joins; A's laptop admits C.
  await a.goto(`${lab!.url}#/w/${id}/sync`);
  await a.getByTestId('invite-role').selectOption('editor');
  const code = await newInviteCode(a, () => a.getByRole('button', { name: 'Create invite code' }).click());
  await expect(a.getByTestId('invite-admission')).toContainText('Editor');
  await c.goto(`${lab!.url}#/`);
  await c.getByRole('textbox', { name: 'Join a workspace with an invite code' }).fill(code);
  await c.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(c).toHaveURL(new RegExp(`#/w/${id}/sync`));
  await expect(indicator(c)).toHaveAttribute('data-state', 'inSync', { timeout: 20_000 });
  for (const page of [a, b, c]) {
    await page.goto(`${lab!.url}#/w/${id}/members`);
    await expect(row(page, 'Outside Agency').getByTestId('member-roles')).toHaveAttribute('data-roles', 'editor', { timeout: 20_000 });
    await expect(page.getByTestId('room-key-state')).toHaveAttribute('data-state', /^(original|invite)$/);
  }

  // A removes C; everyone sees it (C too: it still shares the room).
  await row(a, 'Outside Agency').getByTestId('remove-member').click();
  await confirmDialog(a);
  for (const page of [a, b, c]) await expect(row(page, 'Outside Agency')).toHaveAttribute('data-removed', 'true', { timeout: 15_000 });
  await expect(row(a, 'Outside Agency').getByTestId('member-removed')).toContainText('keeps what they already had until the room key is rotated');
  await expect(c.getByTestId('my-standing')).toHaveAttribute('data-state', 'removed');

  // A rotates the room key. A and B take it up; C was given none.
  await a.getByTestId('rotate-room-key').click();
  await confirmDialog(a);
  await expect(a.getByTestId('room-key-state')).toHaveAttribute('data-state', 'current', { timeout: 20_000 });
  await expect(b.getByTestId('room-key-state')).toHaveAttribute('data-state', 'current', { timeout: 20_000 });
  await expect(c.getByTestId('room-key-state')).toHaveAttribute('data-state', 'notSealed', { timeout: 20_000 });
  const rekey = await a.getByTestId('room-key-state').getAttribute('data-rekey');
  await expect(b.getByTestId('room-key-state')).toHaveAttribute('data-rekey', rekey!);

  // A and B sync in the new room; C is alone in the old one, and told that the members it can
  // still see hold another key (ask for a new invite).
  await expect(indicator(a)).toHaveAttribute('data-state', 'inSync', { timeout: 20_000 });
  await expect(indicator(b)).toHaveAttribute('data-state', 'inSync', { timeout: 20_000 });
  await expect(indicator(c)).toHaveAttribute('data-state', 'keyMismatch', { timeout: 20_000 });
  const principle = (page: Page) => page.getByTestId('principle').first().locator('input, textarea').first();
  for (const page of [a, b, c]) await page.goto(`${lab!.url}#/w/${id}/playbook/principles`);
  const before = await principle(c).inputValue();
  await principle(a).fill('Holding line agreed after the agency left');
  await principle(a).blur();
  await expect(principle(b)).toHaveValue('Holding line agreed after the agency left', { timeout: 15_000 });
  await principle(c).fill('Agency edit after removal');
  await principle(c).blur();
  await expect(principle(c)).toHaveValue('Agency edit after removal');
  // No fixed wait for a leak to show: a later edit of B's reaches A (so the new room has carried
  // edits made after C's), and A and B still hold their own text, not C's.
  const marker = (page: Page) => page.getByTestId('principle').nth(1).locator('input, textarea').first();
  await marker(b).fill('Marker written after the agency edit');
  await marker(b).blur();
  await expect(marker(a)).toHaveValue('Marker written after the agency edit', { timeout: 15_000 });
  await expect(principle(a)).toHaveValue('Holding line agreed after the agency left');
  await expect(principle(b)).toHaveValue('Holding line agreed after the agency left');
  expect(before).not.toBe('Holding line agreed after the agency left');
  // And C's own laptop says so: connected to no one, its edit not delivered to either member.
  await c.goto(`${lab!.url}#/w/${id}/sync`);
  const rows = c.getByTestId('peer');
  await expect(rows).not.toHaveCount(0);
  for (const r of await rows.all()) {
    await expect(r).toHaveAttribute('data-connected', 'false');
    await expect(r).toHaveAttribute('data-undelivered', /^[1-9]\d*$/);
  }
});
