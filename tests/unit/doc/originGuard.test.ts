import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addRecord, type YCollection } from '../../../shared/doc/collection';
import { write } from '../../../shared/doc/origins';
import { guardOrigins, isGuarded, UntaggedWriteError } from '../../../shared/doc/originGuard';

/** A doc guarded by this test itself (the unit-test setup guards every doc anyway; see below). */
function guardedDoc(): Y.Doc {
  const doc = new Y.Doc();
  guardOrigins(doc);
  return doc;
}

// The guard's own cases write without an origin on purpose (the lint rule would stop them first).
/* eslint-disable crisis-room/transaction-origin */
describe('origin guard: a local write without an origin throws (development and tests)', () => {
  const untagged: Array<[string, (doc: Y.Doc) => void]> = [
    ['a bare map.set outside a transaction', (doc) => doc.getMap('m').set('a', 1)],
    ['a bare text insert', (doc) => doc.getText('t').insert(0, 'x')],
    ['a bare array push', (doc) => doc.getArray('l').push([1])],
    ['a bare delete', (doc) => (write(doc, 'user', () => doc.getMap('m').set('a', 1)), doc.getMap('m').delete('a'))],
    ['doc.transact(fn) without an origin', (doc) => doc.transact(() => doc.getMap('m').set('a', 1))],
    ['doc.transact(fn, null)', (doc) => doc.transact(() => doc.getMap('m').set('a', 1), null)],
    ['doc.transact(fn, undefined)', (doc) => doc.transact(() => doc.getMap('m').set('a', 1), undefined)],
    ['Y.transact(doc, fn) without an origin', (doc) => Y.transact(doc, () => doc.getMap('m').set('a', 1))],
    ['Y.transact(doc, fn, null)', (doc) => Y.transact(doc, () => doc.getMap('m').set('a', 1), null)],
  ];

  it.each(untagged)('throws on %s', (_what, writeIt) => {
    const doc = guardedDoc();
    expect(() => writeIt(doc)).toThrow(UntaggedWriteError);
  });

  it('lets every tagged write through: write(), transact with an origin, collection helpers', () => {
    const doc = guardedDoc();
    write(doc, 'user', () => doc.getMap('m').set('a', 1));
    doc.transact(() => doc.getText('t').insert(0, 'x'), 'system');
    Y.transact(doc, () => doc.getArray('l').push([1]), 'import');
    addRecord(doc.getMap('c') as YCollection, { title: 'step' }, 'user');
    expect(doc.getMap('m').get('a')).toBe(1);
  });

  it('throws after the transaction, so the document stays consistent and the update still goes out', () => {
    const doc = guardedDoc();
    const updates: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => updates.push(origin));
    expect(() => doc.getMap('m').set('a', 1)).toThrow(UntaggedWriteError);
    expect(doc.getMap('m').get('a')).toBe(1);
    expect(updates).toEqual([null]);
    // The doc is not stuck in a half-open transaction: the next tagged write works as usual.
    write(doc, 'user', () => doc.getMap('m').set('b', 2));
    expect(updates).toEqual([null, 'user']);
  });

  it('catches an untagged write made by an observer of a local write', () => {
    const doc = guardedDoc();
    doc.getMap('m').observe((e) => {
      if (e.transaction.origin === 'user') doc.getMap('log').set('seen', true);
    });
    expect(() => write(doc, 'user', () => doc.getMap('m').set('a', 1))).toThrow(UntaggedWriteError);
  });

  it('leaves what is not ours to tag: remote updates, empty transactions, Yjs formatting clean-up, writes of observers of a peer update', () => {
    const a = new Y.Doc();
    write(a, 'user', () => {
      const t = a.getText('t');
      t.insert(0, 'bold', { bold: true });
      t.insert(4, ' plain');
    });
    const b = guardedDoc();
    // The editor binding's way: it writes back while a peer's update is applied, without an origin.
    b.getText('t').observe((e) => {
      if (!e.transaction.local) b.getMap('binding').set('rendered', true);
    });
    // A remote update (local = false); on formatted text Yjs then runs its own null-origin clean-up.
    expect(() => Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote')).not.toThrow();
    expect(() => Y.applyUpdate(b, Y.encodeStateAsUpdate(a))).not.toThrow(); // lint's job, not the guard's
    // The first getArray/getXmlFragment of a name runs an empty transaction without an origin.
    expect(() => b.getArray('fresh')).not.toThrow();
    expect(() => b.getXmlFragment('fresh-body')).not.toThrow();
    expect(b.getText('t').toString()).toBe('bold plain');
    expect(b.getMap('binding').get('rendered')).toBe(true);
  });

  it('is removed by its disposer and installed once', () => {
    const doc = new Y.Doc();
    const stop = guardOrigins(doc);
    expect(isGuarded(doc)).toBe(true);
    expect(guardOrigins(doc)).toBeTypeOf('function'); // a second install is a no-op
    stop();
    expect(isGuarded(doc)).toBe(false);
    // (Here the unit-test setup guards it again at its next transaction.)
  });
});

/* eslint-enable crisis-room/transaction-origin */

describe('unit-test setup (tests/unit/setup/originGuard.ts)', () => {
  it('guards every doc a test makes, from its first transaction', () => {
    const doc = new Y.Doc();
    write(doc, 'system', () => doc.getMap('m').set('a', 1));
    expect(isGuarded(doc)).toBe(true);
    expect(() => doc.getMap('m').set('b', 2)).toThrow(UntaggedWriteError);
  });
});
