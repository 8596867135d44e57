import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { confirmDialog, createWorkspace, openApp, waitSaved } from './helpers';
import { enableTestHooks, signOwnRoles } from './signoff-setup';

test('run the food-poisoning drill at 60×, review it and accept a finding into the playbook', async ({ page }) => {
  test.setTimeout(120_000);
  // Page errors are printed: an exception in the approval-note effect would otherwise only show as a missing entry.
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && console.log(`[console error] ${m.text()}`));
  await enableTestHooks(page);
  await openApp(page, 'en');
  const ws = await createWorkspace(page, 'Drill day');
  // One person plays every part of this drill: legal approver too, and the author may approve.
  await signOwnRoles(page, ws, ['legal_approver', 'spokesperson', 'coordinator'], { separationOfDuties: false });
  await page.getByRole('link', { name: 'Drills' }).click();
  await page.locator('[data-testid=library-scenario][data-key=restaurant-food-poisoning]').getByTestId('add-library-scenario').click();
  const scenario = page.locator('[data-testid=scenario][data-library-key=restaurant-food-poisoning]');
  await expect(scenario).toContainText('9 injects');
  await scenario.getByTestId('start-drill').click();

  // The drill room: marked as a drill, clock paused at T0, the first inject already out.
  await expect(page.getByTestId('incident-room')).toHaveAttribute('data-drill', 'true');
  await expect(page.getByTestId('clock-status')).toHaveAttribute('data-status', 'paused');
  await expect(page.getByTestId('exercise-elapsed')).toHaveText('T+0:00:00');
  await expect(page.getByTestId('inject')).toHaveCount(1);
  await expect(page.getByTestId('drill-indicator')).toBeVisible();

  // Respond to the first inject (logged on exercise time, linked to the inject).
  await page.getByTestId('inject').first().getByTestId('inject-respond').click();
  await expect(page.getByTestId('log-text')).toBeFocused();
  await page.getByTestId('log-text').fill('Customer service calls the poster');
  await page.getByTestId('log-submit').click();
  await expect(page.getByTestId('log-entry')).toHaveCount(1);

  // Run at 60×: 15 exercise minutes pass in 15 s; the 15-minute inject appears when due.
  await page.getByTestId('clock-speed-60').click();
  await page.getByTestId('clock-resume').click();
  await expect(page.getByTestId('clock-status')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('inject')).toHaveCount(2, { timeout: 25_000 });
  const elapsed = await page.getByTestId('exercise-elapsed').textContent();
  expect(elapsed).toMatch(/^T\+0:1[5-9]:\d\d$/);

  // 120×, pause, and skip ahead to the media call at T+0:45 (a paused clock skips too: under a
  // loaded machine a second at 120× would be two exercise minutes between the skip and the pause).
  await page.getByTestId('clock-speed-120').click();
  await page.getByTestId('clock-pause').click();
  await page.getByTestId('clock-skip').click();
  await page.getByTestId('clock-skip').click();
  await expect(page.getByTestId('exercise-elapsed')).toHaveText('T+0:45:00');
  await expect(page.getByTestId('inject')).toHaveCount(4);
  await page.getByTestId('inject').first().getByTestId('inject-respond').click();
  await page.getByTestId('log-category').selectOption('communication');
  await page.getByTestId('log-text').fill('Spokesperson gives the approved holding line');
  await page.getByTestId('log-submit').click();
  await expect(page.getByTestId('log-entry')).toHaveCount(2);

  // Draft the holding statement from the template and approve it as legal: the approval is noted
  // in the drill log on exercise time (by this laptop, though it is in the statement studio).
  const room = page.url();
  await page.getByTestId('draft-holding').click();
  // A drill's statement is marked as one, and can be approved but never released.
  await expect(page.getByTestId('studio-drill')).toBeVisible();
  await page.getByTestId('submit-review').click();
  // The company profile is empty here, so template fields stay unfilled: a release gate that
  // blocks approval until someone fills them or an owner lifts it with a written reason.
  await expect(page.getByTestId('gate-placeholders')).toHaveAttribute('data-state', 'failing');
  await expect(page.getByTestId('approve')).toBeDisabled();
  await page.getByTestId('override-placeholders').click();
  await page.getByTestId('override-reason').fill('Drill: contact line filled in by the facilitator');
  await page.getByTestId('override-confirm').click();
  await expect(page.getByTestId('gate-placeholders')).toHaveAttribute('data-state', 'overridden');
  await page.getByTestId('approve').click();
  await expect(page.locator('[data-testid=status-bar][data-status=approved]')).toBeVisible();
  await expect(page.getByTestId('release')).toBeDisabled();
  await expect(page.getByTestId('release-blocked')).toContainText('drill statement can never be released');
  await page.goto(room);
  // The approval counts once its signature is checked (in the background); then it is noted.
  await expect(page.getByTestId('linked-statement')).toHaveAttribute('data-approval', 'verified', { timeout: 20_000 });
  await expect(page.getByTestId('log-entry')).toHaveCount(3);
  await expect(page.locator('[data-testid=log-entry][data-category=communication]').filter({ hasText: 'approved' }).first()).toBeVisible();
  await expect(page.getByTestId('linked-statement')).toHaveAttribute('data-status', 'approved');
  await waitSaved(page);

  // Jump past the one-hour targets and end the drill → the after-action review.
  await page.getByTestId('clock-resume').click();
  await page.getByTestId('clock-skip').click();
  await page.getByTestId('clock-skip').click();
  await page.getByTestId('clock-end').click();
  await confirmDialog(page);
  await expect(page.getByTestId('aar')).toBeVisible();
  const rows = page.getByTestId('aar-inject-row');
  await expect(rows).toHaveCount(9);
  await expect(rows.nth(0).getByTestId('aar-first-action')).toHaveText(/^\d+(\.\d)? min$/);
  // Answered while the clock stood at the inject's time.
  await expect(rows.nth(3).getByTestId('aar-first-action')).toHaveText(/^0(\.\d)? min$/);
  await expect(rows.nth(1)).toHaveAttribute('data-outcome', 'noResponse');
  await expect(page.getByTestId('timeline-chart')).toBeVisible();
  await expect(page.getByTestId('aar-totals')).toContainText(/First approved statement: \d+(\.\d)? min after T0/);

  // Findings: the missed first step gets a "backup owner" proposal; accept it.
  const finding = page.getByTestId('finding').filter({ hasText: 'Stop sales and seal samples' }).first();
  await expect(finding).toBeVisible();
  await finding.getByTestId('finding-accept').click();
  await expect(page.getByTestId('finding').filter({ hasText: 'Stop sales and seal samples' }).first()).toHaveAttribute('data-decision', 'accepted');
  await waitSaved(page);

  // Printable: the review as a PDF (same Chromium printing as Electron's printToPDF), read back.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ printBackground: true, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const dir = mkdtempSync(join(tmpdir(), 'aar-'));
  writeFileSync(join(dir, 'aar.pdf'), pdf);
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'aar.pdf'), '-'], { encoding: 'utf8' });
  expect(text).toContain('After-action review');
  expect(text).toContain('Response times per inject');
  expect(text).toMatch(/\d+(\.\d)? min/);
  expect(text).not.toContain('Accept and update the playbook');

  // The drill is marked as such and kept out of the real-incident report.
  await page.goto(`/#/w/${ws}/incidents`);
  await expect(page.getByTestId('real-report')).toContainText('0 real incidents');
  await expect(page.getByTestId('incident-item')).toHaveCount(1);
  await expect(page.getByTestId('incident-item').getByTestId('drill-badge')).toHaveText('DRILL');

  // The playbook now carries the new checklist item on that step.
  await page.goto(`/#/w/${ws}/playbook`);
  await page.getByTestId('crisis-type-link').filter({ hasText: 'Food-safety incident' }).click();
  const steps = page.getByTestId('step');
  await expect(steps.first().getByTestId('step-title')).toHaveValue('Stop sales and seal samples');
  const values = await steps.first().locator('input, textarea').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(values.filter((v) => v.startsWith('Name a backup owner for this step'))).toHaveLength(1);
  const elsewhere = await steps.nth(2).locator('input, textarea').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(elsewhere.some((v) => v.startsWith('Name a backup owner'))).toBe(false);
});
