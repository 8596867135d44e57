import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeThroughDoc, mergeUpdatesChecked, mergeUpdatesV2Checked } from '../../../shared/doc/mergeChecked';
import { docUpdates, v1Of } from '../../../shared/doc/updateHub';
import { updateInOrder } from './unorderedUpdate';
import { write } from '../../../shared/doc/origins';

const LOW = 1;
const HIGH = 2;
/** LOW's writes (one struct each); the out-of-order update starts at HALF. */
const WRITES = 40;
const HALF = 20;

/** A document written by a low client (much) and then a high one (a little), and LOW's first half as an update. */
function twoClients(): { doc: Y.Doc; lowHalf: Uint8Array } {
  const doc = new Y.Doc();
  const list = doc.getArray<string>('list');
  doc.clientID = LOW;
  let lowHalf: Uint8Array = new Uint8Array();
  for (let i = 0; i < WRITES; i++) {
    if (i === HALF) lowHalf = Y.encodeStateAsUpdateV2(doc);
    write(doc, 'user', () => list.push([`low ${i}`]));
  }
  doc.clientID = HIGH;
  write(doc, 'user', () => doc.getMap('meta').set('name', 'Product recall 2026'));
  write(doc, 'user', () => list.push(['high']));
  return { doc, lowHalf };
}

const sv = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

const applied = (...updates: Uint8Array[]): Y.Doc => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdateV2(doc, u, 'remote');
  return doc;
};

