import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { SyncSession } from '../../../shared/sync/session';
import { MAX_FRAME_BYTES } from '../../../shared/sync/frames';
import { write } from '../../../shared/doc/origins';
import { changesNotReachedAnyone, headline } from '../../../shared/sync/status';

/** Two or more sessions on an in-memory network with manual delivery. */
function net(count: number) {
  let clock = 10_000;
  const docs = Array.from({ length: count }, () => new Y.Doc());
  const aws = docs.map((d, i) => {
    const a = new Awareness(d);
    a.setLocalState({ user: { name: `p${i}`, color: '#123456' }, editing: null });
    return a;
  });
  const sessions = docs.map((doc, i) => new SyncSession({ doc, workspaceId: 'ws', awareness: aws[i], now: () => clock }));
  const queues = new Map<string, Uint8Array[]>();
  const sent: Uint8Array[] = [];
  const up = new Set<string>();
  const connect = (a: number, b: number) => {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const key = `${x}>${y}`;
      queues.set(key, []);
      up.add(key);
      sessions[x]!.addPeer(String(y), {
        send: (f) => {
          sent.push(f);
          if (up.has(key)) queues.get(key)!.push(f.slice());
        },
        close: () => {
          up.delete(`${x}>${y}`);
          up.delete(`${y}>${x}`);
          sessions[y]!.removePeer(String(x));
        },
      });
    }
  };
  /** Cuts the wire silently: frames are lost, nobody is told. */
  const cut = (a: number, b: number) => {
    up.delete(`${a}>${b}`);
    up.delete(`${b}>${a}`);
  };
  const deliver = () => {
    for (let guard = 0; guard < 100_000; guard++) {
      const entry = [...queues].find(([, q]) => q.length > 0);
      if (!entry) return;
      const [key, q] = entry;
      const [from, to] = key.split('>');
      sessions[Number(to)]!.receive(from!, q.shift()!);
    }
  };
  /** Delivers at most `k` frames from `from` to `to` (a slow link). */
  const deliverSome = (from: number, to: number, k: number) => {
    const q = queues.get(`${from}>${to}`) ?? [];
    for (let i = 0; i < k && q.length > 0; i++) sessions[to]!.receive(String(from), q.shift()!);
  };
  const advance = (ms: number) => {
    clock += ms;
    sessions.forEach((s) => s.tick());
  };
  const settle = (rounds = 4) => {
    for (let i = 0; i < rounds; i++) {
      deliver();
      advance(300);
    }
    deliver();
  };
  const cleanup = () => {
    sessions.forEach((s) => s.destroy());
    aws.forEach((a) => a.destroy());
  };
  return { docs, aws, sessions, connect, cut, deliver, deliverSome, advance, settle, sent, cleanup, now: () => clock };
}

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function make(count: number) {
  const n = net(count);
  cleanups.push(n.cleanup);
  return n;
}

