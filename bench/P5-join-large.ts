/**
 * P5 — a fresh peer joins a 5 MB workspace: time from starting sync on the new peer until it
 * holds the whole document. Crisis Room sync (frames of ≤ 16 KB) vs raw y-webrtc (one message of
 * the whole state, which never arrives) in the same run. Goal: ≤ 3 s. Needs root.
 */
import { median, row, type BenchContext, type BenchRow } from './types';
import { buildLabPage, launchPeers, sleep, start, type PeerHandle } from '../tests/e2e/netns/peers';
import type { NetnsLab } from '../tests/e2e/netns/netns';

const RECORDS = 2500;
const FILLER = 2000; // bytes of text per record → about 5 MB of document
const GIVE_UP_MS = 20_000;

async function trial(lab: NetnsLab, [host, joiner]: PeerHandle[], mode: 'crisis' | 'raw', run: number): Promise<{ ms: number | null; bytes: number }> {
  const room = { workspaceId: `bench-p5-${mode}-${run}-${Date.now()}`, roomKey: 'QmVuY2hQNVJvb21LZXkxMjM0NTY' };
  await joiner!.page.evaluate(() => window.lab.stop());
  await start(host!, lab, { ...room, mode });
  await host!.page.evaluate(([n, b]) => window.lab.add('big', n, b), [RECORDS, FILLER] as const);
  const bytes = await host!.page.evaluate(() => window.lab.digest().bytes);
  const t0 = Date.now();
  await start(joiner!, lab, { ...room, mode });
  let ms: number | null = null;
  while (Date.now() - t0 < GIVE_UP_MS) {
    // The joiner writes its own room-key copy at start, so compare with the host's current state.
    const [h, q] = await Promise.all([host!, joiner!].map((p) => p.page.evaluate(() => window.lab.quick())));
    if (q!.records === RECORDS && q!.sv === h!.sv) {
      ms = Date.now() - t0;
      break;
    }
    await sleep(25);
  }
  for (const p of [host!, joiner!]) await p.page.evaluate(() => window.lab.stop());
  return { ms, bytes };
}

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  buildLabPage();
  const { lab, peers } = await launchPeers(2);
  const ours: Array<number | null> = [];
  const raw: Array<number | null> = [];
  let bytes = 0;
  try {
    const runs = Math.max(1, Math.min(ctx.runs, 3));
    for (let r = 0; r < runs; r++) {
      const o = await trial(lab, peers, 'crisis', r);
      bytes = o.bytes;
      ours.push(o.ms);
      raw.push((await trial(lab, peers, 'raw', r)).ms);
      ctx.log(`run ${r + 1}: ${(bytes / 1e6).toFixed(1)} MB — crisis ${ours.at(-1) ?? 'not synced'} ms, raw ${raw.at(-1) ?? `not synced in ${GIVE_UP_MS / 1000} s`}`);
    }
  } finally {
    await lab.dispose();
  }
  const value = ours.includes(null) ? NaN : median(ours as number[]);
  const rawDone = raw.filter((v): v is number => v !== null);
  const baseline = rawDone.length === raw.length ? median(rawDone) : null;
  const what = `fresh peer joins a ${(bytes / 1e6).toFixed(1)} MB workspace (raw: ${rawDone.length}/${raw.length} synced in ${GIVE_UP_MS / 1000} s)`;
  return [row('P5', what, value, 'ms', baseline, '≤ 3 s; raw fails', value <= 3000)];
}
