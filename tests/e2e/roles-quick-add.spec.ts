/**
 * The people tab's quick-add row (issue 13, benchmark S2): a person with a phone, an e-mail and a
 * backup relation is added in one row and Enter; the map, the checks and the printed poster show
 * them; an empty name or a malformed e-mail is refused with a message next to the row, keeping
 * every value typed and writing nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { createWorkspace, openApp, unlock, waitSaved } from './helpers';

async function quickAdd(page: Page, p: { name: string; unit: string; contact: string; relation?: string }) {
  const row = page.getByTestId('quick-add-person');
  await row.getByTestId('qa-name').fill(p.name);
  await row.getByTestId('qa-unit').selectOption({ label: p.unit });
  await row.getByTestId('qa-contact').fill(p.contact);
  if (p.relation) await row.getByTestId('qa-backup').selectOption({ label: p.relation });
  // Enter from wherever the person stopped: the select when a relation was chosen.
  await row.getByTestId(p.relation ? 'qa-backup' : 'qa-contact').press('Enter');
}

/** A key person without a backup (a warning; an error where the unit acts first for a crisis type). */
const NO_BACKUP = '[data-code="keyMemberNoBackup"], [data-code="firstResponderNoBackup"]';
const member = (page: Page, name: string) => page.locator(`[data-testid="member"][data-name="${name}"]`);

test('a person with a backup in one row: the map, the checks and the poster show it (zh-TW)', async ({ page }) => {
  await openApp(page, 'zh-TW');
  const ws = await createWorkspace(page, '快速新增');
  await page.goto(`/#/w/${ws}/roles/people`);

  // The spokesperson first, then marked as key person: their missing backup is flagged.
  await quickAdd(page, { name: '陳志豪', unit: '公關部', contact: '0933-222-111' });
  await expect(page.getByTestId('unit-name')).toHaveValue('公關部');
  const spokes = member(page, '陳志豪');
  await expect(spokes).toHaveCount(1);
  // The focus is in the new person's row (its first empty field), to add the rest.
  await expect(spokes.getByTestId('member-title')).toBeFocused();
  await spokes.getByTestId('member-key').check();
  await expect(spokes.locator(NO_BACKUP)).not.toHaveCount(0);

  // The backup, standing in for the spokesperson, with both a phone and an e-mail in one field.
  await quickAdd(page, { name: '周怡君', unit: '公關部', contact: '0922-111-222 / yc@example.com', relation: '代理 陳志豪（公關部）' });
  const backup = member(page, '周怡君');
  await expect(backup).toHaveCount(1);
  await expect(backup.getByTestId('member-title')).toBeFocused();
  await expect(backup.getByTestId('member-phone')).toHaveValue('0922-111-222');
  await expect(backup.getByTestId('member-email')).toHaveValue('yc@example.com');
  // Just typed in: confirmed today, no check names them.
  await expect(backup.getByTestId('member-freshness')).toHaveAttribute('data-status', 'fresh');
  await expect(backup.getByTestId('inline-issue')).toHaveCount(0);
  await expect(spokes.getByTestId('member-backup').locator('option:checked')).toHaveText('周怡君');
  await expect(spokes.locator(NO_BACKUP)).toHaveCount(0);
  // The row is empty again for the next person.
  await expect(page.getByTestId('qa-name')).toHaveValue('');
  await expect(page.getByTestId('qa-contact')).toHaveValue('');
  await expect(page.getByTestId('qa-backup')).toHaveValue('');

  // "Their backup is…": a legal counsel whose backup is the spokesperson, in another unit.
  await quickAdd(page, { name: '李文華', unit: '法務部', contact: 'wh.lee@example.com.tw', relation: '由 陳志豪（公關部）代理' });
  await expect(page.getByTestId('unit-name')).toHaveValue('法務部');
  await expect(member(page, '李文華').getByTestId('member-backup').locator('option:checked')).toHaveText('陳志豪');
  await waitSaved(page);

  // Still there after a reload, and on the printed poster's contact list.
  await page.goto(`/#/w/${ws}/roles/print?size=A4`);
  await expect(page.getByTestId('poster')).toHaveAttribute('data-paper', 'A4');
  // A contact's row: its name is the fourth cell from the end (name, phone, e-mail, backup).
  const dirRow = (name: string) => page.locator('.poster-dir tr').filter({ has: page.locator('td:nth-last-child(4)', { hasText: name }) });
  await expect(dirRow('陳志豪').locator('td').last()).toHaveText('周怡君');
  await expect(dirRow('周怡君')).toContainText('0922-111-222');
  await expect(dirRow('周怡君')).toContainText('yc@example.com');
  await expect(dirRow('李文華').locator('td').last()).toHaveText('陳志豪');
});

