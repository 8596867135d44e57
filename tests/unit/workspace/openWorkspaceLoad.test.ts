import 'fake-indexeddb/auto';
import { beforeAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installTestVault } from '../vault/testVault';
import * as Y from 'yjs';
import { DexieYProvider } from 'y-dexie';
import { CrisisRoomDb, UPDATES_TABLE } from '../../../renderer/workspace/db';
import { createWorkspace, openWorkspace } from '../../../renderer/workspace/workspaceService';
import { usePersistence } from '../../../renderer/workspace/persistence';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { write } from '../../../shared/doc/origins';
import { aeadImplementation, resetAeadForTests } from '../../../renderer/vault/aead';

// openWorkspace() loads the document with y-dexie's update listener held back (so Yjs does not
// encode the whole loaded state for nothing); these tests pin down that nothing is lost by it.

let db: CrisisRoomDb;
let n = 0;

// Rows are encrypted (renderer/vault): an unlocked vault in memory.
beforeAll(async () => {
  await installTestVault();
});
beforeEach(async () => {
  db = new CrisisRoomDb(`open-load-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const settle = async () => {
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 10));
    if (usePersistence.getState().pending === 0) return;
  }
};

describe('opening a workspace', () => {
  it('reads its rows with the WebAssembly cipher: an open waits for it when it has not loaded yet', async () => {
    const id = await createWorkspace({ name: 'Cipher', language: 'en' }, db);
    resetAeadForTests();
    expect(aeadImplementation()).toBe('noble');
    const ws = await openWorkspace(id, db);
    expect(aeadImplementation()).toBe('libsodium');
    expect(metaOf(ws.doc).get('name')).toBe('Cipher');
    ws.close();
  });

  it('adds no update rows when opened, and stores edits made after opening', async () => {
    const id = await createWorkspace({ name: 'Open', language: 'en' }, db);
    const rows = () => db.table(UPDATES_TABLE).where('k').equals(id).count();
    const before = await rows();
    const ws = await openWorkspace(id, db);
    await settle();
    expect(await rows()).toBe(before);
    const loadedUpdates: unknown[] = [];
    ws.doc.on('updateV2', (_u: Uint8Array, origin: unknown) => loadedUpdates.push(origin));
    write(ws.doc, 'user', () => metaOf(ws.doc).set('note', 'after open'));
    expect(loadedUpdates).toEqual(['user']);
    await settle();
    expect(await rows()).toBe(before + 1);
    ws.close();
    const again = await openWorkspace(id, db);
    expect(metaOf(again.doc).get('note')).toBe('after open');
    again.close();
  });

  it('stores a write made to the same document by another holder before the load completes', async () => {
    const id = await createWorkspace({ name: 'Race', language: 'en' }, db);
    const row = await db.workspaces.get(id);
    const doc = row!.doc; // the same cached Y.Doc openWorkspace() will load
    let wroteBeforeLoad = false;
    const onNew = (p: DexieYProvider) => {
      if (p.doc !== doc) return;
      wroteBeforeLoad = !doc.isLoaded;
      write(doc, 'user', () => metaOf(doc).set('note', 'typed while loading'));
    };
    DexieYProvider.on('new', onNew);
    try {
      const ws = await openWorkspace(id, db);
      expect(wroteBeforeLoad).toBe(true);
      expect(metaOf(ws.doc).get('note')).toBe('typed while loading');
      expect(metaOf(ws.doc).get('name')).toBe('Race');
      await settle();
      await new Promise((r) => setTimeout(r, 50));
      ws.close();
    } finally {
      DexieYProvider.on('new').unsubscribe(onNew);
    }
    const other = new CrisisRoomDb(db.name);
    const reopened = await openWorkspace(id, other);
    expect(metaOf(reopened.doc).get('note')).toBe('typed while loading');
    reopened.close();
    other.close();
  });

  it('shares an already loaded document with a second opener', async () => {
    const id = await createWorkspace({ name: 'Twice', language: 'en' }, db);
    const a = await openWorkspace(id, db);
    const b = await openWorkspace(id, db);
    expect(b.doc).toBe(a.doc);
    write(b.doc, 'user', () => metaOf(b.doc).set('note', 'second'));
    await settle();
    b.close();
    a.close();
    const again = await openWorkspace(id, db);
    expect(metaOf(again.doc).get('note')).toBe('second');
    again.close();
    expect(Y.encodeStateVector(again.doc).length).toBeGreaterThan(1);
  });
});
