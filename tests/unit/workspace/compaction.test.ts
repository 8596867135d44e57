import 'fake-indexeddb/auto';
import { beforeAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { compressYDocs } from 'y-dexie';
import { installTestVault } from '../vault/testVault';
import { CrisisRoomDb, UPDATES_TABLE } from '../../../renderer/workspace/db';
import { storeUpdateNow } from '../../../renderer/workspace/durableWrites';
import { DocCompactor, FOLD_RATIO, MAX_SEGMENTS, planCompaction } from '../../../renderer/workspace/compaction';
import { mergeTail, foldAll, type Merger, type MergeKind } from '../../../renderer/workspace/compactionMerge';
import { ensureDataKey } from '../../../renderer/vault';

// Rows go through the vault's middleware (sealed on the way in, opened on the way out).
beforeAll(async () => {
  await installTestVault();
});

let db: CrisisRoomDb;
let n = 0;
const ID = 'ws-compaction';

beforeEach(async () => {
  db = new CrisisRoomDb(`compaction-${++n}`);
  await db.open();
  await ensureDataKey(ID);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

/** A document whose every update is one stored row (like a session typing); edit 0 writes a large base. */
function editor(): { doc: Y.Doc; edit: (k: number, pasted?: number) => Promise<Uint8Array> } {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const map = doc.getMap('m');
  const edit = async (k: number, pasted = k === 0 ? 5000 : 0) => {
    let update: Uint8Array | null = null;
    const grab = (u: Uint8Array) => (update = u);
    doc.on('updateV2', grab);
    doc.transact(() => {
      text.insert(Math.min(text.length, (k * 7) % (text.length + 1)), `字${k}${'危'.repeat(pasted)}`);
      if (k % 3 === 0 && text.length > 4) text.delete(1, 2);
      map.set(`key${k % 5}`, k);
    }, 'user');
    doc.off('updateV2', grab);
    await storeUpdateNow(db, ID, update!);
    return update!;
  };
  return { doc, edit };
}

const rowsOf = async () => (await db.table(UPDATES_TABLE).where('k').equals(ID).toArray()) as Array<{ i: number; u: Uint8Array }>;
const keysOf = async () => (await db.table(UPDATES_TABLE).where('k').equals(ID).primaryKeys()) as number[];

/** The stored state, read back into a fresh document. */
async function storedState(): Promise<Uint8Array> {
  const d = new Y.Doc();
  for (const r of await rowsOf()) Y.applyUpdateV2(d, r.u, 'remote');
  return Y.encodeStateAsUpdate(d);
}
const stateOf = (doc: Y.Doc) => {
  const d = new Y.Doc();
  Y.applyUpdateV2(d, Y.encodeStateAsUpdateV2(doc), 'remote');
  return Y.encodeStateAsUpdate(d);
};

/** An off-thread merger (the worker's own functions, in-process) that records what it is given. */
function recordingWorker(): Merger & { calls: Array<{ kind: MergeKind; updates: Uint8Array[] }>; gate?: Promise<void> } {
  const m = {
    offThread: true,
    calls: [] as Array<{ kind: MergeKind; updates: Uint8Array[] }>,
    gate: undefined as Promise<void> | undefined,
    async merge(kind: MergeKind, updates: readonly Uint8Array[]) {
      m.calls.push({ kind, updates: [...updates] });
      await m.gate;
      return kind === 'fold' ? foldAll(updates) : mergeTail(updates);
    },
  };
  return m;
}

describe('planning what to merge', () => {
  it('merges only the rows after the last compaction, never the base unless a fold is due and a worker runs', () => {
    const worker = { canFold: true };
    expect(planCompaction([5], null, worker)).toBeNull();
    // A new session: everything after the base.
    expect(planCompaction([1, 4, 9], null, worker)).toEqual({ kind: 'tail', sources: [4, 9] });
    expect(planCompaction([1, 4, 9, 12, 15], 9, worker)).toEqual({ kind: 'tail', sources: [12, 15] });
    expect(planCompaction([1, 4, 9, 12], 9, worker)).toBeNull();
    // Too many merged rows: they are merged again with the new ones, the base still not.
    const segments = Array.from({ length: MAX_SEGMENTS }, (_, j) => 10 + j);
    expect(planCompaction([1, ...segments, 30], segments.at(-1)!, worker)).toEqual({ kind: 'tail', sources: [...segments, 30] });
    expect(planCompaction([1, 4, 9], 4, { canFold: true, foldDue: true })).toEqual({ kind: 'fold', sources: [1, 4, 9] });
    expect(planCompaction([1, 4, 9], 4, { canFold: false, foldDue: true })).toBeNull();
  });
});

describe('compacting a stored document', () => {
  it('merges only the rows written since the last compaction into one, and the stored state stays the same', async () => {
    const { doc, edit } = editor();
    for (let k = 0; k < 12; k++) await edit(k);
    const worker = recordingWorker();
    const c = new DocCompactor(db, UPDATES_TABLE, ID, { merger: worker, foldMinBytes: 0 });
    // A new session: the rows after the base; then (tail ≥ the fold threshold) a fold.
    expect(await c.compact()).toEqual({ kind: 'tail', merged: 11, again: true });
    expect(await keysOf()).toHaveLength(2);
    expect(await storedState()).toEqual(stateOf(doc));
    expect((await c.compact()).kind).toBe('fold');
    expect(await keysOf()).toHaveLength(1);
    expect(await storedState()).toEqual(stateOf(doc));

    for (let round = 0; round < MAX_SEGMENTS; round++) {
      const added: Uint8Array[] = [];
      for (let k = 0; k < 5; k++) added.push(await edit(1000 + 100 * round + k));
      const before = await keysOf();
      expect(await c.compact()).toEqual({ kind: 'tail', merged: 5, again: false });
      // Exactly the new rows, in order; not the base, not earlier merges.
      expect(worker.calls.at(-1)!.updates).toEqual(added);
      expect(await keysOf()).toEqual([...before.slice(0, -5), before.at(-1)]);
      expect(await storedState()).toEqual(stateOf(doc));
    }
    // MAX_SEGMENTS merged rows: merged again with the new rows, the base left alone.
    for (let k = 0; k < 5; k++) await edit(5000 + k);
    const r = await c.compact();
    expect(r).toEqual({ kind: 'tail', merged: MAX_SEGMENTS + 5, again: false });
    expect(await keysOf()).toHaveLength(2);
    expect(await storedState()).toEqual(stateOf(doc));
  });

  it("a new session takes the few rows earlier sessions left as merged: its first compaction merges only its own rows (not a large one left after the base)", async () => {
    const { doc, edit } = editor();
    await edit(0);
    // A whole document that came in one row after the base (a backup merged, a first sync).
    const large = await edit(1, 20_000);
    const worker = recordingWorker();
    const c = new DocCompactor(db, UPDATES_TABLE, ID, { merger: worker, foldMinBytes: 0 });
    expect(await c.resume()).toBe(false);
    const added: Uint8Array[] = [];
    for (let k = 2; k < 7; k++) added.push(await edit(k));
    expect(await c.compact()).toEqual({ kind: 'tail', merged: 5, again: false });
    expect(worker.calls.map((x) => x.updates)).toEqual([added]);
    expect(worker.calls.flatMap((x) => x.updates)).not.toContain(large);
    expect(await keysOf()).toHaveLength(3);
    expect(await storedState()).toEqual(stateOf(doc));
    // Many rows left (a session that never compacted): compacted as the session opens.
    for (let k = 10; k < 10 + MAX_SEGMENTS; k++) await edit(k);
    expect(await new DocCompactor(db, UPDATES_TABLE, ID, { merger: worker }).resume()).toBe(true);
  });

  it('folds into the base once the rows after it hold a quarter of its size', async () => {
    const { doc, edit } = editor();
    for (let k = 0; k < 3; k++) await edit(k);
    const c = new DocCompactor(db, UPDATES_TABLE, ID, { merger: recordingWorker(), foldMinBytes: 0 });
    await c.compact();
    expect((await c.compact()).kind).toBe('fold');
    const baseBytes = (await rowsOf())[0]!.u.length;
    let r = { kind: 'none', again: false } as { kind: string; again: boolean };
    let k = 3;
    while (!r.again) {
      for (let j = 0; j < 3; j++) await edit(k++, 300);
      r = await c.compact();
      expect(r.kind).toBe('tail');
    }
    expect((await rowsOf())[1]!.u.length).toBeGreaterThanOrEqual(baseBytes * FOLD_RATIO);
    expect((await c.compact()).kind).toBe('fold');
    expect(await keysOf()).toHaveLength(1);
    expect(await storedState()).toEqual(stateOf(doc));
  });

  it('loses nothing when it fails between the merge and the commit', async () => {
    const { doc, edit } = editor();
    for (let k = 0; k < 10; k++) await edit(k);
    const before = await rowsOf();
    const c = new DocCompactor(db, UPDATES_TABLE, ID, { merger: recordingWorker(), beforeCommit: () => Promise.reject(new Error('crash')) });
    await expect(c.compact()).rejects.toThrow('crash');
    expect(await rowsOf()).toEqual(before);
    expect(await storedState()).toEqual(stateOf(doc));
  });

  it('writes the merged row and deletes its sources in one transaction: a failure inside it leaves every row as it was', async () => {
    const { doc, edit } = editor();
    for (let k = 0; k < 10; k++) await edit(k);
    const before = await rowsOf();
    // A storage failure on the delete, after the merged row's put in the same transaction.
    let fail = true;
    const origDelete = IDBObjectStore.prototype.delete;
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['delete']>) {
      if (fail && this.name === UPDATES_TABLE) throw new Error('disk gone');
      return origDelete.apply(this, args);
    });
    const c = new DocCompactor(db, UPDATES_TABLE, ID, { merger: recordingWorker() });
    await expect(c.compact()).rejects.toThrow('disk gone');
    // The put at the newest source's key was rolled back with the rest.
    expect(await rowsOf()).toEqual(before);
    expect(await storedState()).toEqual(stateOf(doc));
    fail = false;
    expect((await c.compact()).kind).toBe('tail');
    expect(await storedState()).toEqual(stateOf(doc));
  });

  it('keeps a row written while the worker merges', async () => {
    const { doc, edit } = editor();
    for (let k = 0; k < 10; k++) await edit(k);
    const worker = recordingWorker();
    let release!: () => void;
    worker.gate = new Promise((r) => (release = r));
    const c = new DocCompactor(db, UPDATES_TABLE, ID, { merger: worker });
    const running = c.compact();
    for (let i = 0; i < 20 && worker.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    const late = await edit(999);
    release();
    expect((await running).kind).toBe('tail');
    const rows = await rowsOf();
    expect(rows).toHaveLength(3);
    expect(rows[2]!.u).toEqual(late);
    expect(await storedState()).toEqual(stateOf(doc));
  });

  it("writes nothing when another compaction (another window, y-dexie's) changed the rows meanwhile", async () => {
    const { doc, edit } = editor();
    for (let k = 0; k < 10; k++) await edit(k);
    const worker = recordingWorker();
    let release!: () => void;
    worker.gate = new Promise((r) => (release = r));
    const c = new DocCompactor(db, UPDATES_TABLE, ID, { merger: worker });
    const running = c.compact();
    for (let i = 0; i < 20 && worker.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    await compressYDocs(db, 0);
    await edit(500);
    const after = await rowsOf();
    release();
    expect((await running).kind).toBe('conflict');
    expect(await rowsOf()).toEqual(after);
    expect(await storedState()).toEqual(stateOf(doc));
    // The next run starts over from what is there.
    await edit(501);
    expect((await c.compact()).kind).toBe('tail');
    expect(await storedState()).toEqual(stateOf(doc));
  });
});
