import { expect, test, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { write } from '../../shared/doc/origins';
import { collectionOf } from '../../shared/doc/workspaceDoc';
import { addMember, addUnit } from '../../shared/roles/roleMap';
import { createStatement } from '../../shared/statements/store';
import { createWorkspace, openApp } from './helpers';

/**
 * Sections that grow with a year of work stay bounded (issue 14, P16; timings are bench rows, not
 * here): the people tab's DOM grows linearly with people (no per-row list of everyone), and past
 * their threshold the people of a unit, the unit list and the statements list render only the rows
 * in view (renderer/ui/VirtualList.tsx) — while a Ctrl+K jump still shows its target and a focused
 * field is not unmounted by scrolling. Big workspaces are built here through shared/ and merged into
 * the open workspace with the scale test hook (renderer/workspace/scaleTestHooks.ts).
 */

/** Merges what `doc` has that the page has not seen yet (from `since`) into the open workspace. */
async function push(page: Page, doc: Y.Doc, since?: Uint8Array): Promise<Uint8Array> {
  const update = since ? Y.encodeStateAsUpdate(doc, since) : Y.encodeStateAsUpdate(doc);
  const b64 = Buffer.from(update).toString('base64');
  expect(await page.evaluate((s) => window.__crisisRoomScaleTest!.applyUpdate(s), b64)).toBe(true);
  return Y.encodeStateVector(doc);
}

async function open(page: Page, name: string): Promise<string> {
  await page.addInitScript(() => localStorage.setItem('crisis-room.test-hooks', '1'));
  await openApp(page);
  return createWorkspace(page, name);
}

const nodesIn = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el.querySelectorAll('*').length + 1);

const person = (i: number) => ({ name: `同仁${String(i).padStart(4, '0')}`, title: '專員', phone: `09${String(10000000 + i)}`, email: `p${i}@example.com` });

test('people tab: DOM nodes grow linearly with the people of a unit (pickers do not list everyone per row)', async ({ page }) => {
  const wsId = await open(page, '規模：人員');
  const doc = new Y.Doc();
  const unitId = addUnit(doc, { name: '大型客服中心', kind: 'internal' }, 'system');
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) ids.push(addMember(doc, unitId, person(i), 'system'));
  // Everyone has a backup in the unit: each picker holds someone.
  write(doc, 'system', () => ids.forEach((id, i) => collectionOf(doc, 'members').get(id)!.set('backupMemberId', ids[(i + 1) % ids.length])));
  let sv = await push(page, doc);
  await page.goto(`/#/w/${wsId}/roles/people/${unitId}`);
  const rows = page.getByTestId('member');
  await expect(rows).toHaveCount(30);
  const n30 = await nodesIn(page, '[data-testid=unit-detail]');

  for (let i = 30; i < 90; i++) ids.push(addMember(doc, unitId, person(i), 'system'));
  sv = await push(page, doc, sv);
  await expect(rows).toHaveCount(90);
  const n90 = await nodesIn(page, '[data-testid=unit-detail]');
  const perPerson = (n90 - n30) / 60;
  test.info().annotations.push({ type: 'people tab', description: `${n30} nodes with 30 people, ${n90} with 90: ${perPerson.toFixed(1)} per person` });
  // Linear: each more person adds one row of a bounded size (before: 2 pickers × everyone in the unit).
  expect(perPerson).toBeLessThan(60);
  expect(n90).toBeLessThan(90 * 60);

  // A picker still offers everyone once touched, and shows the person it holds before.
  const backup = page.locator(`[data-record-id="${ids[10]}"]`).getByTestId('member-backup');
  await expect(backup.locator('option:checked')).toHaveText(person(11).name);
  await backup.focus();
  await expect(backup).toHaveAttribute('data-all', 'true');
  await expect(backup.locator('option')).toHaveCount(90); // "not set" + the 89 others
  void sv;
});

test('long lists render only the rows in view: a unit of 300, 300 units, 250 statements; Ctrl+K still shows its target', async ({ page }) => {
  test.setTimeout(120_000);
  const wsId = await open(page, '規模：清單');
  const doc = new Y.Doc();
  const big = addUnit(doc, { name: '大型客服中心', kind: 'internal' }, 'system');
  for (let i = 0; i < 300; i++) addMember(doc, big, person(i), 'system');
  let last = '';
  for (let u = 0; u < 300; u++) last = addUnit(doc, { name: `分店${String(u).padStart(3, '0')}`, kind: 'internal' }, 'system');
  for (let s = 0; s < 250; s++) createStatement(doc, { title: `門市公告 ${String(s).padStart(3, '0')}`, kind: 'holding', language: 'zh-TW', by: 'Test', body: '內容。' }, 'system');
  await push(page, doc);

  // People of one unit: bounded rows, list semantics with position and size.
  await page.goto(`/#/w/${wsId}/roles/people/${big}`);
  const members = page.getByTestId('member');
  await expect(members.first()).toBeVisible();
  const shown = await members.count();
  expect(shown).toBeGreaterThan(2);
  expect(shown).toBeLessThan(40);
  await expect(members.first()).toHaveAttribute('aria-setsize', '300');
  expect(await page.locator('body').evaluate((b) => b.querySelectorAll('*').length)).toBeLessThan(8000);

  // The quick-add row's backup picker (2 choices per person) lists everyone only once touched.
  const qa = page.getByTestId('qa-backup');
  expect(await qa.locator('option').count()).toBeLessThan(5);
  await qa.focus();
  await expect(qa.locator('option')).toHaveCount(1 + 2 * 300);
  await qa.blur();

  // A field being typed into is not unmounted when its row scrolls away.
  const firstName = members.first().getByTestId('member-name');
  await firstName.focus();
  await page.locator('[data-testid=unit-detail] .virtual-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator('[data-testid=member][aria-posinset="300"]')).toBeVisible();
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(person(0).name);

  // The unit list (301 units): bounded links; a Ctrl+K jump to the last unit scrolls it into view.
  const links = page.getByTestId('unit-link');
  expect(await links.count()).toBeLessThan(80);
  await page.keyboard.press('Control+k');
  await page.getByTestId('search-input').fill('分店299');
  await expect(page.getByTestId('search-hit').first()).toContainText('分店299');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`roles/people/${last}$`));
  const target = page.getByRole('link', { name: '分店299' });
  await expect(target).toHaveAttribute('aria-current', 'page');
  await expect(target).toBeInViewport();

  // Statements: bounded rows; scrolling reaches the last one.
  await page.goto(`/#/w/${wsId}/statements`);
  const rows = page.getByTestId('statement-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);
  await expect(rows.first()).toHaveAttribute('aria-setsize', '250');
  // Scrolled to the end (rows are measured as they come, so the end may move once or twice).
  const lastRow = page.getByRole('link', { name: '門市公告 000' }); // newest first
  await expect
    .poll(async () => {
      await page.locator('.statements-page .virtual-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      return lastRow.count();
    })
    .toBe(1);
  await expect(lastRow).toBeInViewport();
  expect(await rows.count()).toBeLessThan(60);
});
