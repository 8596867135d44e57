/**
 * The workspace policy and "awaiting your sign-off" with two real laptops (the netns lab of
 * signoff.spec.ts: separate Chromium processes, own profiles and device keys, the built app):
 *
 * PR (林雅婷, owner and spokesperson) makes a holding statement need legal *and* executive
 * sign-off on the Members page (a signed policy.set). On Legal's laptop (林律師, legal approver,
 * not an owner) the Members page shows that policy read-only, set by PR; the statements PR sends
 * for review are listed in Legal's top bar — two of them, so a count that opens a list; each
 * statement's gate waits for the executive after Legal signs. Once Legal changes a statement's
 * text themself, it leaves their list (separation of duties: the last editor cannot give the
 * legal sign-off).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createNetnsLab, netnsAvailable, type NetnsLab } from './netns/netns';
import { ROOT } from './netns/peers';
import type { TestProfile } from './helpers';
import { createWorkspaceOn, go as goOn, inviteAndJoin, openLaptop, setRoles } from './signoff-lab';

const DIST = process.env.APP_DIST ?? join(ROOT, 'dist');
const PR: TestProfile = { name: '林雅婷', unit: '公關部' };
const LEGAL: TestProfile = { name: '林律師', unit: '法務部' };

let lab: NetnsLab | null = null;
let a: Page;
let b: Page;
const go = (page: Page, path: string) => goOn(lab!, page, path);

test.beforeAll(async () => {
  const can = netnsAvailable();
  if (!can.ok) throw new Error(`Two-laptop policy test cannot run: ${can.reason}`);
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} is missing: run \`npx vite build\` first (npm run test:e2e does)`);
  lab = await createNetnsLab(2, DIST);
  a = await openLaptop(lab, 0, PR);
  b = await openLaptop(lab, 1, LEGAL);
});

test.afterAll(async () => {
  await lab?.dispose();
});

/** A blank holding statement with `text`, sent for review on `page`; returns its id. */
async function statementInReview(page: Page, ws: string, title: string, text: string): Promise<string> {
  await go(page, `w/${ws}/statements/new`);
  await page.getByTestId('template-blank').check();
  await page.getByTestId('new-title').fill(title);
  await page.getByTestId('create-statement').click();
  await expect(page.getByTestId('statement-studio')).toBeVisible();
  await page.getByTestId('statement-body').click();
  await page.keyboard.insertText(text);
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-checking', 'false');
  await page.getByTestId('submit-review').click();
  await expect(page.getByTestId('statement-status')).toHaveText('審查中');
  return decodeURIComponent(/statements\/([^/?]+)$/.exec(page.url())![1]!);
}

test('the owner’s policy binds every laptop; a legal approver sees it read-only and finds what waits for them in the top bar', async () => {
  test.setTimeout(240_000);
  const ws = await createWorkspaceOn(lab!, a, '禾豐危機小組');
  await setRoles(lab!, a, ws, PR.name, ['owner', 'spokesperson']);
  await inviteAndJoin(lab!, a, b, ws, LEGAL.name, 'legal_approver');

  // PR (owner) sets the policy: holding statements need legal and executive sign-off.
  await go(a, `w/${ws}/members`);
  await a.getByTestId('policy-edit').click();
  await a.getByTestId('policy-holding-executive').check();
  await a.getByTestId('policy-save').click();
  await expect(a.getByTestId('policy-kind-holding')).toHaveAttribute('data-roles', 'legal executive');
  await expect(a.getByTestId('policy-source')).toContainText(`目前的規則由 ${PR.name} 於`);

  // Legal (no owner) sees the same policy, who set it, and no way to change it.
  await go(b, `w/${ws}/members`);
  await expect(b.getByTestId('policy-kind-holding')).toHaveAttribute('data-roles', 'legal executive', { timeout: 20_000 });
  await expect(b.getByTestId('policy-source')).toContainText(`目前的規則由 ${PR.name} 於`);
  await expect(b.getByTestId('policy-sod-state')).toContainText('職務分離：開啟');
  await expect(b.getByTestId('policy-owners-only')).toHaveText('只有擁有者能變更規則。');
  await expect(b.getByTestId('policy-edit')).toHaveCount(0);
  await expect(b.locator('[data-testid=policy-panel] input')).toHaveCount(0);

  // PR sends two statements for review; Legal's top bar counts them and opens the list.
  const first = await statementInReview(a, ws, '門市暫停營業說明', '本公司已暫停信義店營業，全力配合衛生單位調查。');
  const second = await statementInReview(a, ws, '顧客退款說明', '受影響的顧客可至各門市辦理全額退款。');
  const inbox = b.getByTestId('signoff-inbox');
  await expect(inbox).toHaveAttribute('data-count', '2', { timeout: 20_000 });
  await inbox.click();
  const items = b.getByTestId('signoff-inbox-item');
  await expect(items).toHaveText([/門市暫停營業說明.*以法務身分/, /顧客退款說明.*以法務身分/]);
  await b.keyboard.press('Escape');
  await expect(b.getByTestId('signoff-inbox-list')).not.toBeVisible();
  await inbox.click();
  await items.first().click();
  await expect(b).toHaveURL(new RegExp(`#/w/${ws}/statements/${first}$`));
  await expect(b.getByTestId('signoff-inbox-list')).not.toBeVisible();

  // The gate follows the signed policy: after Legal's approval it still waits for the executive.
  await expect(b.getByTestId('standing-executive')).toHaveAttribute('data-state', 'waiting');
  await expect(b.getByTestId('approve')).toBeEnabled({ timeout: 20_000 });
  await b.getByTestId('approve').click();
  await expect(b.getByTestId('standing-legal')).toHaveAttribute('data-state', 'approved');
  await expect(b.getByTestId('statement-status')).toHaveText('審查中');
  // One left: a direct link to it.
  await expect(inbox).toHaveAttribute('data-count', '1', { timeout: 5000 });
  await expect(inbox).toContainText('顧客退款說明');
  await go(a, `w/${ws}/statements/${first}`);
  await expect(a.getByTestId('standing-legal')).toHaveAttribute('data-state', 'approved', { timeout: 20_000 });
  await expect(a.getByTestId('standing-executive')).toHaveAttribute('data-state', 'waiting');
  await expect(a.getByTestId('release')).toBeDisabled();

  // Legal rewrites part of the second statement: as its last editor, they cannot give it the legal sign-off.
  await inbox.click();
  await expect(b).toHaveURL(new RegExp(`#/w/${ws}/statements/${second}$`));
  await b.getByTestId('statement-body').click();
  await b.keyboard.press('Control+End');
  await b.keyboard.insertText('退款不需出示發票。');
  await expect(b.getByTestId('approve-author')).toBeVisible();
  await expect(inbox).toHaveCount(0, { timeout: 5000 });
});
