/**
 * A Chromium we can kill like a power cut: spawned by us in its own process group with a
 * persistent profile, driven over CDP by Playwright, and ended with SIGKILL to the whole group
 * (browser, renderers, the storage/network utility processes) — no shutdown path runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../../playwright.config';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface CrashableBrowser {
  readonly pid: number;
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** SIGKILL to the whole process group; resolves once no process of the profile is left. */
  kill(): Promise<void>;
  /** A normal close (the profile is then safe to copy). */
  close(): Promise<void>;
}

/** PIDs of processes whose command line names `profileDir`. */
export function processesOf(profileDir: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (cmd.includes(profileDir)) out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function waitForDevTools(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open DevTools within ${timeoutMs} ms:\n${seen.slice(-2000)}`)), timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before DevTools opened:\n${seen.slice(-2000)}`));
    });
  });
}

/** Starts Chromium on `profileDir` (created by Chromium when missing). */
export async function launchCrashable(profileDir: string, opts: { headless?: boolean } = {}): Promise<CrashableBrowser> {
  const args = [
    ...CHROMIUM_ARGS,
    '--no-sandbox',
    ...(opts.headless === false ? [] : ['--headless=new']),
    '--remote-debugging-port=0',
    '--remote-debugging-address=127.0.0.1',
    `--user-data-dir=${profileDir}`,
    '--no-default-browser-check',
    '--password-store=basic',
    '--use-mock-keychain',
    'about:blank',
  ];
  const child = spawn(CHROMIUM_PATH, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const pid = child.pid!;
  const ws = await waitForDevTools(child, 30_000);
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0]!;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waitEmpty = async () => {
    for (let i = 0; i < 200 && processesOf(profileDir).length > 0; i++) await new Promise((r) => setTimeout(r, 25));
  };
  return {
    pid,
    browser,
    context,
    async kill() {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
      // Stragglers that left the group (none expected): kill them by PID too.
      for (const p of processesOf(profileDir)) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // gone
        }
      }
      await gone;
      await waitEmpty();
      await browser.close().catch(() => undefined);
    },
    async close() {
      // A normal quit (profile flushed), as when the person closes the browser.
      try {
        const cdp = await browser.newBrowserCDPSession();
        await cdp.send('Browser.close');
      } catch {
        process.kill(pid, 'SIGTERM');
      }
      const quit = await Promise.race([gone.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
      if (!quit) process.kill(-pid, 'SIGKILL');
      await waitEmpty();
    },
  };
}
