/**
 * Encrypted at rest (issue 12): nothing a team writes can be read from the browser profile on
 * disk — not the workspace name, a person on the responsibility map, a statement's text or the
 * room key — and after the workspace is deleted (its data key shredded) not even its ciphertext
 * can be opened. The scanner reads every file of the profile as bytes and looks for each marker
 * as UTF-8, UTF-16LE and Latin-1; a control written through plain IndexedDB and localStorage
 * (not through the app) proves it sees what the browser stores.
 */
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { decodeInvite } from '../../shared/sync/invite';
import { completeOnboarding, confirmDialog, TEST_PASSPHRASE, unlock, waitSaved } from './helpers';

/** The app under test: the suite's server (playwright.config baseURL) unless AT_REST_BASE_URL names another. */
let BASE = process.env.AT_REST_BASE_URL ?? '';
test.beforeAll(({ browserName }, testInfo) => {
  void browserName;
  BASE ||= String(testInfo.project.use.baseURL ?? 'http://127.0.0.1:4173');
});
// Long, unique, random (so LevelDB's block compression cannot hide them behind back-references).
const tag = () => Math.random().toString(36).slice(2, 10) + Math.random().toString(36).slice(2, 10);
const run = tag();
const MARKERS = {
  workspaceLatin: `WsName-${run}-Qx`,
  workspaceCjk: `危機工作區${run}機密名稱`,
  personLatin: `Person-${run}-Zq`,
  personCjk: `林美玲${run}法務`,
  statementLatin: `Statement-${run}-Kv`,
  statementCjk: `本公司聲明${run}產品召回`,
};
const CONTROL = `Control-${run}-visible-${tag()}`;

/** Every encoding a browser may store a string in. */
function needles(text: string): Array<{ label: string; bytes: Buffer }> {
  const out = [
    { label: 'utf8', bytes: Buffer.from(text, 'utf8') },
    { label: 'utf16le', bytes: Buffer.from(text, 'utf16le') },
  ];
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u00ff]*$/.test(text)) out.push({ label: 'latin1', bytes: Buffer.from(text, 'latin1') });
  return out;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    let st;
    try {
      st = statSync(path);
    } catch {
      continue; // a socket or lock that vanished
    }
    if (st.isDirectory()) out.push(...filesUnder(path));
    else if (st.isFile()) out.push(path);
  }
  return out;
}

/** Where each marker is found in the profile: `marker (encoding) in file`. */
function scan(dir: string, markers: Record<string, string>): string[] {
  const hits: string[] = [];
  const files = filesUnder(dir);
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    for (const [name, text] of Object.entries(markers)) {
      for (const n of needles(text)) if (bytes.includes(n.bytes)) hits.push(`${name} (${n.label}) in ${file.slice(dir.length)}`);
    }
  }
  return hits;
}

