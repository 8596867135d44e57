import { test, expect, type Page } from '@playwright/test';
import { loadavg } from 'node:os';
import { createNetnsLab, netnsAvailable, type NetnsLab } from './netns/netns';
import { APP_DIST, assembleTeam, requireAppDist } from './appTeam';
import { confirmDialog } from './helpers';

/**
 * The food-poisoning drill at 60× on two laptops running the real built app (APP_DIST), each
 * Chromium in its own network namespace, synced by the app's own WebRTC stack through a LAN host
 * after an invite made and redeemed in the UI. The participant's system clock runs 5 minutes fast
 * and the facilitator's 2 minutes slow: both must still show the same injects at the same
 * exercise time (at 60×, 7 minutes of skew would be 7 hours of exercise time), because each
 * laptop measures its offset to the facilitator's clock over the sync channel. Then a response
 * logged on one shows on the other, the review lists response times on both, and accepting a
 * finding on the participant's laptop changes the playbook on both.
 */
const MIN = 60_000;
const BACKUP = 'Name a backup owner for this step';

let lab: NetnsLab | null = null;

test.beforeAll(() => {
  const can = netnsAvailable();
  // Not runnable here is a failure with its reason, never a silent pass.
  if (!can.ok) throw new Error(`The two-laptop drill test needs network namespaces: ${can.reason}`);
  requireAppDist();
});

test.afterAll(async () => {
  await lab?.dispose();
});

const elapsed = (p: Page) => p.getByTestId('exercise-elapsed').textContent();
const seconds = (s: string | null) => {
  const m = /^T\+(\d+):(\d\d):(\d\d)$/.exec(s ?? '');
  if (!m) throw new Error(`not an exercise time: ${s}`);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
};
const injectIds = (p: Page) => p.getByTestId('inject').evaluateAll((els) => els.map((e) => e.getAttribute('data-inject-id')));

/** Values of the first food-safety step's fields on the playbook page that start with `prefix`. */
async function firstStepValues(p: Page, go: (p: Page, path: string) => Promise<unknown>, ws: string, prefix: string): Promise<number> {
  await go(p, `w/${ws}/playbook`);
  await p.getByTestId('crisis-type-link').filter({ hasText: 'Food-safety incident' }).click();
  const first = p.getByTestId('step').first();
  await expect(first.getByTestId('step-title')).toHaveValue('Stop sales and seal samples');
  const values = await first.locator('input, textarea').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  return values.filter((v) => v.startsWith(prefix)).length;
}

