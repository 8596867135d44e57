import * as Y from 'yjs';
import { ROOTS } from '../doc/workspaceDoc.js';
import { write, type Origin } from '../doc/origins.js';
import { cellKey, isRaciRole, parseCellKey, type Phase, type RaciRole } from './types.js';

/**
 * The RACI cells live in one root-level Y.Map, one key per cell
 * (`crisisTypeId|phase|unitId` → 'R' | 'A' | 'C' | 'I'; no key = no role). Two people setting
 * different cells never touch the same Yjs item; setting the same cell at once resolves to one
 * value on every peer (last writer by Yjs' rules).
 */
export type RaciMap = Y.Map<string>;

export function raciOf(doc: Y.Doc): RaciMap {
  return doc.getMap<string>(ROOTS.raci);
}

/** Sets (or with `role` null clears) one cell. No-op when unchanged. */
export function setCell(doc: Y.Doc, crisisTypeId: string, phase: Phase, unitId: string, role: RaciRole | null, origin: Origin): void {
  const raci = raciOf(doc);
  const key = cellKey(crisisTypeId, phase, unitId);
  const current = raci.get(key);
  if (role === null) {
    if (current === undefined) return;
    write(doc, origin, () => raci.delete(key));
    return;
  }
  if (current === role) return;
  write(doc, origin, () => raci.set(key, role));
}

/** All well-formed cells (malformed keys or values from an older or faulty peer are skipped). */
export function readCells(doc: Y.Doc): Map<string, RaciRole> {
  const out = new Map<string, RaciRole>();
  for (const [key, value] of raciOf(doc).entries()) {
    if (isRaciRole(value) && parseCellKey(key)) out.set(key, value);
  }
  return out;
}

/** Removes every cell matching `match` (in the caller's transaction if one is open). */
export function removeCells(doc: Y.Doc, match: (cell: { crisisTypeId: string; phase: Phase; unitId: string }) => boolean, origin: Origin): number {
  const raci = raciOf(doc);
  return write(doc, origin, () => {
    let removed = 0;
    for (const key of Array.from(raci.keys())) {
      const cell = parseCellKey(key);
      if (cell && match(cell)) {
        raci.delete(key);
        removed++;
      }
    }
    return removed;
  });
}

/**
 * Makes crisis type `toId` use the same roles as `fromId` (its own cells are replaced), in one
 * transaction. Returns the number of cells copied.
 */
export function copyCrisisTypeCells(doc: Y.Doc, fromId: string, toId: string, origin: Origin): number {
  if (fromId === toId) return 0;
  const raci = raciOf(doc);
  return write(doc, origin, () => {
    const source: [string, string][] = [];
    for (const [key, value] of raci.entries()) {
      const cell = parseCellKey(key);
      if (!cell) continue;
      if (cell.crisisTypeId === toId) raci.delete(key);
      else if (cell.crisisTypeId === fromId && isRaciRole(value)) source.push([cellKey(toId, cell.phase, cell.unitId), value]);
    }
    for (const [key, value] of source) raci.set(key, value);
    return source.length;
  });
}
