import { describe, expect, it } from 'vitest';
import { mapFingerprint } from '../../../shared/roles/fingerprint';
import { setCell } from '../../../shared/roles/raci';
import { readRoleMap, updateMember } from '../../../shared/roles/roleMap';
import { cellKey, PHASES, type RoleMap } from '../../../shared/roles/types';
import { smallMap } from './fixture';
import { buildSampleMap } from './sampleMap';

/** The fingerprint as first written (one joined string): printed posters carry its values. */
function joinedFingerprint(map: RoleMap): string {
  const parts: string[] = [];
  for (const u of map.units) {
    parts.push(`U${u.id}\u0001${u.name}\u0001${u.abbr}\u0001${u.kind}`);
    for (const m of u.members) parts.push(`M${m.id}\u0001${m.name}\u0001${m.phone}\u0001${m.email}\u0001${m.isKey}\u0001${m.keyRoleName}\u0001${m.backupMemberId}`);
  }
  for (const ct of map.crisisTypes) {
    parts.push(`C${ct.id}\u0001${ct.name}\u0001${ct.firstResponderUnitId}`);
    for (const phase of PHASES) for (const u of map.units) parts.push(map.cells.get(cellKey(ct.id, phase, u.id)) ?? '');
  }
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const text = parts.join('\u0002');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return (a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')).slice(0, 10).toUpperCase();
}

describe('map fingerprint', () => {
  it('changes with what the poster shows and only with that', () => {
    const { doc, units, people, crisisTypes } = smallMap();
    const first = mapFingerprint(readRoleMap(doc));
    expect(first).toMatch(/^[0-9A-F]{10}$/);
    expect(mapFingerprint(readRoleMap(doc))).toBe(first);

    updateMember(doc, units.cs, people[units.cs]![0]!, { title: '組長' }, 'user'); // not printed
    expect(mapFingerprint(readRoleMap(doc))).toBe(first);

    updateMember(doc, units.cs, people[units.cs]![0]!, { phone: '0900-000-000' }, 'user');
    const second = mapFingerprint(readRoleMap(doc));
    expect(second).not.toBe(first);

    setCell(doc, crisisTypes.defect, 'detect', units.legal, 'I', 'user');
    expect(mapFingerprint(readRoleMap(doc))).not.toBe(second);
  });

  it('is the value the joined-text version gave (posters printed before still match)', () => {
    const { doc } = smallMap();
    expect(mapFingerprint(readRoleMap(doc))).toBe(joinedFingerprint(readRoleMap(doc)));
    for (const [units, crisisTypes] of [[12, 12], [40, 12], [3, 30]] as const) {
      const map = readRoleMap(buildSampleMap({ units, crisisTypes, language: 'zh-TW' }).doc);
      expect(map.cells.size).toBeGreaterThan(0);
      expect(mapFingerprint(map)).toBe(joinedFingerprint(map));
    }
    expect(mapFingerprint({ units: [], crisisTypes: [], cells: new Map() })).toBe(joinedFingerprint({ units: [], crisisTypes: [], cells: new Map() }));
  });
});
