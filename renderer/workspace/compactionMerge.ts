import * as Y from 'yjs';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { openWith, sealWith } from '../vault/sealFormat';
import type { SealSpec } from '../vault/middleware';
import { isV1, toV2 } from './updateFormat';
import { mergeThroughDoc, mergeUpdatesV2Checked } from '../../shared/doc/mergeChecked';
import { addRows, commitRow, isCommitRequest, isStoreTarget, readSealedRows, type CommitRequest, type StoreTarget } from './workerStore';

/**
 * The merging half of storage compaction (compaction.ts): pure functions on Yjs V2 update bytes,
 * run in a Web Worker (compaction.worker.ts) so the page's thread never merges a whole document;
 * where no worker can run, only small merges run here, in slices with a yield between them.
 *
 * - 'tail': `Y.mergeUpdatesV2` of the rows written since the last compaction (small), checked
 *   (shared/doc/mergeChecked.ts).
 * - 'fold': the stored base and everything after it, applied to a fresh garbage-collecting
 *   Y.Doc and encoded again — what y-dexie's own compression did on this thread, including
 *   dropping deleted content. Only ever run off the page's thread.
 * Asked to (`seal`: a data key and associated data, renderer/vault sealSpecFor), the worker also
 * seals the result as the vault would, so the page only stores it (bench P15: sealing a joining
 * laptop's merged rows took its thread 60–180 ms a row under load); and it opens the stored rows
 * the page hands it sealed (`sealed`: the rows whose plaintext the page does not hold, compaction.ts),
 * so the page never decrypts a document's base to fold it.
 */
export type MergeKind = 'tail' | 'fold';

/** What the worker needs to seal a merge's result (the data key is copied to it). */
export interface SealRequest {
  key: Uint8Array;
  aad: string;
}

export interface MergeRequest {
  id: number;
  kind: MergeKind;
  updates: Uint8Array[];
  /** Indexes of the updates that are V1 (updateFormat.ts): converted before the merge. */
  v1?: number[];
  seal?: SealRequest;
  /** Indexes of the updates that are rows as stored, sealed with `seal`'s key and associated data: opened first. */
  sealed?: number[];
  /** A tail merge into rows of consecutive updates of at most this many bytes in V2 each (`rows` in the answer). */
  rowBytes?: number;
  /**
   * With `seal` (and no `updates`): the worker reads the rows itself, merges them, and stores the
   * sealed result in their place (workerStore.ts) — the page neither reads nor writes them.
   */
  commit?: CommitRequest;
  /** With `seal` and `rowBytes`: the worker stores the sealed rows itself, in one transaction (workerStore.ts `addRows`). */
  store?: StoreTarget;
}

/** One merged row, sealed when asked. */
export interface MergedRow {
  update: Uint8Array;
  sealed?: Uint8Array;
}

export type MergeAnswer = { id: number; ok: true; update: Uint8Array; sealed?: Uint8Array; committed?: boolean; rows?: MergedRow[]; stored?: number[] } | { id: number; ok: false; message: string };

/**
 * Merges updates without applying them (cost proportional to what is merged), checked: rows and
 * peers' updates of an earlier build may list their clients out of Yjs's order, and only then are
 * they merged through a document (shared/doc/mergeChecked.ts).
 */
export function mergeTail(updates: readonly Uint8Array[]): Uint8Array {
  return mergeUpdatesV2Checked(updates);
}

/** `updates` in consecutive groups of at most `max` bytes each (an update larger than that alone). */
export function rowGroups(updates: readonly Uint8Array[], max: number): Uint8Array[][] {
  const groups: Uint8Array[][] = [];
  let bytes = Infinity;
  for (const u of updates) {
    if (bytes + u.length > max) {
      groups.push([]);
      bytes = 0;
    }
    groups[groups.length - 1]!.push(u);
    bytes += u.length;
  }
  return groups;
}

/** The whole state, garbage-collected: a fresh Y.Doc with every update applied, encoded once (pending structs kept). */
export function foldAll(updates: readonly Uint8Array[]): Uint8Array {
  return mergeThroughDoc(updates, true);
}

const encryptNoble = (key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, plain: Uint8Array) => xchacha20poly1305(key, nonce, ad).encrypt(plain);
const decryptNoble = (key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, sealed: Uint8Array) => xchacha20poly1305(key, nonce, ad).decrypt(sealed);
const isIndexList = (list: unknown, length: number): list is number[] => Array.isArray(list) && list.every((i) => Number.isInteger(i) && i >= 0 && i < length);

const isSealRequest = (s: unknown): s is SealRequest =>
  typeof s === 'object' && s !== null && (s as SealRequest).key instanceof Uint8Array && (s as SealRequest).key.length === 32 && typeof (s as SealRequest).aad === 'string';

