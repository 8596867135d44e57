import { childCollection, childrenOf, listPlain, type PlainRecord, type YCollection, type YRecord } from '../../shared/doc/collection';
import { useYSnapshot } from './useY';

/**
 * A record's nested collection for rendering (in the record's part for a crisis type's steps and
 * escalation: shared/doc/parts.ts). Reading never writes: `ensure()` creates the
 * collection (origin 'user') only when someone adds the first item.
 */
export function useChildren(parent: YRecord, key: string): { coll: YCollection | null; list: PlainRecord[]; ensure: () => YCollection } {
  const coll = childrenOf(parent, key);
  const list = useYSnapshot(coll, listPlain) ?? [];
  return { coll, list, ensure: () => childCollection(parent, key, 'user') };
}
