import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

/**
 * A keystroke's row is written under Dexie (renderer/workspace/durableWrites.ts): this window's
 * live queries do not re-run for it, the other windows hear of it (internals/dexieSignal.ts), and
 * what they announce reaches Dexie's live queries here through Dexie's own cross-window notice (the
 * DOM event checked below: a Dexie upgrade that renames it fails here).
 *
 * Dexie listens for that event only where `addEventListener` exists when it loads: the window's
 * event target is stood in for before anything imports Dexie.
 */
const target = new EventTarget();
const g = globalThis as unknown as Record<string, unknown>;
const saved = { addEventListener: g.addEventListener, dispatchEvent: g.dispatchEvent, removeEventListener: g.removeEventListener };
g.addEventListener = target.addEventListener.bind(target);
g.removeEventListener = target.removeEventListener.bind(target);
g.dispatchEvent = target.dispatchEvent.bind(target);

type Modules = {
  Dexie: typeof import('dexie').Dexie;
  liveQuery: typeof import('dexie').liveQuery;
  db: typeof import('../../../renderer/workspace/db');
  writes: typeof import('../../../renderer/workspace/durableWrites');
  signal: typeof import('../../../renderer/workspace/internals/dexieSignal');
};
let m: Modules;

beforeAll(async () => {
  const dexie = await import('dexie');
  const { installTestVault } = await import('../vault/testVault');
  const { vault } = await installTestVault();
  await vault.ensureDataKey('ws1');
  await vault.ensureDataKey('ws2');
  m = {
    Dexie: dexie.Dexie,
    liveQuery: dexie.liveQuery,
    db: await import('../../../renderer/workspace/db'),
    writes: await import('../../../renderer/workspace/durableWrites'),
    signal: await import('../../../renderer/workspace/internals/dexieSignal'),
  };
});
afterAll(() => Object.assign(g, saved));

const update = (text: string) => {
  const doc = new Y.Doc();
  doc.transact(() => doc.getText('t').insert(0, text), 'user');
  return Y.encodeStateAsUpdateV2(doc);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A live query of document `id`'s rows; `runs` counts its results. */
function watchRows(db: InstanceType<Modules['db']['CrisisRoomDb']>, id: string) {
  const seen: Array<Array<{ i: number; u: Uint8Array }>> = [];
  const sub = m.liveQuery(() => db.table(m.db.UPDATES_TABLE).where('k').equals(id).toArray()).subscribe((rows) => seen.push(rows as Array<{ i: number; u: Uint8Array }>));
  return { seen, stop: () => sub.unsubscribe() };
}

describe('a keystroke row written under Dexie', () => {
  it('is stored sealed and read back through Dexie; no live query of this window runs again for it; the other windows hear of it', async () => {
    const db = new m.db.CrisisRoomDb(`rows-${Math.random()}`);
    await db.open();
    const watch = watchRows(db, 'ws1');
    await m.writes.storeUpdateNow(db, 'ws1', update('first'));
    await sleep(50);
    expect(watch.seen.at(-1)).toHaveLength(1);
    const runs = watch.seen.length;
    m.signal.flushAnnouncements();
    const heard: unknown[] = [];
    const other = new BroadcastChannel('crisis-room-stored-rows');
    other.onmessage = (ev: MessageEvent) => heard.push(ev.data);
    const u = update('second');
    await m.writes.storeUpdateNow(db, 'ws1', u);
    await sleep(m.signal.ANNOUNCE_DELAY_MS + 150);
    // This window: nothing ran again.
    expect(watch.seen.length).toBe(runs);
    // IndexedDB holds ciphertext only; Dexie reads the update back.
    const raw = await new Promise<Array<Record<string, unknown>>>((resolve) => {
      const req = db.backendDB().transaction(m.db.UPDATES_TABLE).objectStore(m.db.UPDATES_TABLE).getAll();
      req.onsuccess = () => resolve(req.result as Array<Record<string, unknown>>);
    });
    expect(raw).toHaveLength(2);
    for (const row of raw) {
      expect(row.u).toBeUndefined();
      expect(row.$u).toBeInstanceOf(Uint8Array);
      expect(row.k).toBe('ws1');
    }
    const rows = (await db.table(m.db.UPDATES_TABLE).toArray()) as Array<{ i: number; u: Uint8Array }>;
    expect([...rows[1]!.u]).toEqual([...u]);
    // Another window: one notice naming the row's key and document.
    expect(heard).toHaveLength(1);
    const parts = heard[0] as Record<string, unknown>;
    expect(Object.keys(parts).sort()).toEqual([`idb://${db.name}/${m.db.UPDATES_TABLE}/`, `idb://${db.name}/${m.db.UPDATES_TABLE}/k`]);
    other.close();
    watch.stop();
    db.close();
  });

  it("a notice from another window re-runs this window's live queries, which then read the rows it wrote", async () => {
    const name = `rows-${Math.random()}`;
    const here = new m.db.CrisisRoomDb(name);
    await here.open();
    m.signal.listenForStoredRows();
    const watch = watchRows(here, 'ws2');
    await sleep(50);
    expect(watch.seen.at(-1)).toHaveLength(0);
    // "Another window": its own connection writes a row under Dexie, then announces it.
    const there = new m.db.CrisisRoomDb(name);
    await there.open();
    await m.writes.storeUpdateNow(there, 'ws2', update('from there'));
    const key = (await there.table(m.db.UPDATES_TABLE).toCollection().primaryKeys())[0] as number;
    expect(watch.seen.at(-1)).toHaveLength(0);
    const sender = new BroadcastChannel('crisis-room-stored-rows');
    sender.postMessage(m.signal.mutatedParts(name, m.db.UPDATES_TABLE, [key], ['ws2']));
    await expect
      .poll(() => watch.seen.at(-1)?.length, {
        timeout: 2000,
        message: `Dexie did not pass our notice (DOM event "${m.signal.DEXIE_MUTATED_EVENT}") to its live queries: its cross-window notice changed in the installed version — update renderer/workspace/internals/dexieSignal.ts (see renderer/sync/CONTEXT.md, "Third-party internals") before upgrading`,
      })
      .toBe(1);
    sender.close();
    watch.stop();
    here.close();
    there.close();
  });
});
