/**
 * Restricted rooms (限閱空間) with three real laptops: separate Chromium processes, each in its
 * own network namespace with its own profile and device key, running the built app (APP_DIST)
 * and syncing over the app's own WebRTC stack through a LAN host in a hub namespace.
 *
 * Legal (owner, legal approver) invites the Executive and the PR agency, creates the room
 * "法務特權" with the Executive, writes a statement in it; the Executive sees and co-edits it.
 * The PR agency's laptop never shows it, stores no row of the room (checked raw in IndexedDB and
 * through the app's own decrypting database) and receives nothing of it: every signaling message
 * and every data-channel byte it received is recorded from before the app loads. Then Legal
 * takes the Executive out: the key rotates, the Executive's laptop deletes its copy, and Legal's
 * later edit reaches no one outside the room.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { expect, test, type Page } from '@playwright/test';
import { createNetnsLab, netnsAvailable, type NetnsLab } from './netns/netns';
import { ROOT } from './netns/peers';
import { completeOnboarding, confirmDialog, newInviteCode, type TestProfile } from './helpers';
import { idbScan, installRecorder, rxFind, rxSummary, seen } from './rooms-recorder';

const DIST = process.env.APP_DIST ?? join(ROOT, 'dist');
const ROOM = '法務特權';
const STAMP = Date.now().toString(36);
const M1 = `PRIVILEGED-和解上限-${STAMP}-A`;
const M2 = `EXEC-NOTE-董事會同意-${STAMP}-B`;
const M3 = `AFTER-REMOVAL-僅律師-${STAMP}-C`;
const TITLE = `和解聲明草稿-${STAMP}`;

test.describe.configure({ mode: 'serial' });

let lab: NetnsLab | null = null;
let legal: Page;
let exec: Page;
let pr: Page;
let ws = '';
let roomId = '';

async function openAs(index: number, profile: TestProfile): Promise<Page> {
  const browser = await lab!.launch(index);
  const page = await browser.newPage();
  await installRecorder(page);
  await page.addInitScript(() => {
    if (!localStorage.getItem('crisis-room.session')) localStorage.setItem('crisis-room.session', JSON.stringify({ state: { language: 'en' }, version: 1 }));
    localStorage.setItem('crisis-room.test-hooks', '1');
  });
  await page.goto(lab!.url);
  await completeOnboarding(page, profile);
  return page;
}

const indicator = (page: Page) => page.getByTestId('sync-indicator');
const memberRow = (page: Page, name: string) => page.getByTestId('member-row').filter({ has: page.getByTestId('member-name').getByText(name, { exact: true }) });
const roomRow = (page: Page) => page.locator(`[data-testid=room-row][data-name="${ROOM}"]`);
const go = (page: Page, path: string) => page.goto(`${lab!.url}#/${path}`);
const stored = (page: Page) => page.evaluate(() => window.__crisisRoomRoomsTest!.storedRows());
const topic = (page: Page, id: string) => page.evaluate((r) => window.__crisisRoomRoomsTest!.topic(r), id);
const load = () => loadavg()[0]!.toFixed(1);

async function invite(role: string, page: Page): Promise<void> {
  await go(legal, `w/${ws}/sync`);
  await legal.getByTestId('invite-role').selectOption(role);
  const code = await newInviteCode(legal, () => legal.getByRole('button', { name: 'Create invite code' }).click());
  await go(page, '');
  await page.getByRole('textbox', { name: 'Join a workspace with an invite code' }).fill(code);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/w/${ws}/sync`));
  await completeOnboarding(page);
  await expect(indicator(page)).toHaveAttribute('data-state', 'inSync', { timeout: 30_000 });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const can = netnsAvailable();
  if (!can.ok) throw new Error(`Restricted-room test cannot run: ${can.reason}`);
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} is missing: run \`npx vite build\` first`);
  lab = await createNetnsLab(3, DIST);
  legal = await openAs(0, { name: '林律師', unit: '法務部' });
  exec = await openAs(1, { name: '王總', unit: '總經理室' });
  pr = await openAs(2, { name: '公關代理', unit: 'PR agency' });
});

test.afterAll(async () => {
  await lab?.dispose();
});

test('a restricted room syncs only among its members; the PR agency never shows, stores or receives its content', async () => {
  test.setTimeout(240_000);
  await go(legal, '');
  await legal.locator('[data-testid=create-workspace] input').fill('產品召回 2026');
  await legal.locator('[data-testid=create-workspace] button[type=submit]').click();
  await expect(legal).toHaveURL(/#\/w\/[^/]+\//);
  ws = decodeURIComponent(/#\/w\/([^/]+)/.exec(legal.url())![1]!);
  // Legal is the workspace's owner and its legal approver.
  await go(legal, `w/${ws}/members`);
  await memberRow(legal, '林律師').getByTestId('change-roles').click();
  await memberRow(legal, '林律師').getByRole('checkbox', { name: 'Legal approver' }).check();
  await memberRow(legal, '林律師').getByRole('button', { name: 'Sign and save roles' }).click();
  await expect(memberRow(legal, '林律師').getByTestId('member-roles')).toHaveAttribute('data-roles', 'owner legal_approver');
  await go(legal, `w/${ws}/sync`);
  await legal.getByRole('textbox', { name: 'Host address' }).fill(`${lab!.hubIp}:${lab!.port}`);
  await legal.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(indicator(legal)).toHaveAttribute('data-state', 'alone', { timeout: 15_000 });
  await invite('executive_approver', exec);
  await invite('external_partner', pr);
  for (const [name, page] of [['Legal', legal], ['Executive', exec], ['PR agency', pr]] as const) {
    await go(page, `w/${ws}/members`);
    try {
      await expect(memberRow(page, '王總').getByTestId('member-roles')).toHaveAttribute('data-roles', 'executive_approver', { timeout: 45_000 });
      await expect(memberRow(page, '公關代理').getByTestId('member-roles')).toHaveAttribute('data-roles', 'external_partner', { timeout: 45_000 });
    } catch (err) {
      // Say what each laptop saw: whose row, which join requests, which links (CI once timed out here).
      for (const [n, p] of [['Legal', legal], ['Executive', exec], ['PR agency', pr]] as const) console.log(`[rooms] admission wait failed on ${name}; ${n}: ${await seen(p)}`);
      throw err;
    }
  }
  // From here on, nothing reloads the PR agency's page: its recorder covers the whole room's life.
  const prStart = (await rxSummary(pr)).startedAt;

  // Legal (an owner) creates the room with the Executive. Everyone sees its name and members.
  await legal.getByTestId('room-name').fill(ROOM);
  await legal.getByTestId('create-room').getByRole('checkbox', { name: '王總' }).check();
  await legal.getByTestId('create-room').getByRole('button', { name: 'Sign and create' }).click();
  await expect(roomRow(legal)).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
  roomId = (await roomRow(legal).getAttribute('data-room'))!;
  await expect(roomRow(exec)).toHaveAttribute('data-state', 'open', { timeout: 30_000 });
  await expect(roomRow(pr)).toHaveAttribute('data-state', 'outside', { timeout: 30_000 });
  for (const page of [legal, exec, pr]) await expect(roomRow(page).getByTestId('room-members')).toContainText(/only 林律師.*、王總.* can see this/);
  const firstTopic = (await topic(legal, roomId))!;
  expect(firstTopic).toMatch(/^cr1\./);
  expect(await topic(exec, roomId)).toBe(firstTopic);
  expect(await topic(pr, roomId)).toBeNull();

  // Legal writes a statement in the room.
  await go(legal, `w/${ws}/statements/new`);
  await legal.getByTestId('template-blank').check();
  await legal.getByTestId('new-title').fill(TITLE);
  await legal.getByTestId('new-room').selectOption(roomId);
  await legal.getByTestId('create-statement').click();
  await expect(legal.getByTestId('statement-where').getByTestId('room-badge')).toContainText(ROOM);
  await legal.getByTestId('statement-body').click();
  await legal.keyboard.insertText(`第一段：${M1}`);
  const statementId = decodeURIComponent(/statements\/([^/?]+)/.exec(legal.url())![1]!);

  // The Executive sees it in the list with the lock badge, opens it, and co-edits.
  await go(exec, `w/${ws}/statements`);
  const execRow = exec.locator(`[data-testid=statement-row][data-room="${roomId}"]`);
  await expect(execRow).toContainText(TITLE, { timeout: 30_000 });
  await expect(execRow.getByTestId('room-badge')).toContainText(`${ROOM} · only 林律師、王總 can see this`);
  await go(exec, `w/${ws}/statements/${encodeURIComponent(statementId)}`);
  await expect(exec.getByTestId('statement-body')).toContainText(M1, { timeout: 30_000 });
  await exec.getByTestId('statement-body').click();
  await exec.keyboard.press('End');
  await exec.keyboard.insertText(` ${M2}`);
  await expect(legal.getByTestId('statement-body')).toContainText(M2, { timeout: 30_000 });
  await expect(exec.getByTestId('statement-body')).toContainText(M1);
  // Both laptops store it (read back through the app's own decrypting database).
  await expect.poll(async () => (await stored(legal)).find((r) => r.id === roomId)?.text ?? '', { timeout: 15_000 }).toContain(M2);
  await expect.poll(async () => (await stored(exec)).find((r) => r.id === roomId)?.text ?? '', { timeout: 15_000 }).toContain(M1);

  // Sign-off works between the room's members: the Executive made the last change, so Legal may
  // give the legal approval; its signed entry (in the workspace's log) names id, hash and role only.
  await legal.getByTestId('submit-review').click();
  await expect(legal.getByTestId('status-bar')).toHaveAttribute('data-status', 'in_review', { timeout: 15_000 });
  await expect(legal.getByTestId('approve')).toBeEnabled({ timeout: 30_000 });
  await legal.getByTestId('approve').click();
  await expect(legal.getByTestId('status-bar')).toHaveAttribute('data-status', 'approved', { timeout: 30_000 });
  await expect(exec.getByTestId('status-bar')).toHaveAttribute('data-status', 'approved', { timeout: 30_000 });

  // Positive control of the recorder: the Executive received the room's traffic on its topic.
  // (Whether the text itself shows up in clear depends on the path it took: inside a WebRTC data
  // channel it does; through the signaling relay, before the channel opens, it is encrypted.)
  const execRx = await rxSummary(exec);
  expect(execRx.topicsIn.some((t) => t.startsWith(firstTopic))).toBe(true);
  // …and the raw IndexedDB scan finds the room's row on a member's laptop.
  const legalIdb = await idbScan(legal, roomId, M1);
  expect(legalIdb.rowsNamingId.length).toBeGreaterThan(0);
  console.log(`[rooms] Legal's IndexedDB: rows naming the room in ${legalIdb.rowsNamingId.join(', ')}; marker in clear in: ${legalIdb.markerIn.join(', ') || 'none (encrypted at rest)'}`);

  // The PR agency: a workspace edit of Legal's reaches it (its sync is live, and later than the
  // room edits), yet nothing of the room shows, is stored, or was received.
  await go(legal, `w/${ws}/playbook/principles`);
  const principle = (page: Page) => page.getByTestId('principle').first().locator('input, textarea').first();
  await principle(legal).fill(`工作區公開內容-${STAMP}`);
  await principle(legal).blur();
  await go(pr, `w/${ws}/playbook/principles`);
  await expect(principle(pr)).toHaveValue(`工作區公開內容-${STAMP}`, { timeout: 30_000 });
  await go(pr, `w/${ws}/statements`);
  await expect(pr.getByTestId('statements-empty').or(pr.getByTestId('statement-list'))).toBeVisible();
  const prText = await pr.locator('body').innerText();
  for (const m of [M1, M2, TITLE]) expect(prText).not.toContain(m);
  await expect(pr.locator(`[data-testid=statement-row][data-room="${roomId}"]`)).toHaveCount(0);
  await go(pr, `w/${ws}/statements/${encodeURIComponent(statementId)}`);
  await expect(pr.getByRole('alert')).toBeVisible();
  expect(await pr.locator('body').innerText()).not.toContain(M1);
  expect(await stored(pr)).toEqual([]);
  const prIdb = await idbScan(pr, roomId, M1);
  expect(prIdb.stores).toBeGreaterThan(0);
  expect(prIdb.rowsNamingId).toEqual([]);
  expect(prIdb.markerIn).toEqual([]);
  // The PR agency sees the approval entry in the audit trail (ids and a hash), never the text.
  await go(pr, `w/${ws}/statements/audit`);
  await expect(pr.locator('body')).toContainText(statementId, { timeout: 30_000 });
  expect(await pr.locator('body').innerText()).not.toContain(M1);
  const prRx = await rxSummary(pr);
  expect(prRx.startedAt).toBe(prStart);
  expect(prRx.dcBytes).toBeGreaterThan(0); // it did receive the workspace's traffic
  expect(prRx.topicsIn.filter((t) => t.startsWith(firstTopic))).toEqual([]);
  expect(prRx.topicsOut.filter((t) => t.startsWith(firstTopic))).toEqual([]);
  for (const m of [M1, M2, TITLE]) expect(await rxFind(pr, m)).toBeNull();
  console.log(`[rooms] PR laptop received ${prRx.wsIn} signaling messages on ${prRx.topicsIn.length} topics and ${prRx.dcBytes} data-channel bytes; none on the room's topic, no marker`);
});

test('a workspace statement moved into the room leaves the workspace document; later edits reach only the members', async () => {
  test.setTimeout(180_000);
  expect(roomId).not.toBe('');
  const title = `Q&A 草稿-${STAMP}`;
  const later = `MOVED-THEN-EDITED-${STAMP}-D`;
  await go(legal, `w/${ws}/statements/new`);
  await legal.getByTestId('template-blank').check();
  await legal.getByTestId('new-title').fill(title);
  await legal.getByTestId('create-statement').click();
  await legal.getByTestId('statement-body').click();
  await legal.keyboard.insertText('公開草稿，尚未限閱。');
  // Everyone has it while it is a workspace statement.
  for (const page of [exec, pr]) {
    await go(page, `w/${ws}/statements`);
    await expect(page.getByTestId('statement-row').filter({ hasText: title })).toHaveAttribute('data-room', '', { timeout: 30_000 });
  }
  // Legal moves it into the room (the confirmation says earlier copies stay where they were synced).
  await legal.getByTestId('move-room-select').selectOption(roomId);
  await legal.getByTestId('move-room-submit').click();
  expect(await confirmDialog(legal)).toContain('keep the copy they had');
  await expect(legal.getByTestId('statement-where').getByTestId('room-badge')).toContainText(ROOM, { timeout: 15_000 });
  // The Executive finds it in the room; the PR agency's list no longer has it (the workspace deletion synced).
  // (For a moment the Executive may hold both: the room's copy can arrive before the workspace's deletion.)
  await expect(exec.locator(`[data-testid=statement-row][data-room="${roomId}"]`).filter({ hasText: title })).toHaveCount(1, { timeout: 30_000 });
  await expect(exec.getByTestId('statement-row').filter({ hasText: title })).toHaveCount(1, { timeout: 30_000 });
  await expect(pr.getByTestId('statement-row').filter({ hasText: title })).toHaveCount(0, { timeout: 30_000 });
  // An edit after the move reaches the Executive, never the PR agency.
  await legal.getByTestId('statement-body').click();
  await legal.keyboard.press('End');
  await legal.keyboard.insertText(` ${later}`);
  await exec.getByTestId('statement-row').filter({ hasText: title }).locator('a.card-title').click();
  await expect(exec.getByTestId('statement-body')).toContainText(later, { timeout: 30_000 });
  await go(exec, `w/${ws}/statements`);
  expect(await rxFind(pr, later)).toBeNull();
  expect(await pr.locator('body').innerText()).not.toContain(later);
  expect(await stored(pr)).toEqual([]);
});

test('an incident note written in the room reaches the Executive only; a timeline entry moved in leaves the workspace log', async () => {
  test.setTimeout(180_000);
  expect(roomId).not.toBe('');
  const note = `ROOM-NOTE-責任評估-${STAMP}-E`;
  const entry = `TIMELINE-THEN-MOVED-${STAMP}-F`;
  const fileMarker = `ATTACHMENT-和解附件-${STAMP}-G`;
  const file = `settlement-${STAMP}.txt`;
  const attachmentIn = (p: Page) => p.locator(`[data-testid=attachment-group][data-room="${roomId}"] [data-testid=attachment-name]`);
  // Legal declares an incident: the incident itself is the workspace's, seen by everyone.
  await go(legal, `w/${ws}/incidents/new`);
  await legal.getByTestId('incident-title').fill(`產品召回事件-${STAMP}`);
  await legal.getByTestId('incident-type').selectOption({ index: 1 });
  await legal.getByTestId('declare-submit').click();
  await expect(legal.getByTestId('incident-room')).toBeVisible();
  const incidentHash = new URL(legal.url()).hash.slice(2);
  // A restricted note, written in the room from the incident room (with the room's badge).
  const notes = legal.getByTestId('room-notes');
  await expect(notes.getByTestId('room-badge')).toContainText(`${ROOM} · only 林律師、王總 can see this`);
  await notes.getByTestId('room-note-text').fill(note);
  await notes.getByTestId('room-note-submit').click();
  await expect(notes.getByTestId('room-note').filter({ hasText: note })).toHaveAttribute('data-room', roomId);
  // An attachment kept in the room (its bytes carry a marker: Yjs stores a file's bytes as they are).
  await legal.getByTestId('attachment-where').selectOption(roomId);
  await legal.getByTestId('attachments').getByLabel('Add a file').setInputFiles({ name: file, mimeType: 'text/plain', buffer: Buffer.from(`cap\n${fileMarker}\n`) });
  await expect(attachmentIn(legal)).toHaveText(file);
  // A timeline entry, first in the workspace log for everyone, then moved into the room.
  await legal.getByTestId('log-text').fill(entry);
  await legal.getByTestId('log-submit').click();
  for (const page of [exec, pr]) {
    await go(page, incidentHash);
    await expect(page.getByTestId('log-entry').filter({ hasText: entry })).toHaveCount(1, { timeout: 30_000 });
  }
  const row = legal.getByTestId('log-entry').filter({ hasText: entry });
  await row.getByTestId('log-move-to-room').click();
  await row.getByTestId('log-move-submit').click();
  expect(await confirmDialog(legal)).toContain('keep the entry they had');
  await expect(notes.getByTestId('room-note').filter({ hasText: entry })).toContainText('moved from the timeline');
  await expect(legal.getByTestId('log-entry').filter({ hasText: entry })).toHaveCount(0);
  // The Executive (a member) sees both notes with the badge; the entry left the workspace log.
  await expect(exec.getByTestId('room-notes').getByTestId('room-note').filter({ hasText: note })).toHaveCount(1, { timeout: 30_000 });
  await expect(exec.getByTestId('room-notes').getByTestId('room-note').filter({ hasText: entry })).toHaveCount(1, { timeout: 30_000 });
  await expect(exec.getByTestId('log-entry').filter({ hasText: entry })).toHaveCount(0, { timeout: 30_000 });
  await expect(attachmentIn(exec)).toHaveText(file, { timeout: 30_000 });
  // The PR agency: the entry is gone from its timeline (the deletion synced); no restricted notes
  // panel, and the note was never shown, stored or received.
  await expect(pr.getByTestId('log-entry').filter({ hasText: entry })).toHaveCount(0, { timeout: 30_000 });
  await expect(pr.getByTestId('room-notes')).toHaveCount(0);
  expect(await pr.locator('body').innerText()).not.toContain(note);
  expect(await rxFind(pr, note)).toBeNull();
  expect(await stored(pr)).toEqual([]);
  expect((await idbScan(pr, roomId, note)).markerIn).toEqual([]);
  // …nor the room's attachment: not listed, not stored, not received.
  await expect(pr.getByTestId('attachments')).toBeVisible();
  await expect(pr.locator(`[data-testid=attachment-group][data-room="${roomId}"]`)).toHaveCount(0);
  expect(await pr.locator('body').innerText()).not.toContain(file);
  for (const m of [fileMarker, file]) {
    expect(await rxFind(pr, m)).toBeNull();
    expect((await idbScan(pr, roomId, m)).markerIn).toEqual([]);
  }
  // Both members store it in the room's document.
  for (const page of [legal, exec]) await expect.poll(async () => (await stored(page)).find((r) => r.id === roomId)?.text ?? '', { timeout: 15_000 }).toContain(note);
});

test('taking the Executive out rotates the key; their laptop deletes its copy and later edits do not reach them', async () => {
  test.setTimeout(180_000);
  expect(roomId).not.toBe('');
  const statementUrl = `w/${ws}/statements`;
  const firstTopic = (await topic(legal, roomId))!;
  await go(legal, `w/${ws}/members`);
  await go(exec, `w/${ws}/members`);
  await go(pr, `w/${ws}/members`);
  const oldKey = await roomRow(legal).getAttribute('data-key-id');
  const loadBefore = load();
  const t0 = Date.now();
  await roomRow(legal).getByTestId('room-edit').click();
  await roomRow(legal).getByRole('checkbox', { name: '王總' }).uncheck();
  await roomRow(legal).getByTestId('room-save-members').click();
  await confirmDialog(legal);
  await expect(roomRow(legal)).not.toHaveAttribute('data-key-id', oldKey!, { timeout: 15_000 });
  await expect.poll(() => topic(legal, roomId), { timeout: 15_000 }).not.toBe(firstTopic);
  const tLegal = Date.now() - t0;
  const newTopic = (await topic(legal, roomId))!;
  // The Executive's laptop sees the new key without a box for itself: stops, deletes, shreds.
  await expect(roomRow(exec)).toHaveAttribute('data-state', 'outside', { timeout: 30_000 });
  await expect(exec.getByTestId('room-dropped')).toBeVisible();
  await expect.poll(() => stored(exec), { timeout: 15_000 }).toEqual([]);
  const tExec = Date.now() - t0;
  expect(await topic(exec, roomId)).toBeNull();
  for (const page of [legal, exec, pr]) await expect(roomRow(page).getByTestId('room-members')).toContainText(/only 林律師.* can see this/, { timeout: 30_000 });
  await expect(roomRow(pr).getByTestId('room-members')).not.toContainText('王總');
  console.log(`[rooms] rotation: Legal in the new room after ${tLegal} ms, Executive's copy deleted after ${tExec} ms (load ${loadBefore} → ${load()})`);

  // Legal edits the room's statement after the rotation, then a workspace edit (which does reach everyone).
  await go(legal, statementUrl);
  await legal.locator(`[data-testid=statement-row][data-room="${roomId}"]`).filter({ hasText: TITLE }).locator('a.card-title').click();
  await legal.getByTestId('statement-body').click();
  await legal.keyboard.press('End');
  await legal.keyboard.insertText(` ${M3}`);
  await expect.poll(async () => (await stored(legal)).find((r) => r.id === roomId)?.text ?? '', { timeout: 15_000 }).toContain(M3);
  await go(legal, `w/${ws}/playbook/principles`);
  const principle = (page: Page) => page.getByTestId('principle').first().locator('input, textarea').first();
  await principle(legal).fill(`移除後的工作區內容-${STAMP}`);
  await principle(legal).blur();
  for (const page of [exec, pr]) {
    await go(page, `w/${ws}/playbook/principles`);
    await expect(principle(page)).toHaveValue(`移除後的工作區內容-${STAMP}`, { timeout: 30_000 });
  }
  for (const page of [exec, pr]) {
    await go(page, statementUrl);
    expect(await page.locator('body').innerText()).not.toContain(TITLE);
    expect(await stored(page)).toEqual([]);
    expect((await idbScan(page, roomId, M3)).markerIn).toEqual([]);
    expect(await rxFind(page, M3)).toBeNull();
    const rx = await rxSummary(page);
    expect(rx.topicsIn.filter((t) => t.startsWith(newTopic))).toEqual([]);
    expect(rx.topicsOut.filter((t) => t.startsWith(newTopic))).toEqual([]);
  }
  // Legal still has everything.
  expect((await stored(legal)).find((r) => r.id === roomId)?.text).toContain(M2);
});

test('removing a member from the workspace first rotates the rooms they are in', async () => {
  test.setTimeout(180_000);
  for (const page of [legal, exec, pr]) await go(page, `w/${ws}/members`);
  // Legal lets the Executive back into the room (a fresh key sealed to both).
  await roomRow(legal).getByTestId('room-edit').click();
  await roomRow(legal).getByRole('checkbox', { name: '王總' }).check();
  await roomRow(legal).getByTestId('room-save-members').click();
  await confirmDialog(legal);
  await expect(roomRow(exec)).toHaveAttribute('data-state', 'open', { timeout: 30_000 });
  await expect.poll(async () => (await stored(exec)).find((r) => r.id === roomId)?.text ?? '', { timeout: 30_000 }).toContain(M3);
  const keyIn = await roomRow(legal).getAttribute('data-key-id');
  // Legal removes the Executive from the workspace: the room's key rotates without them first.
  await memberRow(legal, '王總').getByTestId('remove-member').click();
  await confirmDialog(legal);
  await expect(roomRow(legal)).not.toHaveAttribute('data-key-id', keyIn!, { timeout: 15_000 });
  const execKey = (await exec.evaluate(() => window.__crisisRoomGovernanceTest!.publicKey()))!;
  expect(await roomRow(legal).getAttribute('data-members')).not.toContain(execKey);
  await expect(roomRow(exec)).toHaveAttribute('data-state', 'outside', { timeout: 30_000 });
  await expect.poll(() => stored(exec), { timeout: 15_000 }).toEqual([]);
  await expect(roomRow(pr).getByTestId('room-members')).not.toContainText('王總', { timeout: 30_000 });
});
