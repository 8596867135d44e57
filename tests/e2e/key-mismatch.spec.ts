/**
 * A laptop whose room key does not match the members' (a wrong or outdated invite) is told so
 * within seconds — not "waiting for others" — and the members' pages log no error when it
 * appears. Two real laptops in their own network namespaces (the built app, dist/ or APP_DIST):
 * A creates the workspace and invites B; once both are in sync, B's stored room key for the
 * workspace is replaced by another (as a wrong invite would have stored it) and B reloads.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createNetnsLab, netnsAvailable, type NetnsLab } from './netns/netns';
import { createWorkspaceOn, openLaptop } from './netns/appPeers';
import { ROOT } from './netns/peers';
import { unlock } from './helpers';

const DIST = process.env.APP_DIST ?? join(ROOT, 'dist');
let lab: NetnsLab | null = null;
let a: Page;
let b: Page;
const indicator = (page: Page) => page.getByTestId('sync-indicator');

test.beforeAll(async () => {
  const can = netnsAvailable();
  if (!can.ok) throw new Error(`Real-peer test cannot run: ${can.reason}`);
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npx vite build` first (npm run test:e2e does)');
  lab = await createNetnsLab(2, DIST);
  a = await openLaptop(lab, 0, 'Mei (PR)', '#be123c');
  b = await openLaptop(lab, 1, 'Lin (law firm)', '#0369a1');
});

test.afterAll(async () => {
  await lab?.dispose();
});

test('a laptop with another room key is told the key does not match; members log no error', async () => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  a.on('pageerror', (e) => errors.push(e.message));
  a.on('console', (m) => {
    // (the signaling probe's plain HTTP request gets a 404 from the lab hub: any answer counts)
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  const id = await createWorkspaceOn(lab!, a, 'Product recall 2026');
  await a.goto(`${lab!.url}#/w/${id}/sync`);
  await a.getByRole('textbox', { name: 'Host address' }).fill('10.77.0.1:8080');
  await a.getByRole('button', { name: 'Connect', exact: true }).click();
  await a.getByRole('button', { name: 'Create invite code' }).click();
  const code = (await a.getByTestId('invite-code').textContent())!.trim();
  const scratch = await createWorkspaceOn(lab!, b, 'Scratch');
  await b.goto(`${lab!.url}#/w/${scratch}/sync`);
  await b.getByRole('textbox', { name: 'Join a workspace with an invite code' }).fill(code);
  await b.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(b).toHaveURL(new RegExp(`#/w/${id}/sync`));
  await expect(indicator(b)).toHaveAttribute('data-state', 'inSync', { timeout: 15_000 });

  // B now holds another key for the workspace (what a wrong invite would have stored) and restarts.
  await b.evaluate(
    ([workspaceId, roomKey]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('crisis-room-identity');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('rooms', 'readwrite');
          tx.objectStore('rooms').put({ workspaceId, roomKey, rekeyId: null, at: Date.now() });
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    [id, 'wrong-key-' + 'x'.repeat(24)] as const,
  );
  await b.reload();
  await unlock(b);
  const t0 = Date.now();
  await expect(indicator(b)).toHaveAttribute('data-state', 'keyMismatch', { timeout: 10_000 });
  const ms = Date.now() - t0;
  console.log(`key mismatch shown ${ms} ms after B's reload`);
  await expect(b.getByTestId('key-mismatch')).toContainText('different room key');
  await expect(b.getByTestId('sync-headline')).toContainText('Key does not match');
  // A, alone now, is told the same (another key is online), and its page logged nothing.
  await expect(indicator(a)).toHaveAttribute('data-state', 'keyMismatch', { timeout: 10_000 });
  expect(errors).toEqual([]);
});
