import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { write } from '../../../shared/doc/origins';
import { seedWorkspace } from '../../../shared/playbook/seed';
import { listRecords, moveRecord, removeRecord, setField, recordId } from '../../../shared/doc/collection';
import { endUndoStep } from '../../../renderer/hooks/undoSteps';
import { playbookOf } from '../../../shared/doc/workspaceDoc';
import { createWorkspaceUndo } from '../../../renderer/features/undo/undoService';

/** Two laptops' documents, each update passed to the other with origin 'remote'. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, o: unknown) => o !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, o: unknown) => o !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  write(a, 'system', () => seedWorkspace(a, 'zh-TW', 1));
  return { a, b };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('undo across the workspace (Y.UndoManager over this person\'s own edits)', () => {
  it("undoes and redoes my edit, never a colleague's", async () => {
    const { a, b } = pair();
    const undo = createWorkspaceUndo(a);
    const [first, second] = listRecords(playbookOf(a).crisisTypes);
    setField(first!, 'name', '我改的名稱', 'user');
    await wait(700);
    // A colleague edits another crisis type (and the same one's other field) meanwhile.
    const theirs = playbookOf(b).crisisTypes.get(recordId(second!))!;
    setField(theirs, 'name', '同事改的名稱', 'user');
    setField(playbookOf(b).crisisTypes.get(recordId(first!))!, 'description', '同事的說明', 'user');
    expect(undo.manager.undoStack.length).toBe(1);
    undo.manager.undo();
    expect(first!.get('name')).not.toBe('我改的名稱');
    expect(second!.get('name')).toBe('同事改的名稱');
    expect(first!.get('description')).toBe('同事的說明');
    // The undo reached the colleague too, as an ordinary change.
    expect(playbookOf(b).crisisTypes.get(recordId(first!))!.get('name')).toBe(first!.get('name'));
    undo.manager.redo();
    expect(first!.get('name')).toBe('我改的名稱');
    undo.destroy();
  });

  it('a deletion is announced (for the undo toast) and undone with everything in the record', () => {
    const { a } = pair();
    const deleted: number[] = [];
    const undo = createWorkspaceUndo(a, (n) => deleted.push(n));
    const coll = playbookOf(a).crisisTypes;
    const before = listRecords(coll).length;
    const victim = listRecords(coll)[0]!;
    const id = recordId(victim);
    const name = victim.get('name');
    removeRecord(coll, id, 'user');
    expect(deleted).toEqual([1]);
    expect(listRecords(coll).length).toBe(before - 1);
    undo.manager.undo();
    expect(listRecords(coll).length).toBe(before);
    expect(coll.get(id)?.get('name')).toBe(name);
    // System and remote writes are not the person's: nothing to undo, no toast.
    write(a, 'system', () => coll.delete(recordId(listRecords(coll)[1]!)));
    expect(deleted).toEqual([1]);
    undo.destroy();
  });

  it('two drops in quick succession are two undo steps (a discrete action ends its step); typing in a burst stays one', () => {
    const { a } = pair();
    const undo = createWorkspaceUndo(a);
    const coll = playbookOf(a).crisisTypes;
    const names = () => listRecords(coll).map((r) => String(r.get('name')));
    const initial = names();
    const drop = (id: string, to: number) => {
      endUndoStep();
      moveRecord(coll, id, to, 'user');
      endUndoStep();
    };
    drop(recordId(listRecords(coll)[4]!), 0);
    const afterFirst = names();
    drop(recordId(listRecords(coll)[1]!), 3);
    expect(undo.manager.undoStack.length).toBe(2);
    undo.manager.undo();
    expect(names()).toEqual(afterFirst);
    undo.manager.undo();
    expect(names()).toEqual(initial);
    // Without the step ends, edits within the capture time merge (a burst of typing is one step).
    const rec = listRecords(coll)[0]!;
    setField(rec, 'name', 'a', 'user');
    setField(rec, 'name', 'ab', 'user');
    expect(undo.manager.undoStack.length).toBe(1);
    undo.destroy();
    // A destroyed manager no longer listens.
    expect(() => endUndoStep()).not.toThrow();
  });
});
