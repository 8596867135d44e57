/**
 * Layouts hold with long data in narrow windows: a workspace whose names are 80 characters of
 * CJK or of Latin without a single space (workspace, crisis types, people, incident, statement,
 * log line), with 40 units (playbook import) and people in each (roles CSV import), is shown on
 * every page at 1280×720 and at 1024×768 (a projector). No page may be wider than the window:
 * the document, the body and the app's scrolling content area keep scrollWidth ≤ clientWidth,
 * and no element reaches past the right edge of its page (elements inside a scroll box of their
 * own, such as a wide table's wrapper, count against that box instead). Offenders are printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openApp, waitSaved } from './helpers';
import { seedWorkspace, tourStops, type SeedText } from './pageTour';

const CJK_SEED = '國立臺灣大學附設醫院危機處理暨公共關係中心緊急應變小組';
const LATIN_SEED = 'Supercalifragilisticexpialidociousinternationalizationdepartmentcoordination';
const cjk = (n: number, tag = '') => (tag + CJK_SEED.repeat(Math.ceil(n / CJK_SEED.length))).slice(0, n);
const latin = (n: number, tag = '') => (tag + LATIN_SEED.repeat(Math.ceil(n / LATIN_SEED.length))).slice(0, n);

const LONG: SeedText = {
  workspace: cjk(80),
  incident: latin(80) + cjk(80),
  product: latin(120),
  statement: latin(80),
  logLine: latin(80) + cjk(80),
};
const UNITS = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? cjk(40, `${i + 1}`) : latin(60, `U${i + 1}`)));
const PHASE = '偵測';

/** Imports the playbook back with 40 long-named units and long crisis-type names. */
async function importLongPlaybook(page: Page, ws: string): Promise<string[]> {
  await page.goto(`/#/w/${ws}/playbook/crisisTypes`);
  const download = page.waitForEvent('download');
  await page.getByTestId('playbook-export').click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { units: Array<Record<string, unknown>>; crisisTypes: Array<Record<string, unknown>> };
  const template = file.units[0];
  UNITS.forEach((name, i) => file.units.push({ ...template, id: `long-unit-${i}`, key: '', name, kind: 'internal' }));
  file.crisisTypes.forEach((type, i) => {
    type.name = i % 2 === 0 ? cjk(80, `${i}`) : latin(80, `T${i}`);
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('playbook-import').click();
  await (await chooser).setFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByTestId('playbook-import-apply').click();
  await expect(page.getByTestId('crisis-type-link').first()).toHaveText(String(file.crisisTypes[0]?.name));
  return file.crisisTypes.map((t) => String(t.name));
}

/** Imports one person with an 80-character name into each of the 40 units, and R cells for them. */
async function importLongPeople(page: Page, ws: string, typeName: string): Promise<void> {
  const rows = ['kind,crisis_type,phase,unit,role,name,title,phone,email,key_person,backup'];
  UNITS.forEach((unit, i) => {
    const name = i % 2 === 0 ? cjk(80, `${i}`) : latin(80, `P${i}`);
    rows.push(`person,,,${unit},,${name},${latin(60, 'Title')},0912-345-678 ext 1234567890,${latin(60, 'mail')}@example.com.tw,yes,`);
    rows.push(`raci,${typeName},${PHASE},${unit},R,,,,,,`);
  });
  await page.goto(`/#/w/${ws}/roles/exchange`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-csv').click();
  await (await chooser).setFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\r\n')) });
  await expect(page.getByTestId('import-checked')).toBeVisible();
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-checked')).toBeHidden();
  await waitSaved(page);
}

interface Overflow {
  viewport: string;
  page: string;
  what: string;
}

/** What reaches past the window or past the app's content box, leaf-most first. */
async function measure(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const id = el.getAttribute('data-testid');
      return `${el.tagName.toLowerCase()}${cls}${id ? `[${id}]` : ''}`;
    };
    const roots = [document.documentElement, document.body, ...document.querySelectorAll('.content, .fullscreen')];
    for (const r of roots) if (r.scrollWidth > r.clientWidth + 1) out.push(`${describe(r)} scrollWidth ${r.scrollWidth} > ${r.clientWidth}`);
    const page = new Set<Element>([document.documentElement, document.body, ...document.querySelectorAll('.content')]);
    const culprits: Element[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      let box: Element | null = el.parentElement;
      while (box && !page.has(box) && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
      const right = box && !page.has(box) ? box.getBoundingClientRect().right : document.documentElement.clientWidth;
      if (rect.right > right + 1) culprits.push(el);
    }
    const leaves = culprits.filter((el) => !culprits.some((o) => o !== el && el.contains(o)));
    for (const el of leaves.slice(0, 6)) out.push(`${describe(el)} right ${Math.round(el.getBoundingClientRect().right)} «${(el.textContent ?? '').slice(0, 30)}»`);
    return out;
  });
}

test('every page holds long CJK/Latin names and 40 units at 1280×720 and 1024×768', async ({ page }) => {
  test.setTimeout(480_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, 'zh-TW', { name: cjk(80), unit: latin(80) });
  const seeded = await seedWorkspace(page, LONG, async (ws) => {
    const types = await importLongPlaybook(page, ws);
    await importLongPeople(page, ws, types[0] ?? '');
  });

  const found: Overflow[] = [];
  for (const { width, height } of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
    await page.setViewportSize({ width, height });
    for (const stop of tourStops(seeded)) {
      await stop.go(page);
      for (const what of await measure(page)) found.push({ viewport: `${width}×${height}`, page: stop.name, what });
      // OVERFLOW_SHOTS=<dir>: a screenshot of each page, to look at how the long data wraps.
      if (process.env.OVERFLOW_SHOTS) await page.screenshot({ path: join(process.env.OVERFLOW_SHOTS, `${width}-${stop.name.replace(/\W+/g, '-')}.png`) });
    }
  }
  if (found.length > 0) console.table(found);
  expect(found, 'pages wider than the window').toEqual([]);
});
