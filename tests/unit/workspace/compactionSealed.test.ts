import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { installTestVault } from '../vault/testVault';
import { UPDATES_TABLE } from '../../../renderer/workspace/db';
import { DocCompactor } from '../../../renderer/workspace/compaction';
import { answerMerge, answerRequest, SlicedMerger, WorkerMerger, type WorkerLike } from '../../../renderer/workspace/compactionMerge';
import { commitRow, readSealedRows } from '../../../renderer/workspace/workerStore';
import { getVault, sealSpecFor } from '../../../renderer/vault';
import { fakeWorker, freshDbPerTest, rawRows as rawRowsOf } from './storeHarness';

// Compaction of rows this page holds no plaintext of: opened in the worker (renderer/workspace/compaction.ts).

beforeAll(async () => {
  await installTestVault();
});

const ID = 'ws-sealed';
const aad = `${UPDATES_TABLE}|${ID}`;
const dbOf = freshDbPerTest('compaction-sealed', ID);
const rawRows = () => rawRowsOf(dbOf(), UPDATES_TABLE, ID);

/** Rows stored as an earlier session left them: sealed, written under Dexie (this page holds no plaintext of them). */
function putSealed(sealed: readonly Uint8Array[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = dbOf().backendDB().transaction(UPDATES_TABLE, 'readwrite');
    for (const $u of sealed) tx.objectStore(UPDATES_TABLE).add({ k: ID, $u });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/** The worker stand-in, refusing whole compactions (as for a row in an older layout): the page's own path runs. */
function refusingCommits(): WorkerLike & { received: ReturnType<typeof fakeWorker>['received'] } {
  const inner = fakeWorker();
  const w = {
    received: inner.received,
    onmessage: null as WorkerLike['onmessage'],
    onerror: null as WorkerLike['onerror'],
    postMessage(message: Parameters<WorkerLike['postMessage']>[0]) {
      if (!message.commit) return inner.postMessage(message);
      inner.received.push(message);
      setTimeout(() => w.onmessage?.({ data: { id: message.id, ok: false, message: 'not sealed data' } }), 0);
    },
    terminate() {},
  };
  inner.onmessage = (e) => w.onmessage?.(e);
  return w;
}

describe('rows this page holds no plaintext of', () => {
  it("where the worker cannot compact on its own, the page reads rows as stored: those it holds no plaintext of (an earlier session's) are opened in the worker", async () => {
    const vault = getVault();
    const doc = new Y.Doc();
    const text = doc.getText('t');
    doc.transact(() => text.insert(0, '危機'.repeat(5_000)), 'system');
    const updates = [Y.encodeStateAsUpdateV2(doc)];
    for (let k = 0; k < 6; k++) {
      const sv = Y.encodeStateVector(doc);
      doc.transact(() => text.insert(k, '稿'), 'user');
      updates.push(Y.encodeStateAsUpdateV2(doc, sv));
    }
    await putSealed(updates.map((u) => vault.sealFor(ID, aad, u)));
    const worker = refusingCommits();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const openHere = vi.spyOn(vault, 'openFor');
    const c = new DocCompactor(dbOf(), UPDATES_TABLE, ID, { merger: new WorkerMerger(() => worker, new SlicedMerger()), foldMinBytes: 0 });
    expect((await c.compact()).kind).toBe('tail');
    expect((await c.compact()).kind).toBe('fold');
    expect(openHere).not.toHaveBeenCalled();
    // Each compaction asked of the worker whole first (refused), then its merge alone.
    expect(worker.received.map((r) => (r.commit ? 'commit' : 'merge'))).toEqual(['commit', 'merge', 'commit', 'merge']);
    // The tail: its six rows handed over sealed. The fold: the base sealed; the merged tail, which
    // the worker sealed and this page stored, as the plaintext this page holds.
    expect(worker.received.filter((r) => !r.commit).map((r) => r.sealed)).toEqual([[0, 1, 2, 3, 4, 5], [0]]);
    expect(await rawRows()).toHaveLength(1);
    openHere.mockRestore();
    const back = new Y.Doc();
    for (const r of (await dbOf().table(UPDATES_TABLE).where('k').equals(ID).toArray()) as Array<{ u: Uint8Array }>) Y.applyUpdateV2(back, r.u, 'remote');
    expect(back.getText('t').toString()).toBe(text.toString());
  });

  it('the worker refuses sealed rows it cannot open, or is not told how to, and merges nothing', () => {
    const vault = getVault();
    const spec = sealSpecFor(vault, UPDATES_TABLE, ID)!;
    const doc = new Y.Doc();
    doc.transact(() => doc.getText('t').insert(0, '聲明'), 'user');
    const row = vault.sealFor(ID, aad, Y.encodeStateAsUpdateV2(doc));
    const seal = { key: spec.key, aad: spec.aad };
    const opened = answerMerge({ id: 1, kind: 'fold', updates: [row], sealed: [0], seal });
    expect(opened.ok).toBe(true);
    if (!opened.ok) throw new Error(opened.message);
    const back = new Y.Doc();
    Y.applyUpdateV2(back, opened.update, 'remote');
    expect(back.getText('t').toString()).toBe('聲明');
    // Sealed for another document: not opened.
    expect(answerMerge({ id: 2, kind: 'tail', updates: [row], sealed: [0], seal: { key: spec.key, aad: `${UPDATES_TABLE}|other` } })).toMatchObject({ id: 2, ok: false });
    expect(answerMerge({ id: 3, kind: 'tail', updates: [row], sealed: [0], seal: { key: new Uint8Array(32), aad: spec.aad } })).toMatchObject({ id: 3, ok: false });
    // No key to open with, or an index out of range: malformed.
    expect(answerMerge({ id: 4, kind: 'tail', updates: [row], sealed: [0] })).toEqual({ id: 4, ok: false, message: 'malformed merge request' });
    expect(answerMerge({ id: 5, kind: 'tail', updates: [row], sealed: [1], seal })).toEqual({ id: 5, ok: false, message: 'malformed merge request' });
  });
});

/** Rows of a document typed by an earlier session (sealed), the first holding `big` characters. */
async function earlierRows(big: number, edits: number): Promise<Y.Doc> {
  const vault = getVault();
  const doc = new Y.Doc();
  const text = doc.getText('t');
  doc.transact(() => text.insert(0, '危'.repeat(big)), 'system');
  const updates = [Y.encodeStateAsUpdateV2(doc)];
  for (let k = 0; k < edits; k++) {
    const sv = Y.encodeStateVector(doc);
    doc.transact(() => text.insert(k, '稿'), 'user');
    updates.push(Y.encodeStateAsUpdateV2(doc, sv));
  }
  await putSealed(updates.map((u) => vault.sealFor(ID, aad, u)));
  return doc;
}

const storedText = async () => {
  const back = new Y.Doc();
  for (const r of (await dbOf().table(UPDATES_TABLE).where('k').equals(ID).toArray()) as Array<{ u: Uint8Array }>) Y.applyUpdateV2(back, r.u, 'remote');
  return back.getText('t').toString();
};

describe('the worker stores the merged row', () => {
  it('reads, opens, merges, seals and stores in the worker: the page neither reads the rows nor writes the merged one', async () => {
    const doc = await earlierRows(30_000, 5);
    const worker = fakeWorker();
    const page = DocCompactor.prototype as unknown as { commit: () => Promise<boolean>; readAsStored: () => Promise<unknown> };
    const pageCommit = vi.spyOn(page, 'commit');
    const pageRead = vi.spyOn(page, 'readAsStored');
    const openHere = vi.spyOn(getVault(), 'openFor');
    const c = new DocCompactor(dbOf(), UPDATES_TABLE, ID, { merger: new WorkerMerger(() => worker, new SlicedMerger()), foldMinBytes: 0 });
    expect((await c.compact()).kind).toBe('tail');
    expect((await c.compact()).kind).toBe('fold');
    expect(pageCommit).not.toHaveBeenCalled();
    expect(pageRead).not.toHaveBeenCalled();
    expect(openHere).not.toHaveBeenCalled();
    // No row's bytes sent: the worker read them (the five after the base; then the base and the merged tail).
    expect(worker.received.map((r) => [r.updates.length, r.commit?.sources.length])).toEqual([[0, 5], [0, 2]]);
    const rows = await rawRows();
    expect(rows).toHaveLength(1);
    // Stored as the vault stores a row: it opens through Dexie's middleware.
    expect(await storedText()).toBe(doc.getText('t').toString());
  });

  it('commits nothing when a row is gone (another window compacted meanwhile): a conflict, the rows as they were', async () => {
    await earlierRows(1_000, 4);
    const before = await rawRows();
    let removed = false;
    const worker = fakeWorker(async () => {
      if (removed) return;
      removed = true;
      // Another window merged the first two rows after the base meanwhile (its row keeps the newer key).
      await dbOf().table(UPDATES_TABLE).delete(before[1]!.i);
    });
    const c = new DocCompactor(dbOf(), UPDATES_TABLE, ID, { merger: new WorkerMerger(() => worker, new SlicedMerger()) });
    expect(await c.compact()).toEqual({ kind: 'conflict', merged: 0, again: false });
    expect((await rawRows()).map((r) => r.i)).toEqual(before.filter((_, j) => j !== 1).map((r) => r.i));
    expect((await rawRows()).map((r) => [...r.$u])).toEqual(before.filter((_, j) => j !== 1).map((r) => [...r.$u]));
  });

  it('refuses a malformed request; stores nothing when a row read is gone by its commit; never creates a database that is gone', async () => {
    const spec = sealSpecFor(getVault(), UPDATES_TABLE, ID)!;
    const seal = { key: spec.key, aad: spec.aad };
    await earlierRows(100, 2);
    const before = await rawRows();
    const keys = before.map((r) => r.i);
    const commit = { db: dbOf().name, table: UPDATES_TABLE, k: ID, i: keys[2]!, keys, sources: keys.slice(1) };
    expect(await answerRequest({ id: 1, kind: 'tail', updates: [], seal, commit: { ...commit, i: 'x' } })).toEqual({ id: 1, ok: false, message: 'malformed merge request' });
    // The merged row takes the newest source's key; the worker reads the rows itself; it seals what it stores.
    expect(await answerRequest({ id: 2, kind: 'tail', updates: [], seal, commit: { ...commit, i: keys[1] } })).toEqual({ id: 2, ok: false, message: 'malformed merge request' });
    expect(await answerRequest({ id: 3, kind: 'tail', updates: [new Uint8Array(2)], seal, commit })).toEqual({ id: 3, ok: false, message: 'malformed merge request' });
    expect(await answerRequest({ id: 4, kind: 'tail', updates: [], commit })).toEqual({ id: 4, ok: false, message: 'malformed merge request' });
    // Rows of a bounded size: a tail merge only, of something, with a positive bound.
    const u = Y.encodeStateAsUpdateV2(new Y.Doc());
    expect(answerMerge({ id: 5, kind: 'fold', updates: [u], rowBytes: 1024 })).toEqual({ id: 5, ok: false, message: 'malformed merge request' });
    expect(answerMerge({ id: 6, kind: 'tail', updates: [u], rowBytes: 0 })).toEqual({ id: 6, ok: false, message: 'malformed merge request' });
    const two = answerMerge({ id: 7, kind: 'tail', updates: [u, u], rowBytes: 1 });
    expect(two.ok && two.rows?.length).toBe(2);
    // A row the compaction saw (key 0 here) is gone by the time of the commit: nothing is written.
    expect(await commitRow({ ...commit, keys: [0, ...keys] }, new Uint8Array(60))).toBe(false);
    expect(await rawRows()).toEqual(before);
    // Every row it saw still there: the merged row replaces its sources.
    expect(await commitRow(commit, new Uint8Array(60))).toBe(true);
    expect((await rawRows()).map((r) => r.i)).toEqual([keys[0], keys[2]]);
    expect(await readSealedRows({ ...commit, db: 'crisis-room-never-made' })).toBeNull();
    expect(await commitRow({ ...commit, db: 'crisis-room-never-made' }, new Uint8Array(8))).toBe(false);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('crisis-room-never-made');
  });
});
