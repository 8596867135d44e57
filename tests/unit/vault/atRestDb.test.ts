import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import yDexie from 'y-dexie';
import * as Y from 'yjs';
import { CrisisRoomDb, UPDATES_TABLE } from '../../../renderer/workspace/db';
import { createWorkspace, openWorkspace, purgeDeleted, renameWorkspace, deleteWorkspace, UNDO_DELETE_MS } from '../../../renderer/workspace/workspaceService';
import { journalEntries, openJournal, writeJournal } from '../../../renderer/workspace/journal';
import { migrateLegacyDb } from '../../../renderer/workspace/migrate';
import { Vault } from '../../../renderer/vault';
import { memoryStore } from '../../../renderer/vault/keyringStore';
import { compressYDocs } from 'y-dexie';
import { metaOf, playbookOf } from '../../../shared/doc/workspaceDoc';
import { listRecords, setField } from '../../../shared/doc/collection';
import { write } from '../../../shared/doc/origins';
import { installTestVault } from './testVault';

let vault: Vault;
let n = 0;
const opened: CrisisRoomDb[] = [];
const fresh = (name = `at-rest-${++n}`) => {
  const db = new CrisisRoomDb(name);
  opened.push(db);
  return db;
};

beforeAll(async () => {
  ({ vault } = await installTestVault());
});
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** Every value of every store of a database, read with plain IndexedDB (no middleware). */
async function rawDump(name: string): Promise<Record<string, unknown[]>> {
  const idb = await new Promise<IDBDatabase>((res, rej) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const out: Record<string, unknown[]> = {};
  for (const store of Array.from(idb.objectStoreNames)) {
    out[store] = await new Promise((res) => {
      const r = idb.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => res(r.result as unknown[]);
    });
  }
  idb.close();
  return out;
}

/** All bytes a dump holds (strings as UTF-8, byte arrays as they are), to search for plaintext. */
function bytesOf(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('latin1') + Buffer.from(value).toString('utf8');
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => k + '=' + bytesOf(v)).join('|');
  return String(value);
}

const NAME = '極機密 Project Falcon 工作區';
const TEXT = '裁員名單 layoff list 12345';

