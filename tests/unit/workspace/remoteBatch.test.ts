import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { installTestVault } from '../vault/testVault';
import { ensureDataKey } from '../../../renderer/vault';
import { CrisisRoomDb, UPDATES_TABLE } from '../../../renderer/workspace/db';
import { mergeTail, rowGroups, SlicedMerger, WorkerMerger, type Merger, type MergeKind } from '../../../renderer/workspace/compactionMerge';
import { markV1 } from '../../../renderer/workspace/updateFormat';
import { fakeWorker } from './storeHarness';
import { REMOTE_BATCH_MS, REMOTE_ROW_BYTES } from '../../../renderer/workspace/remoteBatch';
import { UpdateWriter } from '../../../renderer/workspace/updateWriter';

const ID = 'ws-remote';
let db: CrisisRoomDb;
let n = 0;

beforeAll(async () => {
  await installTestVault();
  await ensureDataKey(ID);
});
beforeEach(async () => {
  db = new CrisisRoomDb(`remote-batch-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** A merger standing in for the worker: merges as it does, and can be held until `release()`. */
function merger(hold = false) {
  const calls: number[] = [];
  let release: () => void = () => {};
  const gate = hold ? new Promise<void>((r) => (release = r)) : Promise.resolve();
  const m: Merger = {
    offThread: true,
    async merge(_kind: MergeKind, updates: readonly Uint8Array[]) {
      calls.push(updates.length);
      await gate;
      return mergeTail(updates);
    },
  };
  return { m, calls, release: () => release() };
}

/** A peer typing `count` characters, one update each (as slices of a join arrive). */
function peerUpdates(count: number): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('updateV2', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.transact(() => doc.getText('t').insert(i, String.fromCharCode(65 + (i % 26))), 'remote');
  return { updates, doc };
}

const rows = async () => (await db.table(UPDATES_TABLE).where('k').equals(ID).toArray()) as Array<{ i: number; u: Uint8Array }>;
const stateOf = (us: Uint8Array[]) => {
  const d = new Y.Doc();
  for (const u of us) Y.applyUpdateV2(d, u, 'remote');
  return d.getText('t').toString();
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("peers' updates stored a batch at a time", () => {
  it('stores a burst of remote updates as ONE merged row, merged by the (worker) merger', async () => {
    const { m, calls } = merger();
    const w = new UpdateWriter(db, ID, UPDATES_TABLE, m);
    const { updates, doc } = peerUpdates(50);
    for (const u of updates) w.addRemote(u);
    // Nothing is written before the batch closes; all of it is still unconfirmed (journaled on leaving).
    expect(await rows()).toHaveLength(0);
    await sleep(REMOTE_BATCH_MS + 100);
    await expect.poll(async () => (await rows()).length).toBe(1);
    expect(calls).toEqual([50]);
    expect(stateOf((await rows()).map((r) => r.u))).toBe(doc.getText('t').toString());
    expect(await w.stored()).toBe(true);
  });

  it('stores a local update at once, in the same transaction as and after the remote updates not stored yet — none waits, none is lost', async () => {
    const held = merger(true);
    const w = new UpdateWriter(db, ID, UPDATES_TABLE, held.m);
    const peer = peerUpdates(30);
    for (const u of peer.updates.slice(0, 20)) w.addRemote(u);
    // The first 20 go to the merger (held, as a slow worker) ...
    await sleep(REMOTE_BATCH_MS + 50);
    expect(held.calls).toEqual([20]);
    // ... 10 more wait for the next batch, and then a person types on top of the peer's text.
    for (const u of peer.updates.slice(20)) w.addRemote(u);
    const mine = new Y.Doc();
    for (const u of peer.updates) Y.applyUpdateV2(mine, u, 'remote');
    let local: Uint8Array | null = null;
    mine.on('updateV2', (u: Uint8Array, origin: unknown) => origin === 'user' && (local = u));
    mine.transact(() => mine.getText('t').insert(30, '!'), 'user');
    w.add(local!);
    // Stored without waiting for the merge or the batch's timer: the 30 peer updates, then the keystroke.
    await expect.poll(async () => (await rows()).length, { timeout: 1000 }).toBe(31);
    const stored = await rows();
    expect([...stored.at(-1)!.u]).toEqual([...local!]);
    expect(stateOf(stored.map((r) => r.u))).toBe(mine.getText('t').toString());
    // The merge finishing later writes nothing more (its updates are stored already).
    held.release();
    await sleep(REMOTE_BATCH_MS + 100);
    expect(await rows()).toHaveLength(31);
    expect(await w.stored()).toBe(true);
  });

  it('writes what is still waiting when the document closes', async () => {
    const { m } = merger();
    const w = new UpdateWriter(db, ID, UPDATES_TABLE, m);
    const { updates, doc } = peerUpdates(5);
    for (const u of updates) w.addRemote(u);
    w.close();
    await expect.poll(async () => (await rows()).length).toBe(5);
    expect(stateOf((await rows()).map((r) => r.u))).toBe(doc.getText('t').toString());
  });

  it("merges a batch into rows under IndexedDB's 64 KB Blob-wrapping threshold, written together", async () => {
    const { m, calls } = merger();
    const w = new UpdateWriter(db, ID, UPDATES_TABLE, m);
    // A peer's slices of about 21 KB each (a join's are up to 32 KB), arriving in one burst.
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('updateV2', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 12; i++) doc.transact(() => doc.getText('t').insert(0, `${i}`.padEnd(7_000, '字')), 'remote');
    expect(Math.min(...updates.map((u) => u.length))).toBeGreaterThan(20 * 1024);
    for (const u of updates) w.addRemote(u);
    await sleep(REMOTE_BATCH_MS + 100);
    // One batch, merged two updates a row (three would pass REMOTE_ROW_BYTES).
    await expect.poll(async () => (await w.stored()) && (await rows()).length).toBe(6);
    expect(calls).toEqual([2, 2, 2, 2, 2, 2]);
    for (const r of await rows()) expect(r.u.length).toBeLessThan(64 * 1024);
    expect(stateOf((await rows()).map((r) => r.u))).toBe(doc.getText('t').toString());
  });

  it("through the worker, a batch is grouped by each update's size in V2: a peer's V1 slices shrink, so a row holds more of them", async () => {
    const worker = fakeWorker();
    const w = new UpdateWriter(db, ID, UPDATES_TABLE, new WorkerMerger(() => worker, new SlicedMerger()));
    // A peer's slices as received (V1): many small map entries, which V2 encodes in far fewer bytes.
    const doc = new Y.Doc();
    const v1: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => v1.push(u));
    for (let i = 0; i < 8; i++) doc.transact(() => { for (let k = 0; k < 1500; k++) doc.getMap('m').set(`${i}-${k}`, k); }, 'remote');
    const v2 = v1.map((u) => Y.convertUpdateFormatV1ToV2(u));
    const byV2 = rowGroups(v2, REMOTE_ROW_BYTES).length;
    expect(rowGroups(v1, REMOTE_ROW_BYTES).length).toBeGreaterThan(byV2);
    for (const u of v1) w.addRemote(markV1(u));
    await sleep(REMOTE_BATCH_MS + 100);
    await expect.poll(async () => (await w.stored()) && (await rows()).length).toBe(byV2);
    // One request for the batch; the rows sealed in the worker, each under 64 KB.
    expect(worker.received.map((r) => [r.updates.length, r.rowBytes, r.v1?.length])).toEqual([[8, REMOTE_ROW_BYTES, 8]]);
    for (const r of await rows()) expect(r.u.length).toBeLessThan(64 * 1024);
    const back = new Y.Doc();
    for (const r of await rows()) Y.applyUpdateV2(back, r.u, 'remote');
    expect(back.getMap('m').size).toBe(8 * 1500);
  });

  it('groups consecutive updates up to a row bound, a larger update alone', () => {
    const u = (n: number) => new Uint8Array(n);
    const sizes = (groups: Uint8Array[][]) => groups.map((g) => g.map((x) => x.length));
    expect(sizes(rowGroups([u(30), u(30), u(1), u(70), u(10), u(50), u(50)], 60))).toEqual([[30, 30], [1], [70], [10, 50], [50]]);
    expect(rowGroups([], 60)).toEqual([]);
    expect(REMOTE_ROW_BYTES).toBeLessThan(64 * 1024);
  });
});
