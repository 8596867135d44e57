import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';
import { buildSampleMap, type SampleLanguage } from '../unit/roles/sampleMap';
import { putWorkspace } from '../unit/roles/seedInBrowser';

const dir = mkdtempSync(join(tmpdir(), 'roles-poster-'));

/** Page count and size (pt) of a PDF, and its text, read back with poppler. */
function readPdf(bytes: Buffer, name: string): { pages: number; width: number; height: number; text: string; file: string } {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const pages = /Pages:\s+(\d+)/.exec(info);
  return { pages: Number(pages?.[1]), width: Number(size?.[1]), height: Number(size?.[2]), text: execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }), file };
}

async function seeded(page: Page, language: SampleLanguage, units: number, crisisTypes: number) {
  await openApp(page, language);
  const sample = buildSampleMap({ units, crisisTypes, language, workspaceName: `Poster ${units}×${crisisTypes}` });
  const id = `poster-${units}-${crisisTypes}-${language}`;
  await putWorkspace(page, sample.doc, id, `Poster ${units}×${crisisTypes}`);
  return { id, ...sample };
}

async function printPdf(page: Page, id: string, paper: 'A4' | 'A3') {
  await page.goto(`/#/w/${id}/roles/print?size=${paper}`);
  const poster = page.getByTestId('poster');
  await expect(poster).toHaveAttribute('data-paper', paper);
  // The print view draws its sheets a few per task; every one is in before printing (a large map
  // on a loaded machine takes longer than the default 5 s: this asserts completeness, speed is P16).
  await expect(poster).toHaveAttribute('data-complete', 'true', { timeout: 30_000 });
  await expect(poster.locator('[data-testid=poster-page][data-drawn=false]')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
  const expected = Number(await poster.getAttribute('data-pages'));
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  return { expected, pdf: readPdf(pdf, `${id}-${paper}.pdf`) };
}

const compact = (s: string) => s.replace(/\s+/g, '');

for (const language of ['zh-TW', 'en'] as const) {
  test(`12 units × 12 crisis types fit one page in A4 and A3 (${language})`, async ({ page }) => {
    const { id, unitNames, memberNames, crisisTypeNames } = await seeded(page, language, 12, 12);
    for (const paper of ['A4', 'A3'] as const) {
      const { expected, pdf } = await printPdf(page, id, paper);
      expect(expected).toBe(1);
      expect(pdf.pages).toBe(1);
      // What Chromium emits for @page A4/A3 landscape (its A3 is 1191.12 pt wide, not 1190.88).
      expect([pdf.width, pdf.height]).toEqual(paper === 'A4' ? [841.92, 594.96] : [1191.12, 841.92]);
      const text = compact(pdf.text);
      for (const name of [...unitNames, ...memberNames, ...crisisTypeNames]) expect(text, name).toContain(compact(name));
    }
  });
}

test('40 units × 12 crisis types split over the planned pages, each with its header', async ({ page }) => {
  const { id, unitNames, memberNames } = await seeded(page, 'zh-TW', 40, 12);
  for (const paper of ['A4', 'A3'] as const) {
    const { expected, pdf } = await printPdf(page, id, paper);
    expect(expected).toBeGreaterThan(1);
    expect(pdf.pages).toBe(expected);
    const pages = pdf.text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(expected);
    for (const p of pages) expect(compact(p)).toContain('機密');
    const text = compact(pdf.text);
    for (const name of [...unitNames, ...memberNames]) expect(text, name).toContain(compact(name));
  }
});

test('a large map (150 units × 60 crisis types): the preview draws the sheets in view, the print view and its PDF every page', async ({ page }) => {
  test.setTimeout(90_000);
  const { id, unitNames, crisisTypeNames } = await seeded(page, 'zh-TW', 150, 60);
  await page.goto(`/#/w/${id}/roles/poster?size=A4`);
  const poster = page.getByTestId('poster');
  const sheets = poster.getByTestId('poster-page');
  await expect(sheets.first()).toHaveAttribute('data-drawn', 'true');
  // The first sheets show before the whole map is laid out; the page count follows.
  await expect(poster).toHaveAttribute('data-pages', /^\d+$/, { timeout: 30_000 });
  const total = Number(await poster.getAttribute('data-pages'));
  expect(total).toBeGreaterThan(8);
  await expect(sheets).toHaveCount(total); // every sheet has its box (the page keeps its length)
  expect(await poster.locator('[data-testid=poster-page][data-drawn=true]').count()).toBeLessThan(total);
  await sheets.last().scrollIntoViewIfNeeded();
  await expect(sheets.last()).toHaveAttribute('data-drawn', 'true');

  const { expected, pdf } = await printPdf(page, id, 'A4');
  expect(expected).toBe(total);
  expect(pdf.pages).toBe(total);
  const pages = pdf.text.split('\f').filter((p) => p.trim());
  expect(pages).toHaveLength(total);
  const text = compact(pdf.text);
  for (const name of [...unitNames.slice(-3), ...crisisTypeNames.slice(-3)]) expect(text, name).toContain(compact(name));

  // The same map's runbook draws its sections a few dozen at a time, then all of them.
  await page.goto(`/#/w/${id}/playbook/runbook`);
  await expect(page.getByTestId('runbook')).toHaveAttribute('data-complete', 'true');
  await expect(page.getByTestId('runbook-type')).toHaveCount(60);
  // Its RACI matrix renders only the unit rows in view (150 units × 5 phases of pickers otherwise).
  await page.goto(`/#/w/${id}/roles/matrix`);
  await expect(page.getByTestId('raci-cell').first()).toBeVisible();
  expect(await page.getByTestId('raci-cell').count()).toBeLessThan(150 * 5);
});
