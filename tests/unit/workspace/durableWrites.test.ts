import 'fake-indexeddb/auto';
import { beforeAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installTestVault } from '../vault/testVault';
import * as Y from 'yjs';
import { CrisisRoomDb, UPDATES_TABLE } from '../../../renderer/workspace/db';
import { flushEdits, flushNow, hasUnsavedEdits } from '../../../renderer/workspace/flush';
import { journalEntries, openJournal, writeJournal } from '../../../renderer/workspace/journal';
import { usePersistence } from '../../../renderer/workspace/persistence';
import { createWorkspace, openWorkspace } from '../../../renderer/workspace/workspaceService';
import { listRecords, setField } from '../../../shared/doc/collection';
import { playbookOf } from '../../../shared/doc/workspaceDoc';

let db: CrisisRoomDb;
let n = 0;

// Rows are encrypted (renderer/vault): an unlocked vault in memory.
beforeAll(async () => {
  await installTestVault();
});
beforeEach(async () => {
  db = new CrisisRoomDb(`durable-${++n}`);
  await db.open();
  await openJournal();
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

const firstName = (doc: Y.Doc) => listRecords(playbookOf(doc).crisisTypes)[0]!;
const microtasks = async (k = 50) => {
  for (let i = 0; i < k; i++) await Promise.resolve();
};

describe('storing each edit at once', () => {
  it('gives every update its own write, its commit requested before the task ends (no round trip through the page)', async () => {
    const id = await createWorkspace({ name: 'Now', language: 'en' }, db);
    const ws = await openWorkspace(id, db);
    const calls: string[] = [];
    const origAdd = IDBObjectStore.prototype.add;
    const origCommit = IDBTransaction.prototype.commit;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (this.name === UPDATES_TABLE) calls.push('add');
      return origAdd.apply(this, args);
    });
    vi.spyOn(IDBTransaction.prototype, 'commit').mockImplementation(function (this: IDBTransaction) {
      if (this.objectStoreNames.contains(UPDATES_TABLE)) calls.push('commit');
      return origCommit.apply(this);
    });
    setField(firstName(ws.doc), 'name', 'A', 'user');
    setField(firstName(ws.doc), 'name', 'AB', 'user');
    // Only microtasks: no task (and so no IndexedDB result) has run yet.
    await microtasks();
    expect(calls).toEqual(['add', 'commit', 'add', 'commit']);
    expect(await flushEdits(5000)).toBe(true);
    ws.close();
  });

  it('copies unconfirmed updates to the leave journal when the page goes, and drops the copy once they are stored', async () => {
    const id = await createWorkspace({ name: 'Leave', language: 'en' }, db);
    const ws = await openWorkspace(id, db);
    await flushEdits(5000);
    const beforeEdit = Y.encodeStateAsUpdateV2(ws.doc);
    setField(firstName(ws.doc), 'name', 'Typed just before leaving', 'user');
    flushNow(); // pagehide, before IndexedDB confirmed the write
    // The journal's write is not queued behind the workspace's: it is there at once.
    const entries = await journalEntries(id);
    expect(entries).toHaveLength(1);
    // It holds the edit: applied to the state before it, the name is the typed one.
    const probe = new Y.Doc();
    Y.applyUpdateV2(probe, beforeEdit, 'remote');
    Y.applyUpdateV2(probe, entries[0]!.u, 'remote');
    expect(firstName(probe).get('name')).toBe('Typed just before leaving');
    expect(await flushEdits(5000)).toBe(true);
    await vi.waitFor(async () => expect(await journalEntries(id)).toEqual([]));
    ws.close();
  });

  it('applies and stores what the journal kept when the workspace opens again, then empties it', async () => {
    const id = await createWorkspace({ name: 'Recover', language: 'en' }, db);
    const ws = await openWorkspace(id, db);
    await flushEdits(5000);
    // An edit whose write the browser aborted: only the journal has it.
    const lost = new Y.Doc();
    Y.applyUpdateV2(lost, Y.encodeStateAsUpdateV2(ws.doc), 'remote');
    const before = Y.encodeStateVector(lost);
    lost.transact(() => firstName(lost).set('name', 'Only in the journal'), 'user');
    ws.close();
    expect(await writeJournal(id, Y.encodeStateAsUpdateV2(lost, before))).not.toBeNull();
    const rowsBefore = await db.table(UPDATES_TABLE).where('k').equals(id).count();
    const again = await openWorkspace(id, db);
    expect(firstName(again.doc).get('name')).toBe('Only in the journal');
    expect(await journalEntries(id)).toEqual([]);
    expect(await db.table(UPDATES_TABLE).where('k').equals(id).count()).toBeGreaterThan(rowsBefore);
    again.close();
    // Stored for good: a third open has it without the journal.
    const third = await openWorkspace(id, db);
    expect(firstName(third.doc).get('name')).toBe('Only in the journal');
    third.close();
  });

  it('counts a storage failure as unsaved (leaving warns), not writes on their way', async () => {
    const id = await createWorkspace({ name: 'Warn', language: 'en' }, db);
    const ws = await openWorkspace(id, db);
    setField(firstName(ws.doc), 'name', 'on its way', 'user');
    expect(usePersistence.getState().pending).toBeGreaterThan(0);
    expect(hasUnsavedEdits()).toBe(false);
    usePersistence.setState({ status: 'error', error: 'QuotaExceededError: full', errorKind: 'quota' });
    expect(hasUnsavedEdits()).toBe(true);
    usePersistence.setState({ status: 'saving', error: null, errorKind: null });
    await flushEdits(5000);
    ws.close();
  });
});
