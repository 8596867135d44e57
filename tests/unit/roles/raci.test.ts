import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { raciOf, readCells, removeCells, setCell } from '../../../shared/roles/raci';
import { cellKey, parseCellKey } from '../../../shared/roles/types';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
}

describe('RACI cells', () => {
  it('sets, changes and clears a cell with the given origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    setCell(doc, 'ct1', 'detect', 'u1', 'R', 'user');
    expect(readCells(doc).get(cellKey('ct1', 'detect', 'u1'))).toBe('R');
    setCell(doc, 'ct1', 'detect', 'u1', 'R', 'user'); // unchanged: no transaction
    setCell(doc, 'ct1', 'detect', 'u1', 'A', 'user');
    setCell(doc, 'ct1', 'detect', 'u1', null, 'user');
    setCell(doc, 'ct1', 'detect', 'u1', null, 'user'); // already clear: no transaction
    expect(readCells(doc).size).toBe(0);
    expect(origins).toEqual(['user', 'user', 'user']);
  });

  it('keeps concurrent edits of different cells of the same row', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setCell(a, 'ct', 'respond', 'pr', 'A', 'user');
    setCell(b, 'ct', 'respond', 'cs', 'R', 'user');
    setCell(b, 'ct', 'assess', 'legal', 'C', 'user');
    sync(a, b);
    const expected = new Map([
      [cellKey('ct', 'respond', 'pr'), 'A'],
      [cellKey('ct', 'respond', 'cs'), 'R'],
      [cellKey('ct', 'assess', 'legal'), 'C'],
    ]);
    expect(readCells(a)).toEqual(expected);
    expect(readCells(b)).toEqual(expected);
  });

  it('converges when two people set the same cell at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setCell(a, 'ct', 'detect', 'u', 'R', 'user');
    setCell(b, 'ct', 'detect', 'u', 'I', 'user');
    sync(a, b);
    expect(readCells(a)).toEqual(readCells(b));
    expect(readCells(a).size).toBe(1);
  });

  it('skips malformed keys and values a faulty peer may write', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      raciOf(doc).set('ct|detect', 'R');
      raciOf(doc).set('ct|lunch|u', 'R');
      raciOf(doc).set('ct|detect|u', 'X');
      raciOf(doc).set('ct|detect|v', 'C');
    }, 'remote');
    expect([...readCells(doc).entries()]).toEqual([[cellKey('ct', 'detect', 'v'), 'C']]);
    expect(parseCellKey('a|b|c')).toBeUndefined();
    expect(parseCellKey('a|recover|c')).toEqual({ crisisTypeId: 'a', phase: 'recover', unitId: 'c' });
  });

  it('removes matching cells in one transaction', () => {
    const doc = new Y.Doc();
    setCell(doc, 'ct', 'detect', 'u1', 'R', 'user');
    setCell(doc, 'ct', 'assess', 'u1', 'A', 'user');
    setCell(doc, 'ct', 'assess', 'u2', 'C', 'user');
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(removeCells(doc, (c) => c.unitId === 'u1', 'user')).toBe(2);
    expect(transactions).toBe(1);
    expect([...readCells(doc).keys()]).toEqual([cellKey('ct', 'assess', 'u2')]);
  });
});

describe('copying roles between crisis types', () => {
  it('replaces the target type with the source type in one transaction', async () => {
    const { copyCrisisTypeCells } = await import('../../../shared/roles/raci');
    const doc = new Y.Doc();
    setCell(doc, 'from', 'detect', 'u1', 'A', 'user');
    setCell(doc, 'from', 'recover', 'u2', 'R', 'user');
    setCell(doc, 'to', 'assess', 'u3', 'C', 'user');
    setCell(doc, 'other', 'assess', 'u3', 'I', 'user');
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(copyCrisisTypeCells(doc, 'from', 'to', 'user')).toBe(2);
    expect(transactions).toBe(1);
    const cells = readCells(doc);
    expect(cells.get(cellKey('to', 'detect', 'u1'))).toBe('A');
    expect(cells.get(cellKey('to', 'recover', 'u2'))).toBe('R');
    expect(cells.has(cellKey('to', 'assess', 'u3'))).toBe(false);
    expect(cells.get(cellKey('from', 'detect', 'u1'))).toBe('A');
    expect(cells.get(cellKey('other', 'assess', 'u3'))).toBe('I');
    expect(copyCrisisTypeCells(doc, 'to', 'to', 'user')).toBe(0);
  });
});
