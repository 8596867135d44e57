/**
 * A peer's batch stored by the compaction worker itself (remoteBatch.ts, workerStore.ts `addRows`):
 * merged, sealed and added on the worker's own connection, so the joining laptop's page neither
 * seals nor copies a join's megabytes into IndexedDB (issue 14, bench P15).
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { installTestVault } from '../vault/testVault';
import { getVault, openedUpdate, sealSpecFor } from '../../../renderer/vault';
import { UPDATES_TABLE } from '../../../renderer/workspace/db';
import { answerRequest, SlicedMerger, WorkerMerger, type MergeRequest } from '../../../renderer/workspace/compactionMerge';
import { REMOTE_BATCH_MS, REMOTE_ROW_BYTES } from '../../../renderer/workspace/remoteBatch';
import { UpdateWriter } from '../../../renderer/workspace/updateWriter';
import { fakeWorker, freshDbPerTest, rawRows } from './storeHarness';

const ID = 'ws-remote-store';
beforeAll(async () => {
  await installTestVault();
});
const dbOf = freshDbPerTest('remote-store', ID);

/** A peer's twelve updates of about 21 KB each (a join's slices are up to 32 KB), and its text. */
function peerSlices(): { updates: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('updateV2', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < 12; i++) doc.transact(() => doc.getText('t').insert(0, `${i}`.padEnd(7_000, '字')), 'remote');
  return { updates, text: doc.getText('t').toString() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const storedText = async () => {
  const back = new Y.Doc();
  for (const r of (await dbOf().table(UPDATES_TABLE).where('k').equals(ID).toArray()) as Array<{ u: Uint8Array }>) Y.applyUpdateV2(back, r.u, 'remote');
  return back.getText('t').toString();
};
const rowCount = async () => (await rawRows(dbOf(), UPDATES_TABLE, ID)).length;

/** A worker stand-in answering every request with `message` (as when its database is gone). */
const refusing = (message: string) => fakeWorker(undefined, async (req) => ({ id: (req as MergeRequest).id, ok: false, message }));

describe("a peer's batch stored by the worker", () => {
  it('is merged, sealed and added by the worker in one transaction; the page writes nothing, keeps the plaintexts and counts them saved', async () => {
    const db = dbOf();
    const worker = fakeWorker();
    const w = new UpdateWriter(db, ID, UPDATES_TABLE, new WorkerMerger(() => worker, new SlicedMerger()));
    const pageTransactions = vi.spyOn(db.backendDB(), 'transaction');
    const { updates, text } = peerSlices();
    for (const u of updates) w.addRemote(u);
    await sleep(REMOTE_BATCH_MS + 100);
    await expect.poll(async () => (await w.stored()) && (await rowCount())).toBe(6);
    // One request: merge into rows under 64 KB, seal, and store them where the page would.
    expect(worker.received).toHaveLength(1);
    expect(worker.received[0]).toMatchObject({ rowBytes: REMOTE_ROW_BYTES, store: { db: db.name, table: UPDATES_TABLE, k: ID } });
    expect(pageTransactions.mock.calls.filter(([, mode]) => mode === 'readwrite')).toEqual([]);
    pageTransactions.mockRestore();
    // Sealed as the vault seals a row; this page holds each row's plaintext, as for a row it writes.
    for (const r of await rawRows(db, UPDATES_TABLE, ID)) {
      expect(r.$u.length).toBeLessThan(64 * 1024);
      expect(openedUpdate(getVault(), UPDATES_TABLE, ID, r.$u)).toBeInstanceOf(Uint8Array);
    }
    expect(await storedText()).toBe(text);
    expect(await w.stored()).toBe(true);
  });

  it('a worker that cannot store leaves the batch to the page: every update stored, none lost', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const worker = refusing('the database is gone');
    const w = new UpdateWriter(dbOf(), ID, UPDATES_TABLE, new WorkerMerger(() => worker, new SlicedMerger()));
    const { updates, text } = peerSlices();
    for (const u of updates) w.addRemote(u);
    await sleep(REMOTE_BATCH_MS + 100);
    await expect.poll(async () => (await w.stored()) && (await rowCount())).toBe(updates.length);
    expect(worker.received.map((r) => r.store?.k)).toEqual([ID]);
    expect(await storedText()).toBe(text);
  });

  it('a local write while the worker stores takes the batch along (stored twice, nothing lost)', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const worker = fakeWorker(() => held);
    const w = new UpdateWriter(dbOf(), ID, UPDATES_TABLE, new WorkerMerger(() => worker, new SlicedMerger()));
    const { updates } = peerSlices();
    for (const u of updates) w.addRemote(u);
    await sleep(REMOTE_BATCH_MS + 100);
    expect(worker.received).toHaveLength(1);
    // Someone types on top of the peer's text before the worker has stored it.
    const mine = new Y.Doc();
    for (const u of updates) Y.applyUpdateV2(mine, u, 'remote');
    let local: Uint8Array | null = null;
    mine.on('updateV2', (u: Uint8Array, origin: unknown) => origin === 'user' && (local = u));
    mine.transact(() => mine.getText('t').insert(0, '！'), 'user');
    w.add(local!);
    await expect.poll(rowCount, { timeout: 1000 }).toBe(updates.length + 1);
    expect(await storedText()).toBe(mine.getText('t').toString());
    release();
    await expect.poll(rowCount).toBe(updates.length + 1 + 6);
    expect(await storedText()).toBe(mine.getText('t').toString());
    expect(await w.stored()).toBe(true);
  });

  it('the worker refuses a malformed store request, and stores nowhere when the database is gone (nothing created)', async () => {
    const spec = sealSpecFor(getVault(), UPDATES_TABLE, ID)!;
    const seal = { key: spec.key, aad: spec.aad };
    const { updates } = peerSlices();
    const store = { db: dbOf().name, table: UPDATES_TABLE, k: ID };
    const ask = (extra: Partial<MergeRequest>) => answerRequest({ id: 7, kind: 'tail', updates: updates.slice(0, 3), rowBytes: REMOTE_ROW_BYTES, seal, store, ...extra });
    const malformed = { id: 7, ok: false, message: 'malformed merge request' };
    expect(await ask({ store: { db: 1 } as never })).toEqual(malformed);
    expect(await ask({ seal: undefined })).toEqual(malformed);
    expect(await ask({ rowBytes: undefined })).toEqual(malformed);
    expect(await ask({ sealed: [0] })).toEqual(malformed);
    expect(await rowCount()).toBe(0);
    expect(await ask({ store: { ...store, db: 'crisis-room-never-made-2' } })).toEqual({ id: 7, ok: false, message: 'the database is gone' });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('crisis-room-never-made-2');
    // Well formed: stored, and the answer names the rows' keys.
    const a = await ask({});
    expect(a).toMatchObject({ id: 7, ok: true });
    if (!a.ok) throw new Error(a.message);
    expect(a.stored).toEqual((await rawRows(dbOf(), UPDATES_TABLE, ID)).map((r) => r.i));
  });
});
