/**
 * S1 — UI actions (clicks, form fills, selections) of every person involved, from "declare
 * incident" to a printed holding statement filled from the template and approved by Legal, in
 * the built app (zh-TW) on two laptops: PR (林雅婷: owner and spokesperson) and Legal (林律師:
 * legal approver), each a Chromium process in its own network namespace with its own device key,
 * syncing through the LAN host (the netns lab of tests/e2e; run as root).
 *
 * Setup before the count, as a team has it before any crisis: the workspace with its company
 * profile (name, public contact line); PR holds the spokesperson role; Legal was invited as legal
 * approver and admitted; both laptops are connected. Nothing else is prepared (no statement, no
 * policy change: the default policy, separation of duties on). The count then follows the
 * shortest path the UI offers, both people's actions included:
 *   PR    declare (name, crisis type, product concerned; severity suggested, T0 = now)
 *         → "draft holding statement from template" (every placeholder filled from the incident
 *           and the profile) → submit for review
 *   Legal (on the playbook when the crisis starts) the top bar's "awaiting your sign-off" item,
 *         which links straight to the one statement waiting for them → approve (signed with
 *         Legal's key; the panel offers Legal only the legal role, and PR — the author — cannot give it)
 *   PR    release → "sign, release and print" in the release dialog (signed; the print view
 *         opens and starts printing by itself once every signature on it is checked)
 * 14 actions before the inbox and "release and print" (PR 11, Legal 3: statements → the
 * statement → approve; release → confirm → print view → print).
 * The run checks what came out: the print dialog was opened exactly once, by the print view of
 * the released statement; the PDF holds the filled statement and the signed legal approval with
 * Legal's key fingerprint, and no "unreleased" mark.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createNetnsLab, netnsAvailable, type NetnsLab } from '../tests/e2e/netns/netns';
import { createWorkspaceOn, go, inviteAndJoin, openLaptop, pdfPages, setRoles } from '../tests/e2e/signoff-lab';
import { ROOT } from './lib/bundle';
import { row, type BenchContext, type BenchRow } from './types';

/** The goal set when one person could do every step on one laptop (before signed sign-off). */
const GOAL = 12;
const COMPANY = '禾豐餐飲股份有限公司';
const CONTACT = '客服專線 0800-123-456';
const PR = { name: '林雅婷', unit: '公關部' };
const LEGAL = { name: '林律師', unit: '法務部' };

/** Counts every UI action of the path, per person. */
class ActionCounter {
  readonly steps: string[] = [];
  readonly by: Record<string, number> = {};
  get count(): number {
    return this.steps.length;
  }
  private note(who: string, what: string): void {
    this.steps.push(`${who}: ${what}`);
    this.by[who] = (this.by[who] ?? 0) + 1;
  }
  async click(who: string, what: string, l: Locator): Promise<void> {
    this.note(who, `click ${what}`);
    await l.click();
  }
  async fill(who: string, what: string, l: Locator, value: string): Promise<void> {
    this.note(who, `fill ${what}`);
    await l.fill(value);
  }
  async select(who: string, what: string, l: Locator, option: { label: string }): Promise<void> {
    this.note(who, `select ${what}`);
    await l.selectOption(option);
  }
}

async function setup(lab: NetnsLab, pr: Page, legal: Page): Promise<{ ws: string; legalHex: string }> {
  const ws = await createWorkspaceOn(lab, pr, 'S1 危機小組');
  await setRoles(lab, pr, ws, PR.name, ['owner', 'spokesperson']);
  await go(lab, pr, `w/${ws}/incidents`);
  await pr.locator('.profile-card summary').click();
  await pr.getByTestId('company-name').fill(COMPANY);
  await pr.getByTestId('press-contact').fill(CONTACT);
  const legalHex = await inviteAndJoin(lab, pr, legal, ws, LEGAL.name, 'legal_approver');
  // Both laptops wait where the crisis finds them: PR in the incident list, Legal on the playbook.
  await go(lab, pr, `w/${ws}/incidents`);
  await go(lab, legal, `w/${ws}/playbook`);
  return { ws, legalHex };
}

