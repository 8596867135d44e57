/**
 * README screenshots of every section (issue 13, "Proof"): a zh-TW workspace with content made
 * through the UI — people on the responsibility map, a few RACI cells, a declared incident with a
 * log line, a statement, and a food-poisoning drill that is answered, run ahead and ended — then
 * one picture per section, each taken only after the section shows what it is about:
 * playbook editor, playbook read mode (runbook), RACI matrix, poster, incident room, projector,
 * drill room, after-action review and the search palette with hits.
 *
 * As part of the test suite this checks every scene and writes the pictures to test-results/.
 * `npm run docs:screenshots` (DOCS_SCREENSHOTS_OUT=docs) writes them into the repository.
 */
import { join, resolve } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { confirmDialog, openApp, waitSaved } from './helpers';
import { seedWorkspace, type SeedText } from './pageTour';

const TEXT: SeedText = {
  workspace: '禾豐危機小組',
  incident: '信義店顧客集體腸胃不適',
  product: '海鮮燉飯',
  statement: '海鮮燉飯暫停供應聲明',
  logLine: '全台分店即刻暫停供應海鮮燉飯，留存同批食材送驗',
};

/** People on the map (quick-add row): someone reachable in every unit the first crisis type leans on. */
const PEOPLE = [
  { name: '陳志豪', unit: '公關部', contact: '0933-222-111' },
  { name: '周怡君', unit: '公關部', contact: '0922-111-222', relation: '代理 陳志豪（公關部）' },
  { name: '張淑芬', unit: '產品研發部', contact: '0912-345-678' },
  { name: '許家豪', unit: '產品研發部', contact: '0919-876-543', relation: '代理 張淑芬（產品研發部）' },
  { name: '王律師', unit: '法務部', contact: '0911-333-444' },
  { name: '李美玲', unit: '客服部', contact: '0955-666-777' },
  { name: '黃建國', unit: '營運部', contact: '0966-888-999' },
  { name: '劉建宏', unit: '經營團隊', contact: '0988-123-456' },
];

/** RACI cells of the first crisis type (產品瑕疵), one Accountable and a Responsible per phase: [phase, unit, role]. */
const CELLS: Array<[string, string, string]> = [
  ['detect', '客服部', 'R'],
  ['detect', '產品研發部', 'A'],
  ['detect', '公關部', 'I'],
  ['assess', '產品研發部', 'R'],
  ['assess', '經營團隊', 'A'],
  ['assess', '法務部', 'C'],
  ['respond', '營運部', 'R'],
  ['respond', '經營團隊', 'A'],
  ['respond', '法務部', 'C'],
  ['communicate', '公關部', 'R'],
  ['communicate', '經營團隊', 'A'],
  ['communicate', '法務部', 'C'],
  ['communicate', '客服部', 'I'],
  ['recover', '營運部', 'R'],
  ['recover', '經營團隊', 'A'],
  ['recover', '客服部', 'I'],
];

async function addPeopleAndCells(page: Page, ws: string): Promise<void> {
  await page.goto(`/#/w/${ws}/roles/people`);
  const row = page.getByTestId('quick-add-person');
  for (const p of PEOPLE) {
    await row.getByTestId('qa-name').fill(p.name);
    await row.getByTestId('qa-unit').selectOption({ label: p.unit });
    await row.getByTestId('qa-contact').fill(p.contact);
    if (p.relation) await row.getByTestId('qa-backup').selectOption({ label: p.relation });
    await row.getByTestId('qa-submit').click();
    await expect(page.locator(`[data-testid="member"][data-name="${p.name}"]`)).toHaveCount(1);
  }
  await page.goto(`/#/w/${ws}/roles/matrix`);
  for (const [phase, unit, role] of CELLS) {
    await page.locator(`[data-testid="raci-cell"][data-phase="${phase}"][data-unit="${unit}"]`).selectOption(role);
  }
  await waitSaved(page);
}

/** Writes `<name>.png` into DOCS_SCREENSHOTS_OUT, or into this test's output folder, once no toast covers the page. */
async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const out = process.env.DOCS_SCREENSHOTS_OUT ? resolve(process.env.DOCS_SCREENSHOTS_OUT, `${name}.png`) : testInfo.outputPath(`${name}.png`);
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 12_000 });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: out });
  testInfo.annotations.push({ type: 'screenshot', description: join(out) });
}

async function go(page: Page, hash: string, ready: string): Promise<void> {
  await page.goto(hash.startsWith('http') ? hash : `/${hash}`);
  await expect(page.locator(ready).first()).toBeVisible({ timeout: 15_000 });
}

