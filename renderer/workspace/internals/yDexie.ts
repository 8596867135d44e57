import * as Y from 'yjs';
import { DexieYProvider } from 'y-dexie';

type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, tr: Y.Transaction) => void;

/**
 * The one reach into y-dexie's behaviour (y-dexie pinned to an exact version in package.json;
 * checked by tests/unit/internals/yDexieContract.test.ts): `DexieYProvider.load(doc)` registers
 * its own 'updateV2' listener on the document synchronously, inside the call, before the stored
 * state is read. We load without it (see renderer/workspace/storedDoc.ts for why: the app stores
 * each local update itself, committed at once) by hiding `doc.on('updateV2', …)` for the length
 * of that call. y-dexie has no option to leave the listener out; one would let this go.
 */
export function loadWithoutUpdateListener(doc: Y.Doc): DexieYProvider {
  const patchable = doc as unknown as { on: (name: string, f: UpdateListener) => void };
  patchable.on = (name, f) => (name === 'updateV2' ? undefined : Y.Doc.prototype.on.call(doc, name as 'update', f));
  try {
    return DexieYProvider.load(doc);
  } finally {
    delete (patchable as { on?: unknown }).on;
  }
}
