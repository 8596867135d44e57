/**
 * A record's part (shared/doc/parts.ts): a crisis type's steps and escalation in a document of
 * their own, stored in the type as the log of that document's updates. Two laptops here are two
 * workspace documents that exchange the workspace's updates (origin 'remote'), as sync does; the
 * part is never synced on its own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRecord, childCollection, childrenOf, listRecords, readChildren, recordId, removeRecord, setField, toPlain, type YRecord } from '../../../shared/doc/collection';
import { migrateDoc } from '../../../shared/doc/migrations';
import { write } from '../../../shared/doc/origins';
import { builtPartOf, COMPACT_AFTER, PART_FIELD, partLogOf } from '../../../shared/doc/parts';
import { playbookOf, SCHEMA_VERSION } from '../../../shared/doc/workspaceDoc';
import { readPlaybook } from '../../../shared/playbook/accessors';
import { seedWorkspace } from '../../../shared/playbook/seed';
import { createWorkspaceUndo } from '../../../renderer/features/undo/undoService';

function laptop(): Y.Doc {
  return new Y.Doc();
}

/** Two laptops online: every local update of one is applied to the other at once. */
function online(a: Y.Doc, b: Y.Doc): () => void {
  const ab = (u: Uint8Array, o: unknown) => o !== 'remote' && Y.applyUpdate(b, u, 'remote');
  const ba = (u: Uint8Array, o: unknown) => o !== 'remote' && Y.applyUpdate(a, u, 'remote');
  a.on('update', ab);
  b.on('update', ba);
  return () => {
    a.off('update', ab);
    b.off('update', ba);
  };
}

/** What each laptop lacks, exchanged once (a sync after working offline). */
function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, 'remote');
  Y.applyUpdate(a, toA, 'remote');
}

/** A laptop that opens what another stored: a fresh document from its state. */
function reopen(doc: Y.Doc): Y.Doc {
  const fresh = new Y.Doc();
  Y.applyUpdateV2(fresh, Y.encodeStateAsUpdateV2(doc), 'system');
  return fresh;
}

const typeOf = (doc: Y.Doc, id: string): YRecord => playbookOf(doc).crisisTypes.get(id)!;
const titles = (type: YRecord): string[] => readChildren(type, 'steps').map((s) => String(s.get('title')));

function seeded(): { a: Y.Doc; b: Y.Doc; id: string } {
  const a = laptop();
  seedWorkspace(a, 'zh-TW', 1);
  const b = reopen(a);
  return { a, b, id: recordId(listRecords(playbookOf(a).crisisTypes)[0]!) };
}

