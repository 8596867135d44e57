/**
 * A tour of every page of a workspace with content, shared by the accessibility check
 * (a11y.spec.ts) and the layout check (overflow.spec.ts): `seedWorkspace` creates the content
 * through the UI (an incident, a statement, a drill from the library), `tourStops` lists the
 * pages and overlays to visit, each with the element that shows it is ready.
 */
import { expect, type Page } from '@playwright/test';
import { createWorkspace, waitSaved } from './helpers';

/** What the tour needs to reach each page. */
export interface Seeded {
  ws: string;
  incidentUrl: string;
  statementUrl: string;
  drillUrl: string;
  scenarioId: string | null;
}

/** Text the seed puts into the pages (the overflow check passes long strings). */
export interface SeedText {
  workspace: string;
  incident: string;
  product: string;
  statement: string;
  logLine: string;
}

export const SHORT_TEXT: SeedText = {
  workspace: '無障礙測試',
  incident: '信義店顧客食物中毒',
  product: '海鮮燉飯',
  statement: '雞腿便當回收聲明',
  logLine: '全台分店暫停供應海鮮燉飯',
};

/** Creates a workspace with an incident (log entry, fact), a statement and a running drill. */
export async function seedWorkspace(page: Page, text: SeedText = SHORT_TEXT, afterCreate?: (ws: string) => Promise<void>): Promise<Seeded> {
  const ws = await createWorkspace(page, text.workspace);
  if (afterCreate) await afterCreate(ws);

  await page.goto(`/#/w/${ws}/incidents`);
  await page.getByTestId('declare-incident').click();
  await page.getByTestId('incident-title').fill(text.incident);
  await page.getByTestId('incident-type').selectOption({ index: 1 });
  await page.getByTestId('incident-product').fill(text.product);
  const reason = page.getByTestId('severity-reason');
  await page.getByTestId('declare-submit').click();
  if (await reason.isVisible().catch(() => false)) {
    await reason.fill(text.logLine);
    await page.getByTestId('declare-submit').click();
  }
  await expect(page.getByTestId('incident-room')).toBeVisible();
  await page.getByTestId('log-text').fill(text.logLine);
  await page.getByTestId('log-submit').click();
  await expect(page.getByTestId('log-entry').first()).toBeVisible();
  const incidentUrl = page.url();

  await page.goto(`/#/w/${ws}/statements`);
  await page.getByTestId('new-statement').click();
  await page.getByTestId('new-title').fill(text.statement);
  await page.getByTestId('create-statement').click();
  await expect(page).toHaveURL(new RegExp(`#/w/${ws}/statements/[^/?]+$`));
  const statementUrl = page.url();
  await expect(page.getByTestId('statement-body')).toHaveAttribute('contenteditable', 'true', { timeout: 15_000 });

  await page.goto(`/#/w/${ws}/drills`);
  await page.locator('[data-testid=library-scenario][data-key=restaurant-food-poisoning]').getByTestId('add-library-scenario').click();
  const scenario = page.locator('[data-testid=scenario][data-library-key=restaurant-food-poisoning]');
  const scenarioHref = await scenario.locator('a[href*="/scenario/"]').getAttribute('href');
  await scenario.getByTestId('start-drill').click();
  await expect(page.getByTestId('incident-room')).toHaveAttribute('data-drill', 'true');
  const drillUrl = page.url();
  await waitSaved(page);
  return { ws, incidentUrl, statementUrl, drillUrl, scenarioId: scenarioHref ? (/\/scenario\/([^/?]+)/.exec(scenarioHref)?.[1] ?? null) : null };
}

/** One stop of the tour: how to get there and what shows it is ready. */
export interface TourStop {
  name: string;
  go: (page: Page) => Promise<void>;
}

async function visit(page: Page, hash: string, ready: string): Promise<void> {
  await page.goto(hash.startsWith('http') ? hash : `/${hash}`);
  await expect(page.locator(ready).first()).toBeVisible({ timeout: 15_000 });
}

