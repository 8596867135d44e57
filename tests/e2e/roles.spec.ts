import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { confirmDialog, createWorkspace, openApp, waitSaved } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'roles-e2e-'));
const PHASES = ['detect', 'assess', 'respond', 'communicate', 'recover'] as const;

interface Person {
  name: string;
  phone: string;
  email: string;
}
interface Scenario {
  language: 'zh-TW' | 'en';
  workspace: string;
  units: { cs: string; pr: string; legal: string; all: number };
  types: [string, string, string];
  people: { cs: [Person, Person]; pr: [Person, Person]; legal: [Person] };
  confidential: string;
}

const SCENARIOS: Scenario[] = [
  {
    language: 'zh-TW',
    workspace: '年度危機演練',
    units: { cs: '客服部', pr: '公關部', legal: '法務部', all: 14 },
    types: ['產品瑕疵', '服務疏失', '不實指控／謠言'],
    people: {
      cs: [
        { name: '王小明', phone: '0912-345-678', email: 'ming.wang@example.com.tw' },
        { name: '林美玲', phone: '02-2345-6789', email: 'meiling.lin@example.com.tw' },
      ],
      pr: [
        { name: '陳志豪', phone: '0933-222-111', email: 'hao.chen@example.com.tw' },
        { name: '張雅婷', phone: '0955-666-777', email: 'yating.chang@example.com.tw' },
      ],
      legal: [{ name: '李文華', phone: '02-8765-4321', email: 'wh.lee@example.com.tw' }],
    },
    confidential: '機密',
  },
  {
    language: 'en',
    workspace: 'Annual crisis drill',
    units: { cs: 'Customer Service', pr: 'Public Relations', legal: 'Legal', all: 14 },
    types: ['Product defect', 'Service failure', 'False accusation or rumour'],
    people: {
      cs: [
        { name: 'Alex Wong', phone: '+886-912-345-678', email: 'alex.wong@example.com' },
        { name: 'Grace Lin', phone: '+886-2-2345-6789', email: 'grace.lin@example.com' },
      ],
      pr: [
        { name: 'Kevin Chen', phone: '+886-933-222-111', email: 'kevin.chen@example.com' },
        { name: 'Irene Chang', phone: '+886-955-666-777', email: 'irene.chang@example.com' },
      ],
      legal: [{ name: 'Eric Lee', phone: '+886-2-8765-4321', email: 'eric.lee@example.com' }],
    },
    confidential: 'Confidential',
  },
];

async function addPeople(page: Page, wsId: string, unit: string, people: Person[]) {
  await page.goto(`/#/w/${wsId}/roles/people`);
  await page.getByTestId('unit-link').filter({ hasText: new RegExp(`^${unit}$`) }).click();
  await expect(page.getByTestId('unit-name')).toHaveValue(unit);
  for (const p of people) {
    await page.getByTestId('add-member').click();
    const row = page.getByTestId('member').last();
    await row.getByTestId('member-name').fill(p.name);
    await row.getByTestId('member-phone').fill(p.phone);
    await row.getByTestId('member-email').fill(p.email);
    await row.getByTestId('member-confirm').click();
    await expect(row.getByTestId('member-freshness')).toHaveAttribute('data-status', 'fresh');
  }
  const key = page.getByTestId('member').first();
  await key.getByTestId('member-key').check();
  if (people[1]) await key.getByTestId('member-backup').selectOption({ label: people[1].name });
}

function cell(page: Page, phase: string, unit: string) {
  return page.locator(`[data-testid="raci-cell"][data-phase="${phase}"][data-unit="${unit}"]`);
}

function readPdf(bytes: Buffer, name: string) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return {
    file,
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    size: /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1, 3).map(Number),
    text: execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
  };
}

