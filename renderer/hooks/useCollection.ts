import * as Y from 'yjs';
import { childCollection, listPlain, type PlainRecord, type YCollection, type YRecord } from '../../shared/doc/collection';
import { useYSnapshot } from './useY';

/**
 * A record's nested collection for rendering. Reading never writes: `ensure()` creates the
 * collection (origin 'user') only when someone adds the first item.
 */
export function useChildren(parent: YRecord, key: string): { coll: YCollection | null; list: PlainRecord[]; ensure: () => YCollection } {
  const value = parent.get(key);
  const coll = value instanceof Y.Map ? (value as YCollection) : null;
  const list = useYSnapshot(coll, listPlain) ?? [];
  return { coll, list, ensure: () => childCollection(parent, key, 'user') };
}
