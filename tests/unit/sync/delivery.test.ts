import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SyncSession } from '../../../shared/sync/session';
import { DeliveryLedger } from '../../../shared/sync/delivery';
import { write } from '../../../shared/doc/origins';
import { headline } from '../../../shared/sync/status';

/** The editor binding's origin is an object (ySyncPluginKey), y-dexie's load origin another. */
const EDITOR_ORIGIN = { key: 'y-sync$' };
const LOAD_ORIGIN = { whenLoaded: true };
const isLocalChange = (origin: unknown) => origin !== 'remote' && origin !== LOAD_ORIGIN;

interface Laptop {
  doc: Y.Doc;
  session: SyncSession;
  member: { id: string; name: string; color: string };
  /** Link id of this session (a new one after a reload, as y-webrtc's peer id). */
  link: string;
}

/** Laptops with manual links, a shared clock and "reload" (new session from stored state). */
function room() {
  let clock = 50_000;
  const laptops: Laptop[] = [];
  const queues = new Map<string, Uint8Array[]>();
  const up = new Set<string>();
  const open = (member: Laptop['member'], stored?: { update: Uint8Array; ledger: unknown }) => {
    const doc = new Y.Doc();
    if (stored) Y.applyUpdate(doc, stored.update, LOAD_ORIGIN);
    const { ledger, error } = DeliveryLedger.restore(stored?.ledger);
    expect(error).toBeNull();
    const session = new SyncSession({ doc, workspaceId: 'ws', now: () => clock, ledger, member: { ...member }, isLocalChange });
    const l = { doc, session, member, link: `${member.id}#${laptops.length}` };
    laptops.push(l);
    return l;
  };
  const connect = (a: Laptop, b: Laptop) => {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const key = `${x.link}>${y.link}`;
      queues.set(key, []);
      up.add(key);
      x.session.addPeer(y.link, {
        send: (f) => {
          if (up.has(key)) queues.get(key)!.push(f.slice());
        },
        close: () => {
          up.delete(key);
        },
      });
    }
  };
  const cut = (a: Laptop, b: Laptop) => {
    up.delete(`${a.link}>${b.link}`);
    up.delete(`${b.link}>${a.link}`);
    a.session.removePeer(b.link, 'timeout');
    b.session.removePeer(a.link, 'timeout');
  };
  const settle = () => {
    for (let round = 0; round < 50; round++) {
      clock += 100;
      for (const l of laptops) l.session.tick();
      for (let guard = 0; guard < 100_000; guard++) {
        const entry = [...queues].find(([k, q]) => q.length > 0 && up.has(k));
        if (!entry) break;
        const [key, q] = entry;
        const [from, to] = key.split('>');
        laptops.find((l) => l.link === to)!.session.receive(from!, q.shift()!);
      }
    }
  };
  return { open, connect, cut, settle, advance: (ms: number) => (clock += ms), now: () => clock };
}

const mei = { id: 'mei-pr', name: 'Mei (PR)', color: '#be123c' };
const lin = { id: 'lin-law', name: 'Lin (law)', color: '#0369a1' };