for (const s of SCENARIOS) {
  test(`build a map for 3 crisis types, watch the checks, print A4 and A3 (${s.language})`, async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page, s.language);
    const wsId = await createWorkspace(page, s.workspace);

    await addPeople(page, wsId, s.units.cs, s.people.cs);
    await addPeople(page, wsId, s.units.pr, s.people.pr);
    await addPeople(page, wsId, s.units.legal, s.people.legal);
    // Legal's key person has nobody to stand in: a warning under the person.
    await expect(page.getByTestId('member').first().locator('[data-code="keyMemberNoBackup"]')).toHaveCount(1);

    // The matrix of the first crisis type: unmapped at first.
    await page.getByTestId('roles-tab-matrix').click();
    await page.getByTestId('matrix-type-link').filter({ hasText: s.types[0] }).click();
    const matrix = page.getByTestId('matrix');
    await expect(matrix).toHaveAttribute('data-crisis-type', s.types[0]);
    await expect(matrix.locator('[data-code="crisisTypeUnmapped"]')).toBeVisible();

    // One cell set: every phase now lacks its A and R, shown in the columns.
    await cell(page, 'detect', s.units.pr).selectOption('A');
    await expect(matrix.locator('[data-code="crisisTypeUnmapped"]')).toHaveCount(0);
    await expect(page.locator('[data-testid="phase-status"][data-phase="detect"] [data-code="noResponsible"]')).toBeVisible();
    await expect(page.locator('[data-testid="phase-status"][data-phase="assess"] [data-code="noAccountable"]')).toBeVisible();
    await expect(page.getByTestId('cell-issue')).toHaveCount(9);

    // A second Accountable in one phase is an error too.
    await cell(page, 'detect', s.units.legal).selectOption('A');
    await expect(page.locator('[data-testid="phase-status"][data-phase="detect"] [data-code="multipleAccountable"]')).toBeVisible();

    for (const phase of PHASES) {
      await cell(page, phase, s.units.pr).selectOption('A');
      await cell(page, phase, s.units.cs).selectOption('R');
      await cell(page, phase, s.units.legal).selectOption('C');
    }
    await expect(page.getByTestId('cell-issue')).toHaveCount(0);
    for (const phase of PHASES) await expect(page.locator(`[data-testid="phase-head"][data-phase="${phase}"]`)).toHaveAttribute('data-errors', '0');

    // First responder: the customer-service unit, whose key person has a reachable backup.
    await page.getByTestId('first-responder').selectOption({ label: s.units.cs });
    await expect(matrix.getByTestId('inline-issue')).toHaveCount(0);
    await expect(page.getByTestId('matrix-type-link').filter({ hasText: s.types[0] }).locator('..').getByTestId('issue-badge')).toHaveCount(0);

    // The other two types take the same roles; the rumour is handled first by PR.
    for (const [type, fr] of [
      [s.types[1], s.units.cs],
      [s.types[2], s.units.pr],
    ] as const) {
      await page.getByTestId('matrix-type-link').filter({ hasText: type }).click();
      await expect(matrix).toHaveAttribute('data-crisis-type', type);
      await page.getByTestId('matrix-copy-from').selectOption({ label: s.types[0] });
      await confirmDialog(page);
      await expect(cell(page, 'recover', s.units.pr)).toHaveValue('A');
      await page.getByTestId('first-responder').selectOption({ label: fr });
      await expect(page.getByTestId('cell-issue')).toHaveCount(0);
      await expect(matrix.getByTestId('inline-issue')).toHaveCount(0);
    }
    await waitSaved(page);

    // The summary lists what is still open (the other crisis types), none of the three.
    await page.getByTestId('roles-tab-issues').click();
    const summary = page.getByTestId('issues-summary');
    await expect(summary).toBeVisible();
    for (const type of s.types) await expect(summary.getByTestId('summary-issue').filter({ hasText: type })).toHaveCount(0);
    await expect(summary.locator('[data-code="keyMemberNoBackup"]')).toHaveCount(1);

    // Poster: only these three types, from the preview to the print view.
    await page.getByTestId('roles-tab-people').click();
    const unitNames = await page.getByTestId('unit-link').allTextContents();
    await page.getByTestId('roles-tab-matrix').click();
    const typeIds: string[] = [];
    for (const type of s.types) {
      const href = await page.getByTestId('matrix-type-link').filter({ hasText: type }).getAttribute('href');
      typeIds.push(decodeURIComponent(href!.split('/').pop()!));
    }
    await page.goto(`/#/w/${wsId}/roles/poster?size=A4&types=${typeIds.join(',')}`);
    await expect(page.getByTestId('poster-page-count')).toBeVisible();
    await page.getByTestId('open-print-view').click();
    await expect(page).toHaveURL(/\/roles\/print\?/);

    for (const paper of ['A4', 'A3'] as const) {
      if (paper === 'A3') await page.goto(`/#/w/${wsId}/roles/print?size=A3&types=${typeIds.join(',')}`);
      const poster = page.getByTestId('poster');
      await expect(poster).toHaveAttribute('data-paper', paper);
      await expect(page.getByTestId('poster-row')).toHaveCount(3);
      await page.evaluate(() => document.fonts.ready);
      const expected = Number(await poster.getAttribute('data-pages'));
      expect(expected).toBe(1);
      const pdf = readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }), `map-${s.language}-${paper}.pdf`);
      expect(pdf.pages).toBe(expected);
      expect(pdf.size).toEqual(paper === 'A4' ? [841.92, 594.96] : [1191.12, 841.92]);
      expect(await page.locator('.poster-dir tbody th').count()).toBe(s.units.all);
      expect(unitNames).toHaveLength(s.units.all);
      for (const u of unitNames) expect(pdf.text).toContain(u.replace(/\s+/g, ''));
      for (const p of [...s.people.cs, ...s.people.pr, ...s.people.legal]) {
        expect(pdf.text).toContain(p.name.replace(/\s+/g, ''));
        expect(pdf.text).toContain(p.phone);
      }
      for (const type of s.types) expect(pdf.text).toContain(type.replace(/\s+/g, ''));
      expect(pdf.text).toContain(s.confidential);
      expect(pdf.text).toContain(s.workspace.replace(/\s+/g, ''));
      if (s.language === 'zh-TW' && paper === 'A4') {
        // Page 1 as an image, in the test's own output folder (never a path of the machine).
        const png = test.info().outputPath('roles-poster-page1');
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf.file, png]);
        expect(readFileSync(`${png}.png`).subarray(1, 4).toString()).toBe('PNG');
      }
    }
  });
}

