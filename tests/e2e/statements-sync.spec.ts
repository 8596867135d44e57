import { test, expect, type Page } from '@playwright/test';
import { loadavg } from 'node:os';
import { createNetnsLab, netnsAvailable, type NetnsLab } from './netns/netns';
import { APP_DIST, assembleTeam, links, requireAppDist } from './appTeam';

/**
 * Two laptops co-edit one statement in the real built app (APP_DIST), each Chromium in its own
 * network namespace, synced by the app's own WebRTC stack through a LAN host in the hub
 * namespace after an invite made and redeemed in the UI: the statement studio on each, comments
 * added on both through the comments panel, concurrent typing, a network cut with edits on both
 * sides, and at the end the same text and every comment still on its words.
 * The studio's test hook (renderer/features/statements/testHooks.ts) places the caret and reads
 * the body's text, hash and comments.
 */
let lab: NetnsLab | null = null;

test.beforeAll(() => {
  const can = netnsAvailable();
  // Not runnable here is a failure with its reason, never a silent pass.
  if (!can.ok) throw new Error(`The co-edit test needs network namespaces: ${can.reason}`);
  requireAppDist();
});

test.afterAll(async () => {
  await lab?.dispose();
});

const PARAGRAPH = '本公司於十一月二十一日接獲部分產品發生加熱異常的反映，我們向受影響的顧客誠摯致歉，已暫停相關批次的銷售與出貨並提供免費檢修、更換或退款。Crisis team update. ';
const text = (page: Page) => page.evaluate(() => window.__crisisRoomStatementsTest!.text());
const hash = (page: Page) => page.evaluate(() => window.__crisisRoomStatementsTest!.hash());

async function typeAt(page: Page, offset: number, s: string): Promise<void> {
  await page.evaluate((o) => window.__crisisRoomStatementsTest!.caret(o), offset);
  await page.keyboard.type(s, { delay: 15 });
}

/** Selects [from, to) in the editor and adds a comment through the comments panel. */
async function comment(page: Page, from: number, to: number, note: string): Promise<void> {
  await page.evaluate(([f, t]) => window.__crisisRoomStatementsTest!.caret(f!, t!), [from, to]);
  await page.getByTestId('comment-text').fill(note);
  await page.getByTestId('add-comment').click();
  await expect(page.getByTestId('comment').filter({ hasText: note })).toHaveCount(1);
}

test('two laptops co-edit one statement in the real app and converge with comments intact', async () => {
  test.setTimeout(240_000);
  const started = Date.now();
  lab = await createNetnsLab(2, APP_DIST);
  const team = await assembleTeam(lab, [{ profile: { name: '林律師', unit: '法務部' } }, { profile: { name: '陳經理', unit: '客服部' } }], '產品召回 2026');
  const [a, b] = team.pages as [Page, Page];
  const ws = team.ws;

  // A writes a three-paragraph holding statement (about 600 characters) in the studio.
  await team.go(a, `w/${ws}/statements/new`);
  await a.getByTestId('template-blank').check();
  await a.getByTestId('new-title').fill('初步聲明');
  await a.getByTestId('create-statement').click();
  await expect(a).toHaveURL(new RegExp(`#/w/${ws}/statements/[^/?]+$`));
  const id = decodeURIComponent(/statements\/([^/?]+)$/.exec(a.url())![1]!);
  await a.getByTestId('statement-body').click();
  for (let i = 0; i < 3; i++) {
    if (i > 0) await a.keyboard.press('Enter');
    await a.keyboard.insertText(PARAGRAPH.repeat(3).slice(0, 198));
  }
  const text0 = await text(a);
  expect(text0.split('\n')).toHaveLength(3);
  expect(text0.length).toBe(596);

  // B opens the same statement from its list and receives the whole body.
  await team.go(b, `w/${ws}/statements`);
  await expect(b.getByTestId('statement-row').filter({ hasText: '初步聲明' })).toHaveCount(1, { timeout: 30_000 });
  await team.go(b, `w/${ws}/statements/${encodeURIComponent(id)}`);
  await expect(b.getByTestId('statement-body')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => hash(b), { timeout: 30_000 }).toBe(await hash(a));
  for (const p of [a, b]) await p.getByTestId('tab-comments').click();

  // Comments on each side, on words in the first and second paragraph.
  const q1 = '受影響的顧客';
  const q2 = '免費檢修';
  const at1 = text0.indexOf(q1);
  const at2 = text0.indexOf(q2, text0.indexOf('\n'));
  expect(at1).toBeGreaterThanOrEqual(0);
  expect(at2).toBeGreaterThan(0);
  await comment(a, at1, at1 + q1.length, '請法務確認用詞');
  await comment(b, at2, at2 + q2.length, '補償方式是否確定？');
  for (const p of [a, b]) await expect(p.getByTestId('comment')).toHaveCount(2, { timeout: 20_000 });

  // Both type at once: A before the first comment, B right after the end of comment 2.
  await Promise.all([typeAt(a, 0, '【更新】'), typeAt(b, at2 + q2.length, '（已確認）')]);
  await typeAt(b, (await text(b)).indexOf('\n') + 1, 'B：');

  // Partition: both edit while cut off (A after its own insert, B at the very end), then the link comes back.
  lab.cut(1);
  await expect.poll(() => links(a), { timeout: 30_000 }).toBe(0);
  await typeAt(a, 4, '最新進度：');
  await typeAt(b, (await text(b)).length, '離線修改');
  await expect(a.getByTestId('statement-body')).not.toContainText('離線修改');
  await expect(b.getByTestId('statement-body')).not.toContainText('最新進度：');
  lab.restore(1);

  await expect.poll(async () => (await hash(a)) === (await hash(b)), { timeout: 60_000 }).toBe(true);
  const finalA = await text(a);
  expect(await text(b)).toBe(finalA);
  for (const s of ['【更新】', '最新進度：', '（已確認）', 'B：', '離線修改']) expect(finalA).toContain(s);
  // The editors show the converged text too.
  await expect(a.getByTestId('statement-body')).toContainText('離線修改');
  await expect(b.getByTestId('statement-body')).toContainText('最新進度：');

  for (const page of [a, b]) {
    const cs = await page.evaluate(() => window.__crisisRoomStatementsTest!.comments());
    expect(cs).toHaveLength(2);
    const byText = Object.fromEntries(cs.map((c) => [c.text, c]));
    expect(byText['請法務確認用詞']).toMatchObject({ quote: q1, now: q1, approximate: false });
    expect(byText['補償方式是否確定？']).toMatchObject({ quote: q2, now: q2, approximate: false });
    // The panel shows both, neither marked as moved or gone.
    await expect(page.getByTestId('comment')).toHaveCount(2);
  }
  console.log(`[statements-sync] ${((Date.now() - started) / 1000).toFixed(0)} s, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
});
