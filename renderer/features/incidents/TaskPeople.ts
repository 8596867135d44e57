import { useYRoots } from '../../hooks/useY';
import type * as Y from 'yjs';
import { ROOTS } from '../../../shared/doc/workspaceDoc';
import { sharedRoleMap } from '../../../shared/roles/sharedRoleMap';
import type { RoleUnit } from '../../../shared/roles/types';

/**
 * The responsibility map's units with their people, for putting a person in charge of a task
 * (re-read after any change to units or people, local or a peer's). The incidents feature reads
 * the map through shared/ — it does not import the roles feature. The snapshot is the one the
 * roles page shares (read once per change, not once per room opened: issue 14, P16).
 */
export function useMapPeople(doc: Y.Doc | null): RoleUnit[] {
  return useYRoots(doc, peopleRoots, (d) => sharedRoleMap(d).units) ?? NO_UNITS;
}

const NO_UNITS: RoleUnit[] = [];
const peopleRoots = (doc: Y.Doc) => [doc.getMap(ROOTS.units), doc.getMap(ROOTS.members)];

/** Value of a person picker: '' (nobody / no change), `unit:<id>` (a unit as a whole) or `m:<id>` (a person). */
export type OwnerChoice = '' | `unit:${string}` | `m:${string}`;

export function ownerChoiceOf(task: { ownerUnitId: string; ownerMemberId?: string }): OwnerChoice {
  if (task.ownerMemberId) return `m:${task.ownerMemberId}`;
  return task.ownerUnitId ? `unit:${task.ownerUnitId}` : '';
}

/** What a picker value means: a person of the map (with unit and name), a unit, or nobody. */
export function resolveOwnerChoice(units: readonly RoleUnit[], value: string): { unitId: string; memberId: string; name: string } | { unitId: string } | null {
  if (value.startsWith('unit:')) return { unitId: value.slice(5) };
  if (!value.startsWith('m:')) return null;
  const memberId = value.slice(2);
  for (const u of units) {
    const m = u.members.find((x) => x.id === memberId);
    if (m) return { unitId: u.id, memberId, name: m.name };
  }
  return null;
}