test('two laptops with clocks minutes apart run the food-poisoning drill at 60× in step', async () => {
  test.setTimeout(300_000);
  const started = Date.now();
  lab = await createNetnsLab(2, APP_DIST);
  const team = await assembleTeam(lab, [{ profile: { name: 'Facilitator' }, clockSkewMs: -2 * MIN }, { profile: { name: 'Participant' }, clockSkewMs: 5 * MIN }], 'Drill day', 'coordinator');
  const [fac, peer] = team.pages as [Page, Page];
  const { ws, go } = team;
  const errors: string[] = [];
  for (const p of [fac, peer]) p.on('pageerror', (e) => errors.push(e.message));

  // The facilitator adds the library scenario and starts the drill from the drills page.
  await go(fac, `w/${ws}/drills`);
  await fac.locator('[data-testid=library-scenario][data-key=restaurant-food-poisoning]').getByTestId('add-library-scenario').click();
  const scenario = fac.locator('[data-testid=scenario][data-library-key=restaurant-food-poisoning]');
  await expect(scenario).toContainText('9 injects');
  // The participant's laptop receives the scenario.
  await go(peer, `w/${ws}/drills`);
  await expect(peer.locator('[data-testid=scenario][data-library-key=restaurant-food-poisoning]')).toContainText('9 injects', { timeout: 30_000 });
  await scenario.getByTestId('start-drill').click();
  await expect(fac.getByTestId('facilitator-controls')).toBeVisible();
  await expect(fac).toHaveURL(new RegExp(`#/w/${ws}/drills/drill-[^/?]+`));
  const drillId = decodeURIComponent(/drills\/([^/?]+)/.exec(fac.url())![1]!);
  await go(peer, `w/${ws}/drills/${encodeURIComponent(drillId)}`);
  await expect(peer.getByTestId('incident-room')).toHaveAttribute('data-drill', 'true', { timeout: 30_000 });
  await expect(peer.getByTestId('facilitator-controls')).toHaveCount(0);

  // The skew is real: the two system clocks read 7 minutes apart.
  const [da, db] = await Promise.all([fac.evaluate(() => Date.now()), peer.evaluate(() => Date.now())]);
  expect(Math.abs(db - da - 7 * MIN)).toBeLessThan(5_000);
  // The participant's laptop measures its offset to the facilitator's clock.
  await expect(peer.getByTestId('clock-sync')).toHaveAttribute('data-status', 'synced', { timeout: 30_000 });

  // Run at 60×: the 15-minute inject shows on both laptops.
  await fac.getByTestId('clock-speed-60').click();
  await fac.getByTestId('clock-resume').click();
  await expect(peer.getByTestId('clock-status')).toHaveAttribute('data-status', 'running', { timeout: 15_000 });
  await expect(peer.getByTestId('inject')).toHaveCount(2, { timeout: 40_000 });
  await expect(fac.getByTestId('inject')).toHaveCount(2);
  // While running, both laptops read the same exercise time (7 min of wall-clock skew would be 7 h at 60×;
  // 90 s of exercise time = 1.5 s of wall time for reading two pages on a loaded machine).
  const [ta, tb] = await Promise.all([elapsed(fac), elapsed(peer)]);
  expect(Math.abs(seconds(ta) - seconds(tb))).toBeLessThan(90);

  // Paused: exactly the same exercise time and the same injects on both.
  await fac.getByTestId('clock-pause').click();
  await expect(peer.getByTestId('clock-status')).toHaveAttribute('data-status', 'paused', { timeout: 15_000 });
  const shown = await elapsed(fac);
  expect(shown).toMatch(/^T\+0:(1[5-9]|2\d):\d\d$/);
  await expect(peer.getByTestId('exercise-elapsed')).toHaveText(shown!);
  expect(await injectIds(peer)).toEqual(await injectIds(fac));

  // The participant answers the first inject; the facilitator sees it on the shared log.
  await peer.locator('[data-testid=inject][data-offset="0"]').getByTestId('inject-respond').click();
  await peer.getByTestId('log-text').fill('Customer service calls the poster and the guests');
  await peer.getByTestId('log-submit').click();
  await expect(fac.getByTestId('log-entry')).toHaveCount(1, { timeout: 15_000 });
  await expect(fac.getByTestId('log-entry').first()).toContainText('Customer service calls the poster');

  // Skip ahead past the first targets and end: the review on both lists response times.
  await fac.getByTestId('clock-skip').click();
  await fac.getByTestId('clock-skip').click();
  await fac.getByTestId('clock-skip').click();
  await fac.getByTestId('clock-end').click();
  await confirmDialog(fac);
  await expect(fac.getByTestId('aar')).toBeVisible();
  await expect(peer.getByTestId('clock-status')).toHaveAttribute('data-status', 'ended', { timeout: 15_000 });
  await go(peer, `w/${ws}/drills/${encodeURIComponent(drillId)}/review`);
  for (const p of [fac, peer]) {
    const first = p.getByTestId('aar-inject-row').first();
    await expect(first).toHaveAttribute('data-outcome', 'onTime', { timeout: 15_000 });
    await expect(first.getByTestId('aar-first-action')).toHaveText(/^\d+(\.\d)? min$/);
  }
  expect(await fac.getByTestId('aar-first-action').first().textContent()).toBe(await peer.getByTestId('aar-first-action').first().textContent());

  // Accepting a finding on the participant's laptop changes the playbook on both.
  const review = fac.url();
  expect(await firstStepValues(fac, go, ws, BACKUP)).toBe(0);
  await fac.goto(review);
  const finding = peer.getByTestId('finding').filter({ hasText: 'Stop sales and seal samples' }).first();
  await finding.getByTestId('finding-accept').click();
  await expect(peer.getByTestId('finding').filter({ hasText: 'Stop sales and seal samples' }).first()).toHaveAttribute('data-decision', 'accepted');
  await expect(fac.getByTestId('finding').filter({ hasText: 'Stop sales and seal samples' }).first()).toHaveAttribute('data-decision', 'accepted', { timeout: 15_000 });
  for (const p of [fac, peer]) await expect.poll(() => firstStepValues(p, go, ws, BACKUP), { timeout: 20_000 }).toBe(1);
  expect(errors).toEqual([]);
  console.log(`[drill-sync] ${((Date.now() - started) / 1000).toFixed(0)} s, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
});
