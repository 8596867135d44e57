import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createNetnsLab, netnsAvailable, type NetnsLab } from './netns/netns';

/**
 * The food-poisoning drill at 60× on two laptops synced through the real stack (renderer/sync
 * over WebRTC, each Chromium in its own network namespace). The participant's system clock runs
 * 5 minutes fast and the facilitator's 2 minutes slow: both must still show the same injects at
 * the same exercise time, because each laptop measures its offset to the facilitator's clock
 * over the sync channel. Then a response logged on one shows on the other, the review lists
 * response times, and accepting a finding changes the playbook on both.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const LAB_DIR = join(ROOT, '.tmp', 'drill-lab');
const MIN = 60_000;

let lab: NetnsLab | null = null;

test.beforeAll(() => {
  const can = netnsAvailable();
  // Not runnable here is a failure with its reason, never a silent pass.
  if (!can.ok) throw new Error(`The two-laptop drill test needs network namespaces: ${can.reason}`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'tests', 'e2e', 'drill-lab', 'vite.config.ts')], { cwd: ROOT, stdio: 'pipe' });
});

test.afterAll(async () => {
  await lab?.dispose();
});

/** Shifts this page's system clock (Date.now) by `skewMs`, as a laptop with a wrong clock. */
async function skewClock(page: Page, skewMs: number): Promise<void> {
  await page.addInitScript((skew) => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + skew;
  }, skewMs);
}

const elapsed = (p: Page) => p.getByTestId('exercise-elapsed').textContent();
const injectIds = (p: Page) => p.getByTestId('inject').evaluateAll((els) => els.map((e) => e.getAttribute('data-inject-id')));

