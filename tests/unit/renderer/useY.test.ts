import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { write } from '../../../shared/doc/origins';
import { recordFieldsChanged, yStore } from '../../../renderer/hooks/useY';

/**
 * The store behind useY/useYSnapshot/useYVersion (renderer/hooks/useY.ts): React renders a
 * component again exactly when getSnapshot returns a new value after a notification, so counting
 * notifications and distinct snapshots counts re-renders.
 */
function setup() {
  const doc = new Y.Doc();
  const root = doc.getMap<Y.Map<unknown>>('records');
  const rec = write(doc, 'system', () => {
    const r = new Y.Map<unknown>();
    root.set('a', r);
    r.set('title', '初步聲明');
    r.set('body', new Y.Text('x'));
    return r;
  });
  return { doc, root, rec, body: rec.get('body') as Y.Text };
}

function watch<T>(store: ReturnType<typeof yStore<T, Y.Map<unknown>>>) {
  let notified = 0;
  const snapshots = new Set<unknown>();
  snapshots.add(store.getSnapshot());
  const stop = store.subscribe(() => {
    notified++;
    snapshots.add(store.getSnapshot());
  });
  return { stop, counts: () => ({ notified, renders: snapshots.size - 1 }) };
}

describe('yStore: one render per change it listens to', () => {
  it('deep: one notification and one new snapshot per transaction, however many items it touched', () => {
    const { doc, rec, body } = setup();
    let reads = 0;
    const store = yStore(rec, (r) => (reads++, { title: r.get('title'), len: (r.get('body') as Y.Text).length }), 'deep');
    const w = watch(store);
    expect(reads).toBe(1);
    // Between changes the same snapshot (no render, no re-read).
    expect(store.getSnapshot()).toBe(store.getSnapshot());
    write(doc, 'user', () => {
      for (let i = 0; i < 50; i++) body.insert(0, '字');
      rec.set('title', '正式聲明');
    });
    expect(w.counts()).toEqual({ notified: 1, renders: 1 });
    for (let i = 0; i < 10; i++) write(doc, 'user', () => body.insert(0, 'k'));
    expect(w.counts()).toEqual({ notified: 11, renders: 11 });
    expect(reads).toBe(12);
    w.stop();
    write(doc, 'user', () => body.insert(0, 'z'));
    expect(w.counts().notified).toBe(11);
  });

  it('shallow: typing in a nested text does not notify; a field of its own does', () => {
    const { doc, rec, body } = setup();
    const store = yStore(rec, (r) => String(r.get('title')), 'shallow');
    const w = watch(store);
    for (let i = 0; i < 100; i++) write(doc, 'user', () => body.insert(0, '字'));
    expect(w.counts()).toEqual({ notified: 0, renders: 0 });
    write(doc, 'user', () => rec.set('title', '正式聲明'));
    expect(w.counts()).toEqual({ notified: 1, renders: 1 });
    // A change that reads the same value notifies but renders nothing new (same string).
    write(doc, 'user', () => rec.set('title', '正式聲明'));
    expect(w.counts()).toEqual({ notified: 2, renders: 1 });
  });

  it('version counts changes; a missing type never notifies', () => {
    const { doc, root } = setup();
    const store = yStore(root, () => 0, 'deep');
    const stop = store.subscribe(() => {});
    write(doc, 'user', () => root.set('b', new Y.Map()));
    write(doc, 'user', () => (root.get('a') as Y.Map<unknown>).set('title', 't'));
    expect(store.version()).toBe(2);
    stop();
    const none = yStore<number, Y.Map<unknown>>(null, () => 1);
    expect(none.getSnapshot()).toBeUndefined();
    expect(typeof none.subscribe(() => {})).toBe('function');
  });

  it('several roots: a change to any of them notifies once, and reads again', () => {
    const doc = new Y.Doc();
    const units = doc.getMap('units');
    const people = doc.getMap('people');
    let reads = 0;
    const store = yStore(units, () => (reads++, units.size + people.size), 'deep', [people]);
    const stop = store.subscribe(() => {});
    expect(store.getSnapshot()).toBe(0);
    write(doc, 'user', () => people.set('p1', 1));
    expect(store.getSnapshot()).toBe(1);
    write(doc, 'user', () => units.set('u1', 1));
    expect(store.getSnapshot()).toBe(2);
    expect(store.version()).toBe(2);
    expect(reads).toBe(3);
    stop();
    write(doc, 'user', () => people.set('p2', 1));
    expect(store.version()).toBe(2);
  });
});

describe('yStore with recordFieldsChanged: a list over a big collection', () => {
  it('is not read again while a nested text of a record is typed into; is read again for its fields and for records added or removed', () => {
    const { doc, root, rec, body } = setup();
    let reads = 0;
    const store = yStore(root, (c) => (reads++, [...c.keys()].map((k) => `${k}:${String(c.get(k)!.get('title'))}`).join(',')), 'deep', [], recordFieldsChanged(root, ['title']));
    const w = watch(store);
    for (let i = 0; i < 30; i++) write(doc, 'user', () => body.insert(0, 'k'));
    write(doc, 'user', () => rec.set('note', '不在清單上'));
    expect(w.counts()).toEqual({ notified: 0, renders: 0 });
    expect(reads).toBe(1);
    write(doc, 'user', () => rec.set('title', '正式聲明'));
    expect(w.counts()).toEqual({ notified: 1, renders: 1 });
    write(doc, 'user', () => {
      const r = new Y.Map<unknown>();
      root.set('b', r);
      r.set('title', '第二份');
    });
    expect(w.counts()).toEqual({ notified: 2, renders: 2 });
    write(doc, 'user', () => root.delete('b'));
    expect(w.counts().notified).toBe(3);
    expect(reads).toBe(4);
    w.stop();
  });
});

describe("yStore: a peer's changes reach React in a task of their own", () => {
  const task = () => new Promise((r) => setTimeout(r, 0));

  it('a local edit notifies at once; a peer edit after the applying task, a burst of them once', async () => {
    const { doc, rec, body } = setup();
    let reads = 0;
    const store = yStore(rec, (r) => (reads++, { title: r.get('title'), len: (r.get('body') as Y.Text).length }), 'deep');
    const w = watch(store);
    write(doc, 'user', () => body.insert(0, '甲'));
    expect(w.counts()).toEqual({ notified: 1, renders: 1 });
    // A peer's update: nothing is read or rendered inside the task that applies it…
    const readsBefore = reads;
    for (let i = 0; i < 20; i++) write(doc, 'remote', () => body.insert(0, '乙'));
    expect(w.counts()).toEqual({ notified: 1, renders: 1 });
    expect(reads).toBe(readsBefore);
    // …then one notification for the whole burst, with every change in its snapshot.
    await new Promise((r) => setTimeout(r, 150));
    expect(w.counts()).toEqual({ notified: 2, renders: 2 });
    expect(store.getSnapshot()).toEqual({ title: '初步聲明', len: 22 });
    // A lone peer edit after a quiet spell shows in the next task.
    await new Promise((r) => setTimeout(r, 150));
    write(doc, 'remote', () => rec.set('title', '更正'));
    await task();
    expect(w.counts()).toEqual({ notified: 3, renders: 3 });
    w.stop();
  });

  it('a store that unsubscribes before the deferred notice is not notified', async () => {
    const { doc, rec } = setup();
    const w = watch(yStore(rec, (r) => r.get('title'), 'deep'));
    write(doc, 'remote', () => rec.set('title', '撤回'));
    w.stop();
    await new Promise((r) => setTimeout(r, 150));
    expect(w.counts()).toEqual({ notified: 0, renders: 0 });
  });
});
