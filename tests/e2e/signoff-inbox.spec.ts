/**
 * On one laptop, the sign-off shortcuts and the policy editor, in the built app (zh-TW):
 * - "待您簽核" (awaiting your sign-off) in the top bar: hidden from the author while separation
 *   of duties keeps them from giving the legal sign-off; after the owner turns it off on the
 *   Members page (signed policy, confirmed in a dialog) the one waiting statement is a direct
 *   link; it is gone once the approval is signed.
 * - "簽署、發布並列印" (sign, release and print) in the release dialog: releases (signed), opens
 *   the print view, and prints exactly once when the view is ready — a reload does not print again.
 * - The policy: the owner makes a holding statement need legal *and* executive sign-off; a new
 *   statement's gate then waits for the executive; both policy changes are in the audit trail.
 * One person holds every role here (test hooks sign their roles); two people: signoff-policy.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { createWorkspace, openApp, unlock } from './helpers';
import { enableTestHooks, signOwnRoles } from './signoff-setup';

const ME = { name: '林雅婷', unit: '公關部' };

/** A blank holding statement with `text`, sent for review; returns its id. */
async function statementInReview(page: Page, wsId: string, title: string, text: string): Promise<string> {
  await page.goto(`/#/w/${wsId}/statements/new`);
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

const printed = (page: Page) => page.evaluate(() => (window as unknown as { __printed?: number }).__printed ?? 0);

test('awaiting your sign-off, release and print, and the workspace policy on one laptop', async ({ page }) => {
  test.setTimeout(120_000);
  await enableTestHooks(page);
  // Headless: count the print dialogs asked for instead of opening one.
  await page.addInitScript(() => {
    window.print = () => void ((window as unknown as { __printed: number }).__printed = ((window as unknown as { __printed?: number }).__printed ?? 0) + 1);
  });
  await openApp(page, 'zh-TW', ME);
  const wsId = await createWorkspace(page, '禾豐危機小組');
  // The owner also holds the legal approver and spokesperson roles; the policy is the default
  // (separation of duties on).
  await signOwnRoles(page, wsId, ['legal_approver', 'spokesperson']);
  const sid = await statementInReview(page, wsId, '門市暫停營業說明', '本公司已暫停信義店營業，全力配合衛生單位調查。');
  const inbox = page.getByTestId('signoff-inbox');

  // The author may not give the legal sign-off: nothing waits for them (the list is worked out ≤ 1 s late).
  await expect(page.getByTestId('approve-author')).toBeVisible();
  await page.waitForTimeout(1500);
  await expect(inbox).toHaveCount(0);

  // The Members page shows the policy in force: the defaults, read by everyone; the owner edits it.
  await page.goto(`/#/w/${wsId}/members`);
  const policy = page.getByTestId('policy-panel');
  await expect(page.getByTestId('policy-source')).toHaveText('目前使用預設規則：還沒有擁有者設定過。');
  await expect(page.getByTestId('policy-sod-state')).toContainText('職務分離：開啟');
  await expect(page.getByTestId('policy-kind-holding')).toHaveAttribute('data-roles', 'legal');
  await page.getByTestId('policy-edit').click();
  // A kind's last sign-off cannot be taken away.
  await expect(page.getByTestId('policy-holding-legal')).toBeDisabled();
  await page.getByTestId('policy-sod').uncheck();
  await page.getByTestId('policy-save').click();
  // Turning separation of duties off takes a deliberate second look; cancel changes nothing.
  const dialog = page.getByTestId('policy-sod-dialog');
  await expect(dialog).toContainText('要關閉職務分離嗎？');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(policy).toHaveAttribute('data-sod', 'on');
  await page.getByTestId('policy-save').click();
  await page.getByTestId('policy-sod-confirm').click();
  await expect(policy).toHaveAttribute('data-sod', 'off');
  await expect(page.getByTestId('policy-source')).toContainText(`目前的規則由 ${ME.name} 於`);
  await expect(page.getByTestId('policy-sod-state')).toContainText('職務分離：關閉');

  // Now the statement waits for this person's legal sign-off: one statement, a direct link.
  await expect(inbox).toHaveAttribute('data-count', '1', { timeout: 5000 });
  await expect(inbox).toContainText('待您簽核：門市暫停營業說明');
  await inbox.click();
  await expect(page).toHaveURL(new RegExp(`#/w/${wsId}/statements/${sid}$`));
  await expect(page.getByTestId('approve')).toBeEnabled();
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('statement-status')).toHaveText('已核可');
  await expect(inbox).toHaveCount(0, { timeout: 5000 });

  // Sign, release and print: released (signed), then the print view prints once by itself.
  await page.getByTestId('release').click();
  await page.getByTestId('release-print').click();
  await expect(page).toHaveURL(new RegExp(`#/w/${wsId}/statements/${sid}/print$`));
  await expect(page.getByTestId('statement-print')).toHaveAttribute('data-ready', 'true');
  await expect.poll(() => printed(page)).toBe(1);
  await expect(page.getByTestId('print-approval')).toHaveAttribute('data-check', 'valid');
  await expect(page.getByTestId('approval-block')).toContainText(`核可：${ME.name}（法務）`);
  await expect(page.locator('.print-watermark')).toHaveCount(0);
  // A reload (the address no longer asks for printing) shows the view without printing again.
  await page.reload();
  await unlock(page);
  await expect(page.getByTestId('statement-print')).toHaveAttribute('data-ready', 'true');
  await page.waitForTimeout(1000);
  expect(await printed(page)).toBe(0);

  // The owner raises the floor: a holding statement needs legal and executive sign-off.
  await page.goto(`/#/w/${wsId}/members`);
  await page.getByTestId('policy-edit').click();
  await page.getByTestId('policy-holding-executive').check();
  await page.getByTestId('policy-save').click();
  await expect(page.getByTestId('policy-sod-dialog')).not.toBeVisible();
  await expect(page.getByTestId('policy-kind-holding')).toHaveAttribute('data-roles', 'legal executive');
  const second = await statementInReview(page, wsId, '第二則說明', '我們已主動聯繫所有受影響的顧客。');
  await expect(page.getByTestId('standing-executive')).toHaveAttribute('data-state', 'waiting');
  await expect(page.getByTestId('require-executive')).toBeDisabled(); // required by the policy: not per statement
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('standing-legal')).toHaveAttribute('data-state', 'approved');
  // Legal alone no longer approves a holding statement.
  await expect(page.getByTestId('statement-status')).toHaveText('審查中');
  await expect(page.getByTestId('release')).toBeDisabled();
  void second;

  // Both policy changes are signed entries in the audit trail, counted.
  await page.goto(`/#/w/${wsId}/statements/audit`);
  await page.getByTestId('audit-kind').selectOption('policy.set');
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(2);
  for (const r of await rows.all()) await expect(r).toHaveAttribute('data-counted', 'true');
  await expect(rows.filter({ hasText: 'separationOfDuties=false' }).filter({ hasText: 'holding=legal|executive' })).toHaveCount(1);
  await expect(rows.first()).toContainText(ME.name);
});
