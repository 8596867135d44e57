import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import yDexie, { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import { listenersOf } from '../../../renderer/sync/internals/lib0';
import { loadWithoutUpdateListener } from '../../../renderer/workspace/internals/yDexie';

const changed = (what: string) => `${what} changed in the installed version: update renderer/workspace/internals/yDexie.ts (see renderer/sync/CONTEXT.md, "Third-party internals") before upgrading`;

class Db extends Dexie {
  docs!: Dexie.Table<{ id: string; doc: Y.Doc }, string>;
  constructor(name: string) {
    super(name, { addons: [yDexie] });
    this.version(1).stores({ docs: 'id, doc: Y.Doc' });
  }
}

let db: Db | null = null;
afterEach(async () => {
  db?.close();
  await db?.delete();
  db = null;
});

async function storedDoc(name: string): Promise<Y.Doc> {
  db = new Db(name);
  const seed = new Y.Doc();
  seed.transact(() => seed.getMap('m').set('k', 'stored'), 'system');
  await db.docs.add({ id: 'a', doc: seed } as never);
  return (await db.docs.get('a'))!.doc;
}

describe("y-dexie's load (renderer/workspace/internals/yDexie.ts)", () => {
  it("registers its 'updateV2' listener synchronously inside DexieYProvider.load (what the adapter keeps out)", async () => {
    const doc = await storedDoc(`ydexie-contract-a-${Date.now()}`);
    const provider = DexieYProvider.load(doc);
    expect(listenersOf(doc, 'updateV2').length, changed("y-dexie's synchronous 'updateV2' listener")).toBeGreaterThan(0);
    await provider.whenLoaded;
    expect(doc.getMap('m').get('k'), changed('DexieYProvider.load')).toBe('stored');
    DexieYProvider.release(doc);
  });

  it('loadWithoutUpdateListener loads the stored state and leaves no y-dexie listener on the document', async () => {
    const doc = await storedDoc(`ydexie-contract-b-${Date.now()}`);
    const provider = loadWithoutUpdateListener(doc);
    await provider.whenLoaded;
    expect(doc.getMap('m').get('k')).toBe('stored');
    expect(listenersOf(doc, 'updateV2'), changed("y-dexie's 'updateV2' listener")).toEqual([]);
    // Doc.on is the prototype's again.
    expect(Object.prototype.hasOwnProperty.call(doc, 'on')).toBe(false);
    DexieYProvider.release(doc);
  });
});
