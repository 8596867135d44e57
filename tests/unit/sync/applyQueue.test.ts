import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { ApplyQueue, type ApplyPacing } from '../../../shared/sync/applyQueue';
import { SyncSession } from '../../../shared/sync/session';
import { deleteSetDigest } from '../../../shared/sync/docState';
import { write } from '../../../shared/doc/origins';

/** A document of `records` maps with text bodies written by a few clients, some text deleted. */
function bigDoc(records: number, seed = 3): Y.Doc {
  const gen = prng.create(seed);
  const doc = new Y.Doc();
  const list = doc.getArray<Y.Map<unknown>>('records');
  for (let i = 0; i < records; i++) {
    doc.clientID = 200 + (i % 3);
    write(doc, 'user', () => {
      const m = new Y.Map<unknown>();
      const t = new Y.Text();
      t.insert(0, `${prng.word(gen, 40, 160)} 危機 ${i}`);
      m.set('body', t);
      list.push([m]);
    });
    if (i % 4 === 0) write(doc, 'user', () => (list.get(prng.int32(gen, 0, list.length - 1))!.get('body') as Y.Text).delete(0, 2));
  }
  return doc;
}

/** Pacing by hand: `later` queues, `step()` runs one task; the clock moves 1 ms per read. */
function manualPacing(budgetMs: number): ApplyPacing & { step: () => boolean; tasks: number } {
  const queue: Array<() => void> = [];
  let t = 0;
  const p = {
    tasks: 0,
    later: (fn: () => void) => void queue.push(fn),
    clock: () => t++,
    budgetMs,
    step: () => {
      const fn = queue.shift();
      if (!fn) return false;
      p.tasks++;
      fn();
      return true;
    },
  };
  return p;
}

describe('ApplyQueue', () => {
  it('applies without pacing at once; with pacing a lone small update at once, slices in batches of one transaction each', () => {
    const src = new Y.Doc();
    const updates: Uint8Array[] = [];
    src.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 12; i++) write(src, 'user', () => src.getArray('a').push([i]));
    const now = new Y.Doc();
    const batches: number[] = [];
    new ApplyQueue(now, null, (b) => batches.push(b.updates.length)).push({ peerId: 'p', msgId: 1, update: updates[0]!, slice: true });
    expect(now.getArray('a').toJSON()).toEqual([0]);
    const dst = new Y.Doc();
    const transactions: unknown[] = [];
    dst.on('afterTransaction', (tr: Y.Transaction) => transactions.push(tr.origin));
    const pacing = manualPacing(6);
    const q = new ApplyQueue(dst, pacing, (b) => batches.push(b.updates.length));
    q.push({ peerId: 'p', msgId: 1, update: updates[0]!, slice: false });
    expect(dst.getArray('a').length).toBe(1);
    updates.slice(1).forEach((update, i) => q.push({ peerId: 'p', msgId: i + 2, update, slice: true }));
    expect(dst.getArray('a').length).toBe(1);
    while (pacing.step());
    expect(dst.getArray('a').toJSON()).toEqual(src.getArray('a').toJSON());
    // Budget 6 ms, a third for applying, the clock moving 1 ms per read: 2 updates per batch.
    expect(batches.slice(1)).toEqual([1, 2, 2, 2, 2, 2, 1]); // the lone update, then six batches
    // One transaction for the lone update, one per batch (reading the document adds none of origin 'remote').
    expect(transactions.filter((o) => o === 'remote').length).toBe(7);
  });

  it('a batch takes updates up to its byte bound (at least one, however large)', () => {
    const src = new Y.Doc();
    const updates: Uint8Array[] = [];
    src.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 10; i++) write(src, 'user', () => src.getArray('a').push(['x'.repeat(i === 4 ? 5000 : 900)]));
    const dst = new Y.Doc();
    const pacing = { ...manualPacing(1_000_000), maxBytes: 2000 };
    const batches: number[][] = [];
    const q = new ApplyQueue(dst, pacing, (b) => batches.push(b.updates.map((u) => u.msgId)));
    updates.forEach((update, i) => q.push({ peerId: 'p', msgId: i, update, slice: true }));
    while (pacing.step());
    expect(dst.getArray('a').toJSON()).toEqual(src.getArray('a').toJSON());
    // ~930 bytes each: two per batch; the 5 KB one alone.
    expect(batches).toEqual([[0, 1], [2, 3], [4], [5, 6], [7, 8], [9]]);
    for (const b of batches) {
      const bytes = b.reduce((n, i) => n + updates[i]!.length, 0);
      expect(b.length === 1 || bytes <= 2000).toBe(true);
    }
  });

  it('counts an update Yjs refuses and goes on with the batch', () => {
    const src = new Y.Doc();
    write(src, 'user', () => src.getMap('m').set('k', 'v'));
    const dst = new Y.Doc();
    const pacing = manualPacing(1000);
    let bad = 0;
    const q = new ApplyQueue(dst, pacing, (b) => (bad += b.bad));
    q.push({ peerId: 'p', msgId: 1, update: new Uint8Array([1, 2, 3, 250, 250]), slice: true });
    q.push({ peerId: 'p', msgId: 2, update: Y.encodeStateAsUpdate(src), slice: true });
    while (pacing.step());
    expect(bad).toBe(1);
    expect(dst.getMap('m').get('k')).toBe('v');
  });
});

describe('a paced session joining a big document', () => {
  it('applies the slices in batches between tasks, acknowledges each batch, sends its own diff once and ends in sync', async () => {
    const src = bigDoc(1200);
    const joiner = new Y.Doc();
    joiner.clientID = 999;
    write(joiner, 'user', () => joiner.getMap('mine').set('hello', 'world'));
    const pacing: ApplyPacing = { later: (fn) => void setTimeout(fn, 0), clock: () => performance.now(), budgetMs: 10 };
    const a = new SyncSession({ doc: src, workspaceId: 'ws', sliceBytes: 4096 });
    const b = new SyncSession({ doc: joiner, workspaceId: 'ws', sliceBytes: 4096, applyPacing: pacing });
    const remoteTransactions: number[] = [];
    joiner.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === 'remote') remoteTransactions.push(1);
    });
    const link = (to: SyncSession, fromId: string, from: SyncSession, toId: string) => ({
      send(frame: Uint8Array) {
        const copy = frame.slice();
        setTimeout(() => {
          to.receive(fromId, copy);
          from.pump(toId);
        }, 0);
      },
      close() {},
    });
    a.addPeer('b', link(b, 'a', a, 'b'));
    b.addPeer('a', link(a, 'b', b, 'a'));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
      a.tick();
      b.tick();
      if (a.status().peers[0]?.inSync && b.status().peers[0]?.inSync) break;
    }
    expect(a.status().peers[0]?.inSync).toBe(true);
    expect(b.status().peers[0]?.inSync).toBe(true);
    expect(joiner.getArray('records').toJSON()).toEqual(src.getArray('records').toJSON());
    expect(src.getMap('mine').get('hello')).toBe('world');
    expect(deleteSetDigest(joiner)).toBe(deleteSetDigest(src));
    expect(a.stats.slicesSent).toBeGreaterThan(20);
    // Several slices per transaction at times, never more transactions than slices.
    expect(remoteTransactions.length).toBeLessThanOrEqual(b.stats.updatesApplied);
    // The joiner sent what it holds once, not again while it caught up (its delete set differed all along).
    expect(b.stats.diffsSent).toBe(1);
    a.destroy();
    b.destroy();
  }, 30_000);
});
