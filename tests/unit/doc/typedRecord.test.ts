import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PART_FIELD } from '../../../shared/doc/parts';
import { defineRecord, RecordFieldError } from '../../../shared/doc/typedRecord';
import { NESTED, createStatement, getStatement, readStatement } from '../../../shared/statements/store';
import { StatementRecord } from '../../../shared/statements/types';
import { IncidentRecord } from '../../../shared/incidents/types';
import { readSet } from '../../../shared/doc/sets';
import { recordId } from '../../../shared/doc/collection';

const Sample = defineRecord('sample', (f) => ({
  id: f.id(),
  name: f.text(10),
  level: f.number({ min: 1, max: 5, int: true }, 3),
  color: f.oneOf(['red', 'blue'] as const, 'red'),
  tags: f.setOf(['a', 'b', 'c'] as const),
  done: f.bool(false),
}));

/** A record stored under its id (a string `fields.id`, else 'r') with `fields` as its stored fields. */
function recordIn(doc: Y.Doc, fields: Record<string, unknown>): Y.Map<unknown> {
  const map = doc.getMap<Y.Map<unknown>>('things');
  const key = typeof fields.id === 'string' ? fields.id : 'r';
  doc.transact(() => {
    const rec = new Y.Map<unknown>();
    map.set(key, rec);
    for (const [k, v] of Object.entries(fields)) rec.set(k, v);
  }, 'test');
  return map.get(key)!;
}

describe('what a new record stores (stored, holds)', () => {
  const Optional = defineRecord('optional', (f) => ({
    id: f.id(),
    ref: f.ref(),
    note: f.text(50),
    titled: f.text(50, 'Untitled'),
    at: f.numberOrNull({ min: 0 }),
    count: f.number({ min: 0 }, 0),
    done: f.bool(false),
    tags: f.setOf(['a', 'b'] as const),
  }));

  it("leaves out only '' and null that read back the same when absent; the id, numbers, flags and sets stay", () => {
    const fields = { id: 'r1', ref: '', note: '', titled: '', at: null, count: 0, done: false, tags: [] as Array<'a' | 'b'> };
    expect(Optional.stored(fields)).toEqual({ id: 'r1', titled: '', count: 0, done: false, tags: [] });
    expect(Optional.stored({ ...fields, ref: 'u-1', note: 'x', at: 5 })).toEqual({ id: 'r1', ref: 'u-1', note: 'x', titled: '', at: 5, count: 0, done: false, tags: [] });
    // A record written from `stored` reads exactly as the full fields.
    const rec = recordIn(new Y.Doc(), Optional.stored(fields));
    expect(Optional.read(rec)).toEqual(fields);
  });

  it('a field left out holds its none value: writing it writes nothing; writing something else does', () => {
    const doc = new Y.Doc();
    const rec = recordIn(doc, { id: 'r2', titled: '' });
    for (const [key, value] of [['ref', ''], ['note', ''], ['at', null], ['titled', '']] as const) expect(Optional.holds(rec, key, value)).toBe(true);
    expect(Optional.holds(rec, 'titled', 'Untitled')).toBe(false);
    expect(Optional.holds(rec, 'note', 'x')).toBe(false);
    expect(Optional.holds(rec, 'count', 0)).toBe(false);
    const sv = Y.encodeStateVector(doc);
    Optional.set(rec, 'ref', '', 'user');
    Optional.set(rec, 'at', null, 'user');
    expect(Y.encodeStateVector(doc)).toEqual(sv);
    Optional.set(rec, 'note', 'x', 'user');
    expect(rec.get('note')).toBe('x');
  });
});

