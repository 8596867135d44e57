import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { DiffSlicer } from '../../../shared/sync/slices';
import { SyncSession } from '../../../shared/sync/session';
import { deleteSetDigest } from '../../../shared/sync/docState';
import { hasPendingUpdates } from '../../../shared/doc/yjsInternals';
import { write } from '../../../shared/doc/origins';
import { bigDoc } from './bigDoc';

function slicesOf(doc: Y.Doc, sv: Map<number, number>, bound: number): Uint8Array[] {
  const slicer = new DiffSlicer(doc, sv, bound);
  const out: Uint8Array[] = [];
  for (let s = slicer.next(); s; s = slicer.next()) out.push(s);
  expect(slicer.done).toBe(true);
  return out;
}

const same = (a: Y.Doc, b: Y.Doc) => {
  expect(Y.encodeStateVector(b)).toEqual(Y.encodeStateVector(a));
  expect(deleteSetDigest(b)).toBe(deleteSetDigest(a));
  expect(hasPendingUpdates(b)).toBe(false);
  expect(b.getArray('records').toJSON()).toEqual(a.getArray('records').toJSON());
};

describe('a diff in bounded slices', () => {
  it('converges from nothing, each slice within the bound (plus one struct)', () => {
    const src = bigDoc(600);
    const bound = 4 * 1024;
    const slices = slicesOf(src, new Map(), bound);
    expect(slices.length).toBeGreaterThan(20);
    // A slice stops after the struct that reached the bound; here no struct is over 1 KiB.
    for (const s of slices) expect(s.length).toBeLessThanOrEqual(bound + 1024);
    const dst = new Y.Doc();
    for (const s of slices) Y.applyUpdate(dst, s, 'remote');
    same(src, dst);
  });

  it('starts small: four slices each of a sixteenth, an eighth, a quarter and a half of the bound', () => {
    const src = bigDoc(1500);
    const bound = 32 * 1024;
    const slices = slicesOf(src, new Map(), bound);
    // A slice stops after the struct that reached its limit; here no struct is over 1 KiB.
    [bound / 16, bound / 8, bound / 4, bound / 2].flatMap((limit) => [limit, limit, limit, limit]).forEach((limit, i) => {
      expect(slices[i]!.length).toBeLessThanOrEqual(limit + 1024);
      expect(slices[i]!.length).toBeGreaterThanOrEqual(limit);
    });
    expect(Math.max(...slices.slice(16, -2).map((s) => s.length))).toBeGreaterThanOrEqual(bound);
  });

  it('converges in any order (a slice before what it refers to waits in Yjs)', () => {
    const src = bigDoc(200);
    const slices = slicesOf(src, new Map(), 2048);
    const gen = prng.create(3);
    const shuffled = slices.map((s) => [prng.real53(gen), s] as const).sort((a, b) => a[0] - b[0]).map(([, s]) => s);
    const dst = new Y.Doc();
    for (const s of shuffled) Y.applyUpdate(dst, s, 'remote');
    same(src, dst);
  });

  it('sends only what a peer lacks, from inside a struct on, deletions included', () => {
    const src = bigDoc(150);
    // The peer got the first updates only; it lacks the rest (some of it inside merged text runs).
    const peer = new Y.Doc();
    const updates: Uint8Array[] = [];
    const more = (u: Uint8Array) => updates.push(u);
    src.on('update', more);
    const list = src.getArray<Y.Map<unknown>>('records');
    for (let i = 0; i < 40; i++) {
      src.clientID = 100 + (i % 3);
      write(src, 'user', () => (list.get(i)!.get('body') as Y.Text).insert(5, `more ${i} 更多`));
      if (i === 20) for (const u of updates) Y.applyUpdate(peer, u, 'remote');
      if (i % 4 === 0) write(src, 'user', () => (list.get(i + 1)!.get('body') as Y.Text).delete(2, 4));
    }
    src.off('update', more);
    const before = Y.encodeStateAsUpdate(src); // everything, for comparison
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(bigDoc(150)), 'remote'); // the shared start
    const slices = slicesOf(src, Y.decodeStateVector(Y.encodeStateVector(peer)), 2048);
    for (const s of slices) {
      Y.applyUpdate(peer, s, 'remote');
      // In order, no slice waits for a later one.
      expect(hasPendingUpdates(peer)).toBe(false);
    }
    same(src, peer);
    expect(slices.reduce((n, s) => n + s.length, 0)).toBeLessThan(before.length);
  });

  it('orders structs after what they refer to, across clients (no slice waits in order)', () => {
    const src = bigDoc(400, 4);
    const dst = new Y.Doc();
    for (const s of slicesOf(src, new Map(), 1024)) {
      Y.applyUpdate(dst, s, 'remote');
      expect(hasPendingUpdates(dst)).toBe(false);
    }
    same(src, dst);
  });

  it("lists each slice's clients in decreasing order, as Yjs does: Y.mergeUpdates of the slices keeps every struct", () => {
    // A lower client listed before a higher one made Y.mergeUpdates drop the higher one's first
    // structs (storage merges received slices: a laptop that joined lost part of its stored copy).
    for (const [seed, clients, bound] of [[7, 3, 1024], [11, 5, 2048], [13, 4, 512]] as const) {
      const src = bigDoc(300, clients, seed);
      const slices = slicesOf(src, new Map(), bound);
      for (const s of slices) {
        const order = Y.decodeUpdate(s).structs.map((st) => st.id.client);
        expect(order).toEqual([...order].sort((a, b) => b - a));
      }
      const viaV1 = new Y.Doc();
      Y.applyUpdate(viaV1, Y.mergeUpdates(slices), 'remote');
      same(src, viaV1);
      const viaV2 = new Y.Doc();
      Y.applyUpdateV2(viaV2, Y.mergeUpdatesV2(slices.map((s) => Y.convertUpdateFormatV1ToV2(s))), 'remote');
      same(src, viaV2);
    }
  });

  it('cuts a large delete set into several slices', () => {
    const doc = new Y.Doc();
    doc.clientID = 5;
    const t = doc.getText('t');
    write(doc, 'user', () => t.insert(0, 'ab'.repeat(10_000)));
    // Every second character deleted: 10,000 separate ranges.
    write(doc, 'user', () => {
      for (let i = 0; i < 10_000; i++) t.delete(i, 1);
    });
    const slices = slicesOf(doc, new Map(), 64 * 1024);
    expect(slices.length).toBeGreaterThanOrEqual(3);
    const dst = new Y.Doc();
    for (const s of slices) Y.applyUpdate(dst, s, 'remote');
    expect(dst.getText('t').toString()).toBe('b'.repeat(10_000));
    expect(deleteSetDigest(dst)).toBe(deleteSetDigest(doc));
  });
});

