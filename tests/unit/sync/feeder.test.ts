import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SyncSession } from '../../../shared/sync/session';
import { FeedTracker } from '../../../shared/sync/feeder';
import { DiffSlicer } from '../../../shared/sync/slices';
import { write } from '../../../shared/doc/origins';
import { bigDoc } from './bigDoc';

/** Links that deliver each frame in a macrotask of its own; `cut(a, b)` ends the link both ways. */
function network() {
  const open = new Set<string>();
  const link = (from: SyncSession, to: SyncSession, fromId: string, toId: string) => {
    let held = 0;
    open.add(`${fromId}>${toId}`);
    return {
      send(frame: Uint8Array) {
        if (!open.has(`${fromId}>${toId}`)) return;
        held += frame.length;
        const copy = frame.slice();
        setTimeout(() => {
          held -= copy.length;
          if (open.has(`${fromId}>${toId}`)) to.receive(fromId, copy);
          from.pump(toId);
        }, 0);
      },
      bufferedAmount: () => held,
      highWaterBytes: 64 * 1024,
      close() {},
    };
  };
  const connect = (a: SyncSession, aId: string, b: SyncSession, bId: string) => {
    a.addPeer(bId, link(a, b, aId, bId));
    b.addPeer(aId, link(b, a, bId, aId));
  };
  const cut = (a: SyncSession, aId: string, b: SyncSession, bId: string) => {
    open.delete(`${aId}>${bId}`);
    open.delete(`${bId}>${aId}`);
    a.removePeer(bId);
    b.removePeer(aId);
  };
  return { connect, cut };
}

async function until(sessions: SyncSession[], done: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 5));
    for (const s of sessions) s.tick();
  }
}

const inSyncWithAll = (s: SyncSession) => s.status().peers.filter((p) => p.connected).every((p) => p.inSync);
// Small slices: the window of slices a second laptop sends before its first "hold" arrives
// (SLICE_WINDOW of them) stays a small part of the diff, as it is for a real workspace.
const BOUND = 2 * 1024;

/** A laptop joining two laptops that already hold `src`: returns what it received. */
async function joinTwo(src: Y.Doc, cutFirstFeederAfter?: number) {
  const docs = [src, new Y.Doc(), new Y.Doc()];
  Y.applyUpdate(docs[1]!, Y.encodeStateAsUpdate(src), 'remote');
  const [a, b, joiner] = docs.map((doc) => new SyncSession({ doc, workspaceId: 'ws', sliceBytes: BOUND }));
  const net = network();
  net.connect(a!, 'a', b!, 'b');
  await until([a!, b!], () => inSyncWithAll(a!) && inSyncWithAll(b!));
  net.connect(joiner!, 'j', a!, 'a');
  net.connect(joiner!, 'j', b!, 'b');
  if (cutFirstFeederAfter !== undefined) {
    await until([a!, b!, joiner!], () => a!.stats.slicesSent + b!.stats.slicesSent >= cutFirstFeederAfter);
    const feeder = a!.stats.slicesSent >= b!.stats.slicesSent ? a! : b!;
    net.cut(feeder, feeder === a ? 'a' : 'b', joiner!, 'j');
  }
  await until([a!, b!, joiner!], () => inSyncWithAll(joiner!) && joiner!.status().peers.some((p) => p.inSync));
  const result = { bytesIn: joiner!.stats.bytesIn, slicesA: a!.stats.slicesSent, slicesB: b!.stats.slicesSent, inSync: inSyncWithAll(joiner!), same: JSON.stringify(docs[2]!.getArray('records').toJSON()) === JSON.stringify(src.getArray('records').toJSON()) };
  for (const s of [a, b, joiner]) s!.destroy();
  return result;
}

describe('one sender per catching-up laptop', () => {
  it('a laptop joining two takes the diff from one of them, not from both', async () => {
    const src = bigDoc(900, 3, 11, false);
    const diffBytes = Y.encodeStateAsUpdate(src).length;
    const r = await joinTwo(src);
    expect(r.inSync).toBe(true);
    expect(r.same).toBe(true);
    // Before: both laptops sent the whole diff (≈ 2× its size). Now one window of slices at most
    // comes twice (sent before the joiner's first "hold" arrived), plus framing and state messages.
    expect(r.bytesIn).toBeLessThan(1.4 * diffBytes);
    expect(Math.min(r.slicesA, r.slicesB)).toBeLessThan(Math.max(r.slicesA, r.slicesB) / 2);
  }, 30_000);

  it('when the feeder goes away mid-way, the other laptop sends only what is still missing', async () => {
    const src = bigDoc(900, 3, 11, false);
    const diffBytes = Y.encodeStateAsUpdate(src).length;
    const r = await joinTwo(src, 20);
    expect(r.inSync).toBe(true);
    expect(r.same).toBe(true);
    expect(r.bytesIn).toBeLessThan(1.5 * diffBytes);
  }, 30_000);
});

