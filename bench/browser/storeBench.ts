/**
 * Browser side of P1/P2 (bundled by bench/lib/bundle.ts, driven from Node through Playwright):
 * builds workspace stores by typing the seeded trace through the app's real storage layer
 * (renderer/workspace: Dexie 4 + y-dexie) and through y-indexeddb, opens them and counts what
 * they hold. Exposed as `window.storeBench`. Progress goes to the console as `[bench] …`.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence, PREFERRED_TRIM_SIZE } from 'y-indexeddb';
import { compressYDocs } from 'y-dexie';
import { CrisisRoomDb, UPDATES_TABLE } from '../../renderer/workspace/db';
import { createWorkspace, openWorkspace } from '../../renderer/workspace/workspaceService';
import { usePersistence } from '../../renderer/workspace/persistence';
import { applyTraceTransaction, createTraceTarget, findTraceTarget, traceTransactions, type TraceOptions } from '../lib/trace';
import { deleteDatabase, dumpDatabase, loadDatabase, storeStats, type DatabaseDump, type StoreStats } from './idbRaw';
import { exportBenchKeyring, importBenchKeyring, installBenchVault } from './benchVault';
import { fromBase64, toBase64 } from './base64';

/** Client id the trace is typed under, the same for every contender. */
const TRACE_CLIENT = 0x5eed;

const log = (m: string) => console.log(`[bench] ${m}`);
const tick = () => new Promise<void>((r) => setTimeout(r, 0));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The statement body's length, read from the document: proves the document is usable. */
function readableLength(doc: Y.Doc, statementId: string): number {
  const target = findTraceTarget(doc, statementId);
  if (!target) throw new Error(`statement ${statementId} not found in the opened document`);
  return target.text.length;
}

function expectLength(got: number, expected: number, who: string): void {
  if (got !== expected) throw new Error(`${who}: opened document has ${got} characters, expected ${expected}`);
}

/** Types the trace into `doc` as a person would (yielding to the event loop between transactions). */
async function typeTrace(doc: Y.Doc, trace: TraceOptions, who: string): Promise<{ statementId: string; length: number }> {
  doc.clientID = TRACE_CLIENT;
  const target = createTraceTarget(doc);
  let n = 0;
  for (const tx of traceTransactions(trace)) {
    applyTraceTransaction(doc, target, tx, 'user');
    if (++n % 20 === 0) await tick();
    if (n % 500 === 0) log(`${who}: typed ${n} transactions`);
  }
  log(`${who}: typed ${n} transactions, ${target.text.length} characters`);
  return { statementId: target.statementId, length: target.text.length };
}

async function untilSaved(timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = usePersistence.getState();
    if (s.status === 'error') throw new Error(`storage error while building: ${s.error}`);
    if (s.pending === 0) return;
    if (Date.now() > until) throw new Error(`${s.pending} writes still unconfirmed after ${timeoutMs} ms`);
    await sleep(50);
  }
}

export interface AppStore {
  dbName: string;
  id: string;
  statementId: string;
  expectedLength: number;
  /** The seeded workspace's first state (V1, base64), to start other contenders from the same content. */
  initialB64: string;
  /** The final full state (V1, base64): the raw baseline's input. */
  fullB64: string;
  buildMs: number;
  stats: StoreStats;
}

/**
 * Creates a workspace the app's way and types the trace into it: every transaction is stored as
 * its own update row as the edits happen, and the app merges the rows itself after every
 * COMPRESS_AFTER_WRITES (500) local writes (renderer/workspace/workspaceService.ts), so the
 * store never holds thousands of rows. y-dexie's own periodic GC is held off (its "recently run"
 * stamp), and the merge the app starts on close is cut short here (the connection is closed at
 * once), so the store ends as the app leaves it between merges: one merged row plus the rows
 * written since (fewer than 500). `compressApp` then merges those as the app's close would.
 */
