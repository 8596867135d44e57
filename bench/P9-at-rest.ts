/**
 * P9 — what encryption at rest (renderer/vault: every IndexedDB row sealed with XChaCha20-Poly1305 in a
 * Dexie DBCore middleware) costs, against the same CrisisRoomDb built without the middleware,
 * in the same origin and the same run, interleaved (order rotated run by run):
 *   P9   open a generated workspace (bench/lib/generateWorkspace, scale 20: 20× the default
 *        playbook and map, 400 people, 200 statements of 1,500 CJK characters, 60 incidents)
 *        plus 300 update rows written since the last merge, from nothing to the statement readable.
 *   P9k  a keystroke's task in the open workspace: the Yjs write with origin 'user' and the app's
 *        immediate IndexedDB write of it (encrypted or not), to the start of the next task; p95
 *        over all keystrokes of all runs. (The editor's own work is in P6; this is the part
 *        encryption touches.)
 *   P9u  unlocking in web mode: Argon2id of the passphrase with the app's parameters (info).
 */
import { median, row, type BenchContext, type BenchRow } from './types';
import { buildBenchBundle } from './lib/bundle';
import { serveStatic } from './lib/server';
import { launchBenchBrowser, withFreshPage } from './lib/chromium';
import { interleaved } from './lib/measure';
import { DEFAULT_KDF } from '../renderer/vault/kdf';
import type {} from './browser/vaultBench';

const SCALE = 20;
const EDITS = 300;
const KEYS = 150;

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const dir = await buildBenchBundle({ entry: 'bench/browser/vaultBench.ts', name: 'vault-bench', title: 'Crisis Room vault bench' });
  const srv = await serveStatic(dir);
  const browser = await launchBenchBrowser({ log: ctx.log });
  try {
    const built = await withFreshPage(browser, srv.url, 'vaultBench', (p) => p.evaluate(([s, e]) => window.vaultBench.build(s, e), [SCALE, EDITS] as const));
    ctx.log(`P9 store: scale ${SCALE}, state ${(built.stateBytes / 1024).toFixed(0)} KiB (V2), ${built.rows} update rows, in each database`);
    const sid = built.statementId;
    // Opens vary a lot on a loaded machine: at least 9 pairs (about 20 s more than 5).
    const openRuns = Math.max(ctx.runs, 9);
    const { medians: open, times: openTimes } = await interleaved(['encrypted', 'plain'] as const, (c) => withFreshPage(browser, srv.url, 'vaultBench', (p) => p.evaluate(([enc, s]) => window.vaultBench.open(enc, s), [c === 'encrypted', sid] as const)), {
      runs: openRuns,
      onRun: (r, t) => ctx.log(`open run ${r}/${openRuns}: encrypted ${t.encrypted!.toFixed(0)} ms, plain ${t.plain!.toFixed(0)} ms`),
    });
    const keys: Record<'encrypted' | 'plain', number[]> = { encrypted: [], plain: [] };
    for (let r = 0; r < ctx.runs; r++) {
      for (const c of (r % 2 ? ['plain', 'encrypted'] : ['encrypted', 'plain']) as Array<'encrypted' | 'plain'>) {
        const times = await withFreshPage(browser, srv.url, 'vaultBench', (p) => p.evaluate(([enc, s, n]) => window.vaultBench.keystrokes(enc, s, n), [c === 'encrypted', sid, KEYS] as const));
        keys[c].push(...times);
      }
      ctx.log(`keystroke run ${r + 1}/${ctx.runs}: p95 so far encrypted ${p95(keys.encrypted).toFixed(2)} ms, plain ${p95(keys.plain).toFixed(2)} ms`);
    }
    const unlocks: number[] = [];
    for (let r = 0; r < Math.min(ctx.runs, 3); r++) unlocks.push(await withFreshPage(browser, srv.url, 'vaultBench', (p) => p.evaluate(() => window.vaultBench.argon2())));
    const kEnc = p95(keys.encrypted);
    const kPlain = p95(keys.plain);
    return [
      row('P9', `open a scale-${SCALE} workspace (${(built.stateBytes / 1024).toFixed(0)} KiB, ${built.rows} rows) encrypted at rest vs the same store without encryption`, open.encrypted!, 'ms', open.plain!, '≤ 1.2× without', open.encrypted! <= 1.2 * open.plain!),
      // The same runs as pairs (each encrypted open next to a plain one, order rotated): robust to load drifting during the run.
      row('P9p', `open encrypted ÷ plain, median of the ${openRuns} back-to-back pairs — info`, median(openTimes.encrypted.map((e, i) => e / openTimes.plain[i]!)), '×', null, 'info'),
      row('P9k', `keystroke task p95 (Yjs write + its IndexedDB write) encrypted at rest vs without (${keys.encrypted.length} keys each)`, kEnc, 'ms', kPlain, '≤ 16 ms p95', kEnc <= 16),
      row('P9u', `unlock in web mode: Argon2id (${DEFAULT_KDF.m / 1024} MiB, t = ${DEFAULT_KDF.t}, p = ${DEFAULT_KDF.p}) of the passphrase — info`, median(unlocks), 'ms', null, 'info'),
    ];
  } finally {
    await browser.close();
    await srv.close();
  }
}
