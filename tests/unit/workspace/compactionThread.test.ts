import 'fake-indexeddb/auto';
import { beforeAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { installTestVault } from '../vault/testVault';
import { CrisisRoomDb, UPDATES_TABLE } from '../../../renderer/workspace/db';
import { storeUpdateNow } from '../../../renderer/workspace/durableWrites';
import { CompactionSchedule, DocCompactor, PAUSE_AFTER_WRITES } from '../../../renderer/workspace/compaction';
import { answerMerge, SlicedMerger, WorkerMerger, type WorkerLike } from '../../../renderer/workspace/compactionMerge';
import { fakeWorker, rawRows as rawRowsOf } from './storeHarness';
import { ensureDataKey, getVault, sealSpecFor, sealUpdateRow } from '../../../renderer/vault';
import { open } from '../../../renderer/vault/seal';
import { UpdateWriter } from '../../../renderer/workspace/updateWriter';
import { REMOTE_BATCH_MS } from '../../../renderer/workspace/remoteBatch';
import { markV1 } from '../../../renderer/workspace/updateFormat';
import { updateInOrder } from '../doc/unorderedUpdate';
import { docUpdates } from '../../../shared/doc/updateHub';
import { createWorkspace, openWorkspace } from '../../../renderer/workspace/workspaceService';
import { usePersistence } from '../../../renderer/workspace/persistence';
import { listRecords, setField } from '../../../shared/doc/collection';
import { playbookOf } from '../../../shared/doc/workspaceDoc';
import { compressYDocs } from 'y-dexie';

// y-dexie's whole-document merge, watched: the open workspace must never call it.
vi.mock('y-dexie', async (importOriginal) => {
  const real = await importOriginal<typeof import('y-dexie')>();
  return { ...real, compressYDocs: vi.fn(real.compressYDocs) };
});

beforeAll(async () => {
  await installTestVault();
});

let db: CrisisRoomDb;
let n = 0;
const ID = 'ws-thread';

beforeEach(async () => {
  db = new CrisisRoomDb(`compaction-thread-${++n}`);
  await db.open();
  await ensureDataKey(ID);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

/** A large base row (a big document) and `tail` typing-sized rows after it. */
async function storeBigDoc(tail: number): Promise<{ doc: Y.Doc; base: Uint8Array }> {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  doc.transact(() => text.insert(0, '危機'.repeat(20_000)), 'system');
  const base = Y.encodeStateAsUpdateV2(doc);
  await storeUpdateNow(db, ID, base);
  for (let k = 0; k < tail; k++) {
    const sv = Y.encodeStateVector(doc);
    doc.transact(() => text.insert(k, 'x'), 'user');
    await storeUpdateNow(db, ID, Y.encodeStateAsUpdateV2(doc, sv));
  }
  return { doc, base };
}


const bytes = (us: readonly Uint8Array[]) => us.reduce((s, u) => s + u.length, 0);

describe('the page thread never merges the whole document', () => {
  it('with a worker: every merge, the fold of the whole state included, goes to the worker; none runs here', async () => {
    const { doc } = await storeBigDoc(40);
    const here = vi.fn((us: Uint8Array[]) => Y.mergeUpdatesV2(us));
    const worker = fakeWorker();
    const c = new DocCompactor(db, UPDATES_TABLE, ID, { merger: new WorkerMerger(() => worker, new SlicedMerger(here)), maxSegments: 2, foldMinBytes: 0 });
    expect((await c.compact()).kind).toBe('tail');
    expect((await c.compact()).kind).toBe('fold');
    for (let k = 0; k < 3; k++) {
      for (let j = 0; j < 10; j++) {
        const sv = Y.encodeStateVector(doc);
        doc.transact(() => doc.getText('t').insert(0, 'y'), 'user');
        await storeUpdateNow(db, ID, Y.encodeStateAsUpdateV2(doc, sv));
      }
      await c.compact();
    }
    expect(here).not.toHaveBeenCalled();
    expect(worker.received.map((r) => r.kind)).toEqual(['tail', 'fold', 'tail', 'tail', 'tail']);
    // The whole state went through the worker once (the fold: the base and the merged tail, read there), never through this thread.
    expect(worker.received[1]!.updates).toHaveLength(0);
    expect(worker.received[1]!.commit!.sources).toHaveLength(2);
    const stored = new Y.Doc();
    for (const r of (await db.table(UPDATES_TABLE).where('k').equals(ID).toArray()) as Array<{ u: Uint8Array }>) Y.applyUpdateV2(stored, r.u, 'remote');
    expect(stored.getText('t').toString()).toBe(doc.getText('t').toString());
  });

  it('without a worker: only the new rows are merged here, in slices, never the base', async () => {
    const { doc, base } = await storeBigDoc(100);
    const here = vi.fn((us: Uint8Array[]) => Y.mergeUpdatesV2(us));
    const merger = new WorkerMerger(() => null, new SlicedMerger(here, 16));
    expect(merger.offThread).toBe(false);
    const c = new DocCompactor(db, UPDATES_TABLE, ID, { merger });
    expect((await c.compact()).kind).toBe('tail');
    expect(here.mock.calls.length).toBeGreaterThan(1);
    for (const [us] of here.mock.calls) {
      expect(us.length).toBeLessThanOrEqual(16);
      expect(bytes(us)).toBeLessThan(base.length / 4);
    }
    expect(await db.table(UPDATES_TABLE).where('k').equals(ID).count()).toBe(2);
    const stored = new Y.Doc();
    for (const r of (await db.table(UPDATES_TABLE).where('k').equals(ID).toArray()) as Array<{ u: Uint8Array }>) Y.applyUpdateV2(stored, r.u, 'remote');
    expect(Y.encodeStateAsUpdate(stored)).toEqual(Y.encodeStateAsUpdate(doc));
  });

  it('a worker that fails: the same compaction falls back to slices here, and no fold is asked of this thread', async () => {
    await storeBigDoc(10);
    const here = vi.fn((us: Uint8Array[]) => Y.mergeUpdatesV2(us));
    const broken: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => broken.onerror?.({ message: 'script failed to load' }), 0);
      },
      terminate() {},
    };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const merger = new WorkerMerger(() => broken, new SlicedMerger(here));
    const c = new DocCompactor(db, UPDATES_TABLE, ID, { merger });
    expect((await c.compact()).kind).toBe('tail');
    expect(merger.offThread).toBe(false);
    expect(here).toHaveBeenCalled();
    await expect(new SlicedMerger(here).merge('fold', [new Uint8Array()])).rejects.toThrow();
  });
});

