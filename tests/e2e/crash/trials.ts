/**
 * Crash trials: type with real key events into the app, `kill -9` the browser's whole process
 * group at a random moment, start it again on the same profile and count what is missing.
 *
 * A character counts as lost when it was typed more than `GRACE_MS` before the kill (its key
 * event acknowledged by the page by then) and is not in the stored text. Characters typed within
 * `GRACE_MS` of the kill are reported apart (a power cut a few milliseconds after a key press may
 * fairly take that key with it).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startWebHost, type WebHost } from '../../../electron/host/webHost';
import { launchCrashable } from './browser';
import { confirmLeaving, openTarget, prepareFixture, TARGETS, waitSaved, type Fixture, type Target } from './app';

export const GRACE_MS = 100;

export interface TrialResult {
  trial: number;
  target: Target['name'];
  pace: Pace;
  /** Keys whose event the page acknowledged before the kill. */
  typed: number;
  /** Of those, typed more than GRACE_MS before the kill. */
  old: number;
  stored: number;
  lostOld: number;
  lostRecent: number;
  /** Text in the field that was never typed there (should be 0). */
  unexpected: number;
  /** Kill time minus the last acknowledged key (ms; negative: none). */
  killAfterLastKeyMs: number;
  /** Kill time minus the first key (ms). */
  killAtMs: number;
}

export interface CrashRunOptions {
  dist: string;
  trials: number;
  seed: number;
  targets?: Target['name'][];
  log?: (line: string) => void;
  /** Explain lossy trials (also CRASH_DIAG=1): when each key reached the page, each write went out and committed. */
  diag?: boolean;
}

/** mulberry32: seeded, so a run can be replayed with CRASH_SEED. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['alpha', 'recall', 'press', 'update', 'hotline', 'batch', 'safety', '危機', '聲明', '回收', 'team', 'notice'];

function textToType(rand: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += `${WORDS[Math.floor(rand() * WORDS.length)]!} `;
  return out.slice(0, length);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How many leading characters `a` and `b` share. */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Pause between two keys: a fast typist (a few ms, as key repeat or a pasted burst) or a normal one. */
export type Pace = 'fast' | 'normal';
const PAUSE: Record<Pace, [number, number]> = { fast: [0, 6], normal: [10, 60] };

/** Types `text` key by key until killed; `keys` gets each acknowledged key's time, `sent` counts keys sent. */
async function typeUntilKilled(page: Page, text: string, pace: Pace, rand: () => number, keys: number[], stop: { killed: boolean; sent: number }): Promise<void> {
  const [min, max] = PAUSE[pace];
  for (const ch of text) {
    if (stop.killed) return;
    stop.sent++;
    try {
      await page.keyboard.type(ch);
    } catch {
      return; // the browser is gone
    }
    if (stop.killed) return; // acknowledged too late to know when
    keys.push(performance.now());
    const pause = min + rand() * (max - min);
    if (pause >= 1) await sleep(pause);
  }
}