test('README screenshots of every section of a zh-TW workspace', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page, 'zh-TW', { name: '林雅婷', unit: '公關部' });
  const s = await seedWorkspace(page, TEXT, (ws) => addPeopleAndCells(page, ws));
  const w = `#/w/${s.ws}`;

  // Playbook editor: the first crisis type with its name and response steps, in editable fields.
  await go(page, `${w}/playbook/crisisTypes`, '[data-testid=crisis-name]');
  await expect(page.getByTestId('crisis-name').first()).not.toHaveValue('');
  await expect(page.getByTestId('crisis-type-link')).not.toHaveCount(0);
  await expect(page.getByTestId('step').first()).toBeVisible();
  await shot(page, testInfo, 'playbook');

  // Read mode: the runbook lists crisis types and their steps, with no input anywhere.
  await go(page, `${w}/playbook/runbook`, '[data-testid=runbook]');
  await expect(page.getByTestId('runbook-type').first()).toBeVisible();
  await expect(page.getByTestId('runbook-step').first()).toBeVisible();
  await expect(page.getByTestId('runbook').locator('input, textarea, select, [contenteditable=true]')).toHaveCount(0);
  await shot(page, testInfo, 'runbook');

  // Responsibility map: the RACI cells set above are shown in the matrix, and every phase of this
  // crisis type passes the checks (one Accountable, a Responsible).
  await go(page, `${w}/roles/matrix`, '[data-testid=matrix]');
  for (const [phase, unit, role] of CELLS) {
    await expect(page.locator(`[data-testid="raci-cell"][data-phase="${phase}"][data-unit="${unit}"]`)).toHaveValue(role);
  }
  for (const head of await page.getByTestId('phase-head').all()) await expect(head).toHaveAttribute('data-errors', '0');
  await shot(page, testInfo, 'roles-matrix');

  // Poster: laid out in pages.
  await go(page, `${w}/roles/poster`, '[data-testid=poster]');
  await expect(page.getByTestId('poster-row').first()).toBeVisible();
  // The RACI cells set above (an Accountable unit) and the people's contact directory.
  await expect(page.getByTestId('poster-row').locator('.poster-role-A').first()).toBeVisible();
  await expect(page.getByTestId('poster')).toContainText('陳志豪');
  await expect(page.getByTestId('poster-page-count')).toHaveText(/\d/);
  await shot(page, testInfo, 'roles-poster');

  // Incident room: the declared incident with its tasks from the playbook and the log line.
  await go(page, s.incidentUrl, '[data-testid=incident-room]');
  await expect(page.getByTestId('incident-room')).toHaveAttribute('data-drill', 'false');
  await expect(page.getByTestId('incident-room').locator('h1')).toContainText(TEXT.incident);
  await expect(page.getByTestId('task').first()).toBeVisible();
  await expect(page.getByTestId('log-entry').first()).toContainText(TEXT.logLine);
  await shot(page, testInfo, 'incident-room');

  // Projector: title, severity, open tasks and the timeline in large type.
  await go(page, `${s.incidentUrl}/projector`, '[data-testid=projector]');
  await expect(page.getByTestId('projector').locator('h1')).toHaveText(TEXT.incident);
  await expect(page.getByTestId('projector-severity')).not.toBeEmpty();
  await expect(page.getByTestId('projector-task-due').first()).toBeVisible();
  await expect(page.getByTestId('projector')).toContainText(TEXT.logLine);
  await shot(page, testInfo, 'projector');

  // Drill room: the first inject answered, the clock skipped ahead to later injects.
  await go(page, s.drillUrl, '[data-testid=incident-room][data-drill=true]');
  await page.getByTestId('inject').first().getByTestId('inject-respond').click();
  await page.getByTestId('log-text').fill('客服回覆貼文者並私訊索取訂單資料');
  await page.getByTestId('log-submit').click();
  await page.getByTestId('clock-skip').click();
  await page.getByTestId('clock-skip').click();
  await expect(page.getByTestId('exercise-elapsed')).toHaveText('T+0:30:00');
  await expect(page.getByTestId('inject')).toHaveCount(3);
  await expect(page.getByTestId('log-entry').first()).toContainText('客服回覆貼文者');
  await expect(page.getByTestId('drill-indicator')).toBeVisible();
  await waitSaved(page);
  await shot(page, testInfo, 'drill-room');

  // After-action review: run on to the regulator letter at T+1:10 (past the one-hour targets)
  // and end the drill: every inject with its outcome, and findings that propose playbook edits.
  await page.getByTestId('clock-skip').click();
  await page.getByTestId('clock-skip').click();
  await expect(page.getByTestId('exercise-elapsed')).toHaveText('T+1:10:00');
  await page.getByTestId('clock-end').click();
  await confirmDialog(page);
  await expect(page.getByTestId('aar')).toBeVisible();
  await expect(page.getByTestId('aar-inject-row')).toHaveCount(9);
  await expect(page.getByTestId('aar-inject-row').first()).not.toHaveAttribute('data-outcome', 'noResponse');
  await expect(page.getByTestId('aar-totals')).toContainText(/首次行動中位數/);
  await expect(page.getByTestId('finding').first()).toBeVisible();
  await expect(page.getByTestId('finding-proposal').first()).not.toBeEmpty();
  await waitSaved(page);
  await shot(page, testInfo, 'drill-review');

  // Search palette: one query finds the incident, the statement and the playbook.
  await go(page, `${w}/playbook/crisisTypes`, '[data-testid=crisis-name]');
  await page.getByTestId('search-open').click();
  await page.getByTestId('search-input').fill('海鮮燉飯');
  const hits = page.getByTestId('search-hit');
  await expect(hits.filter({ hasText: TEXT.incident }).first()).toBeVisible();
  await expect(hits.filter({ hasText: TEXT.statement }).first()).toBeVisible();
  expect(await hits.count()).toBeGreaterThanOrEqual(3);
  await shot(page, testInfo, 'search');
});