async function buildAppStore(dbName: string, trace: TraceOptions): Promise<AppStore> {
  const t0 = performance.now();
  const db = new CrisisRoomDb(dbName);
  await db.open();
  await db.table(UPDATES_TABLE).put({ i: 0, lastCompressed: 0, lastRun: new Date() });
  const id = await createWorkspace({ name: '基準測試工作區', language: 'zh-TW' }, db);
  const ws = await openWorkspace(id, db);
  const initialB64 = toBase64(Y.encodeStateAsUpdate(ws.doc));
  const { statementId, length } = await typeTrace(ws.doc, trace, 'y-dexie store');
  await untilSaved();
  const fullB64 = toBase64(Y.encodeStateAsUpdate(ws.doc));
  ws.close();
  db.close();
  const buildMs = performance.now() - t0;
  return { dbName, id, statementId, expectedLength: length, initialB64, fullB64, buildMs, stats: await storeStats(dbName) };
}

/** Runs y-dexie's own compression (what its periodic GC does in a long session). */
async function compressApp(dbName: string): Promise<StoreStats> {
  const db = new CrisisRoomDb(dbName);
  await db.open();
  await compressYDocs(db);
  db.close();
  return storeStats(dbName);
}

/** Opens a workspace the app's way, from nothing (new connection, new Y.Doc) to readable. */
async function openApp(dbName: string, id: string, statementId: string, expectedLength: number): Promise<number> {
  const t0 = performance.now();
  const db = new CrisisRoomDb(dbName);
  const ws = await openWorkspace(id, db);
  const len = readableLength(ws.doc, statementId);
  const ms = performance.now() - t0;
  expectLength(len, expectedLength, 'app (y-dexie)');
  ws.close();
  db.close();
  return ms;
}

/** Raw Yjs: `Y.applyUpdate(new Y.Doc(), fullState)` and the same read (decoding base64 untimed). */
function openRaw(fullB64: string, statementId: string, expectedLength: number): number {
  const update = fromBase64(fullB64);
  const t0 = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update, 'system');
  const len = readableLength(doc, statementId);
  const ms = performance.now() - t0;
  expectLength(len, expectedLength, 'raw Y.applyUpdate');
  doc.destroy();
  return ms;
}

export interface IdbStore {
  name: string;
  statementId: string;
  expectedLength: number;
  buildMs: number;
  stats: StoreStats;
}

/**
 * Builds the y-indexeddb contender: the same seeded content, then the same trace typed into a
 * doc persisted by IndexeddbPersistence (one row per update; y-indexeddb merges them itself once
 * 500 have piled up and typing pauses for a second — we wait for that, as a long session would,
 * unless `waitForTrim` is false: then the store keeps every update row, its worst case).
 */
async function buildIdbStore(name: string, initialB64: string, trace: TraceOptions, waitForTrim = true): Promise<IdbStore> {
  const t0 = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(initialB64), 'system');
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  const { statementId, length } = await typeTrace(doc, trace, 'y-indexeddb store');
  if (waitForTrim) {
    await sleep(1_500);
    const p = persistence as unknown as { _dbsize: number };
    const until = Date.now() + 60_000;
    while (p._dbsize >= PREFERRED_TRIM_SIZE && Date.now() < until) await sleep(50);
  }
  // Without waitForTrim this closes right after typing, before a 1 s pause: y-indexeddb's merge
  // timer is cancelled and every update stays its own row (its worst case). Queued writes still
  // complete: IndexedDB closes a connection only after its transactions finish.
  await persistence.destroy();
  doc.destroy();
  const buildMs = performance.now() - t0;
  return { name, statementId, expectedLength: length, buildMs, stats: await storeStats(name) };
}

/** Opens with y-indexeddb: new doc + new IndexeddbPersistence + whenSynced, then the same read. */
async function openIdb(name: string, statementId: string, expectedLength: number): Promise<number> {
  const t0 = performance.now();
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  const len = readableLength(doc, statementId);
  const ms = performance.now() - t0;
  expectLength(len, expectedLength, 'y-indexeddb');
  await persistence.destroy();
  doc.destroy();
  return ms;
}

export interface GrowthResult {
  before: StoreStats;
  after: StoreStats;
  cycles: number;
  /** navigator.storage.estimate() usage before/after (the whole origin, on disk; informative). */
  usageBefore: number;
  usageAfter: number;
}

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

/** P2: open (until loaded and readable) and close the app's workspace `cycles` times, no edits. */
async function reopenApp(dbName: string, id: string, statementId: string, expectedLength: number, cycles: number): Promise<GrowthResult> {
  const before = await storeStats(dbName);
  const usageBefore = await usage();
  for (let c = 1; c <= cycles; c++) {
    await openApp(dbName, id, statementId, expectedLength);
    if (c % 25 === 0) log(`app: ${c}/${cycles} reopen cycles`);
  }
  await sleep(500);
  return { before, after: await storeStats(dbName), cycles, usageBefore, usageAfter: await usage() };
}