async function launch(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  // No name resolves (nothing leaves this machine when the page dials the invite's made-up host).
  const args = [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args, locale: 'en' });
  await context.addInitScript(() => {
    localStorage.setItem('crisis-room.test-hooks', '1');
    if (!localStorage.getItem('crisis-room.session')) localStorage.setItem('crisis-room.session', JSON.stringify({ state: { language: 'en', userColor: '#0369a1' }, version: 1 }));
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

test('nothing readable at rest', async () => {
  test.setTimeout(300_000);
  const profile = mkdtempSync(join(tmpdir(), 'at-rest-'));
  try {
    let { context, page } = await launch(profile);
    await page.goto(`${BASE}/#/`);
    await completeOnboarding(page, { name: 'Rest Tester' });

    // A workspace named with both markers, a person on the map, a statement, an invite.
    const name = `${MARKERS.workspaceLatin} ${MARKERS.workspaceCjk}`;
    await page.locator('[data-testid=create-workspace] input').fill(name);
    await page.locator('[data-testid=create-workspace] button[type=submit]').click();
    await expect(page).toHaveURL(/#\/w\/[^/]+\/playbook/);
    const wsId = decodeURIComponent(/#\/w\/([^/]+)/.exec(page.url())![1]!);
    await expect(page.getByTestId('workspace-title')).toHaveText(name);

    await page.goto(`${BASE}/#/w/${wsId}/roles/people`);
    await page.getByTestId('unit-link').first().click();
    await page.getByTestId('add-member').click();
    const row = page.getByTestId('member').last();
    await row.getByTestId('member-name').fill(`${MARKERS.personLatin} ${MARKERS.personCjk}`);
    await row.getByTestId('member-confirm').click();
    await waitSaved(page);

    await page.goto(`${BASE}/#/w/${wsId}/statements`);
    await page.getByTestId('new-statement').click();
    await page.getByTestId('template-blank').check();
    await page.getByTestId('new-title').fill('Holding statement');
    await page.getByTestId('create-statement').click();
    const body = page.getByTestId('statement-body');
    await body.click();
    await page.keyboard.type(`${MARKERS.statementLatin} `);
    await page.keyboard.insertText(MARKERS.statementCjk);
    await expect(body).toContainText(MARKERS.statementCjk);
    await waitSaved(page);

    // The room key, as the invite the UI makes carries it. An invite needs a host address others
    // can reach (not loopback): a name under .invalid, which this browser never resolves (see launch).
    await page.goto(`${BASE}/#/w/${wsId}/sync`);
    await page.getByRole('textbox', { name: 'Host address' }).fill('at-rest-host.invalid:4444');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('button', { name: 'Create invite code' }).click();
    await expect(page.getByTestId('invite-code')).toBeVisible({ timeout: 15_000 });
    const code = (await page.getByTestId('invite-code').textContent())!.trim();
    const roomKey = (await decodeInvite(code)).roomKey;
    expect(roomKey.length).toBeGreaterThanOrEqual(22);
    const secrets = { ...MARKERS, roomKey };

    // What the keyring holds for this workspace (wrapped with the master key).
    const keyring = await page.evaluate(() => window.__crisisRoomVaultTest!.keyring());
    expect(keyring?.store).toBe('opfs');
    // Rows are sealed by libsodium's WebAssembly build: the app's CSP lets it load.
    expect(await page.evaluate(() => window.__crisisRoomVaultTest!.cipher())).toBe('libsodium');
    const wrapped = keyring!.wrapped[wsId]!;
    expect(wrapped).toBeTruthy();

    // The control, written as any page could (not through the app): the scanner must see it.
    await page.evaluate(
      (control) =>
        new Promise<void>((resolve, reject) => {
          localStorage.setItem('at-rest-control', control);
          const open = indexedDB.open('at-rest-control', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('s');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('s', 'readwrite');
            tx.objectStore('s').put({ v: control }, 1);
            tx.oncomplete = () => (open.result.close(), resolve());
          };
        }),
      CONTROL,
    );
    await page.goto(`${BASE}/#/`);
    await waitSaved(page).catch(() => undefined);
    await context.close();

    const before = scan(profile, { ...secrets, control: CONTROL, wrappedKey: wrapped });
    console.log(`at rest, workspace kept: ${before.length} hits: ${before.join('; ')}`);
    expect(before.filter((h) => h.startsWith('control')).length, 'the scanner sees what the browser stores').toBeGreaterThan(0);
    expect(before.filter((h) => h.startsWith('wrappedKey')).length, 'the scanner sees the keyring file').toBeGreaterThan(0);
    expect(before.filter((h) => !h.startsWith('control') && !h.startsWith('wrappedKey'))).toEqual([]);

    // Reopen (unlock), delete the workspace, wait past the undo period until it is purged.
    ({ context, page } = await launch(profile));
    await page.goto(`${BASE}/#/`);
    await unlock(page);
    await expect(page.getByTestId('workspace-item')).toHaveCount(1);
    await page.getByTestId('workspace-item').getByRole('button', { name: 'Delete' }).click();
    await confirmDialog(page);
    await expect(page.getByTestId('workspace-item')).toHaveCount(0);
    await expect
      .poll(async () => page.evaluate((id) => window.__crisisRoomVaultTest!.keyring()!.shredded.includes(id), wsId), { timeout: 30_000 })
      .toBe(true);
    const after = await page.evaluate(() => window.__crisisRoomVaultTest!.keyring());
    expect(after!.scopes).not.toContain(wsId);
    expect(Object.values(after!.wrapped)).not.toContain(wrapped);
    await context.close();

    const afterHits = scan(profile, { ...secrets, wrappedKey: wrapped });
    console.log(`at rest, workspace deleted: ${afterHits.length} hits: ${afterHits.join('; ')}`);
    expect(afterHits).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a new tab of an unlocked app (the print view) gets the key from it, not from the person', async ({ page, context }) => {
  await page.goto('/');
  await completeOnboarding(page, { name: 'Print Tester' });
  await page.locator('[data-testid=create-workspace] input').fill('Print handoff');
  await page.locator('[data-testid=create-workspace] button[type=submit]').click();
  await expect(page).toHaveURL(/#\/w\/[^/]+\/playbook/);
  const wsId = decodeURIComponent(/#\/w\/([^/]+)/.exec(page.url())![1]!);
  await page.goto(`/#/w/${wsId}/statements`);
  await page.getByTestId('new-statement').click();
  await page.getByTestId('template-blank').check();
  await page.getByTestId('new-title').fill('To print');
  await page.getByTestId('create-statement').click();
  await expect(page).toHaveURL(/#\/w\/[^/]+\/statements\/[^/?]+$/);
  const printUrl = page.url().replace(/#.*$/, '') + new URL(page.url()).hash + '/print?print=1';

  const print = await context.newPage();
  await print.addInitScript(() => {
    window.print = () => undefined;
  });
  await print.goto(printUrl);
  await expect(print.getByTestId('statement-print')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect(print.getByTestId('unlock')).toHaveCount(0);

  // Without an unlocked tab the passphrase is asked again (the key lives only in memory).
  await page.close();
  await print.reload();
  await expect(print.getByTestId('unlock')).toBeVisible({ timeout: 20_000 });
  await print.getByTestId('unlock').locator('input[name=passphrase]').fill(TEST_PASSPHRASE);
  await print.getByTestId('unlock').locator('button[type=submit]').click();
  await expect(print.getByTestId('statement-print')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
});
