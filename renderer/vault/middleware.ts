import type { DBCore, DBCoreCursor, DBCoreIndex, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import * as Y from 'yjs';
import type { Vault } from './vault';
import { VaultError } from './errors';
import { fromB64, toB64 } from './seal';

/**
 * A Dexie DBCore middleware that encrypts every row on its way into IndexedDB and decrypts it on
 * its way out, synchronously (XChaCha20-Poly1305, seal.ts), inside the same IndexedDB transaction. It sits
 * below every other layer (level -10: under Dexie's cache, observability and hooks, and under
 * y-dexie at 50), so all of them — and the app — see plaintext; IndexedDB sees ciphertext.
 *
 * - Tables of Y.Doc updates (`$<table>.<prop>_updates`, rows `{ i, k, u, f }`): `u` is sealed
 *   into `$u` with the data key of the document `k`.
 * - Tables holding Y.Docs (y-dexie `yProps`, e.g. `workspaces`): the scope is the row's primary
 *   key; the primary key and indexed properties stay in clear, everything else is sealed into `$v`.
 * - Any other table: the same, with the scope '$db'.
 * Associated data binds each ciphertext to its table and row (or document, for updates whose
 * auto-incremented key is not known when they are sealed). A row whose scope was shredded reads
 * as its clear fields only (`$shredded: true`); an update row as an empty update.
 */

export const VAULT_MIDDLEWARE = 'crisisRoomVault';
export const DB_SCOPE = '$db';
const EMPTY_UPDATE = Y.encodeStateAsUpdateV2(new Y.Doc());
const isUpdatesTable = (name: string) => name.startsWith('$') && name.endsWith('_updates');
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Uint8Array) return { $u8: toB64(raw) };
  if (raw instanceof Date) return { $date: raw.getTime() };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object') {
    const v = value as { $u8?: unknown; $date?: unknown };
    if (typeof v.$u8 === 'string' && Object.keys(v).length === 1) return fromB64(v.$u8);
    if (typeof v.$date === 'number' && Object.keys(v).length === 1) return new Date(v.$date);
  }
  return value;
}

interface Codec {
  encode(value: Record<string, unknown>, key: unknown): Record<string, unknown>;
  decode(value: unknown): unknown;
}

function topProps(indexes: readonly DBCoreIndex[]): Set<string> {
  const out = new Set<string>();
  for (const idx of indexes) {
    const paths = idx.keyPath === null ? [] : Array.isArray(idx.keyPath) ? idx.keyPath : [idx.keyPath];
    for (const p of paths) out.add(p.split('.')[0]!);
  }
  return out;
}

/**
 * Plaintexts of update rows already decrypted or sealed here, by scope + nonce + tag (unique per
 * sealing): y-dexie's live query reads rows again and again (each write, each merge), and a
 * written row is read back at once. Bounded (oldest out first); lives only in memory.
 */
