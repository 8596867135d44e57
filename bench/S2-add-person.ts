/**
 * S2 — UI actions (clicks, fills, selections, key presses) to add a person with a backup to the
 * responsibility map, in the built app (zh-TW) on one laptop (Chromium, no network).
 *
 * Setup before the count: a workspace (built-in units) whose PR unit has its spokesperson 陳志豪
 * (key role, phone and e-mail, confirmed). The laptop shows the roles section as it opens (the
 * RACI matrix tab). The count then adds 周怡君 to PR with her phone and e-mail, as the
 * spokesperson's backup, so that afterwards she is on the map with details that count as
 * confirmed and the spokesperson's "no backup" check is gone:
 *   quick-add row   people tab → name → unit → "phone or e-mail" (both, in one field)
 *                   → backup relation ("stands in for 陳志豪") → Enter                    (6)
 * For comparison the same result is reached the way the app offered before the quick-add row
 * (still there, and counted here in the same run, on a second person):
 *   people tab → unit → "+ add person" → name → phone → e-mail → "details confirmed" ✓
 *   → the spokesperson's backup select                                                   (8)
 * The run checks what came out: the person is in the unit with both details, confirmed, the
 * spokesperson's backup is her, no check names either of them, and the printed poster's
 * contact list shows her and the spokesperson's backup.
 */
import type { Locator, Page } from '@playwright/test';
import { completeOnboarding } from '../tests/e2e/helpers';
import { launchBenchBrowser } from './lib/chromium';
import { row, type BenchContext, type BenchRow } from './types';

/** Issue 13's goal for S2. */
const GOAL = 6;
const UNIT = '公關部';
const KEY = { name: '陳志豪', phone: '0933-222-111', email: 'hao.chen@example.com.tw' };
const NEW = { name: '周怡君', phone: '0922-111-222', email: 'yc.chou@example.com.tw' };
const OLD_WAY = { name: '張雅婷', phone: '0955-666-777', email: 'yating.chang@example.com.tw' };

/** Counts every UI action of a path. */
class ActionCounter {
  readonly steps: string[] = [];
  get count(): number {
    return this.steps.length;
  }
  async click(what: string, l: Locator): Promise<void> {
    this.steps.push(`click ${what}`);
    await l.click();
  }
  async fill(what: string, l: Locator, value: string): Promise<void> {
    this.steps.push(`fill ${what}`);
    await l.fill(value);
  }
  async select(what: string, l: Locator, option: { label: string }): Promise<void> {
    this.steps.push(`select ${what}`);
    await l.selectOption(option);
  }
  async press(what: string, l: Locator, key: string): Promise<void> {
    this.steps.push(`press ${key} in ${what}`);
    await l.press(key);
  }
}

const member = (page: Page, name: string) => page.locator(`[data-testid="member"][data-name="${name}"]`);

