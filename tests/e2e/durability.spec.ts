/**
 * Not one keystroke lost (the short versions; `npm run crashtest` runs the long crash trials):
 *
 * - crash: Chromium with a persistent profile is killed with SIGKILL (whole process group) at a
 *   random moment while real key events type into a statement body and into playbook fields;
 *   after a restart on the same profile every character typed more than 100 ms before the kill
 *   must be there;
 * - reload while "saving…": 40 characters typed at full speed, then an immediate reload; all 40
 *   are there afterwards (the page may ask before leaving — the person confirms);
 * - closing the tab right after typing, and reloading in the middle of an IME composition, keep
 *   every character;
 * - while storage fails, leaving asks first (and "save again" stores everything);
 * - two tabs type into one playbook field at once: both people's characters are all kept, in
 *   their own order, and both tabs show the same text.
 *
 * Serves APP_DIST (default dist/, built by `npm run test:e2e`) from the app's own Node host.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startWebHost, type WebHost } from '../../electron/host/webHost';
import { confirmLeaving, prepareFixture, TARGETS, waitSaved, type Fixture } from './crash/app';
import { formatHeader, runCrashTrials, summaryLine } from './crash/trials';
import { unlock } from './helpers';

const DIST = process.env.APP_DIST ?? join(import.meta.dirname, '..', '..', 'dist');
let host: WebHost;

test.beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no build: run \`npx vite build\` first (npm run test:e2e does)`);
  host = await startWebHost({ distDir: DIST, version: 'durability', port: 0, fallbackToFreePort: true });
});

test.afterAll(async () => {
  await host?.close();
});

test('kill -9 while typing: nothing typed more than 100 ms before the kill is lost (3 trials)', async () => {
  test.setTimeout(240_000);
  const lines: string[] = [formatHeader()];
  const results = await runCrashTrials({ dist: DIST, trials: Number(process.env.CRASH_SPEC_TRIALS ?? 3), seed: Number(process.env.CRASH_SEED ?? 4242), log: (l) => lines.push(l), diag: true });
  lines.push(summaryLine(results));
  console.log(lines.join('\n'));
  expect(results.map((r) => ({ trial: r.trial, target: r.target, lostOld: r.lostOld, unexpected: r.unexpected }))).toEqual(
    results.map((r) => ({ trial: r.trial, target: r.target, lostOld: 0, unexpected: 0 })),
  );
});

/** Where the reload and close tests type, in turn. */
const ROTATION = [TARGETS['playbook-description'], TARGETS.statement, TARGETS['playbook-name']];

/** A fresh context with the app past first start and one workspace. */
async function freshApp(page: Page): Promise<Fixture> {
  return prepareFixture(page, host.url);
}

test('a reload right after typing (while "saving…") keeps every character', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const fixture = await freshApp(page);
  let asked = 0;
  page.on('dialog', (d) => {
    if (d.type() === 'beforeunload') asked++;
    void d.accept();
  });
  for (let round = 0; round < 6; round++) {
    const target = ROTATION[round % ROTATION.length]!;
    await page.goto(`${host.url}${target.route(fixture)}`);
    await target.locate(page).waitFor();
    await waitSaved(page);
    const before = await target.read(page);
    await target.focusEnd(page);
    const text = `r${round} quick brown fox 危機聲明 jumps over 40!`.padEnd(40, '.').slice(0, 40);
    await page.keyboard.type(text);
    const status = await page.getByTestId('save-status').getAttribute('data-status');
    await page.evaluate(() => location.reload()).catch(() => undefined);
    await page.waitForLoadState('load');
    await unlock(page);
    await target.locate(page).waitFor();
    const after = await target.read(page);
    console.log(`reload round ${round} (${target.name}): status at reload "${status}", kept ${after.length - before.length} of ${text.length} characters, leave-page prompts so far ${asked}`);
    expect(after).toBe(before + text);
  }
  await context.close();
});

test('closing the tab right after typing keeps every character', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  let page = await context.newPage();
  confirmLeaving(page);
  const fixture = await freshApp(page);
  for (let round = 0; round < 6; round++) {
    const target = ROTATION[round % ROTATION.length]!;
    await page.goto(`${host.url}${target.route(fixture)}`);
    await target.locate(page).waitFor();
    await waitSaved(page);
    const before = await target.read(page);
    await target.focusEnd(page);
    const text = `c${round} the tab closes at once 危機 40 chars`.padEnd(40, '.').slice(0, 40);
    await page.keyboard.type(text);
    const status = await page.getByTestId('save-status').getAttribute('data-status');
    // As when the person closes the tab: the page unloads without being asked (no beforeunload).
    await page.close();
    page = await context.newPage();
    confirmLeaving(page);
    await page.goto(`${host.url}${target.route(fixture)}`);
    await unlock(page);
    await target.locate(page).waitFor();
    const after = await target.read(page);
    console.log(`close round ${round} (${target.name}): status at close "${status}", kept ${after.length - before.length} of ${text.length} characters`);
    expect(after).toBe(before + text);
  }
  await context.close();
});