class OpenedCache {
  private readonly map = new Map<string, Uint8Array>();
  private bytes = 0;
  constructor(
    private readonly maxEntries = 4096,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}
  static key(scope: string, sealed: Uint8Array): string {
    return `${scope}|${toB64(sealed.subarray(0, 13))}|${toB64(sealed.subarray(sealed.length - 16))}`;
  }
  get(key: string): Uint8Array | undefined {
    return this.map.get(key);
  }
  set(key: string, plain: Uint8Array): void {
    if (plain.length > this.maxBytes / 8 || this.map.has(key)) return;
    this.map.set(key, plain);
    this.bytes += plain.length;
    for (const [k, v] of this.map) {
      if (this.map.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.map.delete(k);
      this.bytes -= v.length;
    }
  }
}

/**
 * An update row `{ k, u, … }` of `table` as IndexedDB stores it: `u` sealed into `$u` with the data
 * key of the document `k`. The middleware seals with it; so does the app's direct write of a
 * keystroke's row (renderer/workspace/durableWrites.ts), which passes under Dexie.
 */
export function sealUpdateRow(vault: Vault, table: string, row: Record<string, unknown>): Record<string, unknown> {
  const scope = String(row.k);
  const { u, ...rest } = row;
  const aad = `${table}|${scope}`;
  const pre = presealed.get(u as Uint8Array);
  // Sealed already, off the page's thread, with the key and place this row still has (sealSpecFor).
  const $u = pre && pre.vault === vault && pre.aad === aad && pre.key === vault.dataKey(scope) ? pre.sealed : vault.sealFor(scope, aad, u as Uint8Array);
  // Read back soon (compaction merges the rows written since its last run): no need to decrypt them.
  openedCache(vault, table).set(OpenedCache.key(scope, $u), u as Uint8Array);
  return { ...rest, $u };
}

/**
 * What a merge off the page's thread needs to seal its result for row `k` = `scope` of `table`
 * (renderer/workspace/compactionMerge.ts): the data key, the associated data, and `keep`, which
 * hands the sealed bytes back to sealUpdateRow. Sealing a merged row here cost the page 40–70 ms
 * a megabyte on a loaded 2-core laptop (bench P15). The key goes to this page's own worker, in
 * this process: nowhere it is not already.
 */
export interface SealSpec {
  key: Uint8Array;
  aad: string;
  keep(plain: Uint8Array, sealed: Uint8Array): void;
}

/** Plaintexts sealed elsewhere, with what they were sealed with (held as long as the plaintext is). */
const presealed = new WeakMap<Uint8Array, { vault: Vault; key: Uint8Array; aad: string; sealed: Uint8Array }>();

/** How to seal a row of `scope` in `table` elsewhere; null while the vault is locked or the scope has no key. */
export function sealSpecFor(vault: Vault, table: string, scope: string): SealSpec | null {
  if (!vault.hasDataKey(scope)) return null;
  let key: Uint8Array;
  try {
    key = vault.dataKey(scope);
  } catch {
    return null;
  }
  const aad = `${table}|${scope}`;
  return { key, aad, keep: (plain, sealed) => presealed.set(plain, { vault, key, aad, sealed }) };
}

/**
 * The plaintext of update row `sealed` (its `$u` as stored) of `scope` in `table`, if this page
 * sealed or opened it lately (the cache above); never decrypts. Compaction hands the worker the
 * rows it has no plaintext of, sealed (renderer/workspace/compaction.ts).
 */
export function openedUpdate(vault: Vault, table: string, scope: string, sealed: Uint8Array): Uint8Array | undefined {
  return openedCache(vault, table).get(OpenedCache.key(scope, sealed));
}

/** One cache of plaintexts per vault and updates table, shared by every path that seals or opens its rows. */
const caches = new WeakMap<Vault, Map<string, OpenedCache>>();
function openedCache(vault: Vault, table: string): OpenedCache {
  let byTable = caches.get(vault);
  if (!byTable) caches.set(vault, (byTable = new Map()));
  let cache = byTable.get(table);
  if (!cache) byTable.set(table, (cache = new OpenedCache()));
  return cache;
}

function updatesCodec(vault: Vault, table: string): Codec {
  const cache = openedCache(vault, table);
  return {
    encode(value) {
      return 'u' in value ? sealUpdateRow(vault, table, value) : value;
    },
    decode(value) {
      if (!value || typeof value !== 'object') return value;
      const row = value as Record<string, unknown>;
      if ('u' in row) throw new VaultError('damaged', `${table}: an unencrypted update row`);
      if (!('$u' in row)) return row; // y-dexie's bookkeeping row (i = 0): no content
      const scope = String(row.k);
      const { $u, ...rest } = row;
      if (!vault.hasDataKey(scope)) {
        if (vault.isShredded(scope)) return { ...rest, u: EMPTY_UPDATE };
        vault.dataKey(scope); // throws: locked, or no key for this scope
      }
      const key = OpenedCache.key(scope, $u as Uint8Array);
      let u = cache.get(key);
      if (!u) {
        u = vault.openFor(scope, `${table}|${scope}`, $u as Uint8Array);
        cache.set(key, u);
      }
      return { ...rest, u };
    },
  };
}

function rowsCodec(vault: Vault, table: DBCoreTable, documents: boolean): Codec {
  const clear = topProps([table.schema.primaryKey, ...table.schema.indexes]);
  const pkPath = table.schema.primaryKey.keyPath;
  const auto = Boolean(table.schema.primaryKey.autoIncrement);
  const aadOf = (scope: string) => `${table.name}|${auto ? '' : scope}`;
  const scopeOf = (key: unknown) => (documents ? String(key) : DB_SCOPE);
  const keyOf = (row: Record<string, unknown>, outbound: unknown) => (typeof pkPath === 'string' ? row[pkPath] : outbound);
  return {
    encode(value, outboundKey) {
      const open: Record<string, unknown> = {};
      const secret: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) (clear.has(k) ? open : secret)[k] = v;
      if (Object.keys(secret).length === 0) return open;
      const key = keyOf(value, outboundKey);
      const scope = scopeOf(key);
      open.$v = vault.sealFor(scope, aadOf(JSON.stringify(key ?? null)), encoder.encode(JSON.stringify(secret, replacer)));
      return open;
    },
    decode(value) {
      if (!value || typeof value !== 'object') return value;
      const row = value as Record<string, unknown>;
      const { $v, ...rest } = row;
      if ($v === undefined) {
        if (Object.keys(rest).some((k) => !clear.has(k))) throw new VaultError('damaged', `${table.name}: an unencrypted row`);
        return rest;
      }
      const key = keyOf(rest, undefined);
      const scope = scopeOf(key);
      if (!vault.hasDataKey(scope) && vault.isShredded(scope)) return { ...rest, $shredded: true };
      const secret = JSON.parse(decoder.decode(vault.openFor(scope, aadOf(JSON.stringify(key ?? null)), $v as Uint8Array)), reviver) as Record<string, unknown>;
      return { ...secret, ...rest };
    },
  };
}