test('an empty name or a malformed e-mail is refused with a clear message, and nothing is lost', async ({ page }) => {
  await openApp(page, 'zh-TW');
  const ws = await createWorkspace(page, '快速新增檢查');
  await page.goto(`/#/w/${ws}/roles/people`);
  await page.getByTestId('unit-link').filter({ hasText: /^公關部$/ }).click();
  const row = page.getByTestId('quick-add-person');
  const errors = row.getByTestId('qa-error');

  // No name: refused, said next to the row, the focus on the name; the contact stays.
  await row.getByTestId('qa-unit').selectOption({ label: '公關部' });
  await row.getByTestId('qa-contact').fill('yc@example.com');
  await row.getByTestId('qa-contact').press('Enter');
  await expect(errors).toHaveCount(1);
  await expect(errors).toHaveAttribute('data-code', 'nameRequired');
  await expect(errors).toHaveText('✖ 請填寫姓名。');
  await expect(row.getByTestId('qa-name')).toBeFocused();
  await expect(row.getByTestId('qa-name')).toHaveAttribute('aria-invalid', 'true');
  await expect(row.getByTestId('qa-contact')).toHaveValue('yc@example.com');
  await expect(page.getByTestId('member')).toHaveCount(0);

  // A name, but an e-mail without its domain: refused, naming the address; every value kept.
  await row.getByTestId('qa-name').fill('周怡君');
  await expect(errors).toHaveCount(0);
  await row.getByTestId('qa-contact').fill('0922-111-222 yc@example');
  await row.getByTestId('qa-submit').click();
  await expect(errors).toHaveAttribute('data-code', 'emailMalformed');
  await expect(errors).toContainText('電子郵件「yc@example」格式不對');
  await expect(row.getByTestId('qa-contact')).toBeFocused();
  await expect(row.getByTestId('qa-name')).toHaveValue('周怡君');
  await expect(row.getByTestId('qa-contact')).toHaveValue('0922-111-222 yc@example');
  await expect(row.getByTestId('qa-unit').locator('option:checked')).toHaveText('公關部');
  await expect(page.getByTestId('member')).toHaveCount(0);

  // Text that is neither a phone number nor an e-mail address.
  await row.getByTestId('qa-contact').fill('找總機');
  await row.getByTestId('qa-contact').press('Enter');
  await expect(errors).toHaveAttribute('data-code', 'phoneMalformed');
  await expect(page.getByTestId('member')).toHaveCount(0);

  // Corrected: added once.
  await row.getByTestId('qa-contact').fill('0922-111-222 yc@example.com');
  await row.getByTestId('qa-contact').press('Enter');
  await expect(errors).toHaveCount(0);
  await expect(page.getByTestId('member')).toHaveCount(1);
  await expect(member(page, '周怡君').getByTestId('member-email')).toHaveValue('yc@example.com');
});

test('the messages are in the language of the interface (en)', async ({ page }) => {
  await openApp(page, 'en');
  const ws = await createWorkspace(page, 'Quick add');
  await page.goto(`/#/w/${ws}/roles/people`);
  const row = page.getByTestId('quick-add-person');
  await row.getByTestId('qa-name').fill('Irene Chang');
  await row.getByTestId('qa-contact').fill('irene@example');
  await row.getByTestId('qa-contact').press('Enter');
  await expect(row.getByTestId('qa-error')).toHaveText('✖ The e-mail address “irene@example” is not valid, e.g. name@example.com.');
  await expect(page.getByTestId('member')).toHaveCount(0);
});

test("a person's pickers list their own unit until touched, then everyone (no row lists every person twice)", async ({ page }) => {
  await openApp(page, 'zh-TW');
  const ws = await createWorkspace(page, '名單選單');
  await page.goto(`/#/w/${ws}/roles/people`);
  for (const [name, unit, phone] of [
    ['李文華', '法務部', '02-8765-4321'],
    ['黃助理', '法務部', '02-8765-4322'],
    ['吳律師', '法務部', '02-8765-4323'],
    ['陳志豪', '公關部', '0933-222-111'],
    ['周怡君', '公關部', '0922-111-222'],
  ] as const) {
    await quickAdd(page, { name, unit, contact: phone });
    await expect(member(page, name)).toHaveCount(1);
  }
  // 公關部 is shown: 2 people × 2 pickers, each with "not set" and the one colleague.
  const rows = page.getByTestId('member');
  await expect(rows).toHaveCount(2);
  await expect(rows.locator('select[data-all] option')).toHaveCount(8);
  const backup = member(page, '陳志豪').getByTestId('member-backup');
  await expect(backup.locator('option')).toHaveText(['（未指定）', '周怡君']);
  // Touched, it lists the other units' people too (never the row's own person).
  await backup.click();
  await page.keyboard.press('Escape');
  await expect(backup).toHaveAttribute('data-all', 'true');
  await expect(backup.locator('option')).toHaveText(['（未指定）', '周怡君', '李文華', '黃助理', '吳律師']);
  await backup.selectOption({ label: '黃助理' });
  await expect(backup.locator('option:checked')).toHaveText('黃助理');
  // The other pickers still list the unit only, plus whoever they hold.
  await expect(member(page, '陳志豪').getByTestId('member-reviewer').locator('option')).toHaveCount(2);
  await waitSaved(page);
  await page.reload();
  await unlock(page);
  await expect(member(page, '陳志豪').getByTestId('member-backup').locator('option')).toHaveText(['（未指定）', '周怡君', '黃助理']);
  await expect(member(page, '陳志豪').getByTestId('member-backup').locator('option:checked')).toHaveText('黃助理');
});
