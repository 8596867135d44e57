import { describe, expect, it } from 'vitest';
import { readRoleMap } from '../../../shared/roles/roleMap';
import { cellKey, PHASES, rowRoleIndex, rowRoles, type RaciRole, type RoleMap, type RoleUnit } from '../../../shared/roles/types';
import { buildSampleMap } from './sampleMap';

/** Units by role in one row as first written: one cell lookup per unit (the reference). */
function lookupPerUnit(map: RoleMap, crisisTypeId: string, phase: (typeof PHASES)[number]): Record<RaciRole, RoleUnit[]> {
  const out: Record<RaciRole, RoleUnit[]> = { R: [], A: [], C: [], I: [] };
  for (const unit of map.units) {
    const role = map.cells.get(cellKey(crisisTypeId, phase, unit.id));
    if (role) out[role].push(unit);
  }
  return out;
}

describe('row roles from one pass over the cells (issue 14)', () => {
  it('gives every row the units of a per-unit lookup, in unit order', () => {
    const map = readRoleMap(buildSampleMap({ units: 40, crisisTypes: 12, language: 'zh-TW' }).doc);
    // Shuffle the cells' insertion order and add one for a unit that is gone: order must still follow the units.
    const cells = new Map([...map.cells].reverse());
    cells.set(cellKey(map.crisisTypes[0]!.id, 'detect', 'gone-unit'), 'A');
    const shuffled: RoleMap = { ...map, cells };
    for (const ct of shuffled.crisisTypes) for (const phase of PHASES) expect(rowRoles(shuffled, ct.id, phase)).toEqual(lookupPerUnit(shuffled, ct.id, phase));
    expect(rowRoleIndex(shuffled)).toBe(rowRoleIndex(shuffled)); // made once per snapshot
  });

  it('hands out copies (a caller may sort or push without touching the shared index)', () => {
    const map = readRoleMap(buildSampleMap({ units: 12, crisisTypes: 3, language: 'en' }).doc);
    const ct = map.crisisTypes[0]!.id;
    const first = rowRoles(map, ct, 'respond');
    first.R.push(map.units[0]!);
    expect(rowRoles(map, ct, 'respond')).toEqual(lookupPerUnit(map, ct, 'respond'));
  });
});
