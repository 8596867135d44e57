import type * as Y from 'yjs';
import { ROOTS } from '../doc/workspaceDoc.js';
import { readRoleMap } from './roleMap.js';
import type { RoleMap } from './types.js';

/** The Yjs roots the map reads: units, people, the playbook's crisis types and the RACI cells. */
export function roleMapRoots(doc: Y.Doc): Y.Map<unknown>[] {
  return [doc.getMap(ROOTS.units), doc.getMap(ROOTS.members), doc.getMap(ROOTS.crisisTypes), doc.getMap(ROOTS.raci)];
}

function rootOf(type: Y.AbstractType<unknown>): Y.AbstractType<unknown> {
  let t = type;
  while (t.parent) t = t.parent as Y.AbstractType<unknown>;
  return t;
}

/** The last snapshot read of each document (null once a transaction touched the map's roots). */
const snapshots = new WeakMap<Y.Doc, { map: RoleMap | null }>();

/**
 * `readRoleMap`, but the same snapshot again while no transaction touched the map's roots — for
 * every component that reads the map, also one mounted later (the roles page's tabs, the
 * incident room's person pickers: at 100× a read takes a visible pause, issue 14), so what is
 * derived from a snapshot can be kept per snapshot. Treat the snapshot as read-only.
 */
export function sharedRoleMap(doc: Y.Doc): RoleMap {
  let entry = snapshots.get(doc);
  if (!entry) {
    const roots = new Set<unknown>(roleMapRoots(doc));
    const e: { map: RoleMap | null } = { map: null };
    // Before any observer of the transaction runs (the components' stores read again in theirs):
    // a change anywhere below one of the roots (a person's field is a nested record's key).
    doc.on('beforeObserverCalls', (tr: Y.Transaction) => {
      if (e.map && [...tr.changed.keys()].some((t) => roots.has(rootOf(t as Y.AbstractType<unknown>)))) e.map = null;
    });
    snapshots.set(doc, (entry = e));
  }
  return (entry.map ??= readRoleMap(doc));
}