async function importCsv(page: Page, name: string, content: string | Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-csv').click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content });
}

async function exportCsv(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  return readFileSync(await (await download).path(), 'utf8');
}

test('CSV import: malformed files are refused row by row and leave the map unchanged', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, 'zh-TW');
  const wsId = await createWorkspace(page, '匯入測試');
  await page.goto(`/#/w/${wsId}/roles/matrix`);
  await page.getByTestId('matrix-type-link').filter({ hasText: '產品瑕疵' }).click();
  await cell(page, 'detect', '公關部').selectOption('A');
  await cell(page, 'detect', '客服部').selectOption('R');
  await waitSaved(page);

  await page.getByTestId('roles-tab-exchange').click();
  const before = await exportCsv(page);
  expect(before.startsWith('\uFEFF"kind","crisis_type","phase","unit","role","name",')).toBe(true);
  expect(before).toContain('"raci","產品瑕疵","detect","公關部","A",');
  expect(before).toContain('"first_responder","產品瑕疵","","產品研發部","",');

  // Valid rows mixed with bad ones: nothing is applied, every bad row is named.
  await importCsv(
    page,
    'bad.csv',
    [
      'kind,crisis_type,phase,unit,role',
      'raci,產品瑕疵,detect,法務部,A', // 2 fine on its own
      'raci,產品瑕疵,detect,財務部,R', // 3 unknown unit
      'raci,產品瑕疵,detect,法務部,C', // 4 repeats row 2
      'raci,產品瑕疵,午餐,客服部,R', // 5 unknown phase
      'raci,颱風,assess,客服部,Z', // 6 unknown type and role
    ].join('\n'),
  );
  const rejected = page.getByTestId('import-rejected');
  await expect(rejected).toBeVisible();
  await expect(rejected).toContainText('bad.csv');
  const rows = rejected.getByTestId('import-error');
  expect(await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-row'), e.getAttribute('data-code')]))).toEqual([
    ['3', 'unknownUnit'],
    ['4', 'duplicateCell'],
    ['5', 'unknownPhase'],
    ['6', 'unknownCrisisType'],
    ['6', 'unknownRole'],
  ]);
  await expect(rows.first()).toContainText('第 3 列');
  await expect(rows.first()).toContainText('財務部');
  expect(await exportCsv(page)).toBe(before);

  // Big5 bytes are read as Big5 (and refused for their missing columns); bytes no encoding reads are refused.
  await importCsv(page, 'big5.csv', Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x0a, 0xb2, 0xa3, 0xab, 0x7e, 0x0a]));
  await expect(page.getByTestId('import-encoding-read')).toHaveAttribute('data-encoding', 'big5');
  await expect(rejected.locator('[data-row="1"][data-code="missingHeader"]')).toBeVisible();
  await importCsv(page, 'binary.csv', Buffer.from([0x41, 0xa4, 0x20, 0x41]));
  await expect(rejected.locator('[data-code="badEncoding"]')).toBeVisible();
  await importCsv(page, 'noheader.csv', '產品瑕疵,detect,法務部,A\n');
  await expect(rejected.locator('[data-row="1"][data-code="missingHeader"]')).toBeVisible();
  expect(await exportCsv(page)).toBe(before);

  await page.getByTestId('roles-tab-matrix').click();
  await page.getByTestId('matrix-type-link').filter({ hasText: '產品瑕疵' }).click();
  await expect(cell(page, 'detect', '公關部')).toHaveValue('A');
  await expect(cell(page, 'detect', '法務部')).toHaveValue('');

  // A clean file is checked, confirmed and applied as a whole.
  await page.getByTestId('roles-tab-exchange').click();
  await importCsv(page, 'good.csv', ['crisis_type,phase,unit,role', '產品瑕疵,偵測,法務部,A', '產品瑕疵,detect,客服部,R'].join('\r\n'));
  await expect(page.getByTestId('import-checked')).toContainText('good.csv');
  await page.getByTestId('import-apply').click();
  await page.getByTestId('roles-tab-matrix').click();
  await page.getByTestId('matrix-type-link').filter({ hasText: '產品瑕疵' }).click();
  await expect(cell(page, 'detect', '法務部')).toHaveValue('A');
  await expect(cell(page, 'detect', '公關部')).toHaveValue('');
  await expect(cell(page, 'detect', '客服部')).toHaveValue('R');
});