describe('workspaces encrypted at rest (Dexie middleware)', () => {
  it('reads back through every path y-dexie and the app use, while IndexedDB holds only ciphertext', async () => {
    const db = fresh();
    const id = await createWorkspace({ name: NAME, language: 'zh-TW' }, db);
    const ws = await openWorkspace(id, db);
    const first = listRecords(playbookOf(ws.doc).crisisTypes)[0]!;
    for (let i = 0; i < 5; i++) setField(first, 'name', `${TEXT} ${i}`, 'user');
    await new Promise((r) => setTimeout(r, 200));

    // (Still open: closing merges the rows.) get, getMany, query (primary key and index), cursor (each/filter), count.
    expect((await db.workspaces.get(id))?.name).toBe(NAME);
    expect((await db.workspaces.bulkGet([id]))[0]?.name).toBe(NAME);
    expect((await db.workspaces.where(':id').equals(id).toArray())[0]?.name).toBe(NAME);
    expect((await db.workspaces.where('updatedAt').above(0).toArray())[0]?.name).toBe(NAME);
    expect((await db.workspaces.filter((w) => w.name === NAME).toArray()).length).toBe(1);
    const updates = db.table(UPDATES_TABLE);
    const byK = (await updates.where({ k: id }).toArray()) as Array<{ u: Uint8Array }>;
    expect(byK.length).toBeGreaterThan(1);
    expect(byK.every((r) => r.u instanceof Uint8Array)).toBe(true);
    const byI = (await updates.where('i').between(0, Infinity, false).toArray()) as Array<{ u: Uint8Array }>;
    expect(byI.length).toBe(byK.length);
    const viaCursor: Uint8Array[] = [];
    await updates.where('k').equals(id).each((r: { u: Uint8Array }) => void viaCursor.push(r.u));
    expect(viaCursor.length).toBe(byK.length);
    const firstRow = (await updates.where({ k: id }).first()) as { i: number; u: Uint8Array };
    expect(((await updates.get(firstRow.i)) as { u: Uint8Array }).u).toEqual(firstRow.u);
    const doc = new Y.Doc();
    for (const u of byK) Y.applyUpdateV2(doc, u.u, 'remote');
    expect(metaOf(doc).get('name')).toBe(NAME);

    ws.close();
    // modify (update), then y-dexie's compression (get(0), put of merged rows, bulkDelete).
    await renameWorkspace(id, `${NAME} 2`, undefined, db);
    expect((await db.workspaces.get(id))?.name).toBe(`${NAME} 2`);
    await compressYDocs(db, 0);
    expect(await updates.where({ k: id }).count()).toBe(1);
    const again = await openWorkspace(id, db);
    expect(listRecords(playbookOf(again.doc).crisisTypes)[0]!.get('name')).toBe(`${TEXT} 4`);
    again.close();

    // What IndexedDB itself holds: no name, no text, no update in clear.
    const raw = await rawDump(db.name);
    const row = raw.workspaces![0] as Record<string, unknown>;
    expect(Object.keys(row).sort()).toEqual(['$v', 'deletedAt', 'id', 'updatedAt']);
    for (const rows of Object.values(raw)) {
      const text = bytesOf(rows);
      expect(text).not.toContain('Falcon');
      expect(text).not.toContain('極機密');
      expect(text).not.toContain('layoff');
      expect(text).not.toContain('裁員');
    }
    expect((raw[UPDATES_TABLE] as Array<Record<string, unknown>>).filter((r) => 'u' in r)).toEqual([]);
  });

  it('fails closed without the right keys: a locked vault reads nothing, a row copied to another document does not open', async () => {
    const db = fresh();
    const id = await createWorkspace({ name: NAME, language: 'en' }, db);
    const locked = new Vault({ store: memoryStore(), kdf: { alg: 'argon2id', m: 1024, t: 1, p: 1 } });
    await locked.start();
    const other = new CrisisRoomDb(db.name, { vault: locked });
    await expect(other.workspaces.get(id)).rejects.toThrow(/locked/);
    other.close();
    // Ciphertext moved under another id (associated data binds it to its row): refused.
    const raw = (await rawDump(db.name)).workspaces![0] as Record<string, unknown>;
    await vault.ensureDataKey('intruder');
    await db.table('workspaces').db.transaction('rw', db.workspaces, async (tx) => {
      await (tx.idbtrans.objectStore('workspaces') as IDBObjectStore).put({ ...raw, id: 'intruder' });
    }).catch(() => undefined);
    await expect(db.workspaces.get('intruder')).rejects.toThrow();
  });

  it('shreds a deleted workspace’s key before its rows go; what is left cannot be opened', async () => {
    const db = fresh();
    const id = await createWorkspace({ name: NAME, language: 'en' }, db);
    const keep = await createWorkspace({ name: 'Kept', language: 'en' }, db);
    const rawBefore = await rawDump(db.name);
    const sealedRow = (rawBefore.workspaces as Array<{ id: string; $v: Uint8Array }>).find((r) => r.id === id)!;
    await deleteWorkspace(id, db);
    expect(await purgeDeleted(Date.now() + UNDO_DELETE_MS, db)).toBe(1);
    expect(vault.hasDataKey(id)).toBe(false);
    expect(vault.isShredded(id)).toBe(true);
    expect(vault.keyringSnapshot()!.keys[id]).toBeUndefined();
    expect(() => vault.openFor(id, `workspaces|${JSON.stringify(id)}`, sealedRow.$v)).toThrow(/no data key/);
    // No remaining key opens the left-over ciphertext either.
    for (const scope of Object.keys(vault.keyringSnapshot()!.keys)) expect(() => vault.openFor(scope, `workspaces|${JSON.stringify(id)}`, sealedRow.$v)).toThrow();
    const left = await rawDump(db.name);
    expect((left.workspaces as Array<{ id: string }>).map((r) => r.id)).toEqual([keep]);
    expect((left[UPDATES_TABLE] as Array<{ k?: string }>).filter((r) => r.k === id)).toEqual([]);
  });

  it('seals the leave journal with the workspace key', async () => {
    const db = fresh();
    const id = await createWorkspace({ name: NAME, language: 'en' }, db);
    await openJournal();
    const doc = new Y.Doc();
    write(doc, 'system', () => doc.getText('t').insert(0, TEXT));
    const update = Y.encodeStateAsUpdateV2(doc);
    expect(await writeJournal(id, update)).not.toBeNull();
    const raw = (await rawDump('crisis-room-journal')).entries as Array<Record<string, unknown>>;
    const mine = raw.filter((e) => e.k === id);
    expect(mine.length).toBe(1);
    expect('u' in mine[0]!).toBe(false);
    expect(bytesOf(mine)).not.toContain('layoff');
    expect((await journalEntries(id)).map((e) => Array.from(e.u))).toEqual([Array.from(update)]);
  });

  it('moves a plaintext database from before encryption into the encrypted one and deletes it', async () => {
    // The previous code path: Dexie + y-dexie, schema v1 with the name index, rows in clear.
    const legacyName = `legacy-${++n}`;
    const legacy = new Dexie(legacyName, { addons: [yDexie] });
    legacy.version(1).stores({ workspaces: 'id, name, updatedAt, doc: Y.Doc' });
    const doc = new Y.Doc();
    write(doc, 'system', () => {
      metaOf(doc).set('name', NAME);
      doc.getText('x').insert(0, TEXT);
    });
    await legacy.table('workspaces').add({ id: 'old-ws', name: NAME, createdAt: 1, updatedAt: 2, deletedAt: null, doc } as never);
    expect(bytesOf(await rawDump(legacyName))).toContain('Falcon');
    legacy.close();

    const db = fresh();
    expect(await migrateLegacyDb(db, legacyName)).toBe(1);
    expect(await Dexie.exists(legacyName)).toBe(false);
    expect((await db.workspaces.get('old-ws'))?.name).toBe(NAME);
    const ws = await openWorkspace('old-ws', db);
    expect(ws.doc.getText('x').toString()).toBe(TEXT);
    ws.close();
    expect(bytesOf(await rawDump(db.name))).not.toContain('Falcon');
    // Once only: nothing left to move.
    expect(await migrateLegacyDb(db, legacyName)).toBe(0);
  });
});
