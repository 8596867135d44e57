import 'fake-indexeddb/auto';
import { beforeAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installTestVault } from '../vault/testVault';
import * as Y from 'yjs';
import { CrisisRoomDb, UPDATES_TABLE } from '../../../renderer/workspace/db';
import { cleanWorkspaceName, createWorkspace, deleteWorkspace, newRoomKey, openWorkspace, purgeDeleted, renameWorkspace, undoDelete, UNDO_DELETE_MS } from '../../../renderer/workspace/workspaceService';
import { classifyStorageError, usePersistence } from '../../../renderer/workspace/persistence';
import { metaOf, playbookOf } from '../../../shared/doc/workspaceDoc';
import { listRecords, setField } from '../../../shared/doc/collection';
import { localRoomKey } from '../../../renderer/identity/identity';

let db: CrisisRoomDb;
let n = 0;

// Rows are encrypted (renderer/vault): an unlocked vault in memory.
beforeAll(async () => {
  await installTestVault();
});
beforeEach(async () => {
  db = new CrisisRoomDb(`test-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const settle = async () => {
  // y-dexie persists from an updateV2 handler; let IndexedDB finish.
  for (let i = 0; i < 20 && usePersistence.getState().pending > 0; i++) await new Promise((r) => setTimeout(r, 10));
};

describe('workspace store', () => {
  it('creates a workspace seeded with the default playbook, with a 128-bit room key kept on this laptop, never in the document', async () => {
    const id = await createWorkspace({ name: '  年度 危機  ', language: 'zh-TW' }, db);
    const row = await db.workspaces.get(id);
    expect(row?.name).toBe('年度 危機');
    const ws = await openWorkspace(id, db);
    expect(listRecords(playbookOf(ws.doc).crisisTypes).length).toBe(13);
    const key = (await localRoomKey(id))?.roomKey;
    expect(typeof key).toBe('string');
    expect(Buffer.from(String(key), 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(metaOf(ws.doc).has('roomKey')).toBe(false);
    expect(Buffer.from(Y.encodeStateAsUpdate(ws.doc)).includes(Buffer.from(String(key)))).toBe(false);
    ws.close();
  });

  it('keeps an edit across close and reopen, tagged with its origin', async () => {
    const id = await createWorkspace({ name: 'Drill', language: 'en' }, db);
    const ws = await openWorkspace(id, db);
    const origins: unknown[] = [];
    ws.doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const first = listRecords(playbookOf(ws.doc).crisisTypes)[0]!;
    setField(first, 'name', 'Edited type', 'user');
    expect(origins).toEqual(['user']);
    await settle();
    expect(usePersistence.getState().status).toBe('saved');
    ws.close();
    const again = await openWorkspace(id, db);
    expect(listRecords(playbookOf(again.doc).crisisTypes)[0]!.get('name')).toBe('Edited type');
    again.close();
  });

  it('renames in the list row and in the synced document', async () => {
    const id = await createWorkspace({ name: 'Old', language: 'en' }, db);
    const ws = await openWorkspace(id, db);
    await renameWorkspace(id, 'New name', ws.doc, db);
    expect((await db.workspaces.get(id))?.name).toBe('New name');
    expect(metaOf(ws.doc).get('name')).toBe('New name');
    ws.close();
  });

  it('rejects empty and over-long names with an error key', () => {
    expect(() => cleanWorkspaceName('   ')).toThrow('errors.nameRequired');
    expect(() => cleanWorkspaceName('x'.repeat(121))).toThrow('errors.nameTooLong');
  });

  it('deletes softly, undoes, and purges rows and updates only after the undo period', async () => {
    const id = await createWorkspace({ name: 'Temp', language: 'en' }, db);
    const keep = await createWorkspace({ name: 'Keep', language: 'en' }, db);
    await deleteWorkspace(id, db);
    await expect(openWorkspace(id, db)).rejects.toThrow('errors.workspaceNotFound');
    await undoDelete(id, db);
    (await openWorkspace(id, db)).close();
    await deleteWorkspace(id, db);
    expect(await purgeDeleted(Date.now(), db)).toBe(0);
    expect(await purgeDeleted(Date.now() + UNDO_DELETE_MS, db)).toBe(1);
    expect(await db.workspaces.get(id)).toBeUndefined();
    expect(await db.table(UPDATES_TABLE).where('k').equals(id).count()).toBe(0);
    expect(await db.table(UPDATES_TABLE).where('k').equals(keep).count()).toBeGreaterThan(0);
  });

  it('classifies storage errors for the advice shown', () => {
    expect(classifyStorageError({ name: 'QuotaExceededError' })).toBe('quota');
    expect(classifyStorageError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe('quota');
    expect(classifyStorageError({ name: 'DatabaseClosedError' })).toBe('closed');
    expect(classifyStorageError({ name: 'TypeError' })).toBe('other');
  });

  it('makes distinct room keys', () => {
    expect(new Set(Array.from({ length: 50 }, newRoomKey)).size).toBe(50);
  });
});

describe('keeping the store compact', () => {
  it('merges update rows after many local writes, without losing any', async () => {
    const { COMPRESS_AFTER_WRITES } = await import('../../../renderer/workspace/workspaceService');
    const id = await createWorkspace({ name: 'Busy', language: 'en' }, db);
    const ws = await openWorkspace(id, db);
    const first = listRecords(playbookOf(ws.doc).crisisTypes)[0]!;
    const edits = COMPRESS_AFTER_WRITES + 50;
    for (let i = 0; i < edits; i++) setField(first, 'name', `Name ${i}`, 'user');
    // Every write confirmed first (each is its own transaction, opened right after the edit).
    // Waits bounded by time, not by a count of polls (a loaded machine is slower, not wrong).
    const until = async (done: () => boolean | Promise<boolean>, ms: number) => {
      for (const end = Date.now() + ms; Date.now() < end && !(await done()); ) await new Promise((r) => setTimeout(r, 20));
    };
    await until(() => usePersistence.getState().pending === 0, 30_000);
    await until(async () => (await db.table(UPDATES_TABLE).where('k').equals(id).count()) <= 100, 20_000);
    const rows = await db.table(UPDATES_TABLE).where('k').equals(id).count();
    expect(rows).toBeLessThan(100);
    ws.close();
    const again = await openWorkspace(id, db);
    expect(listRecords(playbookOf(again.doc).crisisTypes)[0]!.get('name')).toBe(`Name ${edits - 1}`);
    again.close();
  }, 60_000);
});