/** The rows of ID as IndexedDB holds them (sealed). */
const rawRows = () => rawRowsOf(db, UPDATES_TABLE, ID);

describe('the worker seals what it merged; the page only stores it', () => {
  const aad = `${UPDATES_TABLE}|${ID}`;

  it("a compaction's merged row is sealed in the worker, never here, and opens with the document's key", async () => {
    const { doc } = await storeBigDoc(12);
    const worker = fakeWorker();
    const c = new DocCompactor(db, UPDATES_TABLE, ID, { merger: new WorkerMerger(() => worker, new SlicedMerger()), foldMinBytes: 0 });
    const sealHere = vi.spyOn(getVault(), 'sealFor');
    expect((await c.compact()).kind).toBe('tail');
    expect((await c.compact()).kind).toBe('fold');
    expect(sealHere).not.toHaveBeenCalled();
    // The key and associated data went to the worker with the rows (the key is the document's).
    expect(worker.received.map((r) => r.seal?.aad)).toEqual([aad, aad]);
    const stored = await rawRows();
    expect(stored).toHaveLength(1);
    const plain = open(getVault().dataKey(ID), aad, stored[0]!.$u);
    const back = new Y.Doc();
    Y.applyUpdateV2(back, plain, 'remote');
    expect(back.getText('t').toString()).toBe(doc.getText('t').toString());
  });

  it("a batch of a peer's updates is sealed in the worker too", async () => {
    const worker = fakeWorker();
    const w = new UpdateWriter(db, ID, UPDATES_TABLE, new WorkerMerger(() => worker, new SlicedMerger()));
    const peer = new Y.Doc();
    const updates: Uint8Array[] = [];
    peer.on('updateV2', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 30; i++) peer.transact(() => peer.getText('t').insert(i, '稿'), 'remote');
    const sealHere = vi.spyOn(getVault(), 'sealFor');
    for (const u of updates) w.addRemote(u);
    await new Promise((r) => setTimeout(r, REMOTE_BATCH_MS + 50));
    await expect.poll(async () => (await rawRows()).length).toBe(1);
    expect(await w.stored()).toBe(true);
    expect(sealHere).not.toHaveBeenCalled();
    const back = new Y.Doc();
    Y.applyUpdateV2(back, open(getVault().dataKey(ID), aad, (await rawRows())[0]!.$u), 'remote');
    expect(back.getText('t').toString()).toBe('稿'.repeat(30));
  });

  it('bytes sealed for another place or key are never stored: the row is sealed here instead', () => {
    const vault = getVault();
    const plain = new Uint8Array([1, 2, 3, 4]);
    // Sealed for another table (another associated data): not taken.
    sealSpecFor(vault, 'elsewhere', ID)!.keep(plain, new Uint8Array([9, 9, 9]));
    const row = sealUpdateRow(vault, UPDATES_TABLE, { k: ID, u: plain }) as { $u: Uint8Array };
    expect(open(vault.dataKey(ID), aad, row.$u)).toEqual(plain);
    // Sealed for this row: taken as it is.
    const spec = sealSpecFor(vault, UPDATES_TABLE, ID)!;
    const sealed = answerMerge({ id: 1, kind: 'tail', updates: [plain], seal: { key: spec.key, aad: spec.aad } });
    expect(sealed.ok && sealed.sealed).toBeInstanceOf(Uint8Array);
    if (!sealed.ok || !sealed.sealed) throw new Error('not sealed');
    spec.keep(sealed.update, sealed.sealed);
    expect((sealUpdateRow(vault, UPDATES_TABLE, { k: ID, u: sealed.update }) as { $u: Uint8Array }).$u).toBe(sealed.sealed);
    // A scope without a key: nothing to seal with elsewhere.
    expect(sealSpecFor(vault, UPDATES_TABLE, 'no-such-document')).toBeNull();
  });

  it("a peer's batch told as the V1 updates received is converted in the worker and stored as V2 rows; a local edit meanwhile converts what it takes", async () => {
    const worker = fakeWorker();
    const w = new UpdateWriter(db, ID, UPDATES_TABLE, new WorkerMerger(() => worker, new SlicedMerger()));
    const peer = new Y.Doc();
    const v1: Uint8Array[] = [];
    peer.on('update', (u: Uint8Array) => v1.push(u));
    for (let i = 0; i < 20; i++) peer.transact(() => peer.getText('t').insert(i, '稿'), 'remote');
    for (const u of v1.slice(0, 15)) w.addRemote(markV1(u));
    await new Promise((r) => setTimeout(r, REMOTE_BATCH_MS + 50));
    await expect.poll(async () => (await rawRows()).length).toBe(1);
    expect(worker.received[0]!.v1).toEqual([...Array(15).keys()]);
    // The rest waits for its batch when a local edit comes: written with it, converted here.
    for (const u of v1.slice(15)) w.addRemote(markV1(u));
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(peer), 'remote');
    const sv = Y.encodeStateVector(local);
    local.transact(() => local.getText('t').insert(0, '本'), 'user');
    w.add(Y.encodeStateAsUpdateV2(local, sv));
    expect(await w.stored()).toBe(true);
    const back = new Y.Doc();
    for (const r of (await db.table(UPDATES_TABLE).where('k').equals(ID).toArray()) as Array<{ u: Uint8Array }>) Y.applyUpdateV2(back, r.u, 'remote');
    expect(back.getText('t').toString()).toBe('本' + '稿'.repeat(20));
  });

  it('a malformed seal request is refused, and nothing is merged', () => {
    for (const seal of [{ key: new Uint8Array(16), aad: 'x' }, { key: 'k', aad: 'x' }, { key: new Uint8Array(32) }]) {
      expect(answerMerge({ id: 2, kind: 'tail', updates: [new Uint8Array([0, 0])], seal })).toEqual({ id: 2, ok: false, message: 'malformed merge request' });
    }
  });
});

