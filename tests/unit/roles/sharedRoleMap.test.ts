import { describe, expect, it } from 'vitest';
import { write } from '../../../shared/doc/origins';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { setCell } from '../../../shared/roles/raci';
import { updateMember } from '../../../shared/roles/roleMap';
import { cellKey } from '../../../shared/roles/types';
import { sharedRoleMap } from '../../../renderer/features/roles/useRoleMap';
import { smallMap } from './fixture';

describe('the shared role map snapshot (kept across mounts while the map is unchanged)', () => {
  it('is the same object until a transaction touches units, people, crisis types or cells', () => {
    const { doc, units, people, crisisTypes } = smallMap();
    const first = sharedRoleMap(doc);
    expect(sharedRoleMap(doc)).toBe(first);
    write(doc, 'user', () => metaOf(doc).set('name', 'x')); // not the map
    expect(sharedRoleMap(doc)).toBe(first);

    updateMember(doc, units.cs, people[units.cs]![0]!, { phone: '0900-000-000' }, 'user'); // a nested record
    const second = sharedRoleMap(doc);
    expect(second).not.toBe(first);
    expect(second.units.find((u) => u.id === units.cs)!.members[0]!.phone).toBe('0900-000-000');

    setCell(doc, crisisTypes.defect, 'detect', units.legal, 'I', 'user');
    const third = sharedRoleMap(doc);
    expect(third).not.toBe(second);
    expect(third.cells.get(cellKey(crisisTypes.defect, 'detect', units.legal))).toBe('I');
  });
});