async function oneTrial(host: WebHost, template: string, fixture: Fixture, target: Target, trial: number, rand: () => number, opts: { diag: boolean; log: (line: string) => void }): Promise<TrialResult> {
  const profile = mkdtempSync(join(tmpdir(), 'crash-trial-'));
  try {
    cpSync(template, profile, { recursive: true });
    let b = await launchCrashable(profile);
    let page = b.context.pages()[0] ?? (await b.context.newPage());
    await openTarget(page, host.url, fixture, target);
    await waitSaved(page);
    const before = await target.read(page);
    await target.focusEnd(page);
    const diag = opts.diag ? await watchWrites(page) : null;

    const pace: Pace = trial % 2 === 0 ? 'fast' : 'normal';
    const text = textToType(rand, 40 + Math.floor(rand() * 50));
    // Kill somewhere between shortly after the first keys and a little after the last one.
    const expectedTypingMs = text.length * (pace === 'fast' ? 12 : 45);
    const killDelay = 150 + rand() * (expectedTypingMs + 400);
    const keys: number[] = [];
    const stop = { killed: false, sent: 0 };
    const start = performance.now();
    let killAt = 0;
    let killWall = 0;
    const killed = sleep(killDelay).then(async () => {
      killAt = performance.now();
      killWall = Date.now();
      stop.killed = true;
      await b.kill();
    });
    await typeUntilKilled(page, text, pace, rand, keys, stop);
    await killed;

    b = await launchCrashable(profile);
    page = b.context.pages()[0] ?? (await b.context.newPage());
    await openTarget(page, host.url, fixture, target);
    const after = await target.read(page);
    await b.close();

    // A key sent but not acknowledged before the kill may or may not have landed: either is fine.
    const sent = text.slice(0, stop.sent);
    const tail = after.startsWith(before) ? after.slice(before.length) : after;
    const kept = commonPrefix(tail, sent);
    const cutoff = killAt - GRACE_MS;
    let lostOld = 0;
    let lostRecent = 0;
    for (let i = kept; i < keys.length; i++) {
      if (keys[i]! <= cutoff) lostOld++;
      else lostRecent++;
    }
    if (diag && lostOld > 0) {
      const rel = (t: number) => Math.round(t - killWall);
      const keyWall = (k: number) => Date.now() - (performance.now() - k);
      opts.log(`  trial ${trial}: kept ${kept} of ${keys.length}; keys (ms before kill): ${keys.map((k, i) => `${i < kept ? '' : '!'}${rel(keyWall(k))}`).join(' ')}`);
      for (const kind of ['input', 'issued', 'committed'] as const) opts.log(`  ${kind} (ms before kill): ${diag[kind].map(rel).join(' ')}`);
    }
    return {
      trial,
      target: target.name,
      pace,
      typed: keys.length,
      old: keys.filter((k) => k <= cutoff).length,
      stored: kept,
      lostOld,
      lostRecent,
      unexpected: tail.length - kept,
      killAfterLastKeyMs: keys.length ? Math.round(killAt - keys[keys.length - 1]!) : -1,
      killAtMs: Math.round(killAt - start),
    };
  } finally {
    if (!process.env.CRASH_KEEP) rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * CRASH_DIAG: the page reports (by console) when each key's text reached the page (`input`, or a
 * change of the statement body) and when each write to the workspace's updates was issued and
 * committed, so a lossy trial shows where the time went.
 */
interface Diag {
  input: number[];
  issued: number[];
  committed: number[];
}

async function watchWrites(page: Page): Promise<Diag> {
  const d: Diag = { input: [], issued: [], committed: [] };
  page.on('console', (m) => {
    const t = /^crashdiag (\w+) (\d+)$/.exec(m.text());
    if (t) d[t[1] as keyof Diag]?.push(Number(t[2]));
  });
  // A string, not a function: the script runner's helpers (esbuild's __name) do not exist in the page.
  await page.evaluate(`(() => {
    const log = (kind) => console.log('crashdiag ' + kind + ' ' + Date.now());
    document.addEventListener('input', () => log('input'), true);
    const body = document.querySelector('[data-testid=statement-body]');
    if (body) new MutationObserver(() => log('input')).observe(body, { characterData: true, childList: true, subtree: true });
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (...args) {
      if (this.name.endsWith('_updates')) {
        log('issued');
        this.transaction.addEventListener('complete', () => log('committed'));
      }
      return add.apply(this, args);
    };
  })()`);
  return d;
}

/** Runs `trials` crash trials against the build in `dist`, cycling through the targets. */
export async function runCrashTrials(opts: CrashRunOptions): Promise<TrialResult[]> {
  const log = opts.log ?? (() => undefined);
  const targets = (opts.targets ?? ['statement', 'playbook-description', 'playbook-name']).map((n) => TARGETS[n]);
  const rand = seeded(opts.seed);
  // One origin for every launch: IndexedDB belongs to scheme, host and port.
  const host = await startWebHost({ distDir: opts.dist, version: 'crashtest', port: 0, fallbackToFreePort: true });
  const template = mkdtempSync(join(tmpdir(), 'crash-template-'));
  try {
    const b = await launchCrashable(template);
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    confirmLeaving(page);
    const fixture = await prepareFixture(page, host.url);
    await b.close();
    log(`fixture: workspace ${fixture.workspaceId}, statement ${fixture.statementId}, served at ${host.url}`);
    const results: TrialResult[] = [];
    for (let i = 0; i < opts.trials; i++) {
      const r = await oneTrial(host, template, fixture, targets[i % targets.length]!, i + 1, rand, { diag: opts.diag ?? Boolean(process.env.CRASH_DIAG), log });
      results.push(r);
      log(formatRow(r));
    }
    return results;
  } finally {
    rmSync(template, { recursive: true, force: true });
    await host.close();
  }
}

const COLUMNS = ['trial', 'target', 'pace', 'typed', 'old', 'stored', 'lostOld', 'lostRecent', 'unexpected', 'killAfterLastKeyMs', 'killAtMs'] as const;
const WIDTHS = [5, 20, 6, 5, 5, 6, 7, 10, 10, 18, 8];

export function formatHeader(): string {
  return COLUMNS.map((c, i) => c.padStart(WIDTHS[i]!)).join(' ');
}

export function formatRow(r: TrialResult): string {
  return COLUMNS.map((c, i) => String(r[c]).padStart(WIDTHS[i]!)).join(' ');
}

/** The summary line `npm run crashtest` ends with. */
export function summaryLine(results: readonly TrialResult[]): string {
  const lost = results.reduce((n, r) => n + r.lostOld, 0);
  return `lost ${lost} characters older than ${GRACE_MS} ms in ${results.length} trials`;
}
