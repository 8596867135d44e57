import type * as Y from 'yjs';
import type { YRecord } from '../../../shared/doc/collection';
import { collectionOf } from '../../../shared/doc/workspaceDoc';

/** The live record of a unit (for fields bound to it), or undefined once removed. */
export function unitRecord(doc: Y.Doc, unitId: string): YRecord | undefined {
  return collectionOf(doc, 'units').get(unitId);
}

/** The live record of a member of a unit, or undefined once removed or moved. */
export function memberRecord(doc: Y.Doc, unitId: string, memberId: string): YRecord | undefined {
  const rec = collectionOf(doc, 'members').get(memberId);
  return rec?.get('unitId') === unitId ? rec : undefined;
}
