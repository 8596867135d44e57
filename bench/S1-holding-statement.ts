/**
 * S1 — UI actions (clicks, form fills, selections) from "declare incident" to a printed, legally
 * approved holding statement filled from the template, in the built app in Chromium (zh-TW).
 * Setup before the count: a workspace with its company profile (name and public contact line),
 * as a team has it before any crisis. The count then follows the shortest path the UI offers:
 * declare (name, crisis type, product concerned; severity suggested, T0 = now) → "draft holding
 * statement from template" in the incident room (every placeholder filled from the incident and
 * the profile) → submit for review → approve as legal → release → print view → print.
 * The run checks what came out: the PDF holds the filled statement and the legal approval.
 */
import { chromium, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../playwright.config';
import { row, type BenchContext, type BenchRow } from './types';

const GOAL = 12;
const COMPANY = '禾豐餐飲股份有限公司';
const CONTACT = '客服專線 0800-123-456';
const APPROVER = '法務 林律師';

/** Counts every UI action the path takes. */
class ActionCounter {
  count = 0;
  readonly steps: string[] = [];
  async click(what: string, l: Locator): Promise<void> {
    this.count++;
    this.steps.push(`click ${what}`);
    await l.click();
  }
  async fill(what: string, l: Locator, value: string): Promise<void> {
    this.count++;
    this.steps.push(`fill ${what}`);
    await l.fill(value);
  }
  async select(what: string, l: Locator, option: { label: string }): Promise<void> {
    this.count++;
    this.steps.push(`select ${what}`);
    await l.selectOption(option);
  }
}

async function setup(page: Page, appUrl: string): Promise<string> {
  await page.goto(appUrl);
  await page.locator('[data-testid=create-workspace] input').fill('S1 危機小組');
  await page.locator('[data-testid=create-workspace] button[type=submit]').click();
  await page.waitForURL(/#\/w\/[^/]+\/playbook/);
  const ws = decodeURIComponent(/#\/w\/([^/]+)/.exec(page.url())![1]!);
  await page.goto(`${appUrl}#/w/${ws}/incidents`);
  await page.locator('.profile-card summary').click();
  await page.getByTestId('company-name').fill(COMPANY);
  await page.getByTestId('press-contact').fill(CONTACT);
  return ws;
}

async function pathToPrintedStatement(page: Page, a: ActionCounter): Promise<void> {
  await a.click('declare incident', page.getByTestId('declare-incident'));
  await a.fill('incident name', page.getByTestId('incident-title'), '信義店顧客集體腸胃不適');
  await a.select('crisis type', page.getByTestId('incident-type'), { label: '食安事件' });
  await a.fill('product concerned', page.getByTestId('incident-product'), '海鮮燉飯');
  await a.click('declare', page.getByTestId('declare-submit'));
  await page.getByTestId('incident-room').waitFor();
  await a.click('draft holding statement from template', page.getByTestId('draft-holding'));
  await page.getByTestId('statement-studio').waitFor();
  await a.click('submit for review', page.getByTestId('submit-review'));
  // The approver's name defaults to the person at this laptop; the role to legal.
  await page.getByTestId('approve').waitFor();
  await a.click('approve as legal', page.getByTestId('approve'));
  await page.locator('[data-testid=status-bar][data-status=approved]').waitFor();
  await a.click('release', page.getByTestId('release'));
  await page.locator('[data-testid=status-bar][data-status=released]').waitFor();
  await a.click('print view', page.getByTestId('export-pdf'));
  await page.getByTestId('statement-print').waitFor();
  await a.click('print', page.getByTestId('print-pdf'));
}

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const dir = mkdtempSync(join(tmpdir(), 's1-'));
  try {
    const context = await browser.newContext({ locale: 'zh-TW' });
    await context.addInitScript((name) => {
      if (!localStorage.getItem('crisis-room.session')) localStorage.setItem('crisis-room.session', JSON.stringify({ state: { language: 'zh-TW', userName: name, userColor: '#0369a1' }, version: 1 }));
      // The browser's print dialog is what "print" opens in web mode; headless, note that it was asked for.
      window.print = () => void ((window as unknown as { __printed: number }).__printed = ((window as unknown as { __printed?: number }).__printed ?? 0) + 1);
    }, APPROVER);
    const page = await context.newPage();
    await setup(page, ctx.appUrl);
    const actions = new ActionCounter();
    await pathToPrintedStatement(page, actions);
    ctx.log(`path: ${actions.steps.join(' → ')}`);

    // What came out: print was asked for, and the printed copy is the filled, legally approved statement.
    const printed = await page.evaluate(() => (window as unknown as { __printed?: number }).__printed ?? 0);
    if (printed < 1) throw new Error('The print dialog was never opened');
    await page.emulateMedia({ media: 'print' });
    writeFileSync(join(dir, 's1.pdf'), await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    // CJK lines wrap anywhere: compare without whitespace.
    const text = execFileSync('pdftotext', [join(dir, 's1.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const expected of [COMPANY, CONTACT, '信義店顧客集體腸胃不適', '海鮮燉飯', APPROVER]) {
      if (!text.includes(expected.replace(/\s+/g, ''))) throw new Error(`The printed statement lacks "${expected}"`);
    }
    if (/\{(company|product|incident|time|contact)\}/.test(text)) throw new Error('The printed statement still has an unfilled placeholder');
    if (text.includes('未發布')) throw new Error('The printed copy is not the released statement');
    const value = actions.count;
    return [row('S1', 'UI actions: "declare incident" → printed, legally approved holding statement from the template', value, 'actions', null, `≤ ${GOAL}`, value <= GOAL)];
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
