import { useEffect, useMemo, useState } from 'react';
import { useYRoots } from '../../hooks/useY';
import type * as Y from 'yjs';
import { ROOTS } from '../../../shared/doc/workspaceDoc';
import { readRoleMap } from '../../../shared/roles/roleMap';
import type { RoleMap } from '../../../shared/roles/types';
import { indexIssues, validateRoleMap, type IssueIndex, type RoleIssue } from '../../../shared/roles/validate';

/** The Yjs roots the map reads: units, people, the playbook's crisis types and the RACI cells. */
function rootsOf(doc: Y.Doc): Y.Map<unknown>[] {
  return [doc.getMap(ROOTS.units), doc.getMap(ROOTS.members), doc.getMap(ROOTS.crisisTypes), doc.getMap(ROOTS.raci)];
}

/**
 * The whole map as a plain snapshot, re-read after any change to its roots (local or remote).
 * One snapshot per change, shared by every component that asks within a render.
 */
export function useRoleMap(doc: Y.Doc): RoleMap {
  return useYRoots(doc, rootsOf, readRoleMap)!;
}

/** Current time, refreshed every few minutes (freshness of contacts changes with the clock). */
export function useNow(intervalMs = 5 * 60 * 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** Validation issues of the map, and the same grouped for inline display. */
export function useIssues(map: RoleMap, now: number): { issues: RoleIssue[]; index: IssueIndex } {
  return useMemo(() => {
    const issues = validateRoleMap(map, now);
    return { issues, index: indexIssues(issues) };
  }, [map, now]);
}
