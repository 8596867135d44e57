/**
 * Schema 3 (shared/doc/collection.ts): a record's id is its key in its collection, never a stored
 * field. A workspace written through the app's own writers (the scale generator: the default
 * playbook and map, people, statements, incidents with tasks, facts and log) holds no `id` field
 * anywhere, and every record reads back the key it is stored under. Its people and statements
 * store no empty field either (typedRecord `stored`): what is absent reads as '', null or false.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateWorkspace } from '../../../bench/lib/generateWorkspace';
import { partCollectionsOf, recordId } from '../../../shared/doc/collection';
import { PART_FIELD } from '../../../shared/doc/parts';
import { collectionOf, ROOTS } from '../../../shared/doc/workspaceDoc';
import { addAttachment, attachmentsFor, attachmentsOf } from '../../../shared/attachments/attachments';
import { MemberRecord } from '../../../shared/roles/records';
import { StatementRecord } from '../../../shared/statements/types';

function* mapsIn(type: unknown, path: string): Generator<[Y.Map<unknown>, string]> {
  if (type instanceof Y.Map) {
    yield [type as Y.Map<unknown>, path];
    for (const [k, v] of (type as Y.Map<unknown>).entries()) yield* mapsIn(v, `${path}/${k}`);
    // What a record keeps in its part (a crisis type's steps and escalation) is walked too.
    for (const coll of partCollectionsOf(type as Y.Map<unknown>)) yield* mapsIn(coll, `${path}/${PART_FIELD}/${parentKeyOfRoot(coll)}`);
  } else if (type instanceof Y.Array) {
    const items = (type as Y.Array<unknown>).toArray();
    for (let i = 0; i < items.length; i++) yield* mapsIn(items[i], `${path}[${i}]`);
  }
}

/** The root name a part's collection has in its part document. */
function parentKeyOfRoot(coll: { doc: Y.Doc | null }): string {
  for (const [name, root] of coll.doc!.share) if ((root as unknown) === coll) return name;
  return '?';
}

describe('record ids are keys (schema 3)', () => {
  it('a generated workspace stores no id field, and every record reads back its key', () => {
    const { doc } = generateWorkspace(1);
    let records = 0;
    // Every root of the layout is a map (ROOTS); the governance log and the like hold no records.
    for (const name of Object.values(ROOTS)) {
      for (const [map, path] of mapsIn(doc.getMap(name), name)) {
        expect(map.has('id'), `${path} stores an id field`).toBe(false);
        if (!map.has('order')) continue;
        records++;
        const key = path.split('/').at(-1)!;
        expect(recordId(map)).toBe(key);
      }
    }
    expect(records).toBeGreaterThan(300);
  });

  it("a generated workspace's people and statements store no empty field (typedRecord `stored`), and read them back as ''", () => {
    const { doc } = generateWorkspace(1);
    const kinds = { members: MemberRecord, statements: StatementRecord } as const;
    for (const [root, def] of Object.entries(kinds)) {
      const coll = collectionOf(doc, root as 'members' | 'statements');
      expect(coll.size, root).toBeGreaterThan(9);
      for (const [id, rec] of coll) {
        const empty = [...rec.entries()].filter(([, v]) => v === '' || v === null || v === false).map(([k]) => k);
        expect(empty, `${root}/${id} stores empty fields`).toEqual([]);
        const read = def.read(rec) as Record<string, unknown>;
        for (const key of def.keys) if (!rec.has(key) && key !== 'id' && !def.sets.has(key)) expect(['', null, false], `${root}/${id}.${key}`).toContain(read[key]);
      }
    }
  });

  it('an attachment is stored under its id without an id field, and reads back whole', async () => {
    const doc = new Y.Doc();
    const id = await addAttachment(doc, { incidentId: 'inc-1', name: 'photo.jpg', type: 'image/jpeg', bytes: new TextEncoder().encode('JPEG'), addedAt: 1, by: 'Mei' }, 'user');
    const rec = attachmentsOf(doc).get(id)!;
    expect(rec.has('id')).toBe(false);
    expect(recordId(rec)).toBe(id);
    const list = await attachmentsFor(doc, 'inc-1');
    expect(list.attachments.map((a) => a.id)).toEqual([id]);
    expect(list.damaged).toEqual([]);
  });
});
