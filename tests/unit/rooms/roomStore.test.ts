import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installTestVault } from '../vault/testVault';
import { CrisisRoomDb, ROOM_UPDATES_TABLE } from '../../../renderer/workspace/db';
import { usePersistence } from '../../../renderer/workspace/persistence';
import { dropRoomDoc, openRoomDoc, storedRoomIds } from '../../../renderer/rooms/roomStore';
import { createStatement, listStatements, bodyOf } from '../../../shared/statements/store';
import type { Vault } from '../../../renderer/vault';

let db: CrisisRoomDb;
let vault: Vault;
let n = 0;
const MARKER = 'PRIVILEGED-ROOM-STORE-9921';

beforeAll(async () => {
  ({ vault } = await installTestVault());
});
beforeEach(async () => {
  db = new CrisisRoomDb(`rooms-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const settle = async () => {
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 10));
    if (usePersistence.getState().pending === 0) return;
  }
};

describe('restricted rooms on disk', () => {
  it('stores a room’s document in its own row, keeps edits across reopen, encrypted with the room’s own data key', async () => {
    expect(await storedRoomIds('ws-1', db)).toEqual([]);
    const room = await openRoomDoc('ws-1', 'room-0000001', db);
    expect(vault.hasDataKey('room-0000001')).toBe(true);
    createStatement(room.doc, { title: '和解', kind: 'holding', language: 'zh-TW', by: '林律師', body: MARKER }, 'user');
    await settle();
    room.close();
    expect(await storedRoomIds('ws-1', db)).toEqual(['room-0000001']);
    expect(await storedRoomIds('ws-2', db)).toEqual([]);
    // The raw stored rows (below the vault's middleware) hold no clear text.
    const raw = await new Promise<unknown[]>((resolve, reject) => {
      const req = indexedDB.open(db.name);
      req.onsuccess = () => {
        const tx = req.result.transaction(ROOM_UPDATES_TABLE, 'readonly');
        const all = tx.objectStore(ROOM_UPDATES_TABLE).getAll();
        tx.oncomplete = () => {
          req.result.close();
          resolve(all.result);
        };
        tx.onerror = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    });
    expect(raw.length).toBeGreaterThan(0);
    const bytes = (v: unknown): string => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v && typeof v === 'object' ? Object.values(v).map(bytes).join('') : String(v));
    expect(raw.map(bytes).join('')).not.toContain(MARKER);
    const again = await openRoomDoc('ws-1', 'room-0000001', db);
    expect(listStatements(again.doc).map((r) => bodyOf(r)!.toString()).join('')).toContain(MARKER);
    again.close();
    // A room id belongs to one workspace.
    await expect(openRoomDoc('ws-2', 'room-0000001', db)).rejects.toThrow(/another workspace/);
  });

  it('dropping a room shreds its data key first, then deletes its row and every stored update', async () => {
    const room = await openRoomDoc('ws-1', 'room-0000002', db);
    createStatement(room.doc, { title: 't', kind: 'holding', language: 'en', by: 'x', body: MARKER }, 'user');
    await settle();
    room.close();
    await dropRoomDoc('room-0000002', db);
    expect(vault.hasDataKey('room-0000002')).toBe(false);
    expect(await storedRoomIds('ws-1', db)).toEqual([]);
    expect(await db.table(ROOM_UPDATES_TABLE).where('k').equals('room-0000002').count()).toBe(0);
  });
});