/** Every page and overlay of the workspace, in an order that needs no reload. */
export function tourStops(s: Seeded): TourStop[] {
  const w = `#/w/${s.ws}`;
  const stops: TourStop[] = [
    { name: 'workspaces', go: (p) => visit(p, '#/', '[data-testid=create-workspace]') },
    { name: 'playbook edit', go: (p) => visit(p, `${w}/playbook/crisisTypes`, '[data-testid=crisis-name]') },
    { name: 'playbook severities', go: (p) => visit(p, `${w}/playbook/severities`, 'main') },
    { name: 'playbook signals', go: (p) => visit(p, `${w}/playbook/signals`, 'main') },
    { name: 'playbook principles', go: (p) => visit(p, `${w}/playbook/principles`, 'main') },
    { name: 'runbook', go: (p) => visit(p, `${w}/playbook/runbook`, 'main') },
    { name: 'roles matrix', go: (p) => visit(p, `${w}/roles/matrix`, '[data-testid=roles-tab-matrix]') },
    { name: 'roles people', go: (p) => visit(p, `${w}/roles/people`, '[data-testid=unit-link]') },
    {
      name: 'roles unit',
      go: async (p) => {
        await visit(p, `${w}/roles/people`, '[data-testid=unit-link]');
        await p.getByTestId('unit-link').first().click();
        await expect(p.getByTestId('unit-detail')).toBeVisible();
      },
    },
    { name: 'roles issues', go: (p) => visit(p, `${w}/roles/issues`, '[data-testid=roles-tab-issues]') },
    { name: 'roles poster', go: (p) => visit(p, `${w}/roles/poster`, '[data-testid=roles-tab-poster]') },
    { name: 'roles exchange', go: (p) => visit(p, `${w}/roles/exchange`, '[data-testid=import-csv]') },
    { name: 'roles print', go: (p) => visit(p, `${w}/roles/print`, '.fullscreen') },
    { name: 'statements list', go: (p) => visit(p, `${w}/statements`, '[data-testid=new-statement]') },
    {
      name: 'new statement form',
      go: async (p) => {
        await visit(p, `${w}/statements`, '[data-testid=new-statement]');
        await p.getByTestId('new-statement').click();
        await expect(p.getByTestId('new-title')).toBeVisible();
      },
    },
    { name: 'statement', go: (p) => visit(p, s.statementUrl, '[data-testid=statement-body]') },
    { name: 'incidents list', go: (p) => visit(p, `${w}/incidents`, '[data-testid=incident-item]') },
    {
      name: 'declare form',
      go: async (p) => {
        await visit(p, `${w}/incidents`, '[data-testid=incident-item]');
        await p.getByTestId('declare-incident').click();
        await expect(p.getByTestId('declare-form')).toBeVisible();
      },
    },
    { name: 'incident room', go: (p) => visit(p, s.incidentUrl, '[data-testid=incident-room]') },
    { name: 'incident projector', go: (p) => visit(p, `${s.incidentUrl}/projector`, '[data-testid=projector]') },
    { name: 'drills', go: (p) => visit(p, `${w}/drills`, '[data-testid=drill-run]') },
    { name: 'drill room', go: (p) => visit(p, s.drillUrl, '[data-testid=incident-room]') },
    { name: 'drill projector', go: (p) => visit(p, `${s.drillUrl}/projector`, '[data-testid=projector]') },
    { name: 'drill review (AAR)', go: (p) => visit(p, `${s.drillUrl}/review`, '[data-testid=aar]') },
    { name: 'members', go: (p) => visit(p, `${w}/members`, 'main') },
    { name: 'company', go: (p) => visit(p, `${w}/company`, 'main') },
    { name: 'sync', go: (p) => visit(p, `${w}/sync`, 'main') },
    { name: 'backup', go: (p) => visit(p, `${w}/backup`, 'main') },
    { name: 'settings', go: (p) => visit(p, '#/settings', 'main') },
    {
      name: 'search palette',
      go: async (p) => {
        await visit(p, `${w}/playbook/crisisTypes`, '[data-testid=crisis-name]');
        await p.getByTestId('search-open').click();
        await p.getByTestId('search-input').fill('店');
        await expect(p.getByTestId('search-hit').first()).toBeVisible();
      },
    },
    {
      name: 'shortcut sheet',
      go: async (p) => {
        await visit(p, `${w}/playbook/crisisTypes`, '[data-testid=crisis-name]');
        await p.keyboard.press('Escape');
        await p.locator('body').click({ position: { x: 2, y: 2 } });
        await p.keyboard.press('?');
        await expect(p.getByTestId('shortcut-sheet')).toBeVisible();
      },
    },
  ];
  if (s.scenarioId) stops.splice(stops.findIndex((x) => x.name === 'drill room'), 0, { name: 'scenario editor', go: (p) => visit(p, `${w}/drills/scenario/${s.scenarioId}`, 'main') });
  return stops;
}
