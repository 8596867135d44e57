/**
 * Browser side of P8 (bundled by bench/lib/bundle.ts, driven from Node through Playwright):
 * builds two stores of the same B4-sized workspace through the app's storage layer — one with
 * nothing in its governance log, one with a signed roster, 1,000 approvals and 10,000 other
 * signed audit entries — and opens either the app's way: openWorkspace() until the statement is
 * readable, then the governance view the UI reads (GovernanceView: its first snapshot parses the
 * log; the SignatureCache then verifies in the background, in batches, yielding). Exposed as
 * `window.govBench`. Progress goes to the console as `[bench] …`.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { compressYDocs } from 'y-dexie';
import { CrisisRoomDb, UPDATES_TABLE } from '../../renderer/workspace/db';
import { createWorkspace, openWorkspace } from '../../renderer/workspace/workspaceService';
import { usePersistence } from '../../renderer/workspace/persistence';
import { write } from '../../shared/doc/origins';
import { appendEntry, generateDeviceKeys, GovernanceView, SignatureCache, signEntry, type DeviceKeys, type MemberRole, type SignedEntry, type UnsignedPayload } from '../../shared/governance';
import { deriveGate } from '../../shared/statements/approval';
import { contentHash } from '../../shared/statements/hash';
import { getStatement, requireBody } from '../../shared/statements/store';
import { applyTraceTransaction, createTraceTarget, findTraceTarget, traceTransactions, type TraceOptions } from '../lib/trace';
import { dumpDatabase, loadDatabase, storeStats, type StoreStats } from './idbRaw';
import { installBenchVault } from './benchVault';

// As in the app (renderer/main.tsx): the CSP forbids eval, so zod validates without compiling.
z.config({ jitless: true });

const log = (m: string) => console.log(`[bench] ${m}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const TRACE_CLIENT = 0x5eed;

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

async function compress(dbName: string): Promise<StoreStats> {
  const db = new CrisisRoomDb(dbName);
  await db.open();
  await compressYDocs(db);
  db.close();
  return storeStats(dbName);
}

export interface Stores {
  id: string;
  statementId: string;
  expectedLength: number;
  /** The creator's key (the governance view's trust anchor). */
  genesisKey: string;
  entries: number;
  approvals: number;
  audit: number;
  signMs: number;
  plain: StoreStats;
  governed: StoreStats;
}

/**
 * Builds both stores. The workspace is created the app's way (default zh-TW playbook), the B4
 * trace is typed into a copy in memory and merged in as one update (the final document is the
 * same as typing it live, which P1 measures), then y-dexie compresses the store. The governed
 * store is a copy of that database with the signed entries appended through the app (in batches
 * of 500, as synced updates would arrive) and compressed again.
 */
async function buildStores(plainDb: string, governedDb: string, trace: TraceOptions, approvals: number, audit: number): Promise<Stores> {
  const db = new CrisisRoomDb(plainDb);
  await db.open();
  await db.table(UPDATES_TABLE).put({ i: 0, lastCompressed: 0, lastRun: new Date() });
  const id = await createWorkspace({ name: '基準測試工作區', language: 'zh-TW' }, db);
  let ws = await openWorkspace(id, db);
  const mem = new Y.Doc();
  mem.clientID = TRACE_CLIENT;
  Y.applyUpdate(mem, Y.encodeStateAsUpdate(ws.doc), 'system');
  const target = createTraceTarget(mem);
  let n = 0;
  for (const tx of traceTransactions(trace)) {
    applyTraceTransaction(mem, target, tx, 'user');
    if (++n % 500 === 0) log(`typed ${n} transactions`);
  }
  Y.applyUpdate(ws.doc, Y.encodeStateAsUpdate(mem, Y.encodeStateVector(ws.doc)), 'import');
  await untilSaved();
  const statementId = target.statementId;
  const expectedLength = target.text.length;
  ws.close();
  db.close();
  const plain = await compress(plainDb);
  log(`plain store: ${plain.rows} rows, ${(plain.binaryBytes / 1024).toFixed(0)} KiB`);

  // The governed copy: same rows, then the signed log.
  const dump = await dumpDatabase(plainDb);
  const copy = new CrisisRoomDb(governedDb);
  await copy.open();
  copy.close();
  await loadDatabase({ ...dump, name: governedDb });
  const gdb = new CrisisRoomDb(governedDb);
  ws = await openWorkspace(id, gdb);
  const t0 = performance.now();
  const keys: Record<'owner' | 'legal' | 'exec' | 'coordinator' | 'spokes', DeviceKeys> = {
    owner: await generateDeviceKeys(),
    legal: await generateDeviceKeys(),
    exec: await generateDeviceKeys(),
    coordinator: await generateDeviceKeys(),
    spokes: await generateDeviceKeys(),
  };
  const start = Date.now() - 30 * 24 * 3600 * 1000;
  const member = (k: DeviceKeys, name: string, roles: MemberRole[]) => ({ key: k.publicKey, agreementKey: k.agreementKey, name, unit: '危機小組', roles });
  const sign = (k: DeviceKeys, at: number, payload: UnsignedPayload): Promise<SignedEntry> => signEntry(k, { ...payload, at } as UnsignedPayload);
  const entries: SignedEntry[] = [await sign(keys.owner, start, { ws: id, kind: 'roster.genesis', member: member(keys.owner, '林雅婷', ['owner']) })];
  let at = start + 1;
  for (const [k, name, roles] of [
    [keys.legal, '林律師', ['legal_approver']],
    [keys.exec, '陳總經理', ['executive_approver']],
    [keys.coordinator, '王協調', ['coordinator']],
    [keys.spokes, '張發言', ['spokesperson']],
  ] as const) {
    entries.push(await sign(keys.owner, at++, { ws: id, kind: 'roster.add', member: member(k, name, [...roles]) }));
  }
  const rosterCount = entries.length;
  // 1,000 approvals: over 100 statements; those naming the benchmark statement sign its real text.
  const realHash = contentHash(requireBody(getStatement(ws.doc, statementId)!));
  for (let i = 0; i < approvals; i++) {
    const onReal = i % 100 === 0;
    const role = (['legal', 'executive', 'pr'] as const)[i % 3]!;
    const signer = role === 'legal' ? keys.legal : role === 'executive' ? keys.exec : keys.spokes;
    entries.push(await sign(signer, at++, { ws: id, kind: 'approval', statementId: onReal ? statementId : `stmt-${i % 100}`, hash: onReal ? realHash : realHash.replace(/^./, String(i % 10)), role }));
  }
  // 10,000 other audit entries: incident declarations and severity changes, gate overrides, releases.
  for (let i = 0; i < audit; i++) {
    const m = i % 20;
    if (m === 0) entries.push(await sign(keys.coordinator, at++, { ws: id, kind: 'incident.declare', incidentId: `inc-${i}`, severity: 2, drill: i % 40 === 0 }));
    else if (m === 1) entries.push(await sign(keys.owner, at++, { ws: id, kind: 'override', statementId: `stmt-${i % 100}`, gate: 'placeholders', reason: '聯絡窗口稍後補上，先行放行' }));
    else if (m === 2) entries.push(await sign(keys.spokes, at++, { ws: id, kind: 'release', statementId: `stmt-${i % 100}`, hash: realHash }));
    else entries.push(await sign(keys.coordinator, at++, { ws: id, kind: 'incident.severity', incidentId: `inc-${i - m}`, severity: 1 + (i % 4), reason: '新的網路聲量與媒體詢問' }));
  }
  const signMs = performance.now() - t0;
  for (let i = 0; i < entries.length; i += 500) {
    write(ws.doc, 'remote', () => {
      for (const e of entries.slice(i, i + 500)) appendEntry(ws.doc, e, 'remote');
    });
    await untilSaved();
  }
  ws.close();
  gdb.close();
  const governed = await compress(governedDb);
  log(`governed store: ${governed.rows} rows, ${(governed.binaryBytes / 1024).toFixed(0)} KiB; ${entries.length} entries signed in ${signMs.toFixed(0)} ms`);
  return { id, statementId, expectedLength, genesisKey: keys.owner.publicKey, entries: entries.length, approvals, audit: entries.length - approvals - rosterCount, signMs, plain, governed };
}

