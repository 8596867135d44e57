/**
 * The roles CSV with the files people really have: a Big5 table saved by Excel in Taiwan is read
 * as Big5 (the page says so and previews it), another encoding can be chosen and the choice shows
 * at once, the import brings in people and roles, and the export carries the people back out;
 * a UTF-16 "Unicode text" file (tab separated) reads too.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { expect, test, type Page } from '@playwright/test';
import { createWorkspace, openApp, waitSaved } from './helpers';

const TABLE = [
  'kind,crisis_type,phase,unit,role,name,title,phone,email,key_person,backup',
  'person,,,客服部,,王小明,客服主任,02-2345-6789 分機 301,ming.wang@example.com.tw,yes,林美玲',
  'person,,,客服部,,林美玲,客服專員,0912-345-678,mei.lin@example.com.tw,,',
  'person,,,公關部,,陳志豪,公關經理,0933-222-111,chih-hao.chen@example.com.tw,yes,',
  'raci,產品瑕疵,偵測,客服部,R,,,,,,',
  'raci,產品瑕疵,偵測,公關部,A,,,,,,',
].join('\r\n');

async function importFile(page: Page, name: string, bytes: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-csv').click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: bytes });
}

test('a Big5 file from Excel imports people and roles; the encoding is shown and can be changed; the export carries the people', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, 'zh-TW');
  const wsId = await createWorkspace(page, '編碼測試');
  await page.goto(`/#/w/${wsId}/roles/exchange`);

  await importFile(page, '分工.csv', iconv.encode(TABLE, 'big5'));
  const read = page.getByTestId('import-encoding-read');
  await expect(read).toHaveAttribute('data-encoding', 'big5');
  await expect(read).toContainText('Big5');
  await expect(read).toContainText('自動偵測');
  await expect(page.getByTestId('import-preview')).toContainText('王小明');
  await expect(page.getByTestId('import-checked')).toContainText('新增 3 位人員');

  // The wrong encoding on purpose: garbled preview, nothing matches, the import is refused.
  await page.getByTestId('import-encoding-select').selectOption('gb18030');
  await expect(read).toHaveAttribute('data-encoding', 'gb18030');
  await expect(read).toContainText('手動選擇');
  await expect(page.getByTestId('import-preview')).not.toContainText('王小明');
  await expect(page.getByTestId('import-rejected')).toBeVisible();
  await page.getByTestId('import-encoding-select').selectOption('utf-8');
  await expect(page.getByTestId('import-rejected').locator('[data-code="badEncoding"]')).toContainText('UTF-8');

  await page.getByTestId('import-encoding-select').selectOption('auto');
  await expect(read).toHaveAttribute('data-encoding', 'big5');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-checked')).toBeHidden();
  await waitSaved(page);

  await page.getByTestId('roles-tab-people').click();
  await page.getByTestId('unit-link').filter({ hasText: '客服部' }).click();
  const wang = page.locator('[data-testid=member][data-name="王小明"]');
  await expect(wang).toBeVisible();
  await expect(wang.getByTestId('member-key')).toBeChecked();
  await expect(wang.getByTestId('member-phone')).toHaveValue('02-2345-6789 分機 301');

  await page.getByTestId('roles-tab-exchange').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toMatch(/\r\n"person","","","客服部","","王小明","客服主任","02-2345-6789 分機 301","ming.wang@example.com.tw","","yes","","林美玲","客服部",/);
  expect(csv).toContain('"raci","產品瑕疵","detect","公關部","A"');

  // Excel's "Unicode text": UTF-16 LE with BOM, tab separated.
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TABLE.replace(/,/g, '\t').replace('客服主任', '客服經理'), 'utf16le')]);
  await importFile(page, 'unicode.txt', utf16);
  await expect(read).toHaveAttribute('data-encoding', 'utf-16le');
  await expect(page.getByTestId('import-checked')).toContainText('核對 3 位既有人員');
});
