import { useEffect, useMemo, useState } from 'react';
import { useYRoots } from '../../hooks/useY';
import type * as Y from 'yjs';
import { roleMapRoots, sharedRoleMap } from '../../../shared/roles/sharedRoleMap';
import type { RoleMap } from '../../../shared/roles/types';
import { indexIssues, validateRoleMap, type IssueIndex, type RoleIssue } from '../../../shared/roles/validate';

export { sharedRoleMap };

/**
 * The whole map as a plain snapshot, re-read after any change to its roots (local or remote).
 * One snapshot per change, shared by every component that asks (also across mounts).
 */
export function useRoleMap(doc: Y.Doc): RoleMap {
  return useYRoots(doc, roleMapRoots, sharedRoleMap)!;
}

/**
 * Current time, refreshed every few minutes (freshness of contacts changes with the clock): the
 * start of the current interval, so components mounted within one interval agree (and share
 * what they derive from it).
 */
export function useNow(intervalMs = 5 * 60 * 1000): number {
  const tick = () => Math.floor(Date.now() / intervalMs) * intervalMs;
  const [now, setNow] = useState(tick);
  useEffect(() => {
    const id = window.setInterval(() => setNow(tick()), Math.min(intervalMs, 60_000));
    return () => window.clearInterval(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- tick follows intervalMs
  }, [intervalMs]);
  return now;
}

const checked = new WeakMap<RoleMap, { now: number; value: { issues: RoleIssue[]; index: IssueIndex } }>();

/** Validation issues of the map, and the same grouped for inline display (none while `map` is null: a caller handed them in). */
export function useIssues(map: RoleMap | null, now: number): { issues: RoleIssue[]; index: IssueIndex } {
  return useMemo(() => {
    if (!map) return { issues: [], index: indexIssues([]) };
    const hit = checked.get(map);
    if (hit && hit.now === now) return hit.value;
    const issues = validateRoleMap(map, now);
    const value = { issues, index: indexIssues(issues) };
    checked.set(map, { now, value });
    return value;
  }, [map, now]);
}
