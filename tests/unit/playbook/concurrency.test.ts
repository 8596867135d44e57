import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addRecord, childrenOf, listRecords, moveRecord, readChildren, setField, type YCollection, type YRecord, recordId } from '../../../shared/doc/collection';
import { playbookOf } from '../../../shared/doc/workspaceDoc';
import { readPlaybook } from '../../../shared/playbook/accessors';
import { seedWorkspace } from '../../../shared/playbook/seed';

/** Two peers that start from the same seeded workspace. */
function twoPeers(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  seedWorkspace(a, 'zh-TW');
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
  return [a, b];
}

/** Exchanges what each peer is missing, as a sync round would. */
function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, 'remote');
  Y.applyUpdate(a, toA, 'remote');
}

function productDefectSteps(doc: Y.Doc): YCollection {
  const type = listRecords(playbookOf(doc).crisisTypes).find((t) => t.get('key') === 'productDefect')!;
  return childrenOf(type, 'steps')!;
}

function stepAt(doc: Y.Doc, i: number): YRecord {
  return listRecords(productDefectSteps(doc))[i]!;
}

describe('co-editing the playbook', () => {
  it('keeps concurrent edits of two different steps', () => {
    const [a, b] = twoPeers();
    setField(stepAt(a, 0), 'title', 'A 改的第一步', 'user');
    setField(stepAt(b, 2), 'targetMinutes', 180, 'user');
    sync(a, b);
    for (const doc of [a, b]) {
      expect(stepAt(doc, 0).get('title')).toBe('A 改的第一步');
      expect(stepAt(doc, 2).get('targetMinutes')).toBe(180);
    }
    expect(readPlaybook(a)).toEqual(readPlaybook(b));
  });

  it('keeps concurrent edits of two different fields of the same step', () => {
    const [a, b] = twoPeers();
    const id = recordId(stepAt(a, 1));
    setField(stepAt(a, 1), 'title', '由發言人宣讀聲明', 'user');
    setField(stepAt(b, 1), 'targetMinutes', 45, 'user');
    sync(a, b);
    for (const doc of [a, b]) {
      const step = productDefectSteps(doc).get(id as string)!;
      expect(step.get('title')).toBe('由發言人宣讀聲明');
      expect(step.get('targetMinutes')).toBe(45);
    }
  });

  it('keeps a concurrent move and edit of the same step', () => {
    const [a, b] = twoPeers();
    const moved = stepAt(a, 3);
    const id = recordId(moved);
    moveRecord(productDefectSteps(a), id, 0, 'user');
    setField(productDefectSteps(b).get(id)!, 'title', '先公布原因', 'user');
    addRecord(productDefectSteps(b).get(id)!.get('checklist') as YCollection, { text: '附上檢驗報告' }, 'user');
    sync(a, b);
    for (const doc of [a, b]) {
      const first = stepAt(doc, 0);
      expect(recordId(first)).toBe(id);
      expect(first.get('title')).toBe('先公布原因');
      expect(readChildren(first, 'checklist').at(-1)!.get('text')).toBe('附上檢驗報告');
      expect(listRecords(productDefectSteps(doc))).toHaveLength(4);
    }
  });

  it('keeps steps both peers add at the same place, in the same order on both', () => {
    const [a, b] = twoPeers();
    addRecord(productDefectSteps(a), { title: 'A', ownerUnitId: '', targetMinutes: 90, checklist: [] }, 'user', 2);
    addRecord(productDefectSteps(b), { title: 'B', ownerUnitId: '', targetMinutes: 90, checklist: [] }, 'user', 2);
    sync(a, b);
    const titles = (doc: Y.Doc) => listRecords(productDefectSteps(doc)).map((s) => s.get('title'));
    expect(titles(a)).toHaveLength(6);
    expect(titles(a)).toEqual(titles(b));
    expect(titles(a)).toEqual(expect.arrayContaining(['A', 'B']));
  });
});
