import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { test, expect, type Page } from '@playwright/test';
import { confirmDialog, createWorkspace, openApp, recordNativeDialogs, unlock, waitSaved } from './helpers';

/**
 * Incident attachments on one laptop: a file attached for everyone in the workspace is listed
 * with where it lives and downloads byte for byte; an oversize file is refused with a clear error
 * and nothing is added; in a restricted room the owner creates alone, an attachment shows the
 * room's badge, and a workspace attachment moves into the room (after the app's own confirmation).
 */

const STAMP = Date.now().toString(36);
const MARKER = `ATTACHMENT-MARKER-理賠條件-${STAMP}`;
const ROOM = '法務特權';

const group = (page: Page, roomId: string) => page.locator(`[data-testid=attachment-group][data-room="${roomId}"]`);

test('attach, list, download, refuse oversize, and keep an attachment in a restricted room', async ({ page }) => {
  test.setTimeout(120_000);
  const dialogs = recordNativeDialogs(page);
  await openApp(page, 'en');
  const ws = await createWorkspace(page, 'Attachments test');
  await page.goto(`/#/w/${ws}/incidents`);
  await page.getByTestId('declare-incident').click();
  await page.getByTestId('incident-title').fill('Recall of batch 7');
  await page.getByTestId('incident-type').selectOption({ index: 1 });
  await page.getByTestId('declare-submit').click();
  await expect(page.getByTestId('incident-room')).toBeVisible();
  const incidentUrl = page.url();

  // Attach for everyone in the workspace.
  const panel = page.getByTestId('attachments');
  await expect(group(page, '')).toContainText('No attachments yet.');
  const content = Buffer.from(`Statement draft\n${MARKER}\n`, 'utf8');
  await panel.getByLabel('Add a file').setInputFiles({ name: 'draft notes.txt', mimeType: 'text/plain', buffer: content });
  const row = group(page, '').getByTestId('attachment');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('attachment-name')).toHaveText('draft notes.txt');
  await expect(row.getByTestId('attachment-size')).toHaveText(`${content.length} B`);
  await expect(row).toContainText('added by Tester');
  await expect(row.getByTestId('attachment-everyone')).toHaveText('everyone can see this');

  // Download: the same bytes, the same name.
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('attachment-download').click()]);
  expect(download.suggestedFilename()).toBe('draft notes.txt');
  expect(Buffer.compare(await readFile((await download.path())!), content)).toBe(0);

  // Oversize: a clear error, nothing added.
  await panel.getByLabel('Add a file').setInputFiles({ name: 'huge.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 1) });
  await expect(panel.getByRole('alert')).toHaveText('The file is larger than the 10 MB limit; nothing was added.');
  await expect(page.getByTestId('attachment')).toHaveCount(1);
  // Empty: refused too.
  await panel.getByLabel('Add a file').setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(panel.getByRole('alert')).toHaveText('The file is empty; nothing was added.');
  await expect(page.getByTestId('attachment')).toHaveCount(1);

  // Exactly the limit (10 MiB) is taken, with a progress indication while it is read and hashed.
  await page.evaluate(() => {
    const w = window as unknown as { __sawProgress?: boolean };
    w.__sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid=attachment-progress] progress')) w.__sawProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  const started = Date.now();
  await panel.getByLabel('Add a file').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024, 0x25) });
  const handedIn = Date.now() - started; // Playwright's transfer of the file into the page
  await expect(group(page, '').getByTestId('attachment')).toHaveCount(2, { timeout: 30_000 });
  const listed = Date.now() - started;
  await waitSaved(page);
  console.log(`[attachments] 10 MiB file: handed to the page after ${handedIn} ms, listed after ${listed} ms, saved after ${Date.now() - started} ms (load ${loadavg()[0]!.toFixed(2)})`);
  expect(await page.evaluate(() => (window as unknown as { __sawProgress?: boolean }).__sawProgress)).toBe(true);
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await group(page, '').locator('[data-testid=attachment]', { hasText: 'scan.pdf' }).getByTestId('attachment-delete').click();
  expect(await confirmDialog(page)).toContain('scan.pdf');
  await expect(group(page, '').getByTestId('attachment')).toHaveCount(1);
  await waitSaved(page);

  // After a reload it is still there, bytes intact (the list re-checks each hash).
  await page.reload();
  await unlock(page);
  await expect(group(page, '').getByTestId('attachment')).toHaveCount(1);
  await expect(page.getByTestId('attachment-damaged')).toHaveCount(0);

  // A restricted room this owner creates alone (the only member), open on this laptop.
  await page.goto(`/#/w/${ws}/members`);
  await page.getByTestId('room-name').fill(ROOM);
  await page.getByTestId('create-room').getByRole('button', { name: 'Sign and create' }).click();
  const roomRow = page.locator(`[data-testid=room-row][data-name="${ROOM}"]`);
  await expect(roomRow).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
  const roomId = (await roomRow.getAttribute('data-room'))!;

  await page.goto(incidentUrl);
  await expect(page.getByTestId('incident-room')).toBeVisible();
  await page.getByTestId('attachment-where').selectOption(roomId);
  const secret = Buffer.from(`Counsel only\n${MARKER}-ROOM\n`, 'utf8');
  await panel.getByLabel('Add a file').setInputFiles({ name: 'counsel.txt', mimeType: 'text/plain', buffer: secret });
  const roomAttachment = group(page, roomId).getByTestId('attachment');
  await expect(roomAttachment).toHaveCount(1);
  await expect(roomAttachment.getByTestId('attachment-name')).toHaveText('counsel.txt');
  await expect(roomAttachment.getByTestId('room-badge')).toContainText(`${ROOM} · only Tester can see this`);
  await expect(group(page, '').getByTestId('attachment')).toHaveCount(1);
  const [roomDownload] = await Promise.all([page.waitForEvent('download'), roomAttachment.getByTestId('attachment-download').click()]);
  expect(Buffer.compare(await readFile((await roomDownload.path())!), secret)).toBe(0);

  // The workspace attachment moves into the room after the app's confirmation.
  await group(page, '').getByTestId('attachment-move').click();
  await page.getByTestId('attachment-move-room').selectOption(roomId);
  await page.getByTestId('attachment-move-submit').click();
  expect(await confirmDialog(page)).toContain(ROOM);
  await expect(group(page, roomId).getByTestId('attachment')).toHaveCount(2);
  await expect(group(page, '')).toContainText('No attachments yet.');

  // Delete goes through the app's dialog too.
  await group(page, roomId).locator('[data-testid=attachment]', { hasText: 'counsel.txt' }).getByTestId('attachment-delete').click();
  expect(await confirmDialog(page)).toContain('counsel.txt');
  await expect(group(page, roomId).getByTestId('attachment')).toHaveCount(1);
  expect(dialogs).toEqual([]);
});
