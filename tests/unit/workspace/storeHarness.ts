import { afterEach, beforeEach, vi } from 'vitest';
import { CrisisRoomDb } from '../../../renderer/workspace/db';
import { ensureDataKey } from '../../../renderer/vault';
import { answerRequest, type MergeRequest, type WorkerLike } from '../../../renderer/workspace/compactionMerge';

/**
 * Storage tests' shared pieces: a fresh database per test, a Worker stand-in running the
 * compaction worker's own handler, and rows read as IndexedDB holds them.
 */

/** A new database per test (`<prefix>-<n>`, the data key of `id` ensured), closed and deleted after it. */
export function freshDbPerTest(prefix: string, id: string): () => CrisisRoomDb {
  let db: CrisisRoomDb | null = null;
  let n = 0;
  beforeEach(async () => {
    db = new CrisisRoomDb(`${prefix}-${++n}`);
    await db.open();
    await ensureDataKey(id);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    db?.close();
    await db?.delete();
  });
  return () => db!;
}

/**
 * A Worker stand-in running the worker's own handler (commits included; or `answer`) on a structured
 * clone of each request, asynchronously, after `beforeAnswer`, keeping what it received.
 */
export function fakeWorker(beforeAnswer: (req: MergeRequest) => Promise<void> | void = () => {}, answer: (req: unknown) => Promise<unknown> = answerRequest): WorkerLike & { received: MergeRequest[] } {
  const w = {
    received: [] as MergeRequest[],
    onmessage: null as WorkerLike['onmessage'],
    onerror: null as WorkerLike['onerror'],
    postMessage(message: MergeRequest) {
      w.received.push(message);
      setTimeout(() => void Promise.resolve(beforeAnswer(message)).then(() => answer(structuredClone(message)).then((data) => w.onmessage?.({ data }))), 0);
    },
    terminate() {},
  };
  return w;
}

/** The rows of document `id` in `table` as IndexedDB holds them (sealed), under Dexie and its vault middleware. */
export function rawRows(db: CrisisRoomDb, table: string, id: string): Promise<Array<{ i: number; $u: Uint8Array }>> {
  return new Promise((resolve, reject) => {
    const req = db.backendDB().transaction(table).objectStore(table).index('k').getAll(IDBKeyRange.only(id));
    req.onsuccess = () => resolve(req.result as Array<{ i: number; $u: Uint8Array }>);
    req.onerror = () => reject(req.error);
  });
}
