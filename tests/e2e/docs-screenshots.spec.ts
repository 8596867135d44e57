/**
 * README screenshot of a verified approval (docs/verified-approval.png): the statement studio on
 * PR's laptop (林雅婷, owner and spokesperson) with the holding statement drafted from the
 * template and Legal's (林律師) signed legal approval, verified by this laptop — Legal's name,
 * role, key fingerprint and "signature verified".
 *
 * Legal's laptop is played by device keys made here in Node: PR, as owner, adds Legal to the
 * roster (what the automatic admission of a one-time invite signs), and Legal's approval —
 * signed with Legal's own key over the exact text PR's laptop shows — is appended to the document
 * as it would arrive from Legal's laptop. PR's laptop then verifies it like any other entry.
 *
 * As part of the test suite this only checks the scene and writes the picture to test-results/.
 * `npm run docs:screenshots` (DOCS_SCREENSHOTS_OUT=docs) writes it into the repository.
 */
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { generateDeviceKeys, keyFingerprint, serializeEntry, signEntry } from '../../shared/governance';
import { createWorkspace, openApp, unlock } from './helpers';
import { enableTestHooks, signOwnRoles } from './signoff-setup';

const PR = { name: '林雅婷', unit: '公關部' };
const LEGAL = { name: '林律師', unit: '法務部' };

test('README screenshot: a verified, signed legal approval in the statement studio', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await enableTestHooks(page);
  await openApp(page, 'zh-TW', PR);
  const ws = await createWorkspace(page, '禾豐危機小組');
  await signOwnRoles(page, ws, ['spokesperson']);

  // Legal's device keys, and PR (owner) adding Legal to the roster as legal approver.
  const legal = await generateDeviceKeys();
  const legalHex = keyFingerprint(legal.publicKey).hex;
  await page.evaluate(
    ([w, key, agreementKey, name, unit]) =>
      window.__crisisRoomGovernanceTest!.signAndAppendAnything({ ws: w!, kind: 'roster.add', member: { key: key!, agreementKey: agreementKey!, name: name!, unit: unit!, roles: ['legal_approver'] } }),
    [ws, legal.publicKey, legal.agreementKey, LEGAL.name, LEGAL.unit] as const,
  );

  // PR declares the incident and drafts the holding statement from the template.
  await page.goto(`/#/w/${ws}/incidents`);
  await page.locator('.profile-card summary').click();
  await page.getByTestId('company-name').fill('禾豐餐飲股份有限公司');
  await page.getByTestId('press-contact').fill('客服專線 0800-123-456');
  await page.getByTestId('declare-incident').click();
  await page.getByTestId('incident-title').fill('信義店顧客集體腸胃不適');
  await page.getByTestId('incident-type').selectOption({ label: '食安事件' });
  await page.getByTestId('incident-product').fill('海鮮燉飯');
  await page.getByTestId('declare-submit').click();
  await page.getByTestId('draft-holding').click();
  await expect(page.getByTestId('statement-studio')).toBeVisible();
  const sid = decodeURIComponent(/statements\/([^/?]+)$/.exec(page.url())![1]!);
  await page.getByTestId('submit-review').click();
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-checking', 'false');
  const hash = (await page.getByTestId('status-bar').getAttribute('data-hash'))!;
  expect(hash).toMatch(/^[0-9a-f]{64}$/);

  // Legal's approval, signed with Legal's key over this exact text, arrives in the document.
  const approval = serializeEntry(await signEntry(legal, { ws, kind: 'approval', statementId: sid, hash, role: 'legal' }));
  await page.evaluate((raw) => window.__crisisRoomGovernanceTest!.appendRaw(raw), approval);

  // A fresh load (no toast of the drafting over the picture): the approval is verified again from the stored log.
  await page.reload();
  await unlock(page);
  const standing = page.getByTestId('standing-legal');
  await expect(standing).toHaveAttribute('data-state', 'approved');
  await expect(standing).toContainText(LEGAL.name);
  await expect(standing).toContainText(legalHex);
  await expect(standing).toContainText('簽章已驗證');
  await expect(page.getByTestId('statement-status')).toHaveText('已核可');
  await expect(page.getByTestId('approval-entry')).toHaveAttribute('data-valid', 'true');

  const out = process.env.DOCS_SCREENSHOTS_OUT ? resolve(process.env.DOCS_SCREENSHOTS_OUT, 'verified-approval.png') : testInfo.outputPath('verified-approval.png');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: out });
  testInfo.annotations.push({ type: 'screenshot', description: join(out) });
});