describe('SyncSession', () => {
  it('converges two copies edited apart, applying remote edits with origin "remote"', () => {
    const n = make(2);
    write(n.docs[0]!, 'user', () => n.docs[0]!.getMap('m').set('a', 1));
    write(n.docs[1]!, 'user', () => n.docs[1]!.getMap('m').set('b', 2));
    const origins: unknown[] = [];
    n.docs[1]!.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    n.connect(0, 1);
    n.settle();
    expect(n.docs[1]!.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
    expect(n.docs[0]!.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
    expect(origins.length).toBeGreaterThan(0);
    expect(origins.every((o) => o === 'remote')).toBe(true);
    const st = n.sessions[0]!.status();
    expect(st.peers[0]).toMatchObject({ connected: true, inSync: true });
    expect(st.peers[0]!.lastInSyncAt).toBeGreaterThan(10_000);
    expect(st.unreachedChanges).toBe(0);
  });

  it('carries a 300,000-character paste in frames of at most 16 KB', () => {
    const n = make(2);
    n.connect(0, 1);
    n.settle();
    const before = n.sent.length;
    const text = 'x'.repeat(100_000) + '危機處理'.repeat(50_000);
    write(n.docs[0]!, 'user', () => n.docs[0]!.getText('body').insert(0, text));
    n.settle();
    expect(n.docs[1]!.getText('body').toString()).toBe(text);
    const frames = n.sent.slice(before);
    expect(frames.length).toBeGreaterThan(20);
    expect(Math.max(...frames.map((f) => f.length))).toBeLessThanOrEqual(MAX_FRAME_BYTES);
  });

  it('detects a silent dead link within the dead-link timeout and resyncs after reconnecting', () => {
    const n = make(2);
    const left: string[] = [];
    n.sessions[0]!.onPeerLeft((id, reason) => left.push(`${id}:${reason}`));
    n.connect(0, 1);
    n.settle();
    n.cut(0, 1);
    const cutAt = n.now();
    while (left.length === 0 && n.now() - cutAt < 10_000) n.advance(100);
    expect(left).toEqual(['1:timeout']);
    expect(n.now() - cutAt).toBeLessThanOrEqual(3000);
    // Offline: both edit; ours is reported as not having reached anyone.
    write(n.docs[0]!, 'user', () => n.docs[0]!.getMap('m').set('offline', 'a'));
    write(n.docs[1]!, 'user', () => n.docs[1]!.getMap('m').set('other', 'b'));
    const st = n.sessions[0]!.status();
    expect(st.online).toBe(false);
    expect(st.unreachedChanges).toBe(1);
    expect(changesNotReachedAnyone(st, n.now())).toBe(true);
    expect(headline(st, true, n.now())).toBe('unreached');
    expect(st.peers[0]).toMatchObject({ connected: false, leftBecause: 'timeout' });
    n.connect(0, 1);
    n.settle();
    expect(n.docs[1]!.getMap('m').toJSON()).toEqual(n.docs[0]!.getMap('m').toJSON());
    expect(n.docs[1]!.getMap('m').get('offline')).toBe('a');
    expect(n.sessions[0]!.status().unreachedChanges).toBe(0);
  });

  it('re-announces presence after a reconnect, and forgets a departed peer\'s presence', () => {
    const n = make(2);
    n.connect(0, 1);
    n.settle();
    const id0 = n.docs[0]!.clientID;
    expect(n.aws[1]!.getStates().get(id0)).toMatchObject({ user: { name: 'p0' } });
    n.sessions[1]!.removePeer('0');
    n.sessions[0]!.removePeer('1');
    expect(n.aws[1]!.getStates().has(id0)).toBe(false);
    n.connect(0, 1);
    n.settle();
    expect(n.aws[1]!.getStates().get(id0)).toMatchObject({ user: { name: 'p0' } });
  });

  it('refuses a peer holding another workspace', () => {
    const n = make(1);
    const other = new SyncSession({ doc: new Y.Doc(), workspaceId: 'another' });
    cleanups.push(() => other.destroy());
    const left: string[] = [];
    n.sessions[0]!.onPeerLeft((_id, reason) => left.push(reason));
    const toUs: Uint8Array[] = [];
    other.addPeer('x', { send: (f) => toUs.push(f), close: () => {} });
    n.sessions[0]!.addPeer('other', { send: () => {}, close: () => {} });
    for (const f of toUs) n.sessions[0]!.receive('other', f);
    expect(left).toEqual(['refused']);
  });

  it('ignores malformed frames and messages without breaking the link', () => {
    const n = make(2);
    n.connect(0, 1);
    n.settle();
    const s = n.sessions[1]!;
    s.receive('0', new Uint8Array([0xc7, 1]));
    s.receive('0', new Uint8Array([0xc7, 200, 1, 0, 1, 9, 9, 9]));
    s.receive('0', new Uint8Array(70_000).fill(0xc7));
    expect(s.stats.badFrames + s.stats.badMessages).toBeGreaterThanOrEqual(2);
    write(n.docs[0]!, 'user', () => n.docs[0]!.getMap('m').set('still', 'works'));
    n.settle();
    expect(n.docs[1]!.getMap('m').get('still')).toBe('works');
  });

  it('sends a large first sync once, not again on every state comparison while it is under way', () => {
    const n = make(2);
    write(n.docs[0]!, 'system', () => n.docs[0]!.getText('big').insert(0, 'y'.repeat(400_000)));
    n.connect(0, 1);
    // A slow link: one frame every 300 ms, so several state comparisons happen during the transfer.
    for (let i = 0; i < 40; i++) {
      n.deliverSome(0, 1, 1);
      n.deliverSome(1, 0, 100);
      n.advance(300);
    }
    n.settle();
    expect(n.docs[1]!.getText('big').length).toBe(400_000);
    expect(n.sessions[0]!.stats.diffsSent).toBeLessThanOrEqual(2);
  });

  it('a laptop that has caught up says it is in sync at once, not at the peer’s next periodic state', () => {
    const n = make(2);
    write(n.docs[0]!, 'system', () => n.docs[0]!.getText('big').insert(0, 'z'.repeat(200_000)));
    const doc0 = n.docs[0]!.getMap('m');
    write(n.docs[0]!, 'user', () => doc0.set('gone', 1));
    write(n.docs[0]!, 'user', () => doc0.delete('gone'));
    n.connect(0, 1);
    // Frames only, no clock: no periodic state message is due (stateIntervalMs is 2,500 ms).
    n.deliver();
    expect(n.docs[1]!.getText('big').length).toBe(200_000);
    expect(n.sessions[1]!.status().peers[0]).toMatchObject({ connected: true, inSync: true, lastInSyncAt: n.now() });
    // The sender learns it from the acknowledgement sent at the next tick.
    n.advance(200);
    n.deliver();
    expect(n.sessions[0]!.status().peers[0]).toMatchObject({ connected: true, inSync: true });
    // A local change after that is not in sync until the peer acknowledges it.
    write(n.docs[1]!, 'user', () => n.docs[1]!.getMap('m').set('mine', 1));
    expect(n.sessions[1]!.status().peers[0]!.inSync).toBe(false);
    n.deliver();
    n.advance(200);
    n.deliver();
    expect(n.sessions[1]!.status().peers[0]!.inSync).toBe(true);
  });

  it('calls a peer in sync after a removal it sent once it reports it, within a tick', () => {
    const n = make(2);
    write(n.docs[0]!, 'system', () => n.docs[0]!.getText('big').insert(0, 'z'.repeat(100_000)));
    n.connect(0, 1);
    n.settle();
    expect(n.sessions[1]!.status().peers[0]!.inSync).toBe(true);
    // A removal changes the delete set only: the state vectors stay equal, the last report of 0 is older.
    write(n.docs[0]!, 'user', () => n.docs[0]!.getText('big').delete(0, 10));
    n.deliverSome(0, 1, 100);
    expect(n.docs[1]!.getText('big').length).toBe(99_990);
    expect(n.sessions[1]!.status().peers[0]!.inSync).toBe(false);
    // 1 acknowledges at its next tick; 0, equal now, answers with its state: one tick, not 2.5 s.
    n.advance(200);
    n.deliver();
    expect(n.sessions[0]!.status().peers[0]!.inSync).toBe(true);
    expect(n.sessions[1]!.status().peers[0]!.inSync).toBe(true);
  });
});

describe('Outbox', () => {
  it('sends each frame once even when the link calls back into pump from send', async () => {
    const { Outbox } = await import('../../../shared/sync/peerLink');
    const sent: Uint8Array[] = [];
    const ref: { outbox?: InstanceType<typeof Outbox> } = {};
    const link = {
      send: (f: Uint8Array) => {
        sent.push(f);
        ref.outbox!.pump(); // a relay that reports "drained" synchronously
      },
      bufferedAmount: () => 0,
      close: () => {},
    };
    const outbox = new Outbox(link, 1024, 1 << 20);
    ref.outbox = outbox;
    outbox.enqueue(1, new Uint8Array(10_000));
    outbox.enqueue(2, new Uint8Array(10));
    outbox.pump();
    expect(sent.length).toBe(Math.ceil(10_000 / (1024 - 16)) + 1);
    expect(new Set(sent).size).toBe(sent.length);
  });
});

describe('SyncSession origins', () => {
  it('sends on a write that an observer makes in reaction to a remote edit', () => {
    const n = make(2);
    n.connect(0, 1);
    n.settle();
    // Peer 1 stamps every remote change to "m" with a local note (a typical observer side effect).
    const m1 = n.docs[1]!.getMap('m');
    m1.observe((e) => {
      if (e.transaction.origin === 'remote' && !m1.has('seen')) n.docs[1]!.transact(() => m1.set('seen', true), 'system');
    });
    write(n.docs[0]!, 'user', () => n.docs[0]!.getMap('m').set('a', 1));
    n.deliver();
    expect(m1.get('seen')).toBe(true);
    n.deliver();
    // It reached peer 0 right away (not only at the next periodic comparison).
    expect(n.docs[0]!.getMap('m').get('seen')).toBe(true);
  });
});
