import type * as Y from 'yjs';
import { DEFERRABLE_KINDS, parseLogItem, peekKind, type LogItem } from './entries.js';
import { deriveGovernance, type Governance, type ReplayOrder } from './governance.js';
import { governanceLog, observeLog } from './log.js';
import { replayOrder } from './roster.js';
import { SignatureCache } from './verifier.js';

export interface GovernanceViewOptions {
  workspaceId: string;
  /** The creator's public key, as stored locally or taken from the invite. */
  trustedGenesisKey: string;
  /** Shared verdict cache (e.g. one per app); a new one by default. */
  cache?: SignatureCache;
  /** Clock for `now` (default Date.now). */
  clock?: () => number;
  /** Read every entry at once, in the first snapshot (tests; the default reads sign-offs in the background). */
  eager?: boolean;
  /** Main-thread time one background reading slice may take (default 8 ms; 0: 16 entries per slice). */
  sliceMs?: number;
  /** How to give the event loop back between background slices (default: scheduler.yield() where it exists, else a 0 ms timeout). */
  yieldToUi?: () => Promise<void>;
}

/** Main-thread time one background reading slice may take. */
const SLICE_MS = 8;
/** While signatures are being checked, listeners hear about new verdicts at most this often. */
const VERDICT_NOTIFY_MS = 100;

const DEFERRABLE = new Set<string>(DEFERRABLE_KINDS);

function defaultYield(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

const now = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * The governance state of one open workspace, kept current: it reads the log when it changes
 * (parsing each stored entry once), asks the cache to verify what is new, and derives a fresh
 * {@link Governance} only when something changed and someone asks. `subscribe`/`getSnapshot`
 * fit React's useSyncExternalStore. Constructing it does no work: nothing is read or verified
 * until the first snapshot is taken, so opening a workspace never waits for it.
 *
 * A year of work is thousands of signed sign-offs and incident entries. The first snapshot reads
 * at once only what the roster, the policy and admissions depend on (picked by {@link peekKind},
 * without parsing); approvals, releases, overrides and incident entries are read in the
 * background, in slices of a few milliseconds, and until they are all read the snapshot says how
 * many are left (`unread`) and every sign-off shows as still being checked. The replay order is
 * sorted again only when the set of read entries changes, not for each batch of verdicts.
 */
export class GovernanceView {
  readonly cache: SignatureCache;
  private readonly parsed = new Map<string, LogItem>();
  private readonly listeners = new Set<() => void>();
  private readonly stopLog: () => void;
  private readonly stopCache: () => void;
  private readonly clock: () => number;
  private readonly yieldToUi: () => Promise<void>;
  private log: LogItem[] | undefined;
  private order: ReplayOrder | undefined;
  /** Stored strings (and their places) the last read left for the background, and how far it got. */
  private unread: Array<{ raw: string; index: number }> = [];
  private cursor = 0;
  private reading = false;
  private disposed = false;
  private snapshot: Governance | undefined;
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Y.Doc,
    private readonly opts: GovernanceViewOptions,
  ) {
    this.cache = opts.cache ?? new SignatureCache();
    this.clock = opts.clock ?? Date.now;
    this.yieldToUi = opts.yieldToUi ?? defaultYield;
    this.stopLog = observeLog(doc, () => {
      this.log = undefined;
      this.changed();
    });
    this.stopCache = this.cache.subscribe(() => this.verdictsChanged());
  }

  /** Listens for changes of the log or new verdicts; returns the disposer. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current derivation (the same object until something changes). */
  getSnapshot = (): Governance => {
    if (!this.log) this.read();
    this.order ??= replayOrder(this.log!);
    this.snapshot ??= deriveGovernance(
      {
        workspaceId: this.opts.workspaceId,
        trustedGenesisKey: this.opts.trustedGenesisKey,
        log: this.log!,
        verdict: this.cache.verdict,
        now: this.clock(),
      },
      this.order,
      this.unread.length,
    );
    return this.snapshot;
  };

  /** Resolves once every stored entry has been read (not necessarily verified). */
  async readAll(): Promise<void> {
    this.getSnapshot();
    while (this.unread.length > 0 && !this.disposed) {
      await new Promise<void>((resolve) => setTimeout(resolve, 5));
      this.getSnapshot();
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.notifyTimer !== undefined) clearTimeout(this.notifyTimer);
    this.stopLog();
    this.stopCache();
    this.listeners.clear();
  }

  /** Reads the log: entries parsed before come from the cache; sign-offs new to it wait for the background unless `eager`. */
  private read(): void {
    const values = governanceLog(this.doc).toArray();
    const items: LogItem[] = [];
    const unread: Array<{ raw: string; index: number }> = [];
    // Looking a stored string up hashes it once (V8 keeps the hash): skip that while nothing was parsed.
    const lookup = this.parsed.size > 0;
    values.forEach((raw, index) => {
      const known = lookup && typeof raw === 'string' ? this.parsed.get(raw) : undefined;
      if (known) {
        items.push(known.index === index ? known : { ...known, index });
      } else if (!this.opts.eager && typeof raw === 'string' && DEFERRABLE.has(peekKind(raw) ?? '')) {
        unread.push({ raw, index });
      } else {
        const item = parseLogItem(raw, index);
        if (typeof raw === 'string') this.parsed.set(raw, item);
        items.push(item);
      }
    });
    this.log = items;
    this.order = undefined;
    this.unread = unread;
    this.cursor = 0;
    this.cache.request(items);
    if (unread.length > 0 && !this.reading) void this.readInBackground();
  }

  /**
   * Parses what the last read left, a slice at a time (each slice's entries are queued for
   * verification at once), then adds them to the log read (a new read if the log changed meanwhile).
   */
  private async readInBackground(): Promise<void> {
    this.reading = true;
    try {
      await this.yieldToUi(); // never inside the snapshot that found the work
      let done: LogItem[] = [];
      let source = this.unread;
      while (this.unread.length > 0 && !this.disposed) {
        if (source !== this.unread) {
          // The log changed and was read again: what was parsed meanwhile is in the cache.
          source = this.unread;
          done = [];
        }
        const start = now();
        const slice: LogItem[] = [];
        while (this.cursor < source.length) {
          const { raw, index } = source[this.cursor++]!;
          const item = this.parsed.get(raw) ?? parseLogItem(raw, index);
          this.parsed.set(raw, item);
          slice.push(item.index === index ? item : { ...item, index });
          if ((this.cursor & 15) === 0 && now() - start >= (this.opts.sliceMs ?? SLICE_MS)) break;
        }
        done = done.concat(slice);
        this.cache.request(slice);
        if (this.cursor >= source.length) {
          this.log = this.log ? [...this.log, ...done].sort((x, y) => x.index - y.index) : undefined;
          this.order = undefined;
          this.unread = [];
          this.changed();
          break;
        }
        await this.yieldToUi();
      }
    } finally {
      this.reading = false;
    }
  }

  private changed(): void {
    this.snapshot = undefined;
    if (this.notifyTimer !== undefined) {
      clearTimeout(this.notifyTimer);
      this.notifyTimer = undefined;
    }
    for (const l of [...this.listeners]) l();
  }

  /** New verdicts: the snapshot is derived again when asked; listeners hear at most every VERDICT_NOTIFY_MS while checks run. */
  private verdictsChanged(): void {
    this.snapshot = undefined;
    if (!this.cache.busy) {
      this.changed();
      return;
    }
    this.notifyTimer ??= setTimeout(() => {
      this.notifyTimer = undefined;
      if (!this.disposed) this.changed();
    }, VERDICT_NOTIFY_MS);
  }
}