describe('a session joining a big document', () => {
  it('receives it in bounded slices, one task each, made as the link drains, and ends in sync', async () => {
    const src = bigDoc(1500, 2);
    const joiner = new Y.Doc();
    const bound = 16 * 1024;
    const a = new SyncSession({ doc: src, workspaceId: 'ws', sliceBytes: bound });
    const b = new SyncSession({ doc: joiner, workspaceId: 'ws', sliceBytes: bound });
    let task = 0;
    const applied: Array<{ bytes: number; task: number }> = [];
    joiner.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'remote') applied.push({ bytes: u.length, task });
    });
    // A link that delivers each frame in its own macrotask and reports what it still holds.
    const wire = (from: SyncSession, to: SyncSession, toId: string, fromId: string) => {
      let held = 0;
      return {
        send(frame: Uint8Array) {
          held += frame.length;
          const copy = frame.slice();
          setTimeout(() => {
            task++;
            held -= copy.length;
            to.receive(fromId, copy);
            from.pump(toId);
          }, 0);
        },
        bufferedAmount: () => held,
        highWaterBytes: 64 * 1024,
        close() {},
      };
    };
    a.addPeer('b', wire(a, b, 'b', 'a'));
    b.addPeer('a', wire(b, a, 'a', 'b'));
    let maxInFlight = 0;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
      a.tick();
      b.tick();
      maxInFlight = Math.max(maxInFlight, a.stats.slicesSent - b.stats.updatesApplied);
      const sa = a.status().peers[0];
      const sb = b.status().peers[0];
      if (sa?.inSync && sb?.inSync) break;
    }
    expect(a.status().peers[0]?.inSync).toBe(true);
    expect(b.status().peers[0]?.inSync).toBe(true);
    expect(joiner.getArray('records').toJSON()).toEqual(src.getArray('records').toJSON());
    // Many slices, each within the bound (plus one struct), each applied in a task of its own.
    expect(a.stats.slicesSent).toBeGreaterThan(10);
    for (const x of applied) expect(x.bytes).toBeLessThanOrEqual(bound + 1024);
    expect(new Set(applied.map((x) => x.task)).size).toBe(applied.length);
    // Slices are made as the link drains, not all at once.
    expect(maxInFlight).toBeLessThan(a.stats.slicesSent);
    a.destroy();
    b.destroy();
  }, 30_000);

  it('holds a big diff on a stand-in link for its bulk delay; a small one goes at once', () => {
    let clock = 1_000;
    const run = (src: Y.Doc) => {
      const dst = new Y.Doc();
      const a = new SyncSession({ doc: src, workspaceId: 'ws', now: () => clock, sliceBytes: 4096 });
      const b = new SyncSession({ doc: dst, workspaceId: 'ws', now: () => clock, sliceBytes: 4096 });
      const q: Array<[SyncSession, string, Uint8Array]> = [];
      a.addPeer('b', { send: (f) => q.push([b, 'a', f.slice()]), bulkDelayMs: 2000, close() {} });
      b.addPeer('a', { send: (f) => q.push([a, 'b', f.slice()]), close() {} });
      const deliver = () => {
        while (q.length) {
          const [to, from, f] = q.shift()!;
          to.receive(from, f);
        }
      };
      deliver();
      return { a, b, dst, deliver };
    };
    const small = new Y.Doc();
    write(small, 'user', () => small.getMap('m').set('k', 'v'));
    const s = run(small);
    expect(s.dst.getMap('m').get('k')).toBe('v');
    const big = run(bigDoc(200));
    expect(big.dst.getArray('records').length).toBe(0);
    clock += 2_100;
    big.a.tick();
    big.deliver();
    expect(big.dst.getArray('records').length).toBe(200);
  });
});
