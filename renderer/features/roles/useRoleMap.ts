import { useEffect, useMemo, useState } from 'react';
import { useYRoots, type AnyYType } from '../../hooks/useY';
import type * as Y from 'yjs';
import { ROOTS } from '../../../shared/doc/workspaceDoc';
import { readRoleMap } from '../../../shared/roles/roleMap';
import type { RoleMap } from '../../../shared/roles/types';
import { indexIssues, validateRoleMap, type IssueIndex, type RoleIssue } from '../../../shared/roles/validate';

/** The Yjs roots the map reads: units, people, the playbook's crisis types and the RACI cells. */
function rootsOf(doc: Y.Doc): Y.Map<unknown>[] {
  return [doc.getMap(ROOTS.units), doc.getMap(ROOTS.members), doc.getMap(ROOTS.crisisTypes), doc.getMap(ROOTS.raci)];
}

function rootOf(type: AnyYType): AnyYType {
  let t = type;
  while (t.parent) t = t.parent as AnyYType;
  return t;
}

/** The last snapshot read of each document, and whether a transaction touched the map's roots since. */
const snapshots = new WeakMap<Y.Doc, { map: RoleMap | null }>();

/**
 * `readRoleMap`, but the same snapshot again while no transaction touched the map's roots — also
 * for a component mounted later (switching tabs at 100×: reading, checking and laying the map out
 * again took seconds), so what is derived from a snapshot can be kept per snapshot.
 */
export function sharedRoleMap(doc: Y.Doc): RoleMap {
  let entry = snapshots.get(doc);
  if (!entry) {
    const roots = new Set<unknown>(rootsOf(doc));
    const e: { map: RoleMap | null } = { map: null };
    // Before any observer of the transaction runs (the components' stores read again in theirs):
    // a change anywhere below one of the roots (a person's field is a nested record's key).
    doc.on('beforeObserverCalls', (tr: Y.Transaction) => {
      if (e.map && [...tr.changed.keys()].some((t) => roots.has(rootOf(t)))) e.map = null;
    });
    snapshots.set(doc, (entry = e));
  }
  return (entry.map ??= readRoleMap(doc));
}

/**
 * The whole map as a plain snapshot, re-read after any change to its roots (local or remote).
 * One snapshot per change, shared by every component that asks (also across mounts).
 */
export function useRoleMap(doc: Y.Doc): RoleMap {
  return useYRoots(doc, rootsOf, sharedRoleMap)!;
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
