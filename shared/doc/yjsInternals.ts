import * as Y from 'yjs';

/**
 * Every read of Yjs internals the app makes, in one place (yjs is pinned to an exact version in
 * package.json; tests/unit/internals/contract.test.ts loads the installed yjs and fails with a
 * clear message when one of these changed). Public Yjs API offers none of these:
 * - whether a document holds updates it cannot apply yet (missing earlier ones): `store.pendingStructs`/`pendingDs`;
 * - the item that currently holds a map key's value: `Y.Map._map`;
 * - the item a nested type lives in: `AbstractType._item`;
 * - the map key a nested type is stored under (`AbstractType._item.parentSub`): a record's id is
 *   its key in its collection (shared/doc/collection.ts `recordId`), not a stored field;
 * - whether Yjs will run its own formatting clean-up after a transaction (a null-origin
 *   transaction the origin guard must let through): `Transaction._needFormattingCleanup`;
 * - the structs of one client in clock order, and each struct writing itself from an offset
 *   (`StructStore.clients`, `Item/GC/Skip.write(encoder, offset)`, what Yjs's own `writeStructs`
 *   uses): the incremental delete-set digest (shared/sync/docState.ts) and diff slices
 *   (shared/sync/slices.ts);
 * - which client ids a document holds structs of (`StructStore.clients`): the deterministic client
 *   id of a plain-text upgrade must be unused (shared/playbook/textFields.ts), and a document that
 *   holds nothing is not migrated (shared/doc/migrations.ts);
 * - whether a nested type still lives under a root, no ancestor deleted (`AbstractType._item`,
 *   `Item.deleted`): the editor keeps its caret only in a live body (statements/editor/keepCaret.ts).
 */

/** True while `doc` holds updates waiting for earlier ones (it is not complete yet). */
export function hasPendingUpdates(doc: Y.Doc): boolean {
  const store = doc.store as { pendingStructs: unknown; pendingDs: unknown };
  return store.pendingStructs !== null || store.pendingDs !== null;
}

/** The id of the item holding `map`'s current value for `key`, or null. */
export function currentItemId(map: object, key: string): Y.ID | null {
  const item = (map as unknown as { _map: Map<string, Y.Item> })._map.get(key);
  return item ? item.id : null;
}

/** The key `type` is stored under in its parent map (null: a root type, in a list, or not integrated yet). */
export function parentKeyOf(type: object): string | null {
  const item = (type as unknown as { _item: Y.Item | null })._item;
  return item && typeof item.parentSub === 'string' ? item.parentSub : null;
}

/** The id of the item `type` is stored in (null: a root type, or not integrated yet). */
export function ownItemId(type: object): Y.ID | null {
  const item = (type as unknown as { _item: Y.Item | null })._item;
  return item ? item.id : null;
}

/**
 * True when Yjs will start its formatting clean-up (a transaction of its own, without an origin)
 * right after `tr`'s 'afterTransaction': a peer's change to formatted Y.Text.
 */
export function needsFormattingCleanup(tr: Y.Transaction): boolean {
  return (tr as unknown as { _needFormattingCleanup?: boolean })._needFormattingCleanup === true;
}

/** One struct of a client (an Item, a GC or a Skip) as the store holds it. */
export interface StoredStruct {
  id: Y.ID;
  length: number;
  deleted: boolean;
  /** Writes the struct from `offset` on (Yjs's own update encoding, V1 here). */
  write(encoder: Y.UpdateEncoderV1, offset: number): void;
}

/** Yjs's `StructStore.clients`: each client's structs, in clock order (checked by the contract test). */
const clientsOf = (doc: Y.Doc): Map<number, StoredStruct[]> => (doc.store as unknown as { clients: Map<number, StoredStruct[]> }).clients;

/** The structs of `client` held by `doc`, in clock order (empty when it has none). Read only. */
export function structsOf(doc: Y.Doc, client: number): readonly StoredStruct[] {
  return clientsOf(doc).get(client) ?? [];
}

/** Whether `doc` holds any struct of client `client`. */
export function holdsClient(doc: Y.Doc, client: number): boolean {
  return clientsOf(doc).has(client);
}

/**
 * Whether `doc`'s state vector is exactly `sv` (as `Y.decodeStateVector(Y.encodeStateVector(doc))`
 * would say), without encoding it: stops at the first client that differs. Checked after every
 * batch a joining laptop applies (shared/sync/peerConn.ts `caughtUpWith`).
 */
export function stateVectorIs(doc: Y.Doc, sv: ReadonlyMap<number, number>): boolean {
  if (clientsOf(doc).size !== sv.size) return false;
  for (const [client, clock] of sv) if (Y.getState(doc.store, client) !== clock) return false;
  return true;
}

/** Whether `doc` holds no struct at all (nothing was loaded or written). */
export function holdsNothing(doc: Y.Doc): boolean {
  return clientsOf(doc).size === 0;
}

/** Whether `type` is `root` or lives under it with no deleted ancestor (nor itself deleted). */
export function livesUnder(type: object, root: object): boolean {
  for (let t = type; t !== root; ) {
    const item = (t as { _item: Y.Item | null })._item;
    if (!item || item.deleted || !(item.parent instanceof Y.AbstractType)) return false;
    t = item.parent;
  }
  return true;
}