export interface OpenTiming {
  /** openWorkspace() until the statement is readable (Yjs decode of everything stored). */
  docMs: number;
  /** The governance view's first snapshot (read roster, policy and admission entries, derive roster and policy; sign-offs left for the background, nothing verified yet). */
  snapshotMs: number;
  /** docMs + snapshotMs: the app usable, with the governance state it shows first ("verifying…"). */
  usableMs: number;
  /** From usable until every entry is read and every signature has a verdict (in the background). */
  verifiedMs: number;
  /** Longest main-thread task while verifying (PerformanceObserver long tasks, ≥ 50 ms), and the cache's longest batch slice. */
  longestTaskMs: number;
  longestSliceMs: number;
  /** Deriving the benchmark statement's gate once everything is verified. */
  gateMs: number;
  verified: number;
  /** Entries the first snapshot left for the background (sign-offs and incident entries). */
  unreadAtFirst: number;
  status: string;
}

/** Opens a store the app's way and follows governance until verified (run in a fresh page). */
async function open(dbName: string, id: string, statementId: string, expectedLength: number, genesisKey: string): Promise<OpenTiming> {
  const tasks: PerformanceEntry[] = [];
  const obs = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  obs.observe({ type: 'longtask', buffered: false });
  const t0 = performance.now();
  const db = new CrisisRoomDb(dbName);
  const ws = await openWorkspace(id, db);
  const len = findTraceTarget(ws.doc, statementId)?.text.length;
  if (len !== expectedLength) throw new Error(`opened document has ${len} characters, expected ${expectedLength}`);
  const t1 = performance.now();
  const cache = new SignatureCache();
  const view = new GovernanceView(ws.doc, { workspaceId: id, trustedGenesisKey: genesisKey, cache });
  const first = view.getSnapshot();
  const t2 = performance.now();
  const unreadAtFirst = first.unread;
  // Sign-offs are read in the background, then verified: wait for both.
  await view.readAll();
  await cache.settled();
  const t3 = performance.now();
  await sleep(100); // let the observer deliver the last entries
  obs.disconnect();
  // Long tasks of the open itself (decode, first snapshot) are the open's, timed above; these are verification's.
  const verifying = tasks.filter((e) => e.startTime >= t2).map((e) => e.duration);
  const gov = view.getSnapshot();
  // The studio has the text's hash from its analysis; time the governance part of the gate.
  const rec = getStatement(ws.doc, statementId)!;
  const hash = contentHash(requireBody(rec));
  const g0 = performance.now();
  const gate = deriveGate(rec, { gov, hash });
  const gateMs = performance.now() - g0;
  view.dispose();
  ws.close();
  db.close();
  return {
    docMs: t1 - t0,
    snapshotMs: t2 - t1,
    usableMs: t2 - t0,
    verifiedMs: t3 - t2,
    longestTaskMs: Math.max(0, ...verifying),
    longestSliceMs: cache.stats.longestSliceMs,
    gateMs,
    verified: cache.stats.verified,
    unreadAtFirst,
    status: gate.status,
  };
}

const api = { buildStores, open, storeStats };
export type GovBench = typeof api;

declare global {
  interface Window {
    govBench: GovBench;
  }
}
await installBenchVault();
window.govBench = api;
