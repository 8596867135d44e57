/**
 * Accessibility: axe-core (WCAG 2 A and AA rules) finds no serious or critical violation on any
 * page of a workspace with content — playbook editor and runbook, roles (matrix, people, poster,
 * print), statements, incidents with a room and the projector, drills with a drill room, its
 * projector and review, members, company, sync, backup, settings, the search palette and the
 * shortcut sheet, the declare and new-statement forms, and the first-start and unlock screens. Every finding (of any impact) is printed as a table.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp, unlock } from './helpers';
import { seedWorkspace, tourStops } from './pageTour';

interface Finding {
  page: string;
  rule: string;
  impact: string;
  nodes: number;
  target: string;
  detail: string;
}

const BLOCKING = new Set(['serious', 'critical']);

test('no serious or critical axe violation on any page', async ({ page }) => {
  test.setTimeout(480_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const findings: Finding[] = [];
  const visited: string[] = [];
  const check = async (name: string) => {
    visited.push(name);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    for (const v of result.violations) {
      findings.push({ page: name, rule: v.id, impact: v.impact ?? 'unknown', nodes: v.nodes.length, target: v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '), detail: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200) });
    }
  };

  // The screens before the app is ready: the first-start form, then (after a reload) the unlock screen.
  await page.goto('/');
  await expect(page.getByTestId('onboarding')).toBeVisible({ timeout: 30_000 });
  await check('first start');
  await openApp(page, 'zh-TW');
  await page.reload();
  await expect(page.getByTestId('unlock')).toBeVisible({ timeout: 30_000 });
  await check('unlock');
  await unlock(page);

  const seeded = await seedWorkspace(page);
  for (const stop of tourStops(seeded)) {
    await stop.go(page);
    await check(stop.name);
  }

  console.log(`axe: ${visited.length} pages checked: ${visited.join(', ')}`);
  if (findings.length > 0) console.table(findings.map(({ detail: _detail, ...row }) => row));
  for (const f of findings) console.log(`- ${f.page} / ${f.rule}: ${f.detail}`);
  const blocking = findings.filter((f) => BLOCKING.has(f.impact));
  console.log(`axe: ${findings.length} violations, ${blocking.length} serious/critical`);
  expect(blocking, 'serious or critical axe violations').toEqual([]);
});