describe("a crisis type's part (shared/doc/parts.ts)", () => {
  it('a new type keeps its steps and escalation in its part; opening the workspace builds no part, reading one builds only that one', () => {
    const { a, id } = seeded();
    const types = listRecords(playbookOf(a).crisisTypes);
    expect(types.length).toBeGreaterThan(5);
    for (const type of types) {
      expect(type.has('steps') || type.has('escalation')).toBe(false);
      expect(partLogOf(type)?.length).toBe(1);
    }
    const opened = reopen(a);
    const openedTypes = listRecords(playbookOf(opened).crisisTypes);
    expect(openedTypes.every((t) => builtPartOf(t) === null)).toBe(true);
    expect(titles(typeOf(opened, id))).toEqual(titles(typeOf(a, id)));
    expect(titles(typeOf(opened, id)).length).toBeGreaterThan(2);
    expect(openedTypes.filter((t) => builtPartOf(t) !== null).map(recordId)).toEqual([id]);
    expect(readPlaybook(opened)).toEqual(readPlaybook(a));
  });

  it('two laptops editing the same steps offline keep both edits, each of them, on both laptops and after a reopen', () => {
    const { a, b, id } = seeded();
    const [first, second] = readChildren(typeOf(a, id), 'steps');
    setField(first!, 'title', 'A 改的第一步', 'user');
    setField(readChildren(typeOf(b, id), 'steps')[0]!, 'targetMinutes', 7, 'user');
    setField(readChildren(typeOf(b, id), 'steps')[1]!, 'title', 'B 改的第二步', 'user');
    addRecord(childCollection(typeOf(a, id), 'steps', 'user'), { title: 'A 加的步驟' }, 'user');
    addRecord(childCollection(typeOf(b, id), 'escalation', 'user'), { unitId: '', withinMinutes: 5, note: 'B 加的通報' }, 'user');
    removeRecord(childCollection(typeOf(b, id), 'steps', 'user'), recordId(readChildren(typeOf(b, id), 'steps').at(-1)!), 'user');
    sync(a, b);
    const expected = toPlain(typeOf(a, id));
    for (const doc of [a, b, reopen(a), reopen(b)]) {
      const type = typeOf(doc, id);
      expect(toPlain(type)).toEqual(expected);
      const steps = readChildren(type, 'steps');
      expect(steps[0]!.get('title')).toBe('A 改的第一步');
      expect(steps[0]!.get('targetMinutes')).toBe(7);
      expect(recordId(steps[1]!)).toBe(recordId(second!));
      expect(steps[1]!.get('title')).toBe('B 改的第二步');
      expect(titles(type)).toContain('A 加的步驟');
      expect(readChildren(type, 'escalation').map((e) => e.get('note'))).toContain('B 加的通報');
    }
    expect(titles(typeOf(a, id)).length).toBe(titles(typeOf(reopen(a), id)).length);
  });

  it("a peer's update reaches a built part before the workspace's observers run, and is not appended again", () => {
    const { a, b, id } = seeded();
    const stop = online(a, b);
    const seen: string[] = [];
    readChildren(typeOf(b, id), 'steps'); // b has built the part
    const logLength = partLogOf(typeOf(b, id))!.length;
    playbookOf(b).crisisTypes.observeDeep((_events, tr) => {
      seen.push(`${String(tr.origin)}:${String(readChildren(typeOf(b, id), 'steps')[0]!.get('title'))}`);
    });
    setField(readChildren(typeOf(a, id), 'steps')[0]!, 'title', '同事剛改的', 'user');
    expect(seen).toEqual(['remote:同事剛改的']);
    expect(partLogOf(typeOf(b, id))!.length).toBe(logLength + 1);
    expect(partLogOf(typeOf(a, id))!.length).toBe(logLength + 1);
    stop();
  });

  it('a write to a part is appended to the log in a workspace transaction with the same origin', () => {
    const { a, id } = seeded();
    const origins: unknown[] = [];
    a.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    setField(readChildren(typeOf(a, id), 'steps')[0]!, 'title', '改', 'user');
    addRecord(childCollection(typeOf(a, id), 'escalation', 'import'), { note: '匯入' }, 'import');
    expect(origins).toEqual(['user', 'import']);
  });

  it(`a log longer than ${COMPACT_AFTER} updates is compacted by the next write; two laptops compacting at once still agree`, () => {
    const { a, b, id } = seeded();
    const log = () => partLogOf(typeOf(a, id))!;
    const step = () => readChildren(typeOf(a, id), 'steps')[0]!;
    for (let i = 0; i < COMPACT_AFTER + 10; i++) setField(step(), 'title', `第 ${i} 次`, 'user');
    expect(log().length).toBeLessThanOrEqual(11);
    expect(step().get('title')).toBe(`第 ${COMPACT_AFTER + 9} 次`);
    expect(titles(typeOf(reopen(a), id))).toEqual(titles(typeOf(a, id)));
    // b compacts its own long log while offline; then both exchange.
    const stepB = () => readChildren(typeOf(b, id), 'steps')[1]!;
    for (let i = 0; i < COMPACT_AFTER + 3; i++) setField(stepB(), 'targetMinutes', i, 'user');
    sync(a, b);
    for (const doc of [a, b, reopen(a), reopen(b)]) {
      const steps = readChildren(typeOf(doc, id), 'steps');
      expect(steps[0]!.get('title')).toBe(`第 ${COMPACT_AFTER + 9} 次`);
      expect(steps[1]!.get('targetMinutes')).toBe(COMPACT_AFTER + 2);
    }
    expect(toPlain(typeOf(a, id))).toEqual(toPlain(typeOf(b, id)));
    // One more write on each compacts nothing of the other's away.
    setField(step(), 'title', '最後', 'user');
    sync(a, b);
    expect(readChildren(typeOf(b, id), 'steps')[0]!.get('title')).toBe('最後');
  });

  it("undo takes back this person's last step in whichever document it was made, never removes an update from a log, and not a colleague's", async () => {
    const { a, b, id } = seeded();
    const stop = online(a, b);
    const undo = createWorkspaceUndo(a);
    const type = typeOf(a, id);
    const name = type.get('name');
    const stepTitle = readChildren(type, 'steps')[0]!.get('title');
    setField(type, 'name', '我改的名稱', 'user');
    await new Promise((r) => setTimeout(r, 700));
    setField(readChildren(type, 'steps')[0]!, 'title', '我改的步驟', 'user');
    setField(readChildren(typeOf(b, id), 'steps')[1]!, 'title', '同事改的步驟', 'user');
    const logLength = partLogOf(type)!.length;
    undo.undo();
    expect(readChildren(type, 'steps')[0]!.get('title')).toBe(stepTitle);
    expect(type.get('name')).toBe('我改的名稱');
    expect(partLogOf(type)!.length).toBe(logLength + 1);
    undo.undo();
    expect(type.get('name')).toBe(name);
    expect(readChildren(type, 'steps')[1]!.get('title')).toBe('同事改的步驟');
    undo.redo();
    expect(type.get('name')).toBe('我改的名稱');
    undo.redo();
    expect(readChildren(type, 'steps')[0]!.get('title')).toBe('我改的步驟');
    // What the other laptop and a reopen see is the same.
    expect(toPlain(typeOf(b, id))).toEqual(toPlain(type));
    expect(toPlain(typeOf(reopen(a), id))).toEqual(toPlain(type));
    // Undoing the deletion of a type brings its steps back with it.
    const before = toPlain(type);
    removeRecord(playbookOf(a).crisisTypes, id, 'user');
    undo.undo();
    expect(toPlain(typeOf(a, id))).toEqual(before);
    expect(toPlain(typeOf(reopen(b), id))).toEqual(before);
    undo.destroy();
    stop();
  });

  it("a duplicated type gets a part of its own: editing the copy's steps leaves the original's alone", () => {
    const { a, id } = seeded();
    const copyId = write(a, 'user', () => addRecord(playbookOf(a).crisisTypes, { ...toPlain(typeOf(a, id)), id: undefined, steps: readChildren(typeOf(a, id), 'steps').map((s) => ({ title: String(s.get('title')) })) }, 'user'));
    setField(readChildren(typeOf(a, copyId), 'steps')[0]!, 'title', '只改副本', 'user');
    expect(readChildren(typeOf(a, id), 'steps')[0]!.get('title')).not.toBe('只改副本');
    expect(partLogOf(typeOf(a, copyId))).not.toBe(partLogOf(typeOf(a, id)));
  });

  it('the previous release’s workspace (schema 4, steps kept in each type) opens with every step, edits in place, and new types get parts', () => {
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, new Uint8Array(readFileSync(new URL('../../fixtures/workspace-schema4-playbook.bin', import.meta.url))), 'system');
    const expected = JSON.parse(readFileSync(new URL('../../fixtures/workspace-schema4-playbook.expected.json', import.meta.url), 'utf8')) as { schemaVersion: number; crisisTypes: unknown };
    expect(expected.schemaVersion).toBe(4);
    expect(migrateDoc(doc)).toEqual({ status: 'migrated', from: 4, to: SCHEMA_VERSION });
    expect(readPlaybook(doc).crisisTypes).toEqual(expected.crisisTypes);
    const old = listRecords(playbookOf(doc).crisisTypes)[0]!;
    expect(old.has(PART_FIELD)).toBe(false);
    expect(childrenOf(old, 'steps')).toBe(old.get('steps'));
    setField(readChildren(old, 'steps')[0]!, 'title', '新版修改舊類型', 'user');
    expect((old.get('steps') as Y.Map<YRecord>).size).toBe(readChildren(old, 'steps').length);
    const added = addRecord(playbookOf(doc).crisisTypes, { name: '新版類型', steps: [{ title: '步驟' }], escalation: [] }, 'user');
    expect(partLogOf(typeOf(doc, added))).not.toBeNull();
    const reopened = reopen(doc);
    expect(readChildren(typeOf(reopened, recordId(old)), 'steps')[0]!.get('title')).toBe('新版修改舊類型');
    expect(titles(typeOf(reopened, added))).toEqual(['步驟']);
  });
});