test('text still being composed with an IME when the page reloads is kept', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const fixture = await freshApp(page);
  confirmLeaving(page);
  const cdp = await context.newCDPSession(page);
  for (const target of ROTATION) {
    await page.goto(`${host.url}${target.route(fixture)}`);
    await target.locate(page).waitFor();
    await waitSaved(page);
    const before = await target.read(page);
    await target.focusEnd(page);
    // A real composition (as a Zhuyin or Pinyin IME makes), not finished when the page goes.
    await cdp.send('Input.imeSetComposition', { text: 'ㄨㄟˊ', selectionStart: 3, selectionEnd: 3 });
    await expect.poll(() => target.read(page)).toBe(`${before}ㄨㄟˊ`);
    await page.evaluate(() => location.reload()).catch(() => undefined);
    await page.waitForLoadState('load');
    await unlock(page);
    await target.locate(page).waitFor();
    const after = await target.read(page);
    console.log(`composition (${target.name}): ${JSON.stringify(after.slice(before.length))} kept of "ㄨㄟˊ"`);
    expect(after).toBe(`${before}ㄨㄟˊ`);
  }
  await context.close();
});

test('leaving while storage fails warns first; saving again stores every edit', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fixture = await freshApp(page);
  const target = TARGETS['playbook-description'];
  await page.goto(`${host.url}${target.route(fixture)}`);
  await target.locate(page).waitFor();
  await waitSaved(page);
  // A reload while saving normally does not ask (the writes complete without the page).
  const before = await target.read(page);
  let prompts = 0;
  page.on('dialog', (d) => {
    if (d.type() === 'beforeunload') prompts++;
    void d.dismiss();
  });
  // Another window deletes the database: this page's edits now live only in memory.
  const other = await context.newPage();
  await other.goto(`${host.url}#/settings`);
  await other.evaluate(() => new Promise((res) => {
    const r = indexedDB.deleteDatabase('crisis-room-v2');
    r.onsuccess = r.onerror = r.onblocked = () => res(null);
  }));
  await other.close();
  await target.focusEnd(page);
  await page.keyboard.type(' unsaved');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'error');
  await page.evaluate(() => location.reload()).catch(() => undefined);
  await expect.poll(() => prompts).toBe(1);
  // The person stayed: the text is still on screen, and saving again stores it.
  await expect(target.locate(page)).toHaveValue(`${before} unsaved`);
  await page.getByTestId('storage-error').getByRole('button').first().click();
  await waitSaved(page);
  await page.evaluate(() => location.reload()).catch(() => undefined);
  await page.waitForLoadState('load');
  await unlock(page);
  await target.locate(page).waitFor();
  await expect(target.locate(page)).toHaveValue(`${before} unsaved`);
  expect(prompts).toBe(1);
  await context.close();
});

test('two tabs typing into one playbook field at once lose no character', async ({ browser }) => {
  const context = await browser.newContext();
  const a = await context.newPage();
  const fixture = await freshApp(a);
  const b = await context.newPage();
  const target = TARGETS['playbook-description'];
  for (const p of [a, b]) {
    await p.goto(`${host.url}${target.route(fixture)}`);
    await target.locate(p).waitFor();
  }
  await waitSaved(a);
  const before = await target.read(a);
  await expect.poll(() => target.read(b)).toBe(before);
  for (const p of [a, b]) await target.focusEnd(p);
  // Two people, 20 characters each, key by key at the same time.
  const words = { a: 'ABCDEFGHIJKLMNOPQRST', b: 'abcdefghijklmnopqrst' };
  const typeSlowly = async (p: Page, s: string) => {
    for (const ch of s) {
      await p.keyboard.type(ch);
      await p.waitForTimeout(15);
    }
  };
  await Promise.all([typeSlowly(a, words.a), typeSlowly(b, words.b)]);
  await expect.poll(async () => (await target.read(a)) === (await target.read(b)), { timeout: 10_000 }).toBe(true);
  const text = await target.read(a);
  const tail = text.startsWith(before) ? text.slice(before.length) : text;
  const keptOf = (s: string) => [...s].filter((ch) => tail.includes(ch)).length;
  console.log(`two tabs: ${tail.length} of 40 characters kept (A ${keptOf(words.a)}/20, B ${keptOf(words.b)}/20): ${JSON.stringify(tail)}`);
  // The text that was there stays; each person's characters are all there, in their own order.
  expect(text.startsWith(before)).toBe(true);
  const only = (re: RegExp) => [...tail].filter((ch) => re.test(ch)).join('');
  expect(only(/[A-T]/)).toBe(words.a);
  expect(only(/[a-t]/)).toBe(words.b);
  expect(tail.length).toBe(40);
  await context.close();
});