/**
 * The cursor with `value` decrypted. Everything else is delegated explicitly: the cursor below
 * may be a native IDBCursor, whose getters and methods refuse another `this`.
 */
function wrapCursor(cursor: DBCoreCursor, decode: (v: unknown) => unknown): DBCoreCursor {
  let lastRaw: unknown = undefined;
  let lastValue: unknown = undefined;
  const wrapper: DBCoreCursor = Object.create(cursor, {
    trans: { get: () => cursor.trans },
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    done: { get: () => cursor.done },
    value: {
      get() {
        const raw = cursor.value;
        if (raw !== lastRaw) {
          lastRaw = raw;
          lastValue = decode(raw);
        }
        return lastValue;
      },
    },
    continue: { value: (key?: unknown) => cursor.continue(key) },
    continuePrimaryKey: { value: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(key, primaryKey) },
    advance: { value: (count: number) => cursor.advance(count) },
    start: { value: (onNext: () => void) => cursor.start(onNext) },
    stop: { value: (value?: unknown) => cursor.stop(value) },
    next: { value: () => cursor.next().then(() => wrapper) },
    fail: { value: (error: Error) => cursor.fail(error) },
  }) as DBCoreCursor;
  return wrapper;
}

/** The middleware for a database whose tables holding Y.Docs are `documentTables`. */
export function vaultMiddleware(vault: Vault, documentTables: () => ReadonlySet<string>): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: VAULT_MIDDLEWARE,
    level: -10,
    create(down) {
      return {
        ...down,
        table(name) {
          const t = down.table(name);
          const codec = isUpdatesTable(name) ? updatesCodec(vault, name) : rowsCodec(vault, t, documentTables().has(name));
          return {
            ...t,
            mutate(req: DBCoreMutateRequest) {
              if (req.type !== 'add' && req.type !== 'put') return t.mutate(req);
              const values = req.values.map((v: unknown, i) => (v && typeof v === 'object' ? codec.encode(v as Record<string, unknown>, req.keys?.[i]) : v));
              return t.mutate({ ...req, values });
            },
            get: (req) => t.get(req).then((v) => codec.decode(v)),
            getMany: (req) => t.getMany(req).then((vs) => vs.map((v) => codec.decode(v))),
            query: (req) => t.query(req).then((res) => (req.values ? { ...res, result: res.result.map((v) => codec.decode(v)) } : res)),
            openCursor: (req) => t.openCursor(req).then((c) => (c && req.values !== false ? wrapCursor(c, codec.decode) : c)),
          };
        },
      };
    },
  };
}
