/**
 * The reachability probe that decides when to dial signaling again must work from the real page,
 * under the app's real CSP (a unit test cannot see the browser refuse a fetch): the app is served
 * with its security headers from one local server, the probe asks another; a live host answers,
 * a closed port and a bad URL do not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './netns/peers';

const DIST = process.env.APP_DIST ? resolve(ROOT, process.env.APP_DIST) : join(ROOT, 'dist');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const HUB = join(ROOT, 'tests', 'e2e', 'netns', 'hubServer.ts');
const servers: ChildProcess[] = [];

function serve(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [TSX, HUB, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start')), 20_000);
    child.stdout!.on('data', (d) => {
      if (String(d).includes('hub ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

test.afterAll(() => {
  for (const s of servers) s.kill();
});

test('the signaling probe answers true for a live host and false otherwise, under the app CSP', async ({ page }) => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npx vite build` first (npm run test:e2e does)');
  await serve(['--dir', DIST, '--port', '5391', '--host', '127.0.0.1', '--no-signaling', '--csp']);
  await serve(['--dir', DIST, '--port', '5392', '--host', '127.0.0.1']);
  await page.addInitScript(() => localStorage.setItem('crisis-room.diag', '1'));
  const response = await page.goto('http://127.0.0.1:5391/');
  expect(response!.headers()['content-security-policy']).toContain("default-src 'none'");
  await page.waitForFunction(() => typeof window.__crisisRoomDiag?.probe === 'function');
  const probe = (url: string) => page.evaluate((u) => window.__crisisRoomDiag!.probe(u), url);
  expect(await probe('ws://127.0.0.1:5392/signal')).toBe(true);
  expect(await probe('ws://127.0.0.1:5399/signal')).toBe(false);
  expect(await probe('not a url')).toBe(false);
  expect(await probe('http://127.0.0.1:5392/signal')).toBe(false);
});
