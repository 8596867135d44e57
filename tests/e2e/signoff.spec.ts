/**
 * Signed sign-off with two real laptops — separate Chromium processes, each in its own network
 * namespace with its own profile and device key, running the built app (dist/, or APP_DIST) and
 * syncing over the app's own WebRTC stack. "Only Legal can approve as Legal":
 *
 * PR (林雅婷, the workspace's owner and spokesperson) declares an incident and drafts the holding
 * statement from the template. On PR's laptop the legal approval is refused — PR holds no legal
 * role; given that role, PR is refused as the author of the last change; an approval PR's
 * modified client signs anyway is listed as not counting, with why. PR invites Legal (林律師)
 * as legal approver; Legal joins on the other laptop and signs the approval with their own key.
 * PR sees it verified (Legal's name and key fingerprint, the same the roster shows), confirms the
 * release in the app's dialog and releases (signed). The released PDF (page.pdf, preferCSSPageSize,
 * pdftotext) carries the signed approval line with the approver and the key fingerprint. The audit
 * trail lists every entry with its verdict, exports CSV and prints. A drill's statement is marked
 * as such, carries the drill watermark on every printed page and can never be released, even
 * approved by Legal and with an owner at the keyboard.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createNetnsLab, netnsAvailable, type NetnsLab } from './netns/netns';
import { ROOT } from './netns/peers';
import type { TestProfile } from './helpers';
import { createWorkspaceOn, go as goOn, inviteAndJoin, memberRow, openLaptop, pdfPages as pdfOf, setRoles as setRolesOn } from './signoff-lab';

const DIST = process.env.APP_DIST ?? join(ROOT, 'dist');
const PR: TestProfile = { name: '林雅婷', unit: '公關部' };
const LEGAL: TestProfile = { name: '林律師', unit: '法務部', email: 'lin@lawfirm.example' };
const COMPANY = '禾豐餐飲股份有限公司';
const CONTACT = '客服專線 0800-123-456';
const INCIDENT = '信義店顧客集體腸胃不適';

test.describe.configure({ mode: 'serial' });

let lab: NetnsLab | null = null;
let a: Page;
let b: Page;
const dir = mkdtempSync(join(tmpdir(), 'signoff-'));

const go = (page: Page, path: string) => goOn(lab!, page, path);
const setRoles = (page: Page, ws: string, name: string, roles: string[]) => setRolesOn(lab!, page, ws, name, roles);
const pdfPages = (page: Page, name: string) => pdfOf(page, dir, name);

test.beforeAll(async () => {
  const can = netnsAvailable();
  if (!can.ok) throw new Error(`Two-laptop sign-off test cannot run: ${can.reason}`);
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} is missing: run \`npx vite build\` first (npm run test:e2e does)`);
  lab = await createNetnsLab(2, DIST);
  // PR's laptop also plays a modified client once: it may write any entry it can sign.
  a = await openLaptop(lab, 0, PR, { testHooks: true });
  b = await openLaptop(lab, 1, LEGAL);
});

test.afterAll(async () => {
  await lab?.dispose();
});

test('only Legal approves as Legal: refused on PR’s laptop, signed on Legal’s, verified and released by PR, printed with the key', async () => {
  test.setTimeout(240_000);
  // PR creates the workspace (signed genesis: PR is its owner) and takes the spokesperson role.
  const ws = await createWorkspaceOn(lab!, a, '禾豐危機小組');
  await setRoles(a, ws, PR.name, ['owner', 'spokesperson']);

  // PR declares the incident and drafts the holding statement from the template.
  await go(a, `w/${ws}/incidents`);
  await a.locator('.profile-card summary').click();
  await a.getByTestId('company-name').fill(COMPANY);
  await a.getByTestId('press-contact').fill(CONTACT);
  await a.getByTestId('declare-incident').click();
  await a.getByTestId('incident-title').fill(INCIDENT);
  await a.getByTestId('incident-type').selectOption({ label: '食安事件' });
  await a.getByTestId('incident-product').fill('海鮮燉飯');
  await a.getByTestId('declare-submit').click();
  await a.getByTestId('draft-holding').click();
  await expect(a.getByTestId('statement-studio')).toBeVisible();
  const statementUrl = a.url();
  const sid = decodeURIComponent(/statements\/([^/?]+)$/.exec(statementUrl)![1]!);
  await a.getByTestId('submit-review').click();
  await expect(a.getByTestId('statement-status')).toHaveText('審查中');
  await expect(a.getByTestId('gates-clear')).toBeVisible();

  // Refused on PR's laptop, 1: PR holds no legal role — legal is not offered, and it says why.
  await expect(a.getByTestId('approve-role').locator('option')).toHaveText(['公關負責人']);
  await expect(a.getByTestId('approve-missing-role')).toContainText('法務核可需由法務核可人簽署');

  // Refused, 2: given the legal role, PR is the author of the last change (separation of duties).
  await setRoles(a, ws, PR.name, ['owner', 'legal_approver', 'spokesperson']);
  await a.goto(statementUrl);
  await a.getByTestId('approve-role').selectOption('legal');
  await expect(a.getByTestId('approve-author')).toContainText('最後的修改者');
  await expect(a.getByTestId('approve')).toBeDisabled();
  // A modified client signs it anyway: listed as not counting, with the reason; still in review.
  const hash = await a.getByTestId('status-bar').getAttribute('data-hash');
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await a.evaluate(([w, s, h]) => window.__crisisRoomGovernanceTest!.signAndAppendAnything({ ws: w!, kind: 'approval', statementId: s!, hash: h!, role: 'legal' }), [ws, sid, hash] as const);
  const forged = a.locator('[data-testid=approval-entry][data-valid=false]');
  await expect(forged).toContainText('最後修改者不能給予法務核可');
  await expect(a.getByTestId('statement-status')).toHaveText('審查中');
  // Back to PR's real roles: the forged approval now fails on the role itself.
  await setRoles(a, ws, PR.name, ['owner', 'spokesperson']);
  await a.goto(statementUrl);
  await expect(forged).toContainText('不是由法務核可人簽署');

  // PR connects to the host and invites Legal as legal approver (one-time admission); Legal
  // joins on the other laptop; PR's laptop admits them with the offered role.
  const legalHex = await inviteAndJoin(lab!, a, b, ws, LEGAL.name, 'legal_approver');
  expect(legalHex).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await expect(memberRow(a, LEGAL.name)).toContainText(LEGAL.unit!);

  // Legal reads the statement on their laptop and signs the approval with their own key.
  await go(b, `w/${ws}/statements/${encodeURIComponent(sid)}`);
  await expect(b.getByTestId('statement-status')).toHaveText('審查中', { timeout: 15_000 });
  await expect(b.getByTestId('approve-role').locator('option')).toHaveText(['法務']);
  await expect(b.getByTestId('approve-identity')).toContainText(legalHex);
  await expect(b.getByTestId('approve-author')).toHaveCount(0);
  await b.getByTestId('approve').click();
  await expect(b.getByTestId('statement-status')).toHaveText('已核可');
  // Legal is no spokesperson: release is not theirs.
  await expect(b.getByTestId('release')).toBeDisabled();

  // PR sees the approval verified — Legal's name and the fingerprint the roster shows.
  await a.goto(statementUrl);
  await expect(a.getByTestId('statement-status')).toHaveText('已核可', { timeout: 15_000 });
  const legalStanding = a.getByTestId('standing-legal');
  await expect(legalStanding).toHaveAttribute('data-state', 'approved');
  await expect(legalStanding).toContainText(LEGAL.name);
  await expect(legalStanding).toContainText(legalHex);
  await expect(legalStanding).toContainText('簽章已驗證');

  // PR releases: a confirmation in the app's own dialog, then the signed release.
  await a.getByTestId('release').click();
  const dialog = a.getByTestId('release-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(LEGAL.name);
  await a.getByTestId('release-confirm').click();
  await expect(a.getByTestId('statement-status')).toHaveText('已發布');
  await expect(a.getByTestId('release-check')).toHaveCount(0); // verified: nothing to warn about
  await expect(b.getByTestId('statement-status')).toHaveText('已發布', { timeout: 15_000 });

  // The released copy, printed: the approval block names the approver and their key fingerprint.
  await a.getByTestId('export-pdf').click();
  await expect(a.getByTestId('statement-print')).toHaveAttribute('data-ready', 'true');
  await expect(a.locator('[data-testid=print-approval][data-check=valid]')).toHaveCount(1);
  await expect(a.getByTestId('approval-block')).toContainText(`核可：${LEGAL.name}（法務）金鑰 ${legalHex}`);
  const released = (await pdfPages(a, 'released')).join('');
  expect(released).toContain(`核可：${LEGAL.name}（法務）金鑰${legalHex}`);
  expect(released).toContain(COMPANY);
  expect(released).toContain(INCIDENT);
  expect(released).toContain('海鮮燉飯');
  expect(released).not.toContain('未發布');
  expect(released).not.toContain('演練');

  // The audit trail: every entry with its verdict; filter by kind; CSV; printable.
  await go(a, `w/${ws}/statements/audit`);
  await a.getByTestId('audit-kind').selectOption('approval');
  const approvals = a.getByTestId('audit-row');
  await expect(approvals).toHaveCount(2);
  await expect(approvals.filter({ hasText: LEGAL.name })).toHaveAttribute('data-counted', 'true');
  await expect(approvals.filter({ hasText: LEGAL.name })).toContainText('已驗證');
  await expect(approvals.filter({ hasText: PR.name })).toHaveAttribute('data-counted', 'false');
  await a.getByTestId('audit-kind').selectOption('');
  await a.getByTestId('audit-member').selectOption({ label: `${LEGAL.name} · ${legalHex}` });
  await expect(a.getByTestId('audit-row').first()).toContainText(LEGAL.name);
  await a.getByTestId('audit-member').selectOption('');
  await expect(a.locator('[data-testid=audit-row][data-kind=release]')).toHaveAttribute('data-counted', 'true');
  const download = a.waitForEvent('download');
  await a.getByTestId('audit-csv').click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  // Every field quoted (CSV-injection-safe export, shared/csvSafe.ts).
  expect(csv.startsWith('\uFEFF"time_utc","at_ms","kind","signer","fingerprint"')).toBe(true);
  expect(csv).toContain(`"approval","${LEGAL.name}","${legalHex}"`);
  expect(csv).toMatch(/"approval","林雅婷","[0-9A-F-]+",[^\r\n]*,"no","lacksRole"/);
  await a.getByTestId('audit-print').click();
  await expect(a.getByTestId('audit-print-view')).toHaveAttribute('data-ready', 'true');
  const audit = (await pdfPages(a, 'audit')).join('');
  expect(audit).toContain('稽核軌跡');
  expect(audit).toContain(LEGAL.name);
  expect(audit).toContain('不是由法務核可人簽署');

  // A drill: its holding statement is marked, approved by Legal, and still never releasable.
  await go(a, `w/${ws}/drills`);
  await a.locator('[data-testid=library-scenario][data-key=restaurant-food-poisoning]').getByTestId('add-library-scenario').click();
  await a.locator('[data-testid=scenario][data-library-key=restaurant-food-poisoning]').getByTestId('start-drill').click();
  await expect(a.getByTestId('incident-room')).toHaveAttribute('data-drill', 'true');
  const drillIncident = decodeURIComponent(/\/(drill-[^/?]+)/.exec(a.url())![1]!);
  await a.getByTestId('draft-holding').click();
  await expect(a.getByTestId('studio-drill')).toContainText('演練');
  const drillUrl = a.url();
  const drillId = decodeURIComponent(/statements\/([^/?]+)$/.exec(drillUrl)![1]!);
  expect(drillId.startsWith('drill-')).toBe(true);
  await a.getByTestId('submit-review').click();
  await expect(a.getByTestId('gate-drill')).toBeVisible();
  await expect(a.getByTestId('override-drill')).toHaveCount(0);
  // The scenario names no product: that template field stays open, which blocks approval until
  // the owner lifts it with a written reason (signed, shown to everyone).
  await expect(a.getByTestId('gate-placeholders')).toHaveAttribute('data-state', 'failing');
  await a.getByTestId('override-placeholders').click();
  await a.getByTestId('override-reason').fill('演練：產品名稱由主持人口頭提供');
  await a.getByTestId('override-confirm').click();
  await expect(a.getByTestId('gate-placeholders')).toHaveAttribute('data-state', 'overridden');
  await expect(a.getByTestId('gate-override')).toContainText('演練：產品名稱由主持人口頭提供');
  await go(b, `w/${ws}/statements/${encodeURIComponent(drillId)}`);
  await expect(b.getByTestId('studio-drill')).toBeVisible({ timeout: 15_000 });
  await expect(b.getByTestId('approval-drill-note')).toBeVisible();
  await expect(b.getByTestId('gate-override')).toContainText(PR.name, { timeout: 15_000 });
  await expect(b.getByTestId('approve')).toBeEnabled({ timeout: 15_000 });
  await b.getByTestId('approve').click();
  await a.goto(drillUrl);
  await expect(a.getByTestId('statement-status')).toHaveText('已核可', { timeout: 15_000 });
  await expect(a.getByTestId('release')).toBeDisabled();
  await expect(a.getByTestId('release-blocked')).toContainText('演練聲明永遠不能對外發布');
  await go(a, `w/${ws}/statements`);
  await expect(a.locator(`[data-testid=statement-row][data-drill=true]`)).toHaveCount(1);
  await expect(a.locator(`[data-testid=statement-row][data-drill=true]`).getByTestId('list-drill')).toContainText('演練');
  await go(a, `w/${ws}/statements/${encodeURIComponent(drillId)}/print`);
  await expect(a.getByTestId('statement-print')).toHaveAttribute('data-ready', 'true');
  const drillPages = await pdfPages(a, 'drill');
  for (const p of drillPages) expect(p).toContain('演練DRILL');
  expect(drillPages.join('')).toContain('未發布');

  // A longer drill statement written from scratch in the drill: the mark is on every page.
  await go(a, `w/${ws}/statements/new`);
  await a.getByTestId('new-incident').selectOption(drillIncident);
  await expect(a.getByTestId('new-incident').locator('option:checked')).toContainText('演練 DRILL');
  await a.getByTestId('template-blank').check();
  await a.getByTestId('new-title').fill('演練：顧客問答集');
  await a.getByTestId('create-statement').click();
  await expect(a.getByTestId('studio-drill')).toBeVisible();
  await a.getByTestId('statement-body').click();
  await a.keyboard.insertText('本問答集供演練使用，內容僅供模擬情境練習，不代表公司正式立場。'.repeat(90));
  await expect(a.getByTestId('status-bar')).toHaveAttribute('data-checking', 'false');
  await a.getByTestId('export-pdf').click();
  await expect(a.getByTestId('statement-print')).toHaveAttribute('data-ready', 'true');
  const longPages = await pdfPages(a, 'drill-long');
  expect(longPages.length).toBeGreaterThan(1);
  for (const p of longPages) expect(p).toContain('演練DRILL');
});
