import * as Y from 'yjs';
import { mergeUpdatesChecked } from './mergeChecked.js';

/**
 * Every change of a document, told once to everything that stores or forwards it (local storage,
 * sync, the auto-backup flag): ONE 'updateV2' listener per document, and a way to spare Yjs the
 * encoding of a transaction whose content the caller already holds.
 *
 * Yjs encodes each transaction's update whenever a document has an 'updateV2' listener. For a batch
 * of a peer's slices (shared/sync/applyQueue.ts) that encoding repeats what was just decoded: on a
 * laptop joining the 100× workspace it was a third of the time spent applying (CPU profile of bench
 * P15: 1.0 of 3.0 s, in tasks of their own up to 100 ms). `carry` applies such a batch with this
 * document's listener taken off for that one transaction — checked by Yjs right after
 * 'afterTransactionCleanup' — and tells the listeners the updates as applied (V1, as received),
 * which local storage converts and merges off the page's thread (renderer/workspace).
 * Any other transaction, one an observer starts during the batch included, is encoded and told as
 * before.
 */

/** A transaction's content: its update as Yjs encodes it (V2), or the V1 updates it applied, as received. */
export type DocUpdate = { format: 'v2'; update: Uint8Array } | { format: 'v1'; updates: readonly Uint8Array[] };

export type DocUpdateListener = (change: DocUpdate, origin: unknown, tr: Y.Transaction) => void;

interface Carried {
  updates: readonly Uint8Array[];
  tr: Y.Transaction | null;
  /** Every update applied whole (one refused by Yjs may have left part of it: encoded as usual). */
  whole: boolean;
}

/** Whether `tr` changed anything (Yjs emits no update for a transaction that did not). */
function changed(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}

export class UpdateHub {
  private readonly listeners = new Set<DocUpdateListener>();
  private carried: Carried | null = null;
  private attached = false;

  constructor(private readonly doc: Y.Doc) {}

  /** Listens to every change from now on; returns the disposer. */
  on(listener: DocUpdateListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.doc.on('beforeTransaction', this.onBefore);
      this.doc.on('afterTransactionCleanup', this.onCleanup);
      this.attach(true);
    }
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.doc.off('beforeTransaction', this.onBefore);
      this.doc.off('afterTransactionCleanup', this.onCleanup);
      this.attach(false);
    };
  }

  /**
   * Runs `apply`, which opens ONE transaction (origin 'remote'), applies V1 updates in it and,
   * before the transaction ends, calls `done` with them and whether every one applied whole.
   * Listeners are told those updates for that transaction; Yjs does not encode it (unless someone
   * listens to the document directly).
   */
  carry<T>(apply: (done: (updates: readonly Uint8Array[], whole: boolean) => void) => T): T {
    if (this.listeners.size === 0) return apply(() => undefined);
    const carried: Carried = { updates: [], tr: null, whole: false };
    this.carried = carried;
    try {
      return apply((updates, whole) => {
        carried.updates = updates;
        carried.whole = whole;
      });
    } finally {
      this.carried = null;
      this.attach(true);
    }
  }

  private readonly onBefore = (tr: Y.Transaction): void => {
    if (this.carried && !this.carried.tr) this.carried.tr = tr;
  };

  private readonly onCleanup = (tr: Y.Transaction): void => {
    const c = this.carried;
    if (c?.tr !== tr || !c.whole) return this.attach(true);
    this.attach(false);
    if (!changed(tr)) return;
    for (const l of [...this.listeners]) l({ format: 'v1', updates: c.updates }, tr.origin, tr);
  };

  private readonly onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction): void => {
    for (const l of [...this.listeners]) l({ format: 'v2', update }, origin, tr);
  };

  private attach(on: boolean): void {
    if (on === this.attached || (on && this.listeners.size === 0)) return;
    this.attached = on;
    if (on) this.doc.on('updateV2', this.onUpdate);
    else this.doc.off('updateV2', this.onUpdate);
  }
}

const hubs = new WeakMap<Y.Doc, UpdateHub>();

/** The document's hub (made on first use; a destroyed document drops every listener, its hub too). */
export function docUpdates(doc: Y.Doc): UpdateHub {
  let hub = hubs.get(doc);
  if (!hub) {
    hubs.set(doc, (hub = new UpdateHub(doc)));
    doc.once('destroy', () => hubs.delete(doc));
  }
  return hub;
}

/** A change as one V1 update (the wire format): a carried batch merged (checked), a V2 change converted. */
export function v1Of(change: DocUpdate): Uint8Array {
  return change.format === 'v2' ? Y.convertUpdateFormatV2ToV1(change.update) : mergeUpdatesChecked(change.updates);
}