describe('delivery ledger', () => {
  it('counts statement typing (the editor binding\'s own origin) and not what local storage loads', () => {
    const r = room();
    const a = r.open(mei);
    const b = r.open(lin);
    r.connect(a, b);
    r.settle();
    r.cut(a, b);
    const text = a.doc.getText('statement');
    for (const ch of '聲明稿') a.doc.transact(() => text.insert(text.length, ch), EDITOR_ORIGIN);
    write(a.doc, 'user', () => a.doc.getMap('people').set('p1', '王小明'));
    const st = a.session.status();
    expect(st.unreachedChanges).toBe(4);
    expect(st.localChanges).toBe(4);
    expect(headline(st, false, r.now() + 3000)).toBe('unreached');
    // A load from storage of the same workspace is not a new change.
    const c = r.open({ id: 'c', name: 'c', color: '#000000' }, { update: Y.encodeStateAsUpdate(a.doc), ledger: undefined });
    expect(c.session.status().unreachedChanges).toBe(0);
  });

  it('keeps the count across a reload while offline, and clears it only when a member holds the edits', () => {
    const r = room();
    const a = r.open(mei);
    const b = r.open(lin);
    r.connect(a, b);
    r.settle();
    expect(a.session.status().members.map((m) => [m.name, m.connected, m.undelivered])).toEqual([['Lin (law)', true, 0]]);
    r.cut(a, b);
    const text = a.doc.getText('statement');
    for (let i = 0; i < 14; i++) a.doc.transact(() => text.insert(text.length, `字${i}`), EDITOR_ORIGIN);
    expect(a.session.status().unreachedChanges).toBe(14);
    // Reload: the stored document and ledger come back in a new session with a new Yjs client.
    const stored = { update: Y.encodeStateAsUpdate(a.doc), ledger: JSON.parse(JSON.stringify(a.session.ledger.toJSON())) };
    a.session.destroy();
    a.doc.destroy();
    const a2 = r.open(mei, stored);
    expect(a2.doc.clientID).not.toBe(a.doc.clientID);
    let st = a2.session.status();
    expect(st.unreachedChanges).toBe(14);
    expect(st.members).toHaveLength(1);
    expect(st.members[0]).toMatchObject({ name: 'Lin (law)', connected: false, undelivered: 14 });
    a2.doc.transact(() => a2.doc.getText('statement').insert(0, '新'), EDITOR_ORIGIN);
    expect(a2.session.status().unreachedChanges).toBe(15);
    r.connect(a2, b);
    r.settle();
    expect(b.doc.getText('statement').toString()).toBe(a2.doc.getText('statement').toString());
    st = a2.session.status();
    expect(st.unreachedChanges).toBe(0);
    expect(st.members[0]).toMatchObject({ name: 'Lin (law)', connected: true, undelivered: 0 });
  });

  it('counts per member: one who left is named, with what has not reached them', () => {
    const r = room();
    const a = r.open(mei);
    const b = r.open(lin);
    const c = r.open({ id: 'chen-exec', name: 'Chen (CEO)', color: '#15803d' });
    r.connect(a, b);
    r.connect(a, c);
    r.settle();
    r.cut(a, b);
    for (let i = 0; i < 3; i++) write(a.doc, 'user', () => a.doc.getMap('log').set(`d${i}`, '決策'));
    r.settle();
    const rows = Object.fromEntries(a.session.status().members.map((m) => [m.name, m]));
    expect(rows['Lin (law)']).toMatchObject({ connected: false, undelivered: 3 });
    expect(rows['Chen (CEO)']).toMatchObject({ connected: true, undelivered: 0 });
    // Reached Chen, so it reached someone.
    expect(a.session.status().unreachedChanges).toBe(0);
    // Reconnects under new link ids never add rows: one row per member.
    r.connect(a, b);
    r.settle();
    expect(a.session.status().members).toHaveLength(2);
    expect(a.session.status().members.every((m) => m.undelivered === 0)).toBe(true);
  });

  it('a removal (no clock moves) counts until the member reports a copy equal to ours', () => {
    const r = room();
    const a = r.open(mei);
    const b = r.open(lin);
    write(a.doc, 'user', () => a.doc.getText('t').insert(0, '無可奉告'));
    r.connect(a, b);
    r.settle();
    r.cut(a, b);
    write(a.doc, 'user', () => a.doc.getText('t').delete(0, 2));
    expect(a.session.status().unreachedChanges).toBe(1);
    r.connect(a, b);
    r.settle();
    expect(b.doc.getText('t').toString()).toBe('奉告');
    expect(a.session.status().unreachedChanges).toBe(0);
  });

  it('rejects a damaged stored ledger with a reason and starts empty', () => {
    const { ledger, error } = DeliveryLedger.restore({ v: 1, entries: [['x']], overflow: 0, overflowSince: null, members: [], ownClients: [] });
    expect(error).toBeTruthy();
    expect(ledger.unreached()).toBe(0);
  });

  it('counts edits that reached storage but not the saved ledger (a crash) until a member holds them', () => {
    const doc = new Y.Doc();
    const ledger = new DeliveryLedger();
    ledger.seen('lin-law', 'Lin', null, 1);
    ledger.record(doc.clientID, 1, false, 1);
    const saved = JSON.parse(JSON.stringify(ledger.toJSON()));
    write(doc, 'user', () => doc.getText('t').insert(0, 'abcdef')); // more typed after the last save
    const { ledger: back } = DeliveryLedger.restore(saved);
    back.reconcile(Y.decodeStateVector(Y.encodeStateVector(doc)), 2);
    expect(back.unreached()).toBe(2);
    back.confirm('lin-law', Y.decodeStateVector(Y.encodeStateVector(doc)), false, 3);
    expect(back.unreached()).toBe(0);
  });
});