describe('typed records from one zod definition', () => {
  it('reads a damaged or older record with defaults, field by field', () => {
    const rec = recordIn(new Y.Doc(), { id: 'r', name: 42, level: 'high', color: 'green', tags: 'b,zz,a', done: 'yes' });
    expect(Sample.read(rec)).toEqual({ id: 'r', name: '', level: 3, color: 'red', tags: ['b', 'a'], done: false });
  });

  it('the plain readers give exactly what the lenient zod schema gives, for every kind of bad value', () => {
    const odd: unknown[] = [undefined, null, 0, -1, 2.5, 4, Number.NaN, Infinity, '', 'red', 'blue', 'x', true, false, [], ['a', 'zz', 'c'], { a: 1 }];
    const definitions = [Sample, StatementRecord, IncidentRecord] as const;
    let compared = 0;
    for (const def of definitions) {
      for (const value of odd) {
        const rec = recordIn(new Y.Doc(), Object.fromEntries(def.keys.map((k) => [k, value])));
        // What the lenient schema sees: the stored values, sets read as arrays, the id as the record's key.
        const viaZod = def.lenient.parse(Object.fromEntries(def.keys.map((k) => [k, k === 'id' ? recordId(rec) : def.sets.has(k) ? readSet(rec.get(k)) : rec.get(k)]))) as Record<string, unknown>;
        const plain = def.read(rec) as Record<string, unknown>;
        for (const k of def.keys) {
          expect({ field: `${def.name}.${k}`, value, got: plain[k] }).toEqual({ field: `${def.name}.${k}`, value, got: viaZod[k] });
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('check names every field the strict schema refuses', () => {
    const rec = recordIn(new Y.Doc(), { id: '', name: 'far too long a name', level: 9, color: 'red', tags: [], done: true });
    const problems = Sample.check(rec);
    expect(problems.map((p) => p.split(':')[0])).toEqual(['id', 'name', 'level']);
    const good = recordIn(new Y.Doc(), { id: 'r', name: 'ok', level: 2, color: 'blue', tags: [], done: true });
    expect(Sample.check(good)).toEqual([]);
  });

  it('set validates before writing: a bad value throws and writes nothing', () => {
    const doc = new Y.Doc();
    const rec = recordIn(doc, { id: 'r', name: 'ok', level: 2, color: 'blue', done: false });
    const before = Y.encodeStateVector(doc);
    expect(() => Sample.set(rec, 'level', 7, 'user')).toThrow(RecordFieldError);
    expect(() => Sample.set(rec, 'color', 'green' as never, 'user')).toThrow(/sample\.color/);
    expect(() => Sample.set(rec, 'id', 'other', 'user')).toThrow(/cannot change/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('set writes with the given origin; a set field is stored as a Y.Map set', () => {
    const doc = new Y.Doc();
    const rec = recordIn(doc, { id: 'r' });
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    Sample.set(rec, 'level', 4, 'user');
    Sample.set(rec, 'tags', ['c', 'a'], 'system');
    Sample.set(rec, 'level', 4, 'user'); // unchanged: no transaction
    expect(origins).toEqual(['user', 'system']);
    expect(rec.get('tags')).toBeInstanceOf(Y.Map);
    expect(Sample.read(rec)).toMatchObject({ level: 4, tags: ['a', 'c'] });
  });

  it('init returns validated fields or names the first bad one', () => {
    const ok = { id: 'x', name: 'n', level: 1, color: 'red' as const, tags: ['a' as const], done: false };
    expect(Sample.init(ok)).toEqual(ok);
    expect(() => Sample.init({ ...ok, tags: ['q' as never] })).toThrow(/sample\.tags/);
  });
});

describe('statement records', () => {
  it('every primitive field a new statement stores is in its definition', () => {
    const doc = new Y.Doc();
    const id = createStatement(doc, { title: '初步聲明', kind: 'press', language: 'zh-TW', by: '王小明', channels: ['website', 'press'] }, 'user');
    const rec = getStatement(doc, id)!;
    const stored = [...rec.keys()].filter((k) => !(NESTED as readonly string[]).includes(k) && k !== 'body' && k !== 'order' && k !== PART_FIELD);
    expect(stored.filter((k) => !StatementRecord.keys.includes(k as never))).toEqual([]);
    // References and keys that hold nothing are not stored; check() (strict) names exactly those.
    const leftOut = ['ownerUnitId', 'crisisTypeId', 'incidentId', 'templateId', 'supersedesId', 'supersededById', 'createdByKey', 'lastEditorKey'];
    expect(stored.filter((k) => leftOut.includes(k))).toEqual([]);
    expect(StatementRecord.check(rec).map((p) => p.split(':')[0])).toEqual(leftOut);
    expect(readStatement(rec)).toMatchObject(Object.fromEntries(leftOut.map((k) => [k, ''])));
    expect(readStatement(rec)).toMatchObject({ kind: 'press', channels: ['press', 'website'], requiredRoles: ['legal', 'executive', 'pr'] });
    const drill = getStatement(doc, createStatement(doc, { title: '演練聲明', kind: 'holding', language: 'zh-TW', by: '王小明', drill: true }, 'user'))!;
    expect([...drill.keys()].filter((k) => !(NESTED as readonly string[]).includes(k) && k !== 'body' && k !== 'order' && k !== PART_FIELD && !StatementRecord.keys.includes(k as never))).toEqual([]);
    expect(readStatement(drill).drill).toBe(true);
  });

  it('a new statement with an unknown channel is refused with its field named, and nothing is written', () => {
    const doc = new Y.Doc();
    expect(() => createStatement(doc, { title: '聲明', kind: 'holding', language: 'zh-TW', by: '王小明', channels: ['fax'] }, 'user')).toThrow(/statement\.channels/);
    expect(doc.getMap('statements').size).toBe(0);
  });
});
