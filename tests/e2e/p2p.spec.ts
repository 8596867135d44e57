/**
 * Real peers: three Chromium processes, each in its own network namespace (plus a fourth with
 * the wrong room key), joined through a hub namespace that runs the signaling server. Each
 * trial cuts one peer's link, lets both sides edit, restores the link and requires all three
 * copies to be identical within 2 s, with no edit lost. `P2P_TRIALS=20` (npm run soak) runs 20.
 */
import { expect, test } from '@playwright/test';
import { netnsAvailable } from './netns/netns';
import { buildLabPage, launchPeers, start, digest, waitMesh, waitConverged, sleep, type PeerHandle } from './netns/peers';
import type { NetnsLab } from './netns/netns';

const TRIALS = Number(process.env.P2P_TRIALS ?? 3);
const ROOM = { workspaceId: 'e2e-crisis-room', roomKey: 'Qm9hcmRyb29tS2V5MTIzNDU2Nzg' };
const WRONG_KEY = 'V3JvbmdLZXlXcm9uZ0tleTEyMzQ';

test.describe.configure({ mode: 'serial' });

let lab: NetnsLab | null = null;
let peers: PeerHandle[] = [];
let outsider: PeerHandle;

test.beforeAll(async () => {
  const can = netnsAvailable();
  // Not runnable here means the requirement is unverified: fail loudly rather than pass.
  if (!can.ok) throw new Error(`Real-peer test cannot run: ${can.reason}`);
  buildLabPage();
  const launched = await launchPeers(4);
  lab = launched.lab;
  peers = launched.peers.slice(0, 3);
  outsider = launched.peers[3]!;
  for (const p of peers) await start(p, lab, { ...ROOM, mode: 'crisis' });
  await start(outsider, lab, { workspaceId: ROOM.workspaceId, roomKey: WRONG_KEY, mode: 'crisis', name: 'outsider' });
});

test.afterAll(async () => {
  await lab?.dispose();
});

test('three peers meet and share edits', async () => {
  test.setTimeout(60_000);
  const meshMs = await waitMesh(peers, 2);
  console.log(`mesh of 3 peers formed in ${meshMs} ms`);
  await peers[0]!.page.evaluate(() => window.lab.add('base', 30));
  const done = await waitConverged(peers, 10_000);
  expect(done).not.toBeNull();
  expect(done!.digest.records).toBe(30);
});

test(`cut one peer's link, edit on both sides, restore: identical within 2 s (${TRIALS} trials)`, async () => {
  test.setTimeout(30_000 + TRIALS * 25_000);
  const results: string[] = [];
  for (let trial = 1; trial <= TRIALS; trial++) {
    const cutIndex = (trial - 1) % 3;
    const cutPeer = peers[cutIndex]!;
    const other = peers[(cutIndex + 1) % 3]!;
    await waitMesh(peers, 2);
    expect(await waitConverged(peers, 10_000)).not.toBeNull();
    // Steady state before the cut: every link is a direct WebRTC channel (no relay hand-over pending).
    const allDirect = async () => {
      const kinds = await Promise.all(peers.map((p) => p.page.evaluate(() => Object.values(window.lab.links()))));
      return kinds.flat().length === 6 && kinds.flat().every((k) => k === 'rtc');
    };
    try {
      await expect.poll(allDirect, { timeout: 10_000 }).toBe(true);
    } catch (err) {
      // Flaky in full runs (1 in 2–4, first attempt only): say which link stayed on the relay and what each peer's y-webrtc did.
      for (const p of peers) console.log(`trial ${trial} peer ${await p.page.evaluate(() => `${window.lab.selfId()?.slice(0, 4)} links ${JSON.stringify(window.lab.links())}\n  ${window.lab.trace().map((e) => `${e.at} ${e.what}`).join('\n  ')}`)}`);
      throw err;
    }
    const cutId = await cutPeer.page.evaluate(() => window.lab.selfId());

    lab!.cut(cutIndex);
    const cutAt = Date.now();
    // Both sides edit while apart: new records, renames and removals of earlier ones.
    const cutIds = Array.from({ length: 20 }, (_, i) => `t${trial}-cut-${i}`);
    const otherIds = Array.from({ length: 20 }, (_, i) => `t${trial}-other-${i}`);
    await cutPeer.page.evaluate((t) => {
      window.lab.add(`t${t}-cut`, 20);
      window.lab.churn(`t${t}-cut-rename`, 10);
    }, trial);
    await other.page.evaluate((t) => {
      window.lab.add(`t${t}-other`, 20);
      window.lab.churn(`t${t}-other-rename`, 10);
    }, trial);
    // The others notice the cut within 3 s (heartbeat).
    let noticedMs = -1;
    while (Date.now() - cutAt < 6000) {
      const links = await other.page.evaluate(() => window.lab.links());
      if (!(cutId! in links)) {
        noticedMs = Date.now() - cutAt;
        break;
      }
      await sleep(50);
    }
    expect(noticedMs, 'dead link detected').toBeGreaterThanOrEqual(0);
    expect(noticedMs).toBeLessThanOrEqual(3500);
    await sleep(Math.max(0, 5000 - (Date.now() - cutAt)));

    lab!.restore(cutIndex);
    const restoredAt = Date.now();
    const done = await waitConverged(peers, 10_000);
    expect(done, `trial ${trial}: copies did not converge within 10 s`).not.toBeNull();
    const convergeMs = Math.max(0, Math.round(done!.at - restoredAt));
    results.push(`trial ${trial}: cut peer ${cutIndex}, noticed in ${noticedMs} ms, identical ${convergeMs} ms after restore`);
    expect(convergeMs, `trial ${trial}`).toBeLessThanOrEqual(2000);
    // No edit lost: every record added on either side is everywhere.
    for (const p of peers) expect(await p.page.evaluate((ids) => window.lab.has(ids), [...cutIds, ...otherIds])).toBe(true);
  }
  console.log(results.join('\n'));
});

test('a peer with the wrong room key receives nothing and learns nothing', async () => {
  const ours = await digest(peers[0]!);
  expect(ours.records).toBeGreaterThan(0);
  await outsider.page.evaluate(() => window.lab.add('outsider', 3));
  await sleep(2000);
  const o = await outsider.page.evaluate(() => ({ peers: window.lab.peers(), digest: window.lab.digest(), stats: window.lab.stats() }));
  expect(o.peers).toBe(0);
  expect(o.digest.records).toBe(3);
  expect(o.stats.relay?.received ?? 0).toBe(0);
  expect(o.stats.updatesApplied ?? 0).toBe(0);
  // Nor does anything of the outsider's reach the room.
  for (const p of peers) expect(await p.page.evaluate(() => window.lab.has(['outsider-0']))).toBe(false);
});