describe('a checked merge of stored rows and received updates', () => {
  const { doc: src, lowHalf } = twoClients();
  // The rest of LOW, then HIGH: a lower client listed before a higher one (not Yjs's order).
  const rest = Y.convertUpdateFormatV1ToV2(updateInOrder(src, [[LOW, HALF], [HIGH, 0]]));

  it("keeps every struct where Yjs's own merge drops the higher client listed after the lower one", () => {
    const inputs = [lowHalf, rest];
    // The input this test exists for: Yjs's merge alone loses HIGH. Should Yjs stop doing so, this
    // fails, and shared/doc/mergeChecked.ts may no longer be needed.
    expect(sv(applied(Y.mergeUpdatesV2(inputs))).has(HIGH), 'Y.mergeUpdatesV2 now keeps a client listed out of order').toBe(false);

    const dst = applied(mergeUpdatesV2Checked(inputs));
    expect(sv(dst)).toEqual(sv(src));
    expect(dst.getMap('meta').get('name')).toBe('Product recall 2026');
    expect(dst.getArray('list').toJSON()).toEqual(src.getArray('list').toJSON());
  });

  it("returns Yjs's own merge, byte for byte, when it spans what the inputs span", () => {
    const a = new Y.Doc();
    a.clientID = 7;
    const updates: Uint8Array[] = [];
    a.on('updateV2', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 10; i++) write(a, 'user', () => a.getText('t').insert(i, String(i)));
    write(a, 'user', () => a.getText('t').delete(2, 3));
    expect(mergeUpdatesV2Checked(updates)).toEqual(Y.mergeUpdatesV2(updates));
    expect(mergeUpdatesV2Checked([updates[0]!])).toBe(updates[0]);
    expect(() => mergeUpdatesV2Checked([])).toThrow('nothing to merge');
  });

  it('keeps, merging through a document, the structs still waiting for missing ones', () => {
    // Alone, `rest` cannot integrate LOW from HALF on (it follows LOW's first half) nor HIGH's list item.
    const merged = mergeThroughDoc([rest]);
    const dst = applied(lowHalf, merged);
    expect(sv(dst)).toEqual(sv(src));
    expect(dst.getArray('list').toJSON()).toEqual(src.getArray('list').toJSON());
    expect(dst.getMap('meta').get('name')).toBe('Product recall 2026');
  });

  it('keeps deletions, of structs it holds and of structs still missing', () => {
    const doc = new Y.Doc();
    doc.clientID = 9;
    const updates: Uint8Array[] = [];
    doc.on('updateV2', (u: Uint8Array) => updates.push(u));
    write(doc, 'user', () => doc.getText('t').insert(0, 'abcdef'));
    write(doc, 'user', () => doc.getText('t').delete(1, 2));
    // Without the insertion, the deletion waits; merged through a document it is kept all the same.
    const dst = applied(updates[0]!, mergeThroughDoc([updates[1]!]));
    expect(dst.getText('t').toString()).toBe('adef');
    expect(applied(mergeThroughDoc(updates)).getText('t').toString()).toBe('adef');
  });

  it('merges an input listing its clients out of order through a document even when the ends agree', () => {
    // HIGH writes at clocks 0, 1 and 2, LOW in between. The middle input lists LOW before HIGH's
    // clock 1; the others hold HIGH's clocks 0 and 2. Yjs's merge drops clock 1 (a gap inside
    // HIGH's range): every client still starts and ends where the inputs do together.
    const doc = new Y.Doc();
    const list = doc.getArray<string>('list');
    doc.clientID = HIGH;
    write(doc, 'user', () => list.push(['high 0']));
    doc.clientID = LOW;
    for (let i = 0; i < 30; i++) write(doc, 'user', () => list.push([`low ${i}`]));
    doc.clientID = HIGH;
    write(doc, 'user', () => list.push(['high 1']));
    write(doc, 'user', () => doc.getMap('meta').set('name', 'Product recall 2026'));
    const v2 = (from: Array<[number, number, number?]>) => Y.convertUpdateFormatV1ToV2(updateInOrder(doc, from));
    const inputs = [v2([[HIGH, 0, 1]]), v2([[LOW, 0], [HIGH, 1, 2]]), v2([[HIGH, 2]])];
    const yjs = applied(Y.mergeUpdatesV2(inputs));
    expect(yjs.getArray('list').toJSON(), "Y.mergeUpdatesV2 now keeps a client's struct listed out of order").not.toContain('high 1');

    const dst = applied(mergeUpdatesV2Checked(inputs));
    expect(sv(dst)).toEqual(sv(doc));
    expect(dst.getArray('list').toJSON()).toEqual(list.toJSON());
    expect(dst.getMap('meta').get('name')).toBe('Product recall 2026');
  });

  it('checks V1 merges the same way (what the sync session forwards)', () => {
    const lowHalfV1 = Y.convertUpdateFormatV2ToV1(lowHalf);
    const restV1 = Y.convertUpdateFormatV2ToV1(rest);
    expect(sv(appliedV1(Y.mergeUpdates([lowHalfV1, restV1]))).has(HIGH), 'Y.mergeUpdates now keeps a client listed out of order').toBe(false);
    const dst = appliedV1(mergeUpdatesChecked([lowHalfV1, restV1]));
    expect(sv(dst)).toEqual(sv(src));
    expect(dst.getMap('meta').get('name')).toBe('Product recall 2026');

    // In order, Yjs's own merge, byte for byte.
    const a = new Y.Doc();
    const updates: Uint8Array[] = [];
    a.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5; i++) write(a, 'user', () => a.getText('t').insert(i, String(i)));
    expect(mergeUpdatesChecked(updates)).toEqual(Y.mergeUpdates(updates));
  });

  it("forwards a carried batch of a peer's updates whole (update hub, v1Of)", () => {
    const dst = new Y.Doc();
    const told: Uint8Array[] = [];
    docUpdates(dst).on((change) => told.push(v1Of(change)));
    const batch = [Y.convertUpdateFormatV2ToV1(lowHalf), Y.convertUpdateFormatV2ToV1(rest)];
    docUpdates(dst).carry((done) =>
      write(dst, 'remote', () => {
        for (const u of batch) Y.applyUpdate(dst, u, 'remote');
        done(batch, true);
      }),
    );
    expect(told).toHaveLength(1);
    // What a peer of this laptop gets holds all of it.
    const peer = appliedV1(told[0]!);
    expect(sv(peer)).toEqual(sv(src));
    expect(peer.getMap('meta').get('name')).toBe('Product recall 2026');
  });
});

const appliedV1 = (...updates: Uint8Array[]): Y.Doc => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u, 'remote');
  return doc;
};