/** The worker's answer to one request (compaction.worker.ts). */
export function answerMerge(req: unknown): MergeAnswer {
  const r = req as Partial<MergeRequest> | null;
  const id = typeof r?.id === 'number' ? r.id : -1;
  const v1 = r?.v1 ?? [];
  const sealed = r?.sealed ?? [];
  if (!r || (r.kind !== 'tail' && r.kind !== 'fold') || !Array.isArray(r.updates) || !r.updates.every((u) => u instanceof Uint8Array) || (r.seal !== undefined && !isSealRequest(r.seal))) {
    return { id, ok: false, message: 'malformed merge request' };
  }
  if (!isIndexList(v1, r.updates.length) || !isIndexList(sealed, r.updates.length) || (sealed.length > 0 && !r.seal)) return { id, ok: false, message: 'malformed merge request' };
  try {
    const key = r.seal;
    const opened = sealed.length === 0 || !key ? r.updates : r.updates.map((u, i) => (sealed.includes(i) ? openWith(decryptNoble, key.key, key.aad, u) : u));
    const updates = v1.length === 0 ? opened : opened.map((u, i) => (v1.includes(i) ? Y.convertUpdateFormatV1ToV2(u) : u));
    const seal = (update: Uint8Array): MergedRow => (r.seal ? { update, sealed: sealWith(encryptNoble, r.seal.key, r.seal.aad, update) } : { update });
    if (r.rowBytes !== undefined) {
      if (r.kind !== 'tail' || !Number.isSafeInteger(r.rowBytes) || r.rowBytes <= 0 || updates.length === 0) return { id, ok: false, message: 'malformed merge request' };
      const rows = rowGroups(updates, r.rowBytes).map((group) => seal(mergeTail(group)));
      return { id, ok: true, ...rows[0]!, rows };
    }
    return { id, ok: true, ...seal(r.kind === 'fold' ? foldAll(updates) : mergeTail(updates)) };
  } catch (err) {
    return { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * The worker's answer to one request (compaction.worker.ts): a merge (answerMerge), or with
 * `commit` a whole compaction — the rows read from the database, opened, merged, sealed and
 * stored in one transaction in place of their sources; `committed: false` (and no update) when a
 * row is gone (another window compacted meanwhile: nothing is written).
 */
export async function answerRequest(req: unknown): Promise<MergeAnswer> {
  const r = req as Partial<MergeRequest> | null;
  if (r?.store !== undefined) return answerStore(r);
  if (r?.commit === undefined) return answerMerge(req);
  const id = typeof r.id === 'number' ? r.id : -1;
  if (!isCommitRequest(r.commit) || !isSealRequest(r.seal) || (r.updates?.length ?? 0) > 0) return { id, ok: false, message: 'malformed merge request' };
  try {
    const rows = await readSealedRows(r.commit);
    if (!rows) return { id, ok: true, update: new Uint8Array(0), committed: false };
    const merged = answerMerge({ id, kind: r.kind, updates: rows, sealed: rows.map((_, i) => i), seal: r.seal });
    if (!merged.ok || !merged.sealed) return merged;
    return { ...merged, committed: await commitRow(r.commit, merged.sealed) };
  } catch (err) {
    return { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * A peer's batch (remoteBatch.ts) merged into rows, sealed, and added by the worker in one
 * transaction: the page neither seals nor copies them into IndexedDB. Answers the rows' keys
 * (`stored`) with the rows; an error when the database is gone (the page then writes them).
 */
async function answerStore(r: Partial<MergeRequest>): Promise<MergeAnswer> {
  const id = typeof r.id === 'number' ? r.id : -1;
  const { store, ...merge } = r;
  if (!isStoreTarget(store) || !isSealRequest(r.seal) || r.rowBytes === undefined || r.commit !== undefined || (r.sealed?.length ?? 0) > 0) return { id, ok: false, message: 'malformed merge request' };
  const merged = answerMerge(merge);
  if (!merged.ok) return merged;
  try {
    const rows = merged.rows!;
    const stored = await addRows(store, rows.map((row) => row.sealed!));
    return stored ? { ...merged, stored } : { id, ok: false, message: 'the database is gone' };
  } catch (err) {
    return { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** Merges for compaction.ts. `offThread`: whether a whole-document fold may be asked of it. */
export interface Merger {
  readonly offThread: boolean;
  /**
   * With `seal`, a merger that runs off this thread seals the result too and hands it to `seal.keep`;
   * `sealed` (only where `offThread`, with `seal`): indexes of updates that are rows as stored, which
   * it opens first (they are handed over, not copied).
   */
  merge(kind: MergeKind, updates: readonly Uint8Array[], seal?: SealSpec | null, sealed?: readonly number[]): Promise<Uint8Array>;
  /** A tail merge of `updates` into rows of at most `rowBytes` each in V2, sealed (a peer's batch, remoteBatch.ts); only a worker does it. */
  mergeRows?(updates: readonly Uint8Array[], seal: SealSpec | null, rowBytes: number): Promise<Uint8Array[]>;
  /** mergeRows, the rows then stored by the worker in one transaction (MergeRequest.store): their plaintexts and keys; only a worker does it. */
  mergeAndStore?(updates: readonly Uint8Array[], seal: SealSpec, rowBytes: number, store: StoreTarget): Promise<{ rows: Uint8Array[]; keys: number[] }>;
  /** A whole compaction in the worker: the rows `commit.sources` read, merged, sealed and stored there (MergeRequest.commit); only a worker does it. */
  mergeAndCommit?(kind: MergeKind, seal: SealSpec, commit: CommitRequest): Promise<{ update: Uint8Array; committed: boolean }>;
}

/**
 * `updates` merged into rows of at most `rowBytes` each: by the worker, which counts each update's
 * size in V2 (a received V1 slice shrinks by about a fifth), or group by group by a merger on this
 * page, which counts the size as received.
 */
export function mergeIntoRows(merger: Merger, updates: readonly Uint8Array[], seal: SealSpec | null, rowBytes: number): Promise<Uint8Array[]> {
  if (merger.mergeRows) return merger.mergeRows(updates, seal, rowBytes);
  return Promise.all(rowGroups(updates, rowBytes).map((group) => merger.merge('tail', group, seal)));
}

/** Rows merged per slice on the page's thread (a few hundred microseconds for typing-sized rows). */
export const SLICE_ROWS = 32;

const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Merges on this thread in slices of `slice` updates, yielding to the page between slices (a
 * merge of merges until one is left). Never asked to fold: a fold is a whole-document merge.
 * `merge` is injectable so tests can count what this thread merges.
 */
export class SlicedMerger implements Merger {
  readonly offThread = false;
  constructor(
    private readonly mergeHere: (updates: Uint8Array[]) => Uint8Array = mergeUpdatesV2Checked,
    private readonly slice = SLICE_ROWS,
    private readonly pause: () => Promise<void> = yieldToPage,
  ) {}

  async merge(kind: MergeKind, updates: readonly Uint8Array[]): Promise<Uint8Array> {
    if (kind === 'fold') throw new Error('a fold is never run on the page thread');
    let level = updates.map(toV2);
    if (level.length === 0) throw new Error('nothing to merge');
    while (level.length > 1) {
      const next: Uint8Array[] = [];
      for (let i = 0; i < level.length; i += this.slice) {
        next.push(this.mergeHere(level.slice(i, i + this.slice)));
        await this.pause();
      }
      level = next;
    }
    return level[0]!;
  }
}

/** What compaction needs of a Worker (a fake one in unit tests). */
export interface WorkerLike {
  postMessage(message: MergeRequest, transfer?: Transferable[]): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

/** The app's worker: bundled by Vite as its own chunk (like features/backup/kdf.worker.ts). */
function startWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./compaction.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
  } catch {
    return null;
  }
}

/** What the worker answered a request. */
interface Answered {
  update: Uint8Array;
  committed?: boolean;
  rows?: MergedRow[];
  stored?: number[];
}

/** A worker with nothing to do for this long is stopped (a fold's memory goes with it). */
export const WORKER_IDLE_MS = 30_000;

/**
 * Merges in a Web Worker, one worker per page, started on first use and stopped when idle.
 * When no worker can start or it fails, tail merges run here in slices (`fallback`) and
 * `offThread` turns false, so no fold is planned any more.
 */
export class WorkerMerger implements Merger {
  private worker: WorkerLike | null = null;
  private broken = false;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (a: Answered) => void; reject: (e: Error) => void; seal: SealSpec | null }>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly start: () => WorkerLike | null = startWorker,
    private readonly fallback: Merger = new SlicedMerger(),
  ) {}

  get offThread(): boolean {
    return !this.broken && (this.worker !== null || this.canStart());
  }

  private canStart(): boolean {
    if (this.broken) return false;
    this.worker = this.start();
    if (!this.worker) {
      this.broken = true;
      return false;
    }
    this.worker.onmessage = (event) => this.answer(event.data as MergeAnswer);
    this.worker.onerror = (event) => this.fail(`the compaction worker failed (${event.message || 'no message'})`);
    return true;
  }

  async merge(kind: MergeKind, updates: readonly Uint8Array[], seal: SealSpec | null = null, sealed: readonly number[] = []): Promise<Uint8Array> {
    if (!this.offThread || !this.worker) {
      // Rows still sealed are opened only off the page's thread: the caller reads them again (compaction.ts).
      if (sealed.length > 0) throw new Error('no worker to open sealed rows');
      return this.fallback.merge(kind, updates);
    }
    return (await this.ask(this.worker, kind, updates, seal, sealed)).update;
  }

  async mergeRows(updates: readonly Uint8Array[], seal: SealSpec | null, rowBytes: number): Promise<Uint8Array[]> {
    if (!this.offThread || !this.worker) return mergeIntoRows(this.fallback, updates, null, rowBytes);
    const a = await this.ask(this.worker, 'tail', updates, seal, [], { rowBytes });
    if (!a.rows) throw new Error('the compaction worker answered without rows');
    return a.rows.map((r) => r.update);
  }

  async mergeAndStore(updates: readonly Uint8Array[], seal: SealSpec, rowBytes: number, store: StoreTarget): Promise<{ rows: Uint8Array[]; keys: number[] }> {
    if (!this.offThread || !this.worker) throw new Error('no worker to store');
    const a = await this.ask(this.worker, 'tail', updates, seal, [], { rowBytes, store });
    if (!a.rows || !a.stored || a.stored.length !== a.rows.length) throw new Error('the compaction worker answered without storing');
    return { rows: a.rows.map((r) => r.update), keys: a.stored };
  }

  async mergeAndCommit(kind: MergeKind, seal: SealSpec, commit: CommitRequest): Promise<{ update: Uint8Array; committed: boolean }> {
    if (!this.offThread || !this.worker) throw new Error('no worker to commit');
    const a = await this.ask(this.worker, kind, [], seal, [], { commit });
    if (a.committed === undefined) throw new Error('the compaction worker answered without committing');
    return { update: a.update, committed: a.committed };
  }

  private ask(worker: WorkerLike, kind: MergeKind, updates: readonly Uint8Array[], seal: SealSpec | null, sealed: readonly number[], extra: Pick<MergeRequest, 'commit' | 'rowBytes' | 'store'> = {}): Promise<Answered> {
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise<Answered>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, seal });
      const v1 = updates.flatMap((u, i) => (isV1(u) ? [i] : []));
      // Copies, transferred: the rows' bytes stay shared with the vault's cache of plaintexts (and a
      // peer's batch with the writer, until stored). Chromium's structured clone of them took the page
      // about 12 ms a megabyte (3 ms for eight 32 KB updates, unloaded); a copy and a transfer a third of that.
      // Sealed rows were read for this merge alone: handed over as they are.
      const copies = updates.map((u, i) => (sealed.includes(i) ? u : u.slice()));
      const request: MergeRequest = {
        id,
        kind,
        updates: copies,
        ...(v1.length > 0 ? { v1 } : {}),
        ...(seal ? { seal: { key: seal.key, aad: seal.aad } } : {}),
        ...(sealed.length > 0 ? { sealed: [...sealed] } : {}),
        ...extra,
      };
      worker.postMessage(request, [...new Set(copies.map((c) => c.buffer))]);
    }).finally(() => this.idleLater());
  }

  private answer(a: MergeAnswer): void {
    const w = this.waiting.get(a?.id);
    if (!w) return;
    this.waiting.delete(a.id);
    if (!a.ok || !(a.update instanceof Uint8Array)) return w.reject(new Error(a.ok ? 'the compaction worker answered without an update' : a.message));
    const rows = Array.isArray(a.rows) && a.rows.every((r) => r?.update instanceof Uint8Array) ? a.rows : undefined;
    for (const r of rows ?? [a]) if (w.seal && r.sealed instanceof Uint8Array) w.seal.keep(r.update, r.sealed);
    const stored = Array.isArray(a.stored) && a.stored.every((k) => Number.isSafeInteger(k)) ? a.stored : undefined;
    w.resolve({ update: a.update, ...(typeof a.committed === 'boolean' ? { committed: a.committed } : {}), ...(rows ? { rows } : {}), ...(stored ? { stored } : {}) });
  }

  private fail(message: string): void {
    console.warn(`[storage] ${message}; compacting on the page in small slices instead`);
    this.broken = true;
    this.worker?.terminate();
    this.worker = null;
    for (const w of this.waiting.values()) w.reject(new Error(message));
    this.waiting.clear();
  }

  private idleLater(): void {
    clearTimeout(this.idleTimer);
    if (this.waiting.size > 0) return;
    this.idleTimer = setTimeout(() => {
      if (this.waiting.size > 0) return;
      this.worker?.terminate();
      this.worker = null;
    }, WORKER_IDLE_MS);
  }
}