describe('when compaction runs', () => {
  it("y-dexie's own periodic GC (a whole-document merge on this thread every five minutes) is off", async () => {
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const other = new CrisisRoomDb(`compaction-gc-${n}`);
    await other.open();
    await new Promise((r) => setTimeout(r, 20));
    expect(timers.mock.calls.some(([, ms]) => ms === 10_000)).toBe(false);
    other.close();
    await other.delete();
  });

  it('at idle after many writes, after opening and after closing — never in the close call', async () => {
    const idle: Array<() => void> = [];
    const compactor = { compact: vi.fn(async () => ({ kind: 'tail' as const, merged: 2, again: false })) };
    const s = new CompactionSchedule(compactor as unknown as DocCompactor, 3, (run) => idle.push(run));
    s.noteWrite();
    s.noteWrite();
    expect(idle).toHaveLength(0);
    s.noteWrite();
    s.noteWrite();
    expect(idle).toHaveLength(1);
    expect(compactor.compact).not.toHaveBeenCalled();
    idle.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(compactor.compact).toHaveBeenCalledTimes(1);
    s.noteWrite();
    s.close();
    expect(compactor.compact).toHaveBeenCalledTimes(1);
    expect(idle).toHaveLength(1);
    s.noteWrite();
    s.request();
    expect(idle).toHaveLength(1);
  });

  it('at a pause after a burst of writes (a join\'s rows), not after a few, and not once closed', async () => {
    const idle: Array<() => void> = [];
    const compactor = { compact: vi.fn(async () => ({ kind: 'tail' as const, merged: 2, again: false })) };
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const s = new CompactionSchedule(compactor as unknown as DocCompactor, 500, (run) => idle.push(run), 40);
    for (let k = 0; k < PAUSE_AFTER_WRITES - 1; k++) s.noteWrite();
    await sleep(80);
    expect(idle).toHaveLength(0);
    // The burst goes on: no request while writes keep coming closer than the pause.
    for (let k = 0; k < 5; k++) {
      s.noteWrite();
      await sleep(10);
    }
    expect(idle).toHaveLength(0);
    await sleep(80);
    expect(idle).toHaveLength(1);
    idle.shift()!();
    await sleep(0);
    expect(compactor.compact).toHaveBeenCalledTimes(1);
    // Counted again from zero; a burst cut short by closing compacts at idle after the close, once.
    for (let k = 0; k < PAUSE_AFTER_WRITES; k++) s.noteWrite();
    s.close();
    expect(idle).toHaveLength(1);
    await sleep(80);
    expect(idle).toHaveLength(1);
  });

  it("an open workspace stores a peer's batch applied as sync's inbox applies it (Yjs not encoding it) and has it after reopening", async () => {
    const id = await createWorkspace({ name: 'Joined', language: 'en' }, db);
    const ws = await openWorkspace(id, db);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(ws.doc), 'remote');
    const v1: Uint8Array[] = [];
    peer.on('update', (u: Uint8Array) => v1.push(u));
    for (let i = 0; i < 30; i++) setField(listRecords(playbookOf(peer).crisisTypes)[0]!, 'name', `From a peer ${i}`, 'user');
    docUpdates(ws.doc).carry((done) =>
      ws.doc.transact(() => {
        for (const u of v1) Y.applyUpdate(ws.doc, u, 'remote');
        done(v1, true);
      }, 'remote'),
    );
    for (let i = 0; i < 200 && usePersistence.getState().pending > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(usePersistence.getState().pending).toBe(0);
    ws.close();
    const again = await openWorkspace(id, db);
    expect(listRecords(playbookOf(again.doc).crisisTypes)[0]!.get('name')).toBe('From a peer 29');
    again.close();
  });

  it("an open workspace stores a peer's batch listing its clients out of Yjs's order (an earlier build's slices) and has all of it after reopening", async () => {
    const id = await createWorkspace({ name: 'Joined', language: 'en' }, db);
    const ws = await openWorkspace(id, db);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(ws.doc), 'remote');
    const base = Y.encodeStateVector(peer);
    const type = listRecords(playbookOf(peer).crisisTypes)[0]!;
    peer.clientID = 1;
    let lowHalf: Uint8Array = new Uint8Array();
    for (let i = 0; i < 40; i++) {
      if (i === 20) lowHalf = Y.encodeStateAsUpdate(peer, base);
      setField(type, 'name', `Low ${i}`, 'user');
    }
    peer.clientID = 2;
    setField(type, 'description', 'From the high client', 'user');
    // The rest of client 1, then client 2: Y.mergeUpdates alone drops client 2 from this pair.
    const batch = [lowHalf, updateInOrder(peer, [[1, 20], [2, 0]])];
    docUpdates(ws.doc).carry((done) =>
      ws.doc.transact(() => {
        for (const u of batch) Y.applyUpdate(ws.doc, u, 'remote');
        done(batch, true);
      }, 'remote'),
    );
    expect(Y.encodeStateVector(ws.doc)).toEqual(Y.encodeStateVector(peer));
    // The batch is merged and written once REMOTE_BATCH_MS have passed (not as it came, on close).
    await new Promise((r) => setTimeout(r, REMOTE_BATCH_MS * 2));
    for (let i = 0; i < 200 && usePersistence.getState().pending > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(usePersistence.getState().pending).toBe(0);
    ws.close();
    const again = await openWorkspace(id, db);
    expect(Y.decodeStateVector(Y.encodeStateVector(again.doc))).toEqual(Y.decodeStateVector(Y.encodeStateVector(peer)));
    expect(listRecords(playbookOf(again.doc).crisisTypes)[0]!.get('description')).toBe('From the high client');
    again.close();
  });

  it('an open workspace compacts its rows at idle without losing an edit', async () => {
    const id = await createWorkspace({ name: 'Busy', language: 'en' }, db);
    const ws = await openWorkspace(id, db);
    const first = listRecords(playbookOf(ws.doc).crisisTypes)[0]!;
    for (let i = 0; i < 40; i++) setField(first, 'name', `Name ${i}`, 'user');
    for (let i = 0; i < 200 && usePersistence.getState().pending > 0; i++) await new Promise((r) => setTimeout(r, 10));
    const rows = () => db.table(UPDATES_TABLE).where('k').equals(id).count();
    expect(await rows()).toBeGreaterThan(40);
    ws.close();
    // At idle after the open and after the close: the base and at most two merged rows.
    for (let i = 0; i < 100 && (await rows()) > 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await rows()).toBeLessThanOrEqual(3);
    const again = await openWorkspace(id, db);
    expect(listRecords(playbookOf(again.doc).crisisTypes)[0]!.get('name')).toBe('Name 39');
    again.close();
    expect(compressYDocs).not.toHaveBeenCalled();
  });
});
