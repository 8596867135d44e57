/**
 * Raw IndexedDB helpers for benchmarks (no Dexie, no y-dexie, no y-indexeddb in between): what a
 * database holds (rows and bytes per object store), and a dump/load to copy a database into
 * another origin.
 */
import { fromBase64, toBase64 } from './base64';

export interface StoreStats {
  rows: number;
  /** Sum of every record's size: binary lengths, UTF-8 lengths of strings, 8 per number/date/out-of-line key. */
  bytes: number;
  /** Sum of the Uint8Array/ArrayBuffer lengths alone (the stored Yjs updates). */
  binaryBytes: number;
  stores: Record<string, { rows: number; bytes: number; binaryBytes: number }>;
}

const req = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((ok, fail) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });

async function existing(name: string): Promise<IDBDatabase> {
  const names = (await indexedDB.databases()).map((d) => d.name);
  if (!names.includes(name)) throw new Error(`IndexedDB database ${name} does not exist`);
  return req(indexedDB.open(name));
}

const encoder = new TextEncoder();

function sizeOf(value: unknown, acc: { bytes: number; binary: number }): void {
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
    acc.bytes += value.byteLength;
    acc.binary += value.byteLength;
  } else if (typeof value === 'string') acc.bytes += encoder.encode(value).length;
  else if (typeof value === 'number' || value instanceof Date) acc.bytes += 8;
  else if (typeof value === 'boolean') acc.bytes += 1;
  else if (Array.isArray(value)) value.forEach((v) => sizeOf(v, acc));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      acc.bytes += encoder.encode(k).length;
      sizeOf(v, acc);
    }
  }
}

/** Counts rows and bytes of every object store of database `name`. */
export async function storeStats(name: string): Promise<StoreStats> {
  const db = await existing(name);
  const stats: StoreStats = { rows: 0, bytes: 0, binaryBytes: 0, stores: {} };
  try {
    for (const storeName of Array.from(db.objectStoreNames)) {
      const store = db.transaction(storeName, 'readonly').objectStore(storeName);
      const values = await req(store.getAll());
      const acc = { bytes: store.keyPath === null ? values.length * 8 : 0, binary: 0 };
      values.forEach((v) => sizeOf(v, acc));
      stats.stores[storeName] = { rows: values.length, bytes: acc.bytes, binaryBytes: acc.binary };
      stats.rows += values.length;
      stats.bytes += acc.bytes;
      stats.binaryBytes += acc.binary;
    }
  } finally {
    db.close();
  }
  return stats;
}

/** A JSON-safe copy of a database's rows (binary as base64, dates as numbers). */
export interface DatabaseDump {
  name: string;
  stores: Record<string, { outOfLineKeys: boolean; rows: { key?: IDBValidKey; value: unknown }[] }>;
}

function encode(v: unknown): unknown {
  if (v instanceof Uint8Array) return { $u8: toBase64(v) };
  if (v instanceof Date) return { $date: v.getTime() };
  if (Array.isArray(v)) return v.map(encode);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
  return v;
}

function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.$u8 === 'string') return fromBase64(o.$u8);
    if (typeof o.$date === 'number') return new Date(o.$date);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

export async function dumpDatabase(name: string): Promise<DatabaseDump> {
  const db = await existing(name);
  const dump: DatabaseDump = { name, stores: {} };
  try {
    for (const storeName of Array.from(db.objectStoreNames)) {
      const store = db.transaction(storeName, 'readonly').objectStore(storeName);
      const outOfLineKeys = store.keyPath === null;
      const [keys, values] = await Promise.all([req(store.getAllKeys()), req(store.getAll())]);
      dump.stores[storeName] = { outOfLineKeys, rows: values.map((v, i) => ({ ...(outOfLineKeys ? { key: keys[i] } : {}), value: encode(v) })) };
    }
  } finally {
    db.close();
  }
  return dump;
}

/** Writes a dump's rows into an existing database with the same object stores. */
export async function loadDatabase(dump: DatabaseDump): Promise<void> {
  const db = await existing(dump.name);
  try {
    const names = Object.keys(dump.stores);
    const tx = db.transaction(names, 'readwrite');
    for (const storeName of names) {
      const store = tx.objectStore(storeName);
      for (const row of dump.stores[storeName]!.rows) {
        if (row.key !== undefined) store.put(decode(row.value), row.key);
        else store.put(decode(row.value));
      }
    }
    await new Promise<void>((ok, fail) => {
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
      tx.onabort = () => fail(tx.error ?? new Error('transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export async function deleteDatabase(name: string): Promise<void> {
  await req(indexedDB.deleteDatabase(name) as IDBRequest<unknown>);
}