test('two laptops with clocks minutes apart run the food-poisoning drill at 60× in step', async () => {
  test.setTimeout(150_000);
  lab = await createNetnsLab(2, LAB_DIR);
  const pages: Page[] = [];
  for (const [i, skew] of [-2 * MIN, 5 * MIN].entries()) {
    const browser = await lab.launch(i);
    const page = await (await browser.newContext({ locale: 'en' })).newPage();
    await skewClock(page, skew);
    await page.goto(lab.url);
    await expect(page.locator('#state')).toHaveText('ready');
    pages.push(page);
  }
  const [fac, peer] = pages as [Page, Page];
  const roomKey = 'drillLabRoomKey-0123456789abcdef';
  await fac.evaluate((k) => window.dlab.init({ roomKey: k, seed: true, name: 'Facilitator' }), roomKey);
  await peer.evaluate((k) => window.dlab.init({ roomKey: k, seed: false, name: 'Participant' }), roomKey);
  for (const [p, name] of [[fac, 'Facilitator'], [peer, 'Participant']] as const) {
    await p.evaluate((o) => window.dlab.connect(o), { signaling: [lab.signalingUrl], name });
    await p.evaluate(() => window.dlab.mount());
  }
  await expect.poll(() => peer.evaluate(() => window.dlab.hasScenario()), { timeout: 30_000 }).toBe(true);

  // The facilitator starts the drill from the drills page.
  await fac.evaluate(() => (window.location.hash = '#/w/drill-lab/drills'));
  await fac.getByTestId('start-drill').click();
  await expect(fac.getByTestId('facilitator-controls')).toBeVisible();
  const drillId = await fac.evaluate(() => window.dlab.drillId());
  expect(drillId).toMatch(/^drill-/);
  await expect.poll(() => peer.evaluate(() => window.dlab.drillId()), { timeout: 15_000 }).toBe(drillId);
  await peer.evaluate((id) => (window.location.hash = `#/w/drill-lab/drills/${id}`), drillId);
  await expect(peer.getByTestId('incident-room')).toHaveAttribute('data-drill', 'true');
  await expect(peer.getByTestId('facilitator-controls')).toHaveCount(0);

  // The participant's laptop measures its offset to the facilitator's clock: 7 minutes.
  await expect(peer.getByTestId('clock-sync')).toHaveAttribute('data-status', 'synced', { timeout: 20_000 });
  const sync = await peer.evaluate(() => window.dlab.sync());
  expect(Math.abs(sync.offset - -7 * MIN)).toBeLessThanOrEqual(Math.max(50, (sync.rtt ?? 0) / 2 + 5));

  // Run at 60×: the 15-minute inject shows on both laptops.
  await fac.getByTestId('clock-speed-60').click();
  await fac.getByTestId('clock-resume').click();
  await expect(peer.getByTestId('clock-status')).toHaveAttribute('data-status', 'running');
  await expect(peer.getByTestId('inject')).toHaveCount(2, { timeout: 30_000 });
  await expect(fac.getByTestId('inject')).toHaveCount(2);
  // While running, both laptops read the same exercise time (7 min of wall-clock skew would be 7 h at 60×).
  const [a, b] = await Promise.all([fac.evaluate(() => window.dlab.exerciseNow()), peer.evaluate(() => window.dlab.exerciseNow())]);
  expect(Math.abs(a - b)).toBeLessThan(15_000);

  // Paused: exactly the same exercise time and the same injects on both.
  await fac.getByTestId('clock-pause').click();
  await expect(peer.getByTestId('clock-status')).toHaveAttribute('data-status', 'paused');
  const shown = await elapsed(fac);
  expect(shown).toMatch(/^T\+0:1[5-9]:\d\d$/);
  await expect(peer.getByTestId('exercise-elapsed')).toHaveText(shown!);
  expect(await injectIds(peer)).toEqual(await injectIds(fac));

  // The participant answers the first inject; the facilitator sees it on the shared log.
  await peer.locator('[data-testid=inject][data-offset="0"]').getByTestId('inject-respond').click();
  await peer.getByTestId('log-text').fill('Customer service calls the poster and the guests');
  await peer.getByTestId('log-submit').click();
  await expect(fac.getByTestId('log-entry')).toHaveCount(1, { timeout: 10_000 });
  await expect(fac.getByTestId('log-entry').first()).toContainText('Customer service calls the poster');

  // Skip ahead past the first targets and end: the review on both lists response times.
  await fac.getByTestId('clock-skip').click();
  await fac.getByTestId('clock-skip').click();
  await fac.getByTestId('clock-skip').click();
  fac.once('dialog', (d) => void d.accept());
  await fac.getByTestId('clock-end').click();
  await expect(fac.getByTestId('aar')).toBeVisible();
  await expect(peer.getByTestId('clock-status')).toHaveAttribute('data-status', 'ended', { timeout: 10_000 });
  await peer.evaluate((id) => (window.location.hash = `#/w/drill-lab/drills/${id}/review`), drillId);
  for (const p of [fac, peer]) {
    const first = p.getByTestId('aar-inject-row').first();
    await expect(first).toHaveAttribute('data-outcome', 'onTime');
    await expect(first.getByTestId('aar-first-action')).toHaveText(/^\d+(\.\d)? min$/);
  }
  expect(await fac.getByTestId('aar-first-action').first().textContent()).toBe(await peer.getByTestId('aar-first-action').first().textContent());

  // Accepting a finding on the participant's laptop changes the playbook on both.
  const before = await fac.evaluate(() => window.dlab.step(0));
  const finding = peer.getByTestId('finding').filter({ hasText: before.title }).first();
  await finding.getByTestId('finding-accept').click();
  await expect.poll(() => fac.evaluate(() => window.dlab.step(0).checklist.length), { timeout: 10_000 }).toBe(before.checklist.length + 1);
  await expect(fac.getByTestId('finding').filter({ hasText: before.title }).first()).toHaveAttribute('data-decision', 'accepted');
  expect(await fac.evaluate(() => window.dlab.errors())).toEqual([]);
  expect(await peer.evaluate(() => window.dlab.errors())).toEqual([]);
});
