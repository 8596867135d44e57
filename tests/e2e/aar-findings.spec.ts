import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { confirmDialog, createWorkspace, openApp, unlock, waitSaved } from './helpers';

test('the review names what happened, keeps lessons and feedback, and prints them', async ({ page }) => {
  test.setTimeout(120_000);
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  await openApp(page, 'en');
  await createWorkspace(page, 'Review day');
  await page.getByRole('link', { name: 'Drills' }).click();
  await page.locator('[data-testid=library-scenario][data-key=restaurant-food-poisoning]').getByTestId('add-library-scenario').click();
  await page.locator('[data-testid=scenario][data-library-key=restaurant-food-poisoning]').getByTestId('start-drill').click();
  await expect(page.getByTestId('incident-room')).toHaveAttribute('data-drill', 'true');

  // Nobody does anything: skip to the regulator letter at T+1:10 and end the drill.
  for (let i = 0; i < 4; i++) await page.getByTestId('clock-skip').click();
  await expect(page.getByTestId('exercise-elapsed')).toHaveText('T+1:10:00');
  await page.getByTestId('clock-end').click();
  await confirmDialog(page);
  await expect(page.getByTestId('aar')).toBeVisible();

  // Findings say which task of which unit, how late; which inject waited how long; the update gap; the statement.
  const findings = page.getByTestId('finding');
  const stop = findings.filter({ hasText: 'Stop sales and seal samples' }).first();
  await expect(stop.getByTestId('finding-what')).toHaveText(/ never did "Stop sales and seal samples" \(due T\+0:30\): still not done 40 min past due when the review ended\.$/);
  await expect(stop.getByTestId('finding-proposal')).toContainText('name a backup owner for "Stop sales and seal samples"');
  await expect(findings.filter({ hasText: 'Publish a holding statement' }).first()).toContainText('10 min past due');
  await expect(page.locator('[data-testid=finding][data-kind=injectUnanswered]').first()).toContainText(/The inject at T\+0:00 \(Social post: ".+"\) went unanswered for 70 min \(response due T\+\d:\d\d\)\./);
  await expect(page.locator('[data-testid=finding][data-kind=cadenceGap]')).toContainText(/No status update for 70 min \(from T\+0:00 to T\+1:10\); level \d calls for one every \d+ min/);
  await expect(page.locator('[data-testid=finding][data-kind=noStatement]')).toContainText('No statement was approved in the 70 min the review covers (target: 60 min after T0).');
  const texts = await findings.evaluateAll((els) => els.map((e) => (e.querySelector('[data-testid=finding-what]')?.textContent ?? '') + (e.querySelector('[data-testid=finding-proposal]')?.textContent ?? '')));
  expect(texts.length).toBeGreaterThanOrEqual(6);
  expect(new Set(texts).size).toBe(texts.length);

  // A playbook finding is accepted into the playbook; one without a playbook edit becomes a lesson.
  await stop.getByTestId('finding-accept').click();
  await expect(findings.filter({ hasText: 'Stop sales and seal samples' }).first()).toHaveAttribute('data-decision', 'accepted');
  const gap = page.locator('[data-testid=finding][data-kind=cadenceGap]');
  await gap.getByTestId('finding-accept').click();
  await expect(gap).toHaveAttribute('data-decision', 'accepted');
  await expect(page.getByTestId('lesson')).toHaveCount(1);
  await expect(page.getByTestId('lesson-text')).toContainText('No status update for 70 min');

  // Free-form lessons: add two, edit one, remove the taken-over finding.
  await page.getByTestId('lesson-new').fill('The duty phone was in a drawer');
  await page.getByTestId('lesson-add').click();
  await page.getByTestId('lesson-new').fill('Seal samples before anyone cleans');
  await page.getByTestId('lesson-add').click();
  await expect(page.getByTestId('lesson')).toHaveCount(3);
  const drawer = page.getByTestId('lesson').filter({ hasText: 'duty phone' });
  await drawer.getByTestId('lesson-edit').click();
  await page.getByTestId('lesson-edit-text').fill('Keep the duty phone on the coordinator’s desk');
  await page.getByTestId('lesson-save').click();
  await page.getByTestId('lesson').filter({ hasText: 'No status update' }).getByTestId('lesson-remove').click();
  await expect(page.getByTestId('lesson-text')).toHaveText(['Keep the duty phone on the coordinator’s desk', 'Seal samples before anyone cleans']);

  // Participant feedback: an incomplete entry is refused, a complete one kept.
  await page.getByTestId('feedback-name').fill('Lin Mei');
  await page.getByTestId('feedback-add').click();
  await expect(page.getByTestId('feedback-row')).toHaveCount(0);
  await page.getByTestId('feedback-role').fill('PR lead');
  await page.getByTestId('feedback-wentWell').fill('Holding line drafted in ten minutes');
  await page.getByTestId('feedback-toImprove').fill('Nobody owned the regulator inbox');
  await page.getByTestId('feedback-add').click();
  await expect(page.getByTestId('feedback-row')).toHaveCount(1);
  await waitSaved(page);

  // Kept in the drill record: still there after a reload.
  await page.reload();
  await unlock(page);
  await expect(page.getByTestId('aar')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('lesson')).toHaveCount(2);
  await expect(page.getByTestId('feedback-row')).toContainText('Nobody owned the regulator inbox');

  // The PDF carries findings, lessons and feedback, without the editing controls.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ printBackground: true, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const dir = mkdtempSync(join(tmpdir(), 'aar-findings-'));
  writeFileSync(join(dir, 'aar.pdf'), pdf);
  const text = execFileSync('pdftotext', ['-raw', join(dir, 'aar.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  // pdftotext drops most spaces of this layout: compare without any.
  const has = (s: string) => expect(text).toContain(s.replace(/\s+/g, ''));
  for (const s of ['Lessons learned', 'Keep the duty phone on the coordinator’s desk', 'Participant feedback', 'Lin Mei', 'PR lead', 'Nobody owned the regulator inbox', 'never did "Stop sales and seal samples"']) has(s);
  for (const s of ['Add lesson', 'Add feedback', 'Accept and update the playbook', 'Record as a lesson']) expect(text).not.toContain(s.replace(/\s+/g, ''));
});
