/**
 * P4 — three peers each make 2,000 edits while cut off from each other (all links down), then
 * the network comes back: time until all three hold the same document. Crisis Room sync vs raw
 * y-webrtc in the same run. Goal: ≤ 1 s after restore. Needs root (network namespaces).
 */
import { median, row, type BenchContext, type BenchRow } from './types';
import { buildLabPage, launchPeers, sleep, start, waitConverged, waitMesh, type PeerHandle } from '../tests/e2e/netns/peers';
import type { NetnsLab } from '../tests/e2e/netns/netns';

const EDITS = 2000;
const GIVE_UP_MS = 15_000;

/** One trial; returns ms from restore to convergence, or null when not converged in time. */
async function trial(lab: NetnsLab, peers: PeerHandle[], mode: 'crisis' | 'raw', run: number): Promise<number | null> {
  const room = { workspaceId: `bench-p4-${mode}-${run}-${Date.now()}`, roomKey: 'QmVuY2hQNFJvb21LZXkxMjM0NTY' };
  for (const p of peers) await start(p, lab, { ...room, mode });
  await waitMesh(peers, 2, 30_000);
  await peers[0]!.page.evaluate(() => window.lab.add('base', 50));
  if (!(await waitConverged(peers, 10_000))) throw new Error(`${mode}: peers did not share the base document`);
  peers.forEach((p) => lab.cut(p.index));
  await sleep(500);
  await Promise.all(peers.map((p) => p.page.evaluate(([i, n]) => window.lab.add(`off${i}`, n), [p.index, EDITS] as const)));
  // Long enough for every side to notice the loss.
  await sleep(3500);
  peers.forEach((p) => lab.restore(p.index));
  const restoredAt = Date.now();
  const done = await waitConverged(peers, GIVE_UP_MS);
  const result = done && done.digest.records === 50 + 3 * EDITS ? Math.max(0, done.at - restoredAt) : null;
  for (const p of peers) await p.page.evaluate(() => window.lab.stop());
  return result;
}

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  buildLabPage();
  const { lab, peers } = await launchPeers(3);
  const ours: Array<number | null> = [];
  const raw: Array<number | null> = [];
  try {
    const runs = Math.max(1, Math.min(ctx.runs, 3));
    for (let r = 0; r < runs; r++) {
      ours.push(await trial(lab, peers, 'crisis', r));
      raw.push(await trial(lab, peers, 'raw', r));
      ctx.log(`run ${r + 1}: crisis ${ours.at(-1) ?? 'not converged'} ms, raw ${raw.at(-1) ?? `not converged in ${GIVE_UP_MS} ms`}`);
    }
  } finally {
    await lab.dispose();
  }
  const value = ours.includes(null) ? NaN : median(ours as number[]);
  const rawDone = raw.filter((v): v is number => v !== null);
  const baseline = rawDone.length === raw.length ? median(rawDone) : null;
  const what = `3 peers × 2,000 offline edits converge after restore (raw: ${rawDone.length}/${raw.length} converged in ${GIVE_UP_MS / 1000} s)`;
  return [row('P4', what, value, 'ms', baseline, '≤ 1 s', value <= 1000)];
}
