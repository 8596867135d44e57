import { signingBytes } from './canonical.js';
import { isWellFormed, ROSTER_KINDS, type LogItem, type SignedEntry, type ValidItem } from './entries.js';
import { verifySignature } from './keys.js';

/** A signature's standing: checked good, checked bad, or not checked yet. */
export type Verdict = 'valid' | 'invalid' | 'pending';

/** Checks one signature (the real one is keys.ts verifySignature; tests inject others). */
export type VerifyFn = (publicKeyB64: string, bytes: Uint8Array, sigB64: string) => Promise<boolean>;

export interface SignatureCacheOptions {
  /** Signature check; defaults to Ed25519 through WebCrypto. */
  verify?: VerifyFn;
  /** Entries checked concurrently before yielding (default 64). */
  batchSize?: number;
  /** How to give the event loop back between batches (default: scheduler.yield() where it exists, else a 0 ms timeout). */
  yieldToUi?: () => Promise<void>;
}

/** Chromium's scheduler.yield() resumes without the 4 ms clamp nested timeouts get. */
function defaultYield(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

const now = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * Values per signed entry, keyed by signature and then payload. Two levels rather than one
 * concatenated key: the strings come from the same parsed log items on every call, so their
 * hashes are computed once, where a concatenated key would be rebuilt and rehashed per lookup.
 */
class EntryMap<V> {
  private readonly bySig = new Map<string, Map<string, V>>();
  get(e: SignedEntry): V | undefined {
    return this.bySig.get(e.s)?.get(e.p);
  }
  has(e: SignedEntry): boolean {
    return this.bySig.get(e.s)?.has(e.p) ?? false;
  }
  set(e: SignedEntry, v: V): void {
    let inner = this.bySig.get(e.s);
    if (!inner) this.bySig.set(e.s, (inner = new Map()));
    inner.set(e.p, v);
  }
  delete(e: SignedEntry): void {
    const inner = this.bySig.get(e.s);
    if (inner?.delete(e.p) && inner.size === 0) this.bySig.delete(e.s);
  }
}

/** Roster and policy entries first: every other entry's meaning depends on them. */
const isUrgent = (item: ValidItem): boolean => ROSTER_KINDS.includes(item.payload.kind) || item.payload.kind === 'policy.set';

/**
 * Verifies signatures in the background and answers synchronously. Derivations read
 * {@link verdict}, which never waits: an entry not checked yet is `pending`, so opening a
 * workspace never waits on cryptography. {@link request} queues entries; they are checked in
 * batches (roster and policy first), yielding between batches, and listeners hear about each
 * batch's verdicts. Verdicts are cached by signature and payload together (a signature copied
 * onto another payload is a different entry).
 */
export class SignatureCache {
  private readonly verdicts = new EntryMap<'valid' | 'invalid'>();
  private readonly queued = new EntryMap<true>();
  private readonly queues: [ValidItem[], ValidItem[]] = [[], []];
  private readonly listeners = new Set<() => void>();
  private readonly idleWaiters: Array<() => void> = [];
  private readonly verify: VerifyFn;
  private readonly batchSize: number;
  private readonly yieldToUi: () => Promise<void>;
  private running = false;
  private disposed = false;
  private versionNo = 0;
  /** Counters for diagnostics and tests. */
  readonly stats = { verified: 0, valid: 0, invalid: 0, batches: 0, longestSliceMs: 0 };

  constructor(opts: SignatureCacheOptions = {}) {
    this.verify = opts.verify ?? verifySignature;
    this.batchSize = Math.max(1, opts.batchSize ?? 64);
    this.yieldToUi = opts.yieldToUi ?? defaultYield;
  }

  /** The verdict known now for an entry; `pending` until it has been checked. */
  verdict = (entry: SignedEntry): Verdict => this.verdicts.get(entry) ?? 'pending';

  /** Increases whenever new verdicts arrive (a snapshot for useSyncExternalStore). */
  get version(): number {
    return this.versionNo;
  }

  /** True while entries wait to be checked. */
  get busy(): boolean {
    return this.running || this.queues[0].length + this.queues[1].length > 0;
  }

  /** Queues the well-formed items not yet checked; returns at once. */
  request(items: Iterable<LogItem>): void {
    if (this.disposed) return;
    let added = false;
    for (const item of items) {
      if (!isWellFormed(item)) continue;
      if (this.verdicts.has(item.entry) || this.queued.has(item.entry)) continue;
      this.queued.set(item.entry, true);
      this.queues[isUrgent(item) ? 0 : 1].push(item);
      added = true;
    }
    if (added && !this.running) void this.run();
  }

  /** Resolves once every requested entry has a verdict. */
  settled(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Listens for new verdicts; returns the disposer. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops checking and forgets listeners (pending entries stay pending). */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    this.queues[0].length = 0;
    this.queues[1].length = 0;
  }

  private next(): ValidItem[] {
    const batch: ValidItem[] = [];
    for (const q of this.queues) {
      const take = q.splice(0, this.batchSize - batch.length);
      batch.push(...take);
      if (batch.length >= this.batchSize) break;
    }
    return batch;
  }

  private async check(item: ValidItem): Promise<'valid' | 'invalid'> {
    try {
      return (await this.verify(item.payload.by, signingBytes(item.entry.p), item.entry.s)) ? 'valid' : 'invalid';
    } catch {
      return 'invalid';
    }
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (let batch = this.next(); batch.length > 0 && !this.disposed; batch = this.next()) {
        // The synchronous work of a batch (before and after the checks run) is what blocks the UI.
        let sliceStart = now();
        const pending = Promise.all(batch.map((item) => this.check(item)));
        let slice = now() - sliceStart;
        const results = await pending;
        sliceStart = now();
        batch.forEach((item, i) => {
          const v = results[i]!;
          this.verdicts.set(item.entry, v);
          this.queued.delete(item.entry);
          this.stats.verified++;
          this.stats[v]++;
        });
        this.stats.batches++;
        this.versionNo++;
        for (const l of [...this.listeners]) l();
        slice = Math.max(slice, now() - sliceStart);
        this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, slice);
        await this.yieldToUi();
      }
    } finally {
      this.running = false;
      if (!this.busy) for (const w of this.idleWaiters.splice(0)) w();
    }
  }
}