async function pathToPrintedStatement(pr: Page, legal: Page, a: ActionCounter): Promise<void> {
  await a.click('PR', 'declare incident', pr.getByTestId('declare-incident'));
  await a.fill('PR', 'incident name', pr.getByTestId('incident-title'), '信義店顧客集體腸胃不適');
  await a.select('PR', 'crisis type', pr.getByTestId('incident-type'), { label: '食安事件' });
  await a.fill('PR', 'product concerned', pr.getByTestId('incident-product'), '海鮮燉飯');
  await a.click('PR', 'declare', pr.getByTestId('declare-submit'));
  await pr.getByTestId('incident-room').waitFor();
  await a.click('PR', 'draft holding statement from template', pr.getByTestId('draft-holding'));
  await pr.getByTestId('statement-studio').waitFor();
  await a.click('PR', 'submit for review', pr.getByTestId('submit-review'));
  await pr.locator('[data-testid=status-bar][data-status=in_review]').waitFor();

  // Legal, on the playbook: the top bar names the one statement waiting for their sign-off.
  const inbox = legal.locator('[data-testid=signoff-inbox][data-count="1"]');
  await inbox.waitFor({ timeout: 20_000 });
  await a.click('Legal', 'awaiting your sign-off (top bar) → the statement', inbox);
  await legal.getByTestId('statement-studio').waitFor();
  // The panel offers Legal the legal role only, and their own key; the approval waits for the text's analysis.
  await legal.locator('[data-testid=approve]:not([disabled])').waitFor({ timeout: 20_000 });
  await a.click('Legal', 'approve as legal (signed)', legal.getByTestId('approve'));
  await legal.locator('[data-testid=status-bar][data-status=approved]').waitFor();

  await pr.locator('[data-testid=status-bar][data-status=approved]').waitFor({ timeout: 20_000 });
  await a.click('PR', 'release', pr.getByTestId('release'));
  await a.click('PR', 'sign, release and print', pr.getByTestId('release-print'));
  // The print view of the released copy prints by itself once it is ready (no further action).
  await pr.locator('[data-testid=statement-print][data-ready=true]').waitFor({ timeout: 20_000 });
  await pr.waitForFunction(() => ((window as unknown as { __printed?: number }).__printed ?? 0) > 0, undefined, { timeout: 20_000 });
}

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const can = netnsAvailable();
  if (!can.ok) throw new Error(`S1 needs two laptops in network namespaces: ${can.reason}`);
  const dist = join(ROOT, process.env.BENCH_APP_DIST ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} is missing: build the app first`);
  const dir = mkdtempSync(join(tmpdir(), 's1-'));
  const lab = await createNetnsLab(2, dist);
  try {
    const pr = await openLaptop(lab, 0, PR, { countPrints: true });
    const legal = await openLaptop(lab, 1, LEGAL);
    const { legalHex } = await setup(lab, pr, legal);
    const actions = new ActionCounter();
    const t0 = Date.now();
    await pathToPrintedStatement(pr, legal, actions);
    ctx.log(`path (${((Date.now() - t0) / 1000).toFixed(1)} s): ${actions.steps.join(' → ')}`);

    // What came out: print was asked for, and the printed copy is the filled, released statement with Legal's signed approval.
    const printed = await pr.evaluate(() => (window as unknown as { __printed?: number }).__printed ?? 0);
    if (printed !== 1) throw new Error(`The print dialog was opened ${printed} times (once expected)`);
    if (!/\/statements\/[^/?]+\/print$/.test(pr.url())) throw new Error(`Printed from ${pr.url()}, not from the statement's print view (without ?print=1)`);
    const text = (await pdfPages(pr, dir, 's1')).join('');
    for (const expected of [COMPANY, CONTACT, '信義店顧客集體腸胃不適', '海鮮燉飯', `核可：${LEGAL.name}（法務）金鑰${legalHex}`]) {
      if (!text.includes(expected.replace(/\s+/g, ''))) throw new Error(`The printed statement lacks "${expected}"`);
    }
    if (/\{(company|product|incident|time|contact)\}/.test(text)) throw new Error('The printed statement still has an unfilled placeholder');
    if (text.includes('未發布')) throw new Error('The printed copy is not the released statement');
    const value = actions.count;
    return [
      row('S1', `UI actions, both people: "declare incident" → holding statement from the template → signed legal approval on Legal's laptop → signed release → printed (PR ${actions.by.PR}, Legal ${actions.by.Legal})`, value, 'actions', null, `≤ ${GOAL}`, value <= GOAL),
    ];
  } finally {
    await lab.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
