import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { DocStateReader, deleteSetDigest } from '../../../shared/sync/docState';

const ORIGIN = 'test';

/** One step of a random history over three documents. */
type Step =
  | { k: 'insert'; doc: number; at: number; text: string }
  | { k: 'delete'; doc: number; at: number; len: number }
  | { k: 'mapSet'; doc: number; key: string; value: number }
  | { k: 'mapDelete'; doc: number; key: string }
  | { k: 'nested'; doc: number; key: string }
  | { k: 'sync'; from: number; to: number }
  | { k: 'fresh'; from: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ k: fc.constant('insert' as const), doc: fc.nat(2), at: fc.nat(40), text: fc.string({ minLength: 1, maxLength: 6 }) }),
  fc.record({ k: fc.constant('delete' as const), doc: fc.nat(2), at: fc.nat(40), len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ k: fc.constant('mapSet' as const), doc: fc.nat(2), key: fc.constantFrom('a', 'b', 'c'), value: fc.nat(9) }),
  fc.record({ k: fc.constant('mapDelete' as const), doc: fc.nat(2), key: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ k: fc.constant('nested' as const), doc: fc.nat(2), key: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ k: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2) }),
  // A laptop that starts over from another's whole state: collected (GC) structs arrive.
  fc.record({ k: fc.constant('fresh' as const), from: fc.nat(2) }),
);

function run(steps: Step[], gc: boolean[]): void {
  const docs = gc.map((g) => new Y.Doc({ gc: g }));
  let readers = docs.map((d) => new DocStateReader(d));
  const check = () => docs.forEach((d, i) => expect(readers[i]!.read().ds, `doc ${i}`).toBe(deleteSetDigest(d)));
  for (const s of steps) {
    if (s.k === 'sync') {
      Y.applyUpdate(docs[s.to]!, Y.encodeStateAsUpdate(docs[s.from]!, Y.encodeStateVector(docs[s.to]!)), 'peer');
    } else if (s.k === 'fresh') {
      const d = new Y.Doc({ gc: true });
      Y.applyUpdate(d, Y.encodeStateAsUpdate(docs[s.from]!), 'peer');
      readers[3]?.destroy();
      readers = [...readers.slice(0, 3), new DocStateReader(d)];
      docs[3] = d;
    } else {
      const d = docs[s.doc]!;
      d.transact(() => {
        const text = d.getText('t');
        const map = d.getMap('m');
        if (s.k === 'insert') text.insert(Math.min(s.at, text.length), s.text);
        else if (s.k === 'delete' && text.length > 0) text.delete(Math.min(s.at, text.length - 1), Math.min(s.len, text.length - Math.min(s.at, text.length - 1)));
        else if (s.k === 'mapSet') map.set(s.key, s.value);
        else if (s.k === 'mapDelete') map.delete(s.key);
        else if (s.k === 'nested') {
          const inner = new Y.Text();
          map.set(s.key, inner);
          inner.insert(0, 'x'.repeat(s.key.length + 2));
        }
      }, ORIGIN);
    }
    check();
  }
}

describe('DocStateReader: the incremental delete-set digest', () => {
  it('equals walking the whole document after every local change, peer update and fresh start (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()), (steps, gc) => run(steps, gc)),
      { numRuns: 300 },
    );
  });

  it('a document that reads its state before and after a peer sends collected structs stays exact', () => {
    const a = new Y.Doc({ gc: true });
    a.transact(() => a.getText('t').insert(0, 'abcdefghij'), ORIGIN);
    a.transact(() => a.getText('t').delete(2, 5), ORIGIN);
    // A nested text replaced: its characters are collected into GC structs, which travel as such.
    a.transact(() => {
      const inner = new Y.Text();
      a.getMap('m').set('note', inner);
      inner.insert(0, 'collected soon');
    }, ORIGIN);
    a.transact(() => a.getMap('m').set('note', 'plain'), ORIGIN);
    const structs = a.store.clients.get(a.clientID)!;
    expect(structs.some((st) => st instanceof Y.GC)).toBe(true);
    const b = new Y.Doc({ gc: false });
    const reader = new DocStateReader(b);
    b.transact(() => b.getMap('m').set('k', 1), ORIGIN);
    expect(reader.read().ds).toBe(deleteSetDigest(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'peer');
    expect(reader.read().ds).toBe(deleteSetDigest(b));
    expect(reader.read().ds).not.toBe(new DocStateReader(new Y.Doc()).read().ds);
  });

  it('typing without deleting leaves the digest as it was; a deletion changes it', () => {
    const d = new Y.Doc();
    d.transact(() => {
      d.getText('t').insert(0, 'x'.repeat(50));
      d.getText('t').delete(10, 5);
    }, ORIGIN);
    const reader = new DocStateReader(d);
    const first = reader.read();
    d.transact(() => d.getText('t').insert(3, 'y'), ORIGIN);
    const second = reader.read();
    expect(second).not.toBe(first);
    expect(second.sv).not.toEqual(first.sv);
    expect(second.ds).toBe(first.ds);
    d.transact(() => d.getText('t').delete(0, 1), ORIGIN);
    expect(reader.read().ds).not.toBe(first.ds);
    expect(reader.read().ds).toBe(deleteSetDigest(d));
  });
});