async function setup(page: Page, appUrl: string): Promise<string> {
  await page.goto(`${appUrl}#/`);
  await page.locator('[data-testid=create-workspace] input').fill('S2 危機小組');
  await page.locator('[data-testid=create-workspace] button[type=submit]').click();
  await page.waitForURL(/#\/w\/[^/]+\/playbook/);
  const ws = decodeURIComponent(/#\/w\/([^/]+)/.exec(page.url())![1]!);
  // The spokesperson, the way the app offered before (not counted).
  await page.goto(`${appUrl}#/w/${ws}/roles/people`);
  await page.getByTestId('unit-link').filter({ hasText: new RegExp(`^${UNIT}$`) }).click();
  await page.getByTestId('add-member').click();
  const key = page.getByTestId('member').last();
  await key.getByTestId('member-name').fill(KEY.name);
  await key.getByTestId('member-phone').fill(KEY.phone);
  await key.getByTestId('member-email').fill(KEY.email);
  await key.getByTestId('member-confirm').click();
  await key.getByTestId('member-key').check();
  await key.locator('[data-code$="NoBackup"]').first().waitFor();
  return ws;
}

/** Where the count starts: the roles section as it opens. */
async function openRoles(page: Page, appUrl: string, ws: string): Promise<void> {
  await page.goto(`${appUrl}#/w/${ws}/roles`);
  await page.getByTestId('roles-tab-people').waitFor();
}

async function quickAddPath(page: Page, a: ActionCounter): Promise<void> {
  await a.click('people tab', page.getByTestId('roles-tab-people'));
  const qa = page.getByTestId('quick-add-person');
  await a.fill('name', qa.getByTestId('qa-name'), NEW.name);
  await a.select('unit', qa.getByTestId('qa-unit'), { label: UNIT });
  await a.fill('phone or e-mail', qa.getByTestId('qa-contact'), `${NEW.phone} / ${NEW.email}`);
  await a.select('backup relation', qa.getByTestId('qa-backup'), { label: `代理 ${KEY.name}（${UNIT}）` });
  await a.press('the backup relation', qa.getByTestId('qa-backup'), 'Enter');
  await member(page, NEW.name).waitFor();
}

async function previousPath(page: Page, a: ActionCounter): Promise<void> {
  await a.click('people tab', page.getByTestId('roles-tab-people'));
  await a.click('unit', page.getByTestId('unit-link').filter({ hasText: new RegExp(`^${UNIT}$`) }));
  await a.click('+ add person', page.getByTestId('add-member'));
  const r = page.getByTestId('member').last();
  await a.fill('name', r.getByTestId('member-name'), OLD_WAY.name);
  await a.fill('phone', r.getByTestId('member-phone'), OLD_WAY.phone);
  await a.fill('e-mail', r.getByTestId('member-email'), OLD_WAY.email);
  await a.click('details confirmed', r.getByTestId('member-confirm'));
  await a.select("the spokesperson's backup", member(page, KEY.name).getByTestId('member-backup'), { label: OLD_WAY.name });
}

/** Throws unless the spokesperson's backup is `name`, whose row has both details, confirmed, with no check naming them. */
async function check(page: Page, name: string, d: { phone: string; email: string }): Promise<void> {
  const r = member(page, name);
  const expect = async (what: string, actual: Promise<string | null>, wanted: string) => {
    const got = await actual;
    if (got !== wanted) throw new Error(`${name}: ${what} is ${JSON.stringify(got)}, expected ${JSON.stringify(wanted)}`);
  };
  await expect('phone', r.getByTestId('member-phone').inputValue(), d.phone);
  await expect('e-mail', r.getByTestId('member-email').inputValue(), d.email);
  await expect('freshness', r.getByTestId('member-freshness').getAttribute('data-status'), 'fresh');
  await expect("the spokesperson's backup", member(page, KEY.name).getByTestId('member-backup').locator('option:checked').innerText(), name);
  for (const who of [name, KEY.name]) {
    const issues = await member(page, who).getByTestId('inline-issue').count();
    if (issues > 0) throw new Error(`${who} is still named by ${issues} check(s): ${await member(page, who).getByTestId('inline-issue').allInnerTexts()}`);
  }
}

/** The printed poster's contact list: the new person with her details, the spokesperson's backup. */
async function checkPoster(page: Page, appUrl: string, ws: string): Promise<void> {
  await page.goto(`${appUrl}#/w/${ws}/roles/print?size=A4`);
  await page.locator('[data-testid=poster][data-paper=A4]').waitFor();
  const dirRow = (name: string) => page.locator('.poster-dir tr').filter({ has: page.locator('td:nth-last-child(4)', { hasText: name }) });
  const cells = async (name: string) => (await dirRow(name).locator('td').allInnerTexts()).map((s) => s.trim());
  const mine = await cells(NEW.name);
  if (!mine.includes(NEW.phone) || !mine.includes(NEW.email)) throw new Error(`The poster lists ${NEW.name} as ${JSON.stringify(mine)}`);
  const key = await cells(KEY.name);
  if (key.at(-1) !== NEW.name) throw new Error(`The poster gives ${KEY.name} the backup ${JSON.stringify(key.at(-1))}`);
}

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const browser = await launchBenchBrowser({ log: ctx.log });
  try {
    const page = await browser.freshPage(ctx.appUrl);
    await completeOnboarding(page, { name: '林雅婷', unit: UNIT });
    const ws = await setup(page, ctx.appUrl);

    // The way the app offered before the quick-add row (for comparison), then undone.
    await openRoles(page, ctx.appUrl, ws);
    const before = new ActionCounter();
    await previousPath(page, before);
    await check(page, OLD_WAY.name, OLD_WAY);
    ctx.log(`before (${before.count}): ${before.steps.join(' → ')}`);
    await member(page, KEY.name).getByTestId('member-backup').selectOption('');

    await openRoles(page, ctx.appUrl, ws);
    const after = new ActionCounter();
    const t0 = Date.now();
    await quickAddPath(page, after);
    ctx.log(`quick add (${after.count}, ${((Date.now() - t0) / 1000).toFixed(1)} s): ${after.steps.join(' → ')}`);
    await check(page, NEW.name, NEW);
    await checkPoster(page, ctx.appUrl, ws);

    const value = after.count;
    return [row('S2', `UI actions: add a person (name, unit, phone + e-mail, confirmed) as backup of the spokesperson, from the roles section (before the quick-add row: ${before.count})`, value, 'actions', null, `≤ ${GOAL}`, value <= GOAL)];
  } finally {
    await browser.close();
  }
}
