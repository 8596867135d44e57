/**
 * Browser side of P9 (bench/P9-at-rest.ts): the same generated workspace stored twice in this
 * origin — through the app's encrypted store (renderer/vault middleware) and through the same
 * CrisisRoomDb built without it (the baseline only) — then opened, and typed into, the app's way.
 */
import * as Y from 'yjs';
import { write } from '../../shared/doc/origins';
import { getStatement, requireBody } from '../../shared/statements/store';
import { addWorkspaceRow, CrisisRoomDb, UPDATES_TABLE } from '../../renderer/workspace/db';
import { openWorkspace } from '../../renderer/workspace/workspaceService';
import { usePersistence } from '../../renderer/workspace/persistence';
import { ensureDataKey } from '../../renderer/vault';
import { deriveKek, DEFAULT_KDF } from '../../renderer/vault/kdf';
import { generateWorkspace } from '../lib/generateWorkspace';
import { installBenchVault } from './benchVault';

const ID = 'p9-workspace';
const dbName = (enc: boolean) => (enc ? 'p9-encrypted' : 'p9-plain');
const makeDb = (enc: boolean) => new CrisisRoomDb(dbName(enc), enc ? {} : { vault: null });

function firstText(node: Y.XmlFragment | Y.XmlElement): Y.XmlText | null {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) return child;
    const inner = firstText(child as Y.XmlElement);
    if (inner) return inner;
  }
  return null;
}

const untilSaved = async () => {
  for (let i = 0; i < 3000 && usePersistence.getState().pending > 0; i++) await new Promise((r) => setTimeout(r, 5));
};

/** Stores the generated workspace (scale × the default) plus `edits` small update rows, in both databases. */
async function build(scale: number, edits: number): Promise<{ statementId: string; stateBytes: number; rows: number }> {
  const gen = generateWorkspace(scale);
  const statementId = gen.statementIds[0]!;
  const stateBytes = Y.encodeStateAsUpdateV2(gen.doc).length;
  // The same small edits for both: as typed between two merges (the app merges every 500 writes).
  const scratch = new Y.Doc();
  Y.applyUpdateV2(scratch, Y.encodeStateAsUpdateV2(gen.doc), 'import');
  const text = firstText(requireBody(getStatement(scratch, statementId)!))!;
  const updates: Uint8Array[] = [];
  scratch.on('updateV2', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < edits; i++) write(scratch, 'user', () => text.insert(i, i % 3 ? 'x' : '字'));
  let rows = 0;
  for (const enc of [true, false]) {
    const db = makeDb(enc);
    await db.open();
    if (enc) await ensureDataKey(ID);
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, Y.encodeStateAsUpdateV2(gen.doc), 'import');
    await addWorkspaceRow(db, { id: ID, name: '基準 P9', createdAt: 1, updatedAt: 1, deletedAt: null, doc });
    await db.table(UPDATES_TABLE).bulkAdd(updates.map((u) => ({ k: ID, u, f: 1 })));
    rows = await db.table(UPDATES_TABLE).where('k').equals(ID).count();
    db.close();
  }
  return { statementId, stateBytes, rows };
}

/** From nothing (new connection, new Y.Doc) to the statement readable. */
async function open(enc: boolean, statementId: string): Promise<number> {
  const t0 = performance.now();
  const db = makeDb(enc);
  const ws = await openWorkspace(ID, db);
  const len = firstText(requireBody(getStatement(ws.doc, statementId)!))!.length;
  const ms = performance.now() - t0;
  if (len < 1000) throw new Error(`P9: statement too short (${len})`);
  ws.close();
  db.close();
  return ms;
}

const nextTask = () => new Promise<number>((resolve) => {
  const ch = new MessageChannel();
  ch.port1.onmessage = () => resolve(performance.now());
  ch.port2.postMessage(null);
});

/**
 * Keystrokes into the open workspace's statement: each a Yjs write with origin 'user', which the
 * app stores at once (updateWriter → durableWrites: the IndexedDB write, encrypted or not, is
 * issued and its commit requested in the same task). Timed from before the write to the start of
 * the next task (all of the keystroke's task, microtasks included).
 */
async function keystrokes(enc: boolean, statementId: string, n: number): Promise<number[]> {
  const db = makeDb(enc);
  const ws = await openWorkspace(ID, db);
  const text = firstText(requireBody(getStatement(ws.doc, statementId)!))!;
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    write(ws.doc, 'user', () => text.insert(Math.min(text.length, 500 + i), i % 4 ? 'k' : '危'));
    times.push((await nextTask()) - t0);
    await new Promise((r) => setTimeout(r, 8));
  }
  await untilSaved();
  ws.close();
  db.close();
  return times;
}

/** Unlock as in web mode: Argon2id of a passphrase with the app's parameters. */
async function argon2(): Promise<number> {
  const t0 = performance.now();
  await deriveKek('correct horse battery staple', { ...DEFAULT_KDF, salt: '' }, crypto.getRandomValues(new Uint8Array(16)));
  return performance.now() - t0;
}

const api = { build, open, keystrokes, argon2 };
export type VaultBench = typeof api;

declare global {
  interface Window {
    vaultBench: VaultBench;
  }
}

await installBenchVault();
window.vaultBench = api;
