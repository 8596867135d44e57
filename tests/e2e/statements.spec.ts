import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, createWorkspace, waitSaved } from './helpers';
import { enableTestHooks, signOwnRoles } from './signoff-setup';

/** Selects `needle` in the statement body (it may span several highlighted text nodes). */
async function selectText(page: Page, needle: string): Promise<void> {
  await page.evaluate((f) => {
    const el = document.querySelector('[data-testid="statement-body"]')!;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      all += n.textContent;
    }
    const at = all.indexOf(f);
    if (at < 0) throw new Error(`text not found: ${f}`);
    const locate = (offset: number): [Text, number] => {
      let acc = 0;
      for (const n of nodes) {
        if (offset <= acc + n.length) return [n, offset - acc];
        acc += n.length;
      }
      throw new Error('offset out of range');
    };
    const range = document.createRange();
    range.setStart(...locate(at));
    range.setEnd(...locate(at + f.length));
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, needle);
}

/** Types at the end of the statement body. */
async function typeAtEnd(page: Page, text: string): Promise<void> {
  const body = page.getByTestId('statement-body');
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

test('zh-TW holding statement from a template: risky wording, facts conflict, approval voided by an edit, release, PDF', async ({ page, context }) => {
  // One person on one laptop does every step: they hold the approver and spokesperson roles, and
  // the policy lets the author approve (two people: signoff.spec.ts).
  await enableTestHooks(page);
  await openApp(page, 'zh-TW', { name: '林律師', unit: '法務部' });
  const wsId = await createWorkspace(page, '好食咖啡危機小組');
  await signOwnRoles(page, wsId, ['legal_approver', 'spokesperson'], { separationOfDuties: false });
  // Everything from here on works without any network.
  await context.setOffline(true);

  await page.getByRole('link', { name: '聲明' }).click();
  await expect(page.getByRole('heading', { name: '聲明工作室' })).toBeVisible();
  await page.getByTestId('new-statement').click();

  // Template for the product-defect crisis type, filled in.
  await page.getByTestId('new-crisis-type').selectOption({ label: '產品瑕疵' });
  await page.getByTestId('ph-company').fill('好食咖啡');
  await page.getByTestId('ph-product').fill('XR-200 咖啡機');
  await page.getByTestId('ph-incident').fill('加熱異常');
  await page.getByTestId('ph-time').fill('11月21日');
  await page.getByTestId('ph-contact').fill('0800-000-123');
  await expect(page.getByTestId('template-preview')).toContainText('好食咖啡於11月21日接獲部分XR-200 咖啡機發生加熱異常的反映');
  await page.getByTestId('create-statement').click();

  await expect(page).toHaveURL(new RegExp(`#/w/${wsId}/statements/[^/]+$`));
  const body = page.getByTestId('statement-body');
  await expect(body).toContainText('我們向受影響的顧客誠摯致歉');
  await expect(page.getByTestId('statement-status')).toHaveText('草稿');

  // Risky phrase: an absolute promise, flagged inline with its reason.
  await typeAtEnd(page, '我們保證不會再發生。');
  const risk = page.getByTestId('risk-warning').filter({ hasText: '保證不會' });
  await expect(risk).toBeVisible();
  await expect(risk).toContainText('絕對性的承諾');
  await expect(body.locator('.lint-risk.lint-absolute')).toHaveAttribute('title', /絕對性的承諾/);

  // Facts sheet: 1,200 affected customers; the text says 1,500.
  await page.getByTestId('tab-facts').click();
  await page.getByTestId('fact-label').fill('受影響顧客');
  await page.getByTestId('fact-value').fill('1,200');
  await page.getByTestId('fact-kind').selectOption('number');
  await page.getByTestId('add-fact').click();
  await expect(page.getByTestId('fact-row')).toHaveCount(1);
  await typeAtEnd(page, '目前約有1,500名顧客受到影響。');
  await expect(page.getByTestId('fact-warning')).toContainText('「受影響顧客」是 1,200，這裡寫的是 1,500');
  await expect(body.locator('.fact-conflict')).toHaveText('1,500');

  // Fix both before review (the team would), so the checks go quiet.
  await body.click();
  for (const [from, to] of [
    ['我們保證不會再發生。', '我們會持續改善品質。'],
    ['1,500名', '1,200名'],
  ]) {
    await selectText(page, from!);
    await page.keyboard.type(to!);
  }
  await expect(page.getByTestId('warnings-none')).toBeVisible();

  // Review and legal approval.
  await page.getByTestId('submit-review').click();
  await expect(page.getByTestId('statement-status')).toHaveText('審查中');
  await page.getByTestId('tab-approvals').click();
  await page.getByTestId('approve-role').selectOption('legal');
  await expect(page.getByTestId('approve-identity')).toContainText('林律師');
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('statement-status')).toHaveText('已核可');
  await expect(page.getByTestId('standing-legal')).toHaveAttribute('data-state', 'approved');

  // One character changed: the approval is void, visibly, with who and when.
  await typeAtEnd(page, '！');
  await expect(page.getByTestId('statement-status')).toHaveText('審查中');
  await expect(page.getByTestId('approval-void')).toContainText('法務核可後文字已變更（林律師');
  await expect(page.getByTestId('release')).toBeDisabled();

  // Re-approve, release.
  await expect(page.getByTestId('approve')).toBeEnabled();
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('statement-status')).toHaveText('已核可');
  await page.getByTestId('release').click();
  await page.getByTestId('release-confirm').click();
  await expect(page.getByTestId('statement-status')).toHaveText('已發布');
  await expect(body).toHaveAttribute('contenteditable', 'false');
  await waitSaved(page);

  // Export: the print view of the released copy, to PDF; its text has the statement and the approver.
  await page.getByTestId('export-pdf').click();
  await expect(page.getByTestId('statement-print')).toBeVisible();
  await expect(page.getByTestId('statement-print')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('approval-block')).toContainText('核可：林律師（法務）金鑰');
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const dir = mkdtempSync(join(tmpdir(), 'statement-pdf-'));
  writeFileSync(join(dir, 'statement.pdf'), pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'statement.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('好食咖啡於11月21日接獲部分XR-200咖啡機發生加熱異常的反映');
  expect(text).toContain('我們會持續改善品質。');
  expect(text).toContain('核可：林律師（法務）金鑰');
  expect(text).not.toContain('未發布稿件');
});
