/**
 * P7 — the responsibility map of 40 units × 12 crisis types (1–3 people per unit, a full RACI
 * per phase) printed to PDF, in Chromium: from the roles section to the finished PDF bytes
 * (switch to the print route, poster laid out and drawn, fonts ready, page.pdf with the CSS
 * page size) — what "Export PDF" costs once the workspace is open.
 * Baseline, same run: page.pdf of a plain static HTML page holding the same cells and contacts
 * in two tables (setContent + page.pdf), on the same paper.
 * Contenders interleaved run by run (rotating order) after one untimed warm-up.
 */
import type { Page } from '@playwright/test';
import { readRoleMap } from '../shared/roles/roleMap';
import { cellKey, PHASES, type RoleMap } from '../shared/roles/types';
import { buildSampleMap } from '../tests/unit/roles/sampleMap';
import { putWorkspace } from '../tests/unit/roles/seedInBrowser';
import { completeOnboarding } from '../tests/e2e/helpers';
import { launchBenchBrowser } from './lib/chromium';
import { interleaved } from './lib/measure';
import { median, row, type BenchContext, type BenchRow } from './types';

const UNITS = 40;
const CRISIS_TYPES = 12;
const GOAL_MS = 2000;

type Paper = 'A4' | 'A3';
type Contender = 'appA4' | 'staticA4' | 'appA3' | 'staticA3';
const CONTENDERS: Contender[] = ['appA4', 'staticA4', 'appA3', 'staticA3'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The same cells and contacts as a plain HTML document (no app, no layout maths). */
function staticHtml(map: RoleMap, paper: Paper): string {
  const units = new Map(map.units.map((u) => [u.id, u]));
  const matrix = map.crisisTypes
    .map((ct) => {
      const cells = PHASES.map((p) => {
        const text = map.units
          .map((u) => [map.cells.get(cellKey(ct.id, p, u.id)), u.name] as const)
          .filter(([r]) => r)
          .map(([r, n]) => `<b>${r}</b> ${esc(n)}`)
          .join(' ');
        return `<td>${text}</td>`;
      }).join('');
      return `<tr><th>${esc(ct.name)}</th><td>${esc(units.get(ct.firstResponderUnitId)?.name ?? '')}</td>${cells}</tr>`;
    })
    .join('');
  const contacts = map.units
    .flatMap((u) => u.members.map((m) => `<tr><th>${esc(u.name)}</th><td>${esc(m.name)}</td><td>${esc(m.phone)}</td><td>${esc(m.email)}</td></tr>`))
    .join('');
  return `<!doctype html><meta charset="utf-8"><style>
    @page { size: ${paper} landscape; margin: 8mm; }
    body { font-family: 'Noto Sans CJK TC', sans-serif; font-size: 7pt; }
    table { border-collapse: collapse; width: 100%; margin-bottom: 4mm; }
    th, td { border: 0.25mm solid #000; padding: 0.7mm; text-align: left; vertical-align: top; }
    thead { display: table-header-group; }
  </style><table><thead><tr><th>Type</th><th>First</th>${PHASES.map((p) => `<th>${p}</th>`).join('')}</tr></thead><tbody>${matrix}</tbody></table>
  <table><thead><tr><th>Unit</th><th>Name</th><th>Phone</th><th>E-mail</th></tr></thead><tbody>${contacts}</tbody></table>`;
}

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const sample = buildSampleMap({ units: UNITS, crisisTypes: CRISIS_TYPES, language: 'zh-TW', workspaceName: 'P7 40×12' });
  const map = readRoleMap(sample.doc);
  const id = 'bench-p7-poster';
  const browser = await launchBenchBrowser({ log: ctx.log });
  try {
    const app = await browser.freshPage(ctx.appUrl);
    // A fresh profile starts with the first-start form (who is at this laptop).
    await completeOnboarding(app, { name: '林雅婷', unit: '公關部' });
    await app.waitForSelector('.workspaces-page', { timeout: 30_000 });
    await putWorkspace(app, sample.doc, id, 'P7 40×12');
    await app.goto(`${ctx.appUrl}#/w/${id}/roles/matrix`);
    await app.getByTestId('matrix').waitFor({ timeout: 30_000 });
    const plain = await browser.freshPage('about:blank');
    const pages: Record<string, number> = {};
    /** Per paper: [route → poster drawn, page.pdf] of every app run, in ms. */
    const split: Partial<Record<Paper, [number, number][]>> = {};

    const appPdf = async (page: Page, paper: Paper): Promise<number> => {
      await page.evaluate((h) => (window.location.hash = h), `#/w/${id}/roles/matrix`);
      await page.getByTestId('matrix').waitFor();
      const t0 = performance.now();
      await page.evaluate((h) => (window.location.hash = h), `#/w/${id}/roles/print?size=${paper}`);
      await page.locator(`[data-testid="poster"][data-paper="${paper}"]`).waitFor();
      await page.evaluate(() => document.fonts.ready);
      const t1 = performance.now();
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const ms = performance.now() - t0;
      (split[paper] ??= []).push([t1 - t0, ms - (t1 - t0)]);
      pages[`app${paper}`] = Number(await page.getByTestId('poster').getAttribute('data-pages'));
      pages[`app${paper}Bytes`] = pdf.length;
      return ms;
    };
    const staticPdf = async (paper: Paper): Promise<number> => {
      const html = staticHtml(map, paper);
      const t0 = performance.now();
      await plain.setContent(html);
      await plain.evaluate(() => document.fonts.ready);
      await plain.pdf({ preferCSSPageSize: true, printBackground: true });
      return performance.now() - t0;
    };

    const { medians: m } = await interleaved(CONTENDERS, (c) => (c === 'appA4' ? appPdf(app, 'A4') : c === 'appA3' ? appPdf(app, 'A3') : staticPdf(c === 'staticA4' ? 'A4' : 'A3')), {
      runs: ctx.runs,
      onRun: (r, t) => ctx.log(`run ${r}/${ctx.runs}: ` + CONTENDERS.map((c) => `${c} ${t[c]!.toFixed(0)} ms`).join(', ')),
    });
    ctx.log(`poster pages: A4 ${pages.appA4} (${pages.appA4Bytes} bytes), A3 ${pages.appA3} (${pages.appA3Bytes} bytes)`);
    for (const paper of ['A4', 'A3'] as const) {
      const runs = (split[paper] ?? []).slice(1); // without the warm-up
      const med = (i: 0 | 1) => median(runs.map((r) => r[i])).toFixed(0);
      ctx.log(`${paper} medians: print route drawn ${med(0)} ms + page.pdf ${med(1)} ms`);
    }
    const what = (paper: Paper) => `map ${UNITS} units × ${CRISIS_TYPES} crisis types → PDF, ${paper} landscape, ${pages[`app${paper}`]} pages (print route + page.pdf) vs static HTML table`;
    return [
      row('P7', what('A4'), m.appA4, 'ms', m.staticA4, `≤ ${GOAL_MS} ms`, m.appA4 <= GOAL_MS),
      row('P7', what('A3'), m.appA3, 'ms', m.staticA3, `≤ ${GOAL_MS} ms`, m.appA3 <= GOAL_MS),
    ];
  } finally {
    await browser.close();
  }
}
