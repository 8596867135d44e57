import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createNetnsLab, netnsAvailable, type NetnsLab } from './netns/netns';

/**
 * Two laptops co-edit one statement through the real sync stack (renderer/sync over WebRTC, in
 * private network namespaces): the studio's editor on each, comments on both, concurrent typing,
 * a network cut with edits on both sides, and at the end the same text and every comment still
 * on its words.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const LAB_DIR = join(ROOT, '.tmp', 'statements-lab');

let lab: NetnsLab | null = null;

test.beforeAll(() => {
  const can = netnsAvailable();
  // Not runnable here is a failure with its reason, never a silent pass.
  if (!can.ok) throw new Error(`The co-edit test needs network namespaces: ${can.reason}`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'tests', 'e2e', 'statements-lab', 'vite.config.ts')], { cwd: ROOT, stdio: 'pipe' });
});

test.afterAll(async () => {
  await lab?.dispose();
});

async function typeAt(page: Page, offset: number, text: string): Promise<void> {
  await page.evaluate((o) => window.slab.caret(o), offset);
  await page.keyboard.type(text, { delay: 15 });
}

test('two contexts co-edit one statement through the real sync stack and converge with comments intact', async () => {
  test.setTimeout(120_000);
  lab = await createNetnsLab(2, LAB_DIR);
  const pages: Page[] = [];
  for (let i = 0; i < 2; i++) {
    const browser = await lab.launch(i);
    const page = await (await browser.newContext({ locale: 'zh-TW' })).newPage();
    await page.goto(lab.url);
    await expect(page.locator('#state')).toHaveText('ready');
    pages.push(page);
  }
  const [a, b] = pages as [Page, Page];
  const roomKey = 'statementsLabRoomKey-0123456789';
  const ws = { workspaceId: 'stmt-lab', signaling: [lab.signalingUrl] };
  await a.evaluate((k) => window.slab.init({ roomKey: k, seedChars: 600 }), roomKey);
  await b.evaluate((k) => window.slab.init({ roomKey: k, seedChars: 0 }), roomKey);
  await a.evaluate((o) => window.slab.connect({ ...o, name: 'A' }), ws);
  await b.evaluate((o) => window.slab.connect({ ...o, name: 'B' }), ws);
  await expect.poll(() => b.evaluate(() => window.slab.hasStatement()), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => b.evaluate(() => window.slab.text() === '' ? '' : window.slab.hash()), { timeout: 30_000 }).toBe(await a.evaluate(() => window.slab.hash()));
  await a.evaluate(() => window.slab.mount('studio'));
  await b.evaluate(() => window.slab.mount('studio'));

  // Comments on each side, on words in the first and second paragraph.
  const text0 = await a.evaluate(() => window.slab.text());
  const q1 = '受影響的顧客';
  const q2 = '免費檢修';
  const at1 = text0.indexOf(q1);
  const at2 = text0.indexOf(q2, text0.indexOf('\n'));
  expect(at1).toBeGreaterThanOrEqual(0);
  expect(at2).toBeGreaterThan(0);
  await a.evaluate(([f, t]) => window.slab.comment(f!, t!, '請法務確認用詞', '林律師'), [at1, at1 + q1.length]);
  await b.evaluate(([f, t]) => window.slab.comment(f!, t!, '補償方式是否確定？', '陳經理'), [at2, at2 + q2.length]);

  // Both type at once: A before the first comment, B right after the end of comment 2.
  await Promise.all([typeAt(a, 0, '【更新】'), typeAt(b, at2 + q2.length, '（已確認）')]);
  await typeAt(b, (await b.evaluate(() => window.slab.text())).indexOf('\n') + 1, 'B：');

  // Partition: both edit while cut off (A after its own insert, B at the very end), then the link comes back.
  lab.cut(1);
  await expect.poll(() => a.evaluate(() => window.slab.peers()), { timeout: 20_000 }).toBe(0);
  await typeAt(a, 4, '最新進度：');
  await typeAt(b, (await b.evaluate(() => window.slab.text())).length, '離線修改');
  await expect(a.getByTestId('statement-body')).not.toContainText('離線修改');
  lab.restore(1);

  await expect.poll(async () => (await a.evaluate(() => window.slab.hash())) === (await b.evaluate(() => window.slab.hash())), { timeout: 45_000 }).toBe(true);
  const finalA = await a.evaluate(() => window.slab.text());
  expect(await b.evaluate(() => window.slab.text())).toBe(finalA);
  for (const s of ['【更新】', '最新進度：', '（已確認）', 'B：', '離線修改']) expect(finalA).toContain(s);
  // The editors show the converged text too.
  await expect(a.getByTestId('statement-body')).toContainText('離線修改');
  await expect(b.getByTestId('statement-body')).toContainText('最新進度：');

  for (const page of [a, b]) {
    const cs = await page.evaluate(() => window.slab.comments());
    expect(cs).toHaveLength(2);
    const byText = Object.fromEntries(cs.map((c) => [c.text, c]));
    expect(byText['請法務確認用詞']).toMatchObject({ quote: q1, now: q1, approximate: false });
    expect(byText['補償方式是否確定？']).toMatchObject({ quote: q2, now: q2, approximate: false });
  }
});
