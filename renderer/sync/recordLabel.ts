import * as Y from 'yjs';
import { ROOTS } from '../../shared/doc/workspaceDoc';
import { builtPartOf } from '../../shared/doc/parts';

const LABEL_FIELDS = ['name', 'title', 'text', 'kind'];

/**
 * A short label for record `id` wherever it lives in the workspace (a crisis type's name, a
 * step's title…), for "who is editing what". Searches the root collections and their nested
 * ones (in the parts this laptop has built, shared/doc/parts.ts); null when not found.
 */
export function recordLabel(doc: Y.Doc, id: string): string | null {
  const visit = (coll: Y.Map<unknown>, depth: number): string | null => {
    const rec = coll.get(id);
    if (rec instanceof Y.Map) {
      for (const f of LABEL_FIELDS) {
        const v = rec.get(f);
        if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 60);
      }
      return null;
    }
    if (depth >= 3) return null;
    for (const child of coll.values()) {
      if (!(child instanceof Y.Map)) continue;
      // A record's part (a crisis type's steps and escalation) is searched once this laptop has built it.
      const nested = [...child.values(), ...(builtPartOf(child as Y.Map<unknown>)?.share.values() ?? [])];
      for (const value of nested) {
        if (value instanceof Y.Map) {
          const found = visit(value as Y.Map<unknown>, depth + 1);
          if (found) return found;
        }
      }
    }
    return null;
  };
  for (const [key, name] of Object.entries(ROOTS)) {
    if (key === 'meta') continue;
    const found = visit(doc.getMap(name), 0);
    if (found) return found;
  }
  return null;
}