describe('FeedTracker', () => {
  it('holds every other peer once one has sent a run of slices, while it keeps sending, then lets them go', () => {
    let now = 0;
    const f = new FeedTracker(() => now, 2000, 3);
    f.noteSlice('a');
    f.noteSlice('b');
    f.noteSlice('a');
    // Two slices are a reconnect's few edits, not a transfer: nobody is held.
    expect([f.holdFor('a'), f.holdFor('b')]).toEqual([false, false]);
    f.noteSlice('a');
    f.noteSlice('b');
    f.noteSlice('b');
    expect([f.holdFor('a'), f.holdFor('b')]).toEqual([false, true]);
    now = 1500;
    f.noteSlice('a');
    now = 3000;
    expect(f.holdFor('b')).toBe(true);
    now = 3600;
    expect(f.holdFor('b')).toBe(false);
    // A new run is counted from its first slice.
    f.noteSlice('b');
    expect(f.holdFor('a')).toBe(false);
    f.noteSlice('b');
    f.noteSlice('b');
    expect([f.holdFor('a'), f.holdFor('b')]).toEqual([true, false]);
    f.forget('b');
    expect(f.holdFor('a')).toBe(false);
  });
});

describe('after a network loss', () => {
  it('three laptops with their own edits and removals converge at once: a small diff holds nobody back', async () => {
    const base = bigDoc(60, 3, 11, false);
    const docs = [0, 1, 2].map(() => new Y.Doc());
    for (const d of docs) Y.applyUpdate(d, Y.encodeStateAsUpdate(base), 'remote');
    docs.forEach((d, i) =>
      write(d, 'user', () => {
        const list = d.getArray<Y.Map<unknown>>('records');
        (list.get(i)!.get('body') as Y.Text).insert(0, `離線編輯 ${i} `);
        list.delete(10 + i * 5, 2);
      }),
    );
    // The sessions' clock moves 50 ms per round of delivery (rounds are a few real milliseconds).
    let clock = 5_000;
    const sessions = docs.map((doc) => new SyncSession({ doc, workspaceId: 'ws', sliceBytes: 256, now: () => clock }));
    const net = network();
    const same = () => docs.every((d) => JSON.stringify(d.getArray('records').toJSON()) === JSON.stringify(docs[0]!.getArray('records').toJSON()));
    const rounds = async (done: () => boolean) => {
      for (let i = 0; i < 400 && !done(); i++) {
        await new Promise((r) => setTimeout(r, 5));
        clock += 50;
        for (const s of sessions) s.tick();
      }
    };
    // The links come back one after the other: B catches up with A before it meets C.
    net.connect(sessions[0]!, 'a', sessions[1]!, 'b');
    await rounds(() => inSyncWithAll(sessions[0]!) && inSyncWithAll(sessions[1]!));
    const met = clock;
    net.connect(sessions[1]!, 'b', sessions[2]!, 'c');
    net.connect(sessions[0]!, 'a', sessions[2]!, 'c');
    await rounds(() => same() && sessions.every(inSyncWithAll));
    expect(same()).toBe(true);
    // Within the periodic state comparison (2.5 s of clock here, with or without the feeder code);
    // when a reconnect's few slices made A B's "feeder", C was held until A had been quiet for
    // 2 s: 5.1 s of clock.
    expect(clock - met).toBeLessThanOrEqual(2_500);
    for (const s of sessions) s.destroy();
  });
});

describe('DiffSlicer.skipHeld', () => {
  it('skips what the peer got from elsewhere and still converges', () => {
    const src = bigDoc(300, 3, 11, false);
    const slicer = new DiffSlicer(src, new Map(), 2048);
    const dst = new Y.Doc();
    Y.applyUpdate(dst, slicer.next()!, 'remote');
    // Meanwhile the peer got everything from another laptop: only the delete set is left to send.
    Y.applyUpdate(dst, Y.encodeStateAsUpdate(src), 'remote');
    slicer.skipHeld(Y.decodeStateVector(Y.encodeStateVector(dst)));
    const rest: Uint8Array[] = [];
    for (let s = slicer.next(); s; s = slicer.next()) rest.push(s);
    expect(rest.length).toBe(1);
    expect(rest[0]!.length).toBeLessThan(64);
    for (const s of rest) Y.applyUpdate(dst, s, 'remote');
    expect(dst.getArray('records').toJSON()).toEqual(src.getArray('records').toJSON());
  });
});
