/**
 * P4 — the network comes back: time until every laptop holds identical content.
 *
 * Crisis Room: the full built app on three laptops (separate Chromium processes, each in its own
 * network namespace with the kernel's default network settings, each loading the app from its own
 * 127.0.0.1), joined by invite. All three are cut off for 60 s; meanwhile each types 32 words into
 * the shared holding statement (real key events). The links return; the clock runs until the
 * three copies are identical.
 * Baseline: raw y-webrtc under the same conditions (same namespaces, kernel defaults, 60 s cut of
 * all three, 32 edits each), measured in the same run. Goal: ≤ 3 s after the link returns.
 * Needs root (network namespaces).
 */
import { join } from 'node:path';
import { median, row, type BenchContext, type BenchRow } from './types';
import { buildLabPage, launchPeers, sleep, start, waitConverged, waitMesh, type PeerHandle, ROOT } from '../tests/e2e/netns/peers';
import { createNetnsLab, type NetnsLab } from '../tests/e2e/netns/netns';
import { Laptop } from '../tests/e2e/soak/laptop';
import { waitIdentical, waitSteady } from '../tests/e2e/soak/converge';

const OUTAGE_MS = 60_000;
const EDITS = 32;
const GIVE_UP_MS = 120_000;
const HOST = '10.77.0.1:8080';
const TEAM = [
  ['Mei (PR)', '#be123c'],
  ['Lin (law firm)', '#0369a1'],
  ['Chen (operations)', '#15803d'],
] as const;

/** Types `EDITS` words at the end of the statement (each word is one edit of several keystrokes). */
async function typeWords(l: Laptop, workspaceId: string, statementId: string, tag: string): Promise<void> {
  await l.go(`w/${workspaceId}/statements/${statementId}`);
  const body = l.page.getByTestId('statement-body');
  await body.click();
  await l.page.keyboard.press('Control+End');
  for (let i = 0; i < EDITS; i++) await l.page.keyboard.type(` ${tag}${i}`);
}

async function appTrial(lab: NetnsLab, laptops: Laptop[], ids: { workspaceId: string; statementId: string }, run: number): Promise<number | null> {
  const steady = await waitSteady(laptops, 60_000);
  if (steady.ms === null) throw new Error(`app: not in sync before the cut (${steady.states})`);
  lab.cutAll();
  const cutAt = Date.now();
  await Promise.all(laptops.map((l, i) => typeWords(l, ids.workspaceId, ids.statementId, `r${run}p${i}w`)));
  await sleep(Math.max(0, cutAt + OUTAGE_MS - Date.now()));
  lab.restoreAll();
  const restoredAt = Date.now();
  const done = await waitIdentical(laptops, GIVE_UP_MS);
  if (!done) return null;
  const missing = await laptops[0]!.missing(laptops.flatMap((_, i) => Array.from({ length: EDITS }, (_, k) => `r${run}p${i}w${k}`)));
  if (missing.length > 0) throw new Error(`app: ${missing.length} edits missing after convergence`);
  return Math.max(0, done.at - restoredAt);
}

async function rawTrial(lab: NetnsLab, peers: PeerHandle[], run: number): Promise<number | null> {
  const room = { workspaceId: `bench-p4-raw-${run}-${Date.now()}`, roomKey: 'QmVuY2hQNFJvb21LZXkxMjM0NTY' };
  for (const p of peers) await start(p, lab, { ...room, mode: 'raw' });
  await waitMesh(peers, 2, 30_000);
  await peers[0]!.page.evaluate(() => window.lab.add('base', 10));
  if (!(await waitConverged(peers, 20_000))) throw new Error('raw: peers did not share the base document');
  lab.cutAll();
  const cutAt = Date.now();
  await Promise.all(peers.map((p) => p.page.evaluate(([i, n]) => window.lab.add(`off${i}`, n), [p.index, EDITS] as const)));
  await sleep(Math.max(0, cutAt + OUTAGE_MS - Date.now()));
  lab.restoreAll();
  const restoredAt = Date.now();
  const done = await waitConverged(peers, GIVE_UP_MS);
  const result = done && done.digest.records === 10 + 3 * EDITS ? Math.max(0, done.at - restoredAt) : null;
  for (const p of peers) await p.page.evaluate(() => window.lab.stop());
  return result;
}

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const runs = Math.max(1, Math.min(ctx.runs, 3));
  const ours: Array<number | null> = [];
  const raw: Array<number | null> = [];
  // The app: one team for every run.
  const dist = join(ROOT, 'dist');
  const lab = await createNetnsLab(3, dist, { kernelDefaults: true, appDir: dist });
  try {
    const laptops: Laptop[] = [];
    for (const [i, [name, color]] of TEAM.entries()) laptops.push(await Laptop.open(lab, i, name, color));
    const [a, b, c] = laptops as [Laptop, Laptop, Laptop];
    const workspaceId = await a.createWorkspace('P4 bench');
    await a.connectToHost(workspaceId, HOST);
    const code = await a.createInvite(workspaceId);
    await b.joinByInvite(code, workspaceId);
    await c.joinByInvite(code, workspaceId);
    const statementId = await a.createHoldingStatement(workspaceId, 'Holding statement');
    for (let r = 0; r < runs; r++) {
      ours.push(await appTrial(lab, laptops, { workspaceId, statementId }, r));
      ctx.log(`run ${r + 1}: app ${ours.at(-1) ?? `not identical in ${GIVE_UP_MS / 1000} s`} ms`);
    }
  } finally {
    await lab.dispose();
  }
  buildLabPage();
  const rawLab = await launchPeers(3, { kernelDefaults: true });
  try {
    for (let r = 0; r < runs; r++) {
      raw.push(await rawTrial(rawLab.lab, rawLab.peers, r));
      ctx.log(`run ${r + 1}: raw y-webrtc ${raw.at(-1) ?? `not converged in ${GIVE_UP_MS / 1000} s`} ms`);
    }
  } finally {
    await rawLab.lab.dispose();
  }
  const value = ours.includes(null) ? NaN : median(ours as number[]);
  const rawDone = raw.filter((v): v is number => v !== null);
  const baseline = rawDone.length === raw.length ? median(rawDone) : null;
  const what = `full app, 3 laptops cut 60 s (kernel defaults), 3 × ${EDITS} edits: identical after the link returns (raw y-webrtc: ${rawDone.length}/${raw.length} converged in ${GIVE_UP_MS / 1000} s)`;
  return [row('P4', what, value, 'ms', baseline, '≤ 3 s', value <= 3000)];
}