/** P2 baseline: the same cycles with y-indexeddb. */
async function reopenIdb(name: string, statementId: string, expectedLength: number, cycles: number): Promise<GrowthResult> {
  const before = await storeStats(name);
  const usageBefore = await usage();
  for (let c = 1; c <= cycles; c++) {
    await openIdb(name, statementId, expectedLength);
    if (c % 25 === 0) log(`y-indexeddb: ${c}/${cycles} reopen cycles`);
  }
  await sleep(500);
  return { before, after: await storeStats(name), cycles, usageBefore, usageAfter: await usage() };
}

export interface RawIdbProfile {
  /** Raw IndexedDB: open the database, read the document's update rows (by index k). */
  idbOpenMs: number;
  idbReadMs: number;
  rows: number;
  /** Applying those rows to a new Y.Doc in one transaction (as y-dexie does), and the same read. */
  applyMs: number;
}

/** The least any IndexedDB-backed open of this store can cost: raw read + apply (run in a fresh page). */
async function profileRawIdb(dbName: string, id: string, statementId: string, expectedLength: number): Promise<RawIdbProfile> {
  let t = performance.now();
  const raw = await new Promise<IDBDatabase>((ok, fail) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  const idbOpenMs = performance.now() - t;
  t = performance.now();
  const rows = await new Promise<{ u: Uint8Array }[]>((ok, fail) => {
    const req = raw.transaction(UPDATES_TABLE, 'readonly').objectStore(UPDATES_TABLE).index('k').getAll(id);
    req.onsuccess = () => ok(req.result as { u: Uint8Array }[]);
    req.onerror = () => fail(req.error);
  });
  const idbReadMs = performance.now() - t;
  raw.close();
  t = performance.now();
  const doc = new Y.Doc();
  Y.transact(doc, () => rows.forEach((r) => Y.applyUpdateV2(doc, r.u, 'system')), 'system', false);
  expectLength(readableLength(doc, statementId), expectedLength, 'profile apply');
  const applyMs = performance.now() - t;
  doc.destroy();
  return { idbOpenMs, idbReadMs, rows: rows.length, applyMs };
}

export interface AppOpenProfile {
  /** Dexie: opening the CrisisRoomDb connection. */
  dexieOpenMs: number;
  /** openWorkspace() on that open connection, until readable. */
  openWorkspaceMs: number;
}

/** The app's open split in two (run in a fresh page). */
async function profileAppOpen(dbName: string, id: string, statementId: string, expectedLength: number): Promise<AppOpenProfile> {
  let t = performance.now();
  const db = new CrisisRoomDb(dbName);
  await db.open();
  const dexieOpenMs = performance.now() - t;
  t = performance.now();
  const ws = await openWorkspace(id, db);
  expectLength(readableLength(ws.doc, statementId), expectedLength, 'profile openWorkspace');
  const openWorkspaceMs = performance.now() - t;
  ws.close();
  db.close();
  return { dexieOpenMs, openWorkspaceMs };
}

const api = {
  buildAppStore,
  compressApp,
  openApp,
  openRaw,
  buildIdbStore,
  openIdb,
  reopenApp,
  reopenIdb,
  profileRawIdb,
  profileAppOpen,
  storeStats,
  // Rows are encrypted (renderer/vault): a copy into another origin takes the wrapped keys along.
  dumpDatabase: async (name: string): Promise<DatabaseDump & { keyring?: string }> => ({ ...(await dumpDatabase(name)), keyring: exportBenchKeyring() }),
  loadDatabase: async (dump: DatabaseDump & { keyring?: string }) => {
    if (dump.keyring) await importBenchKeyring(dump.keyring);
    // Create the schema the app's way first, then copy the rows in raw.
    const db = new CrisisRoomDb(dump.name);
    await db.open();
    db.close();
    await loadDatabase(dump);
    return storeStats(dump.name);
  },
  deleteDatabase,
};

export type StoreBench = typeof api;

declare global {
  interface Window {
    storeBench: StoreBench;
  }
}

await installBenchVault();
window.storeBench = api;
