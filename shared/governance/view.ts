import type * as Y from 'yjs';
import type { LogItem } from './entries.js';
import { deriveGovernance, type Governance } from './governance.js';
import { observeLog, readLog } from './log.js';
import { SignatureCache } from './verifier.js';

export interface GovernanceViewOptions {
  workspaceId: string;
  /** The creator's public key, as stored locally or taken from the invite. */
  trustedGenesisKey: string;
  /** Shared verdict cache (e.g. one per app); a new one by default. */
  cache?: SignatureCache;
  /** Clock for `now` (default Date.now). */
  clock?: () => number;
}

/**
 * The governance state of one open workspace, kept current: it reads the log when it changes
 * (parsing each stored entry once), asks the cache to verify what is new, and derives a fresh
 * {@link Governance} only when something changed and someone asks. `subscribe`/`getSnapshot`
 * fit React's useSyncExternalStore. Constructing it does no work: nothing is read or verified
 * until the first snapshot is taken, so opening a workspace never waits for it.
 */
export class GovernanceView {
  readonly cache: SignatureCache;
  private readonly parsed = new Map<string, LogItem>();
  private readonly listeners = new Set<() => void>();
  private readonly stopLog: () => void;
  private readonly stopCache: () => void;
  private readonly clock: () => number;
  private log: LogItem[] | undefined;
  private snapshot: Governance | undefined;

  constructor(
    private readonly doc: Y.Doc,
    private readonly opts: GovernanceViewOptions,
  ) {
    this.cache = opts.cache ?? new SignatureCache();
    this.clock = opts.clock ?? Date.now;
    this.stopLog = observeLog(doc, () => {
      this.log = undefined;
      this.changed();
    });
    this.stopCache = this.cache.subscribe(() => this.changed());
  }

  /** Listens for changes of the log or new verdicts; returns the disposer. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current derivation (the same object until something changes). */
  getSnapshot = (): Governance => {
    if (!this.log) {
      this.log = readLog(this.doc, this.parsed);
      this.cache.request(this.log);
    }
    this.snapshot ??= deriveGovernance({
      workspaceId: this.opts.workspaceId,
      trustedGenesisKey: this.opts.trustedGenesisKey,
      log: this.log,
      verdict: this.cache.verdict,
      now: this.clock(),
    });
    return this.snapshot;
  };

  dispose(): void {
    this.stopLog();
    this.stopCache();
    this.listeners.clear();
  }

  private changed(): void {
    this.snapshot = undefined;
    for (const l of [...this.listeners]) l();
  }
}
