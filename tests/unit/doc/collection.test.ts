import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addRecord,
  childCollection,
  duplicateRecord,
  listPlain,
  listRecords,
  moveRecord,
  readChildren,
  removeRecord,
  setField,
  recordId,
  toInit,
  toPlain,
  type YCollection,
} from '../../../shared/doc/collection';
import type { Origin } from '../../../shared/doc/origins';

function fresh(): { doc: Y.Doc; coll: YCollection; origins: unknown[] } {
  const doc = new Y.Doc();
  const coll = doc.getMap('list') as YCollection;
  const origins: unknown[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
  return { doc, coll, origins };
}

const titles = (coll: YCollection) => listRecords(coll).map((r) => r.get('title'));

describe('collection helpers', () => {
  it('adds records at the end or at an index, each under its own id', () => {
    const { coll } = fresh();
    const a = addRecord(coll, { title: 'a' }, 'user');
    const c = addRecord(coll, { title: 'c' }, 'user');
    const b = addRecord(coll, { title: 'b' }, 'user', 1);
    addRecord(coll, { title: 'first' }, 'user', 0);
    expect(titles(coll)).toEqual(['first', 'a', 'b', 'c']);
    expect(new Set([a, b, c]).size).toBe(3);
    for (const id of [a, b, c]) expect(recordId(coll.get(id)!)).toBe(id);
    expect(addRecord(coll, { id: 'given', title: 'd' }, 'user')).toBe('given');
    expect(coll.get('given')!.get('title')).toBe('d');
  });

  it('stores no id field: a record\'s id is its key (a schema-2 record\'s id field, equal to its key, reads the same)', () => {
    const { doc, coll } = fresh();
    const id = addRecord(coll, { title: 'new', checklist: [{ id: 'c1', text: 'one' }] }, 'user');
    const rec = coll.get(id)!;
    expect([...rec.keys()].sort()).toEqual(['checklist', 'order', 'title']);
    expect([...readChildren(rec, 'checklist')[0]!.keys()].sort()).toEqual(['order', 'text']);
    // One struct per stored field, plus the record itself and its child's: no struct for an id.
    const structs = () => [...doc.store.clients.values()].reduce((n, s) => n + s.length, 0);
    const before = structs();
    addRecord(coll, { title: 'x', note: 'y' }, 'user');
    expect(structs() - before).toBe(1 + 3);
    expect(toPlain(rec)).toMatchObject({ id, title: 'new', checklist: [{ id: 'c1', text: 'one' }] });
    expect(toInit(rec)).toMatchObject({ id, title: 'new', checklist: [{ id: 'c1', text: 'one' }] });
    // Written by schema 2: the same record with its id as a field too.
    doc.transact(() => {
      const old = new Y.Map<unknown>();
      coll.set('old-1', old);
      old.set('id', 'old-1');
      old.set('order', 9);
      old.set('title', 'old');
    }, 'test');
    expect(recordId(coll.get('old-1')!)).toBe('old-1');
    expect(toPlain(coll.get('old-1')!)).toEqual({ id: 'old-1', order: 9, title: 'old' });
    expect(listRecords(coll).map((r) => [recordId(r), r.get('title')])).toEqual([[id, 'new'], [recordId(listRecords(coll)[1]!), 'x'], ['old-1', 'old']]);
    // A record not inserted yet has no key: its id field, if any, is all there is.
    const detached = new Y.Map<unknown>();
    expect(recordId(detached)).toBe('');
  });

  it('nests collections, each child under its own id', () => {
    const { coll } = fresh();
    const id = addRecord(coll, { title: 'step', checklist: [{ text: 'one' }, { text: 'two' }, { id: 'x3', text: 'three' }] }, 'user');
    const items = readChildren(coll.get(id)!, 'checklist');
    expect(items.map((i) => i.get('text'))).toEqual(['one', 'two', 'three']);
    expect(recordId(items[2]!)).toBe('x3');
    expect(new Set(items.map((i) => recordId(i))).size).toBe(3);
    expect((coll.get(id)!.get('checklist') as YCollection).get('x3')!.get('text')).toBe('three');
  });

  it('removes a record and reports whether it existed', () => {
    const { coll } = fresh();
    const a = addRecord(coll, { title: 'a' }, 'user');
    addRecord(coll, { title: 'b' }, 'user');
    expect(removeRecord(coll, a, 'user')).toBe(true);
    expect(removeRecord(coll, a, 'user')).toBe(false);
    expect(titles(coll)).toEqual(['b']);
  });

  it('moves a record to any position', () => {
    const { coll } = fresh();
    const ids = ['a', 'b', 'c', 'd'].map((title) => addRecord(coll, { title }, 'user'));
    moveRecord(coll, ids[3]!, 0, 'user');
    expect(titles(coll)).toEqual(['d', 'a', 'b', 'c']);
    moveRecord(coll, ids[3]!, 2, 'user');
    expect(titles(coll)).toEqual(['a', 'b', 'd', 'c']);
    moveRecord(coll, ids[0]!, 99, 'user');
    expect(titles(coll)).toEqual(['b', 'd', 'c', 'a']);
    moveRecord(coll, 'missing', 0, 'user');
    expect(titles(coll)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('duplicates a record as a deep copy with new ids, right after the original', () => {
    const { coll } = fresh();
    const a = addRecord(coll, { title: 'a', steps: [{ title: 's1', checklist: [{ text: 'c1' }] }, { title: 's2', checklist: [] }] }, 'user');
    addRecord(coll, { title: 'z' }, 'user');
    const copy = duplicateRecord(coll, a, 'user', { title: 'a (copy)' })!;
    expect(titles(coll)).toEqual(['a', 'a (copy)', 'z']);
    const orig = toPlain(coll.get(a)!);
    const dup = toPlain(coll.get(copy)!);
    expect(dup.id).not.toBe(orig.id);
    const steps = (p: typeof orig) => p.steps as Array<{ id: string; title: string; checklist: Array<{ id: string; text: string }> }>;
    expect(steps(dup).map((s) => s.title)).toEqual(['s1', 's2']);
    expect(steps(dup)[0]!.checklist.map((c) => c.text)).toEqual(['c1']);
    const origIds = new Set([...steps(orig).map((s) => s.id), ...steps(orig).flatMap((s) => s.checklist.map((c) => c.id))]);
    for (const id of [...steps(dup).map((s) => s.id), ...steps(dup).flatMap((s) => s.checklist.map((c) => c.id))]) expect(origIds.has(id)).toBe(false);
    // Editing the copy leaves the original alone.
    setField(readChildren(coll.get(copy)!, 'steps')[0]!, 'title', 'changed', 'user');
    expect(readChildren(coll.get(a)!, 'steps')[0]!.get('title')).toBe('s1');
    expect(duplicateRecord(coll, 'missing', 'user')).toBeUndefined();
  });

  it('setField writes only when the value changes, and never the id', () => {
    const { doc, coll } = fresh();
    const id = addRecord(coll, { title: 'a', minutes: 30 }, 'user');
    const rec = coll.get(id)!;
    let updates = 0;
    doc.on('update', () => updates++);
    setField(rec, 'title', 'a', 'user');
    setField(rec, 'minutes', 30, 'user');
    expect(updates).toBe(0);
    setField(rec, 'minutes', 45, 'user');
    expect(updates).toBe(1);
    expect(rec.get('minutes')).toBe(45);
    expect(() => setField(rec, 'id', 'other', 'user')).toThrow(/id/);
  });

  it('creates a nested collection once and reads missing ones as empty', () => {
    const { coll } = fresh();
    const rec = coll.get(addRecord(coll, { title: 'a' }, 'user'))!;
    expect(readChildren(rec, 'notes')).toEqual([]);
    const notes = childCollection(rec, 'notes', 'user');
    expect(childCollection(rec, 'notes', 'user')).toBe(notes);
    addRecord(notes, { text: 'n' }, 'user');
    expect(listPlain(coll)[0]!.notes).toEqual([{ id: expect.any(String), order: 1, text: 'n' }]);
  });

  it('tags every write with the origin it was given', () => {
    const { coll, origins } = fresh();
    const cases: Array<[Origin, () => void]> = [];
    let id = '';
    cases.push(['user', () => (id = addRecord(coll, { title: 'a' }, 'user'))]);
    cases.push(['remote', () => setField(coll.get(id)!, 'title', 'b', 'remote')]);
    cases.push(['import', () => duplicateRecord(coll, id, 'import')]);
    cases.push(['system', () => moveRecord(coll, id, 5, 'system')]);
    cases.push(['user', () => childCollection(coll.get(id)!, 'kids', 'user')]);
    cases.push(['remote', () => removeRecord(coll, id, 'remote')]);
    for (const [, run] of cases) run();
    expect(origins).toEqual(cases.map(([o]) => o));
  });

  it('refuses to write into a record that is not in a document', () => {
    const detached = new Y.Map() as YCollection;
    expect(() => addRecord(detached, { title: 'x' }, 'user')).toThrow(/not part of a workspace document/);
  });

  it('orders records identically on two peers after concurrent inserts', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const ca = a.getMap('list') as YCollection;
    const cb = b.getMap('list') as YCollection;
    for (const t of ['x', 'y']) addRecord(ca, { title: t }, 'user');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
    addRecord(ca, { title: 'from a' }, 'user', 1);
    addRecord(cb, { title: 'from b' }, 'user', 1);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
    expect(titles(ca)).toEqual(titles(cb));
    expect(titles(ca)).toHaveLength(4);
  });
});
