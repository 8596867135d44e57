import type * as Y from 'yjs';
import { needsFormattingCleanup } from './yjsInternals.js';

/**
 * The run-time half of "every Yjs write carries an origin" (the lint rules in lint/ are the
 * other half; they cannot see a bare `map.set` outside a transaction, this can).
 *
 * A guarded doc throws {@link UntaggedWriteError} after every local transaction whose origin is
 * null or undefined: a bare `map.set`/`text.insert` outside write(), `doc.transact(fn)`,
 * `Y.transact(doc, fn)` or an explicit null origin. The check runs when the transaction has been
 * cleaned up (Yjs's 'afterTransaction'), so the document stays consistent and the error reaches
 * the code that wrote. Remote updates (`Y.applyUpdate`, local = false) are left to the lint rule.
 *
 * Installed in development builds (renderer/app/originGuardService.ts) and on every doc in the
 * unit tests (tests/unit/setup/originGuard.ts); production builds never install it.
 */
export class UntaggedWriteError extends Error {
  override name = 'UntaggedWriteError';
}

/**
 * Not checked, because they are not ours to tag:
 * - writes made by observers while a peer's update is applied (a remote transaction's observer
 *   calls): the editor binding (y-tiptap) merges adjacent texts it created there with a bare
 *   applyDelta and `doc.transact(fn)`. Our own observers react to local writes (lastEditor.ts);
 *   an untagged write of ours in reaction to a peer's update is left to the lint rule.
 * - empty transactions (see wroteAnything).
 * - Yjs's formatting clean-up, below.
 *
 * Yjs itself starts one null-origin transaction after a peer's change to formatted Y.Text (its
 * formatting clean-up, run right after 'afterTransaction'; read through ./yjsInternals.ts, whose
 * contract test fails if a Yjs upgrade changes it). That one is not ours to tag.
 */

/**
 * Whether a transaction changed the document. Yjs runs empty null-origin transactions of its own
 * (the first `doc.getArray(name)` or `getXmlFragment(name)` integrates the type with its empty
 * preliminary content): no write, nothing to tag.
 */
function wroteAnything(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if ((tr.beforeState.get(client) ?? 0) !== clock) return true;
  return false;
}

const guarded = new WeakSet<Y.Doc>();

/** True when `doc` already has the guard. */
export function isGuarded(doc: Y.Doc): boolean {
  return guarded.has(doc);
}

/**
 * Makes `doc` throw on local transactions without an origin (see the module comment). Installing
 * twice is a no-op. Returns the disposer.
 */
export function guardOrigins(doc: Y.Doc): () => void {
  if (guarded.has(doc)) return () => {};
  guarded.add(doc);
  const exempt = new WeakSet<Y.Transaction>();
  let formattingCleanupNext = false;
  /** The transaction whose observers are running (observers' writes start new transactions). */
  let observing: Y.Transaction | null = null;
  const before = (tr: Y.Transaction) => {
    if (formattingCleanupNext || (observing && !observing.local)) exempt.add(tr);
    formattingCleanupNext = false;
  };
  const observers = (tr: Y.Transaction) => {
    observing = tr;
  };
  const after = (tr: Y.Transaction) => {
    if (observing === tr) observing = null;
    if (needsFormattingCleanup(tr)) formattingCleanupNext = true;
    if (!tr.local || tr.origin != null || exempt.has(tr) || !wroteAnything(tr)) return;
    throw new UntaggedWriteError(
      'A local Yjs transaction has no origin. Write through write(doc, origin, fn) or a collection helper ' +
        "with 'user', 'remote', 'import' or 'system' (bare map.set/insert outside a transaction, " +
        'doc.transact(fn) and a null origin are all untagged).',
    );
  };
  doc.on('beforeTransaction', before);
  doc.on('beforeObserverCalls', observers);
  doc.on('afterTransaction', after);
  return () => {
    doc.off('beforeTransaction', before);
    doc.off('beforeObserverCalls', observers);
    doc.off('afterTransaction', after);
    guarded.delete(doc);
  };
}
