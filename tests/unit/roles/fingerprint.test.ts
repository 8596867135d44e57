import { describe, expect, it } from 'vitest';
import { mapFingerprint } from '../../../shared/roles/fingerprint';
import { setCell } from '../../../shared/roles/raci';
import { readRoleMap, updateMember } from '../../../shared/roles/roleMap';
import { smallMap } from './fixture';

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
});
