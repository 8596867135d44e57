/**
 * Launches Debian's Chromium for browser benchmarks. The profile is persistent (a fresh
 * directory under .tmp, removed on close) because IndexedDB in an incognito context lives in
 * memory: benchmarks of storage must hit the disk as the app does.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { ROOT } from './bundle';

export interface BenchBrowser {
  context: BrowserContext;
  /** Opens a fresh page at `url` and waits until `window[readyGlobal]` exists. */
  freshPage: (url: string, readyGlobal?: string) => Promise<Page>;
  close: () => Promise<void>;
}

export interface LaunchOptions {
  /** Receives the page's console lines that start with `[bench]` (progress reports). */
  log?: (message: string) => void;
}

export async function launchBenchBrowser(opts: LaunchOptions = {}): Promise<BenchBrowser> {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const profile = mkdtempSync(join(ROOT, '.tmp', 'bench-profile-'));
  // Removed on close(); also when the process ends without close() (a crashed benchmark).
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  process.once('exit', removeProfile);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      headless: true,
      timeout: 60_000,
    });
  } catch (err) {
    removeProfile();
    process.off('exit', removeProfile);
    throw err;
  }
  for (const p of context.pages()) await p.close();
  const freshPage = async (url: string, readyGlobal?: string): Promise<Page> => {
    const page = await context.newPage();
    page.on('console', (msg) => {
      const text = msg.text();
      if (text.startsWith('[bench]')) opts.log?.(text.slice(8));
      else if (msg.type() === 'error') opts.log?.(`page error: ${text}`);
    });
    page.on('pageerror', (err) => opts.log?.(`page exception: ${err.message}`));
    await page.goto(url);
    if (readyGlobal) await page.waitForFunction((g) => g in window, readyGlobal, { timeout: 30_000 });
    return page;
  };
  return {
    context,
    freshPage,
    close: async () => {
      await context.close();
      removeProfile();
      process.off('exit', removeProfile);
    },
  };
}

/** Runs `fn` on a fresh page at `url` and closes the page afterwards. */
export async function withFreshPage<T>(browser: BenchBrowser, url: string, readyGlobal: string, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.freshPage(url, readyGlobal);
  try {
    return await fn(page);
  } finally {
    await page.close();
  }
}
