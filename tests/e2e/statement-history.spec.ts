import { writeFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { countSections, encodeWorkspace, writeBackup } from '../../shared/backup';
import { write } from '../../shared/doc/origins';
import { metaOf, SCHEMA_VERSION } from '../../shared/doc/workspaceDoc';
import { addVersion } from '../../shared/statements/history';
import { createStatement, getStatement, nestedOf, requireBody } from '../../shared/statements/store';
import { openApp, createWorkspace, unlock, waitSaved } from './helpers';

/**
 * Version history in the real app (issue 14: versions as deltas, not copies): versions saved in
 * the studio list, diff and restore — also a version stored as a delta, and after the workspace is
 * read back from its encrypted storage by a reload.
 */

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.getByTestId('statement-body').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** How the open workspace stores each version of statement `id`, oldest first: 'full' or 'delta'. */
async function storedKinds(page: Page, id: string): Promise<string[]> {
  const text = await page.evaluate(() => window.__crisisRoomDiag!.digest().text);
  const versions = (JSON.parse(text) as { statements: Record<string, { versions: Record<string, { at: number; delta?: string; bodyJson?: string }> }> }).statements[id]!.versions;
  return Object.values(versions)
    .sort((a, b) => a.at - b.at)
    .map((v) => (v.delta ? 'delta' : v.bodyJson ? 'full' : 'none'));
}

test('saved versions list, diff and restore, before and after a reload from storage', async ({ page }) => {
  // The read-only document dump (renderer/app/diagnostics.ts), to see how versions are stored.
  await page.addInitScript(() => localStorage.setItem('crisis-room.diag', '1'));
  await openApp(page, 'zh-TW', { name: '陳公關', unit: '公關部' });
  const wsId = await createWorkspace(page, '版本測試小組');
  await page.goto(`/#/w/${wsId}/statements/new`);
  await page.getByTestId('template-blank').check();
  await page.getByTestId('new-title').fill('暫停銷售說明');
  await page.getByTestId('create-statement').click();
  await expect(page).toHaveURL(new RegExp(`#/w/${wsId}/statements/[^/]+$`));
  const url = page.url();
  const body = page.getByTestId('statement-body');

  await typeAtEnd(page, '本公司已暫停相關批次商品之銷售。');
  await page.getByTestId('save-version').click();
  await typeAtEnd(page, '並已通報主管機關。');
  // Sent for review: a status version, stored as a delta to the one saved above.
  await page.getByTestId('submit-review').click();
  await expect(page.getByTestId('statement-status')).toHaveText('審查中');
  await typeAtEnd(page, '錯字');

  await page.getByTestId('tab-history').click();
  const versions = page.getByTestId('version');
  await expect(versions).toHaveCount(2);
  // Newest first; diff from the review version to the current text: only the typo is added.
  await expect(page.getByTestId('diff').locator('ins')).toHaveText(['錯字']);

  // Restore the review version (a delta): the typo is gone, and a restore version is added.
  await versions.nth(0).getByTestId('restore-version').click();
  await expect(body).toHaveText('本公司已暫停相關批次商品之銷售。並已通報主管機關。');
  await expect(versions).toHaveCount(3);
  await waitSaved(page);

  // Read back from the encrypted store: the same history, and the first version still restores.
  await page.reload();
  await unlock(page);
  await page.goto(url);
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('version')).toHaveCount(3);
  // Stored: the first in full, the review and the restored one as deltas.
  expect(await storedKinds(page, decodeURIComponent(url.split('/').pop()!))).toEqual(['full', 'delta', 'delta']);
  await page.getByTestId('diff-from').selectOption({ index: 3 });
  await expect(page.getByTestId('diff').locator('del')).toHaveCount(0);
  await expect(page.getByTestId('diff').locator('ins')).toHaveText(['並已通報主管機關。']);
  await page.getByTestId('version').nth(2).getByTestId('restore-version').click();
  await expect(page.getByTestId('statement-body')).toHaveText('本公司已暫停相關批次商品之銷售。');
});

test('a merged file whose versions cannot be rebuilt: listed as unreadable, not offered for compare or restore', async ({ page }, info) => {
  await openApp(page, 'en', { name: 'Lee' });
  const wsId = await createWorkspace(page, 'History import');
  // Another laptop's copy of this workspace, made here (Node): a statement with three versions,
  // the second's delta changed after it was written, the third built on a version that is gone.
  const doc = new Y.Doc();
  write(doc, 'system', () => {
    metaOf(doc).set('name', 'History import');
    metaOf(doc).set('schemaVersion', SCHEMA_VERSION);
  });
  const id = createStatement(doc, { title: 'Holding statement', kind: 'holding', language: 'en', by: 'Lee', body: 'We paused sales of the affected batch.' }, 'user');
  const rec = getStatement(doc, id)!;
  const type = (text: string) => write(doc, 'user', () => ((requireBody(rec).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, text));
  addVersion(rec, { by: 'Lee', reason: 'manual', label: 'first', at: 1_000 }, 'user');
  type('Update: ');
  const changed = addVersion(rec, { by: 'Lee', reason: 'manual', label: 'changed', at: 2_000 }, 'user');
  const gone = addVersion(rec, { by: 'Lee', reason: 'manual', label: 'gone', at: 3_000 }, 'user');
  type('Now: ');
  const orphan = addVersion(rec, { by: 'Lee', reason: 'manual', label: 'orphan', at: 4_000 }, 'user');
  const versions = nestedOf(rec, 'versions');
  write(doc, 'user', () => {
    const [base, keep, tail] = JSON.parse(versions.get(changed)!.get('delta') as string) as [string, number, number, string];
    versions.get(changed)!.set('delta', JSON.stringify([base, keep, tail, 'We admit fault. ']));
    versions.delete(gone);
  });
  expect(versions.get(orphan)!.get('delta')).toContain(gone);
  const bytes = await writeBackup({
    manifest: { kind: 'workspace', workspace: { id: wsId, name: 'History import' }, exportedBy: { name: 'Lab', key: 'k', fingerprint: 'LAB' }, exportedAt: Date.now(), automatic: false, appVersion: 'test', schemaVersion: SCHEMA_VERSION, counts: countSections(doc) },
    payload: encodeWorkspace(doc),
    protection: { passphrase: 'history import passphrase' },
  });
  const file = info.outputPath('history.crisisroom');
  await writeFile(file, bytes);

  await page.goto(`/#/w/${wsId}/backup`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-pick').click();
  await (await chooser).setFiles(file);
  await page.getByTestId('import-passphrase').fill('history import passphrase');
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-merge').click();
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-result')).toBeVisible();

  await page.goto(`/#/w/${wsId}/statements/${id}`);
  await page.getByTestId('tab-history').click();
  const rows = page.getByTestId('version');
  // Newest first: orphan, changed, first.
  await expect(rows).toHaveCount(3);
  for (const n of [0, 1]) {
    await expect(rows.nth(n).getByTestId('version-unreadable')).toHaveText(/Cannot be read here/);
    await expect(rows.nth(n).getByTestId('restore-version')).toHaveCount(0);
  }
  await expect(rows.nth(2).getByTestId('version-unreadable')).toHaveCount(0);
  await expect(rows.nth(2).getByTestId('restore-version')).toBeVisible();
  // Compare offers the current text and the one readable version only.
  await expect(page.getByTestId('diff-from').locator('option')).toHaveCount(2);
  await expect(page.getByTestId('statement-body')).not.toContainText('We admit fault');
});
