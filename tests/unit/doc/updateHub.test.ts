import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docUpdates, type DocUpdate } from '../../../shared/doc/updateHub';
import { write } from '../../../shared/doc/origins';

/** A peer's document and its changes as V1 updates (what sync receives). */
function peer(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < 5; i++) write(doc, 'user', () => doc.getMap('m').set(`k${i}`, `值 ${i}`));
  return { doc, updates };
}

/** Applies `updates` as the sync inbox does: one 'remote' transaction, carried. */
function carryBatch(doc: Y.Doc, updates: readonly Uint8Array[]): void {
  docUpdates(doc).carry((done) =>
    doc.transact(() => {
      let whole = true;
      for (const u of updates) {
        try {
          Y.applyUpdate(doc, u, 'remote');
        } catch {
          whole = false;
        }
      }
      done(updates, whole);
    }, 'remote'),
  );
}

/** Records what the hub tells, and whether Yjs would encode each transaction (an 'updateV2' observer at that point). */
function watch(doc: Y.Doc) {
  const told: Array<{ change: DocUpdate; origin: unknown }> = [];
  const stop = docUpdates(doc).on((change, origin) => told.push({ change, origin }));
  const encoded: boolean[] = [];
  // Registered after the hub's own: runs right before Yjs checks for 'updateV2' observers.
  doc.on('afterTransactionCleanup', () => encoded.push((doc as unknown as { _observers: Map<string, unknown> })._observers.has('updateV2')));
  return { told, encoded, stop };
}

const replay = (told: ReadonlyArray<{ change: DocUpdate }>) => {
  const copy = new Y.Doc();
  for (const { change } of told) {
    if (change.format === 'v2') Y.applyUpdateV2(copy, change.update, 'remote');
    else for (const u of change.updates) Y.applyUpdate(copy, u, 'remote');
  }
  return copy;
};

describe("the document's update hub", () => {
  it('tells a carried batch as the V1 updates applied, and Yjs does not encode that transaction', () => {
    const { doc: src, updates } = peer();
    const doc = new Y.Doc();
    const w = watch(doc);
    carryBatch(doc, updates);
    expect(w.encoded).toEqual([false]);
    expect(w.told).toHaveLength(1);
    expect(w.told[0]!.change).toEqual({ format: 'v1', updates });
    expect(w.told[0]!.origin).toBe('remote');
    // Local edits afterwards are encoded and told as usual.
    write(doc, 'user', () => doc.getMap('m').set('mine', 'x'));
    expect(w.encoded).toEqual([false, true]);
    expect(w.told[1]!.change.format).toBe('v2');
    expect(replay(w.told).getMap('m').toJSON()).toEqual({ ...src.getMap('m').toJSON(), mine: 'x' });
  });

  it("an observer's write during a carried batch is encoded and told, not lost", () => {
    const { updates } = peer();
    const doc = new Y.Doc();
    doc.getMap('m').observe((e) => {
      if (e.transaction.origin === 'remote') write(doc, 'system', () => doc.getMap('seen').set('count', doc.getMap('m').size));
    });
    const w = watch(doc);
    carryBatch(doc, updates);
    expect(w.encoded).toEqual([false, true]);
    expect(w.told.map((t) => [t.change.format, t.origin])).toEqual([
      ['v1', 'remote'],
      ['v2', 'system'],
    ]);
    expect(replay(w.told).getMap('seen').get('count')).toBe(5);
  });

  it('a batch with an update Yjs refused is encoded as usual (what was applied of it is in the encoding)', () => {
    const { updates } = peer();
    const doc = new Y.Doc();
    const w = watch(doc);
    carryBatch(doc, [...updates, new Uint8Array([1, 2, 3, 250, 250])]);
    expect(w.encoded).toEqual([true]);
    expect(w.told.map((t) => t.change.format)).toEqual(['v2']);
    expect(replay(w.told).getMap('m').size).toBe(5);
  });

  it('a batch that changes nothing (all of it known) is not told', () => {
    const { updates } = peer();
    const doc = new Y.Doc();
    for (const u of updates) Y.applyUpdate(doc, u, 'remote');
    const w = watch(doc);
    carryBatch(doc, updates);
    expect(w.told).toHaveLength(0);
  });

  it('without listeners a batch is applied as usual; with the last one gone, Yjs encodes nothing', () => {
    const { doc: src, updates } = peer();
    const doc = new Y.Doc();
    carryBatch(doc, updates);
    expect(doc.getMap('m').toJSON()).toEqual(src.getMap('m').toJSON());
    const w = watch(doc);
    w.stop();
    write(doc, 'user', () => doc.getMap('m').set('mine', 'x'));
    expect(w.encoded).toEqual([false]);
    expect(w.told).toHaveLength(0);
  });

  it('a destroyed document (every listener dropped) gets a new hub: listening again works', () => {
    const doc = new Y.Doc();
    const before = watch(doc);
    doc.destroy();
    const after = watch(doc);
    write(doc, 'user', () => doc.getMap('m').set('k', 'v'));
    expect(before.told).toHaveLength(0);
    expect(after.told.map((t) => t.change.format)).toEqual(['v2']);
  });
});
