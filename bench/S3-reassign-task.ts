/**
 * S3 — UI actions (clicks, form fills, selections) to hand an incident task to someone else when
 * whoever holds it cannot be reached, in the built app (zh-TW) on one laptop.
 *
 * Setup before the count, as a team has it when the crisis starts: the workspace; the
 * responsibility map's Operations unit with three people, its key person 王小明 naming 黃副理
 * as backup; an incident of the food-safety type declared, its first task ("暫停販售並封存樣品")
 * put on 王小明. The laptop waits in the incident list. Two paths are counted, each from there:
 *   backup   open the incident → "reassign" on the task → confirm (the backup is offered first)
 *   named    open the incident → "reassign" → pick 陳大文 → confirm
 * The row reports the longer (named) path; the log has the backup path too. The run checks what
 * came out: the task shows its new person and the log has one reassignment note per path.
 */
import type { Locator, Page } from '@playwright/test';
import { completeOnboarding } from '../tests/e2e/helpers';
import { launchBenchBrowser } from './lib/chromium';
import { row, type BenchContext, type BenchRow } from './types';

const GOAL = 6;
const TASK = '暫停販售並封存樣品';

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
  async select(what: string, l: Locator, option: { label: string }): Promise<void> {
    this.steps.push(`select ${what}`);
    await l.selectOption(option);
  }
}

async function addPeople(page: Page, base: string, ws: string, unit: string, names: string[], backup: string): Promise<void> {
  await page.goto(`${base}#/w/${ws}/roles/people`);
  await page.getByTestId('unit-link').filter({ hasText: new RegExp(`^${unit}$`) }).click();
  for (const [i, name] of names.entries()) {
    await page.getByTestId('add-member').click();
    const member = page.getByTestId('member').last();
    await member.getByTestId('member-name').fill(name);
    await member.getByTestId('member-phone').fill(`0912-000-00${i}`);
    await member.getByTestId('member-confirm').click();
  }
  const key = page.getByTestId('member').first();
  await key.getByTestId('member-key').check();
  await key.getByTestId('member-backup').selectOption({ label: backup });
}

async function setup(page: Page, base: string): Promise<string> {
  await page.goto(`${base}#/`);
  await page.locator('[data-testid=create-workspace] input').fill('S3 危機小組');
  await page.locator('[data-testid=create-workspace] button[type=submit]').click();
  await page.waitForURL(/#\/w\/[^/]+\/playbook/);
  const ws = decodeURIComponent(/#\/w\/([^/]+)/.exec(page.url())![1]!);
  await addPeople(page, base, ws, '營運部', ['王小明', '黃副理', '陳大文'], '黃副理');
  await page.goto(`${base}#/w/${ws}/incidents`);
  await page.getByTestId('declare-incident').click();
  await page.getByTestId('incident-title').fill('信義店顧客食物中毒');
  await page.getByTestId('incident-type').selectOption({ label: '食安事件' });
  await page.getByTestId('declare-submit').click();
  await page.getByTestId('incident-room').waitFor();
  const task = taskRow(page);
  await task.getByTestId('task-edit').click();
  await task.getByTestId('task-assignee').selectOption({ label: '王小明（營運部）' });
  await task.getByTestId('task-save').click();
  await task.getByTestId('task-owner').filter({ hasText: '王小明' }).waitFor();
  return ws;
}

function taskRow(page: Page): Locator {
  return page.getByTestId('task').filter({ hasText: TASK });
}

/** From the incident list to the task handed over; `pick`: a named person instead of the backup offered first. */
async function reassign(page: Page, base: string, ws: string, expectTo: string, pick?: string): Promise<ActionCounter> {
  await page.goto(`${base}#/w/${ws}/incidents`);
  await page.getByTestId('incident-item').first().waitFor();
  const a = new ActionCounter();
  await a.click('the incident (list)', page.getByTestId('incident-item').first().locator('a').first());
  await page.getByTestId('incident-room').waitFor();
  const task = taskRow(page);
  await a.click('reassign (task)', task.getByTestId('task-reassign'));
  if (pick) await a.select('person', task.getByTestId('task-reassign-to'), { label: pick });
  await a.click('confirm reassignment', task.getByTestId('task-reassign-confirm'));
  await task.getByTestId('task-owner').filter({ hasText: `負責：${expectTo}` }).waitFor({ timeout: 10_000 });
  return a;
}

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const browser = await launchBenchBrowser({ log: ctx.log });
  try {
    await browser.context.addInitScript(() => {
      if (!localStorage.getItem('crisis-room.session')) localStorage.setItem('crisis-room.session', JSON.stringify({ state: { language: 'zh-TW', userName: '林雅婷', userColor: '#0369a1' }, version: 1 }));
    });
    const page = await browser.freshPage(ctx.appUrl);
    await completeOnboarding(page, { name: '林雅婷', unit: '公關部' });
    const ws = await setup(page, ctx.appUrl);
    const backup = await reassign(page, ctx.appUrl, ws, '黃副理（營運部）');
    ctx.log(`backup path (${backup.count}): ${backup.steps.join(' → ')}`);
    const named = await reassign(page, ctx.appUrl, ws, '陳大文（營運部）', '陳大文（營運部）');
    ctx.log(`named path (${named.count}): ${named.steps.join(' → ')}`);
    const notes = await page.getByTestId('log-entry').filter({ hasText: `任務「${TASK}」改派` }).count();
    if (notes !== 2) throw new Error(`The log has ${notes} reassignment notes (2 expected)`);
    const value = Math.max(backup.count, named.count);
    return [row('S3', `UI actions to reassign a task to someone else, from the incident list (a named person; ${backup.count} to the holder's backup, offered first)`, value, 'actions', null, `≤ ${GOAL}`, value <= GOAL)];
  } finally {
    await browser.close();
  }
}
