import type * as Y from 'yjs';
import type { Governance } from '../../../shared/governance';
import type { YCollection } from '../../../shared/doc/collection';
import { inboxSettled, pendingSignoffFor, reviewerOf, sortPending, type PendingSignoff, type Reviewer } from '../../../shared/statements/inbox';
import { statementsOf } from '../../../shared/statements/store';

/**
 * Keeps the "awaiting your sign-off" list (shared/statements/inbox.ts) of the open workspace off
 * the paths that must stay fast. The statements collection is observed deeply — that observer
 * fires on every keystroke in any statement — so the observer only notes *which* statement
 * changed; the list is worked out later, once changes pause (or at the latest `maxWaitMs` after
 * the first one) and the page is idle, and then only for the statements that changed (a change
 * of the governance log, its verdicts or the person re-checks them all). Reading the governance
 * log also happens there, never while a workspace opens; while the roster is being verified or
 * sign-offs are still being read, the list shown stays as it was. A person with no reviewer role costs
 * one cheap observer call per change and nothing else.
 */

/** Timers, injectable for tests. `idle` runs `fn` when the page is idle (within `timeoutMs`). */
export interface InboxScheduler {
  now: () => number;
  later: (fn: () => void, ms: number) => () => void;
  idle: (fn: () => void, timeoutMs: number) => () => void;
}

export const browserScheduler: InboxScheduler = {
  now: () => performance.now(),
  later: (fn, ms) => {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
  idle: (fn, timeoutMs) => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => fn(), { timeout: timeoutMs });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(fn, 0);
    return () => clearTimeout(id);
  },
};

export interface InboxWatcherOptions {
  scheduler?: InboxScheduler;
  /** Quiet time after the last change before working the list out (ms). */
  quietMs?: number;
  /** Longest wait after the first change of a burst (ms); with `idleMs`, the list is ≤ 1 s late. */
  maxWaitMs?: number;
  /** Longest wait for an idle moment (ms). */
  idleMs?: number;
}

/** Where the governance comes from: read only when the list is worked out. */
export interface GovernanceSource {
  getSnapshot: () => Governance;
  subscribe: (listener: () => void) => () => void;
}

const EMPTY: readonly PendingSignoff[] = Object.freeze([]);

export class SignoffInboxWatcher {
  private readonly colls: YCollection[];
  private readonly scheduler: InboxScheduler;
  private readonly quietMs: number;
  private readonly maxWaitMs: number;
  private readonly idleMs: number;
  private readonly listeners = new Set<() => void>();
  private readonly pending = new Map<string, PendingSignoff>();
  private readonly dirty = new Set<string>();
  private source: GovernanceSource | null = null;
  private key = '';
  private all = true;
  private roles = false;
  private list: readonly PendingSignoff[] = EMPTY;
  private signature = '';
  private firstAt = 0;
  private lastAt = 0;
  private cancel: (() => void) | null = null;
  /** How many times the list was worked out (for tests and benches). */
  runs = 0;

  /** `doc`: the workspace's document; `more`: restricted rooms' documents open on this laptop (their statements are signed off in the same log). */
  constructor(doc: Y.Doc, opts: InboxWatcherOptions = {}, more: readonly Y.Doc[] = []) {
    this.colls = [doc, ...more].map((d) => statementsOf(d));
    this.scheduler = opts.scheduler ?? browserScheduler;
    this.quietMs = opts.quietMs ?? 300;
    this.maxWaitMs = opts.maxWaitMs ?? 600;
    this.idleMs = opts.idleMs ?? 300;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): readonly PendingSignoff[] => this.list;

  /** Starts watching for the person with public key `key`; returns the disposer. */
  start(source: GovernanceSource | null, key: string): () => void {
    this.source = source;
    this.key = key;
    this.all = true;
    for (const c of this.colls) c.observeDeep(this.onChange);
    const stopSource = source ? source.subscribe(this.onGovernance) : () => {};
    this.schedule();
    return () => {
      for (const c of this.colls) c.unobserveDeep(this.onChange);
      stopSource();
      this.cancel?.();
      this.cancel = null;
      this.source = null;
    };
  }

  private readonly onGovernance = (): void => {
    this.all = true;
    this.schedule();
  };

  private readonly onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    // Nobody to sign as: a change of roles comes through the governance log, which re-checks everything.
    if (!this.roles && !this.all) return;
    for (const e of events) {
      if (this.colls.includes(e.target as YCollection)) {
        for (const k of e.keys.keys()) this.dirty.add(k);
      } else {
        const id = e.path[0];
        if (typeof id === 'string') this.dirty.add(id);
      }
    }
    this.schedule();
  };

  private schedule(): void {
    const now = this.scheduler.now();
    this.lastAt = now;
    if (this.cancel) return;
    this.firstAt = now;
    this.cancel = this.scheduler.later(this.tick, this.quietMs);
  }

  private readonly tick = (): void => {
    const now = this.scheduler.now();
    const quietFor = now - this.lastAt;
    const waited = now - this.firstAt;
    if (quietFor < this.quietMs && waited < this.maxWaitMs) {
      this.cancel = this.scheduler.later(this.tick, Math.max(1, Math.min(this.quietMs - quietFor, this.maxWaitMs - waited)));
      return;
    }
    this.cancel = this.scheduler.idle(this.run, this.idleMs);
  };

  private readonly run = (): void => {
    this.cancel = null;
    this.runs++;
    const gov = this.source ? this.source.getSnapshot() : null;
    if (gov && !inboxSettled(gov)) {
      // Still verifying or reading the log: keep the list shown (no flicker); the view tells us when it has more.
      this.all = true;
      return;
    }
    const reviewer: Reviewer = reviewerOf(gov, this.key);
    this.roles = reviewer.roles.length > 0;
    if (!gov || !this.roles) {
      this.pending.clear();
      this.dirty.clear();
      this.all = false;
      this.publish();
      return;
    }
    const ids = this.all ? this.colls.flatMap((c) => [...c.keys()]) : [...this.dirty];
    if (this.all) this.pending.clear();
    this.all = false;
    this.dirty.clear();
    for (const id of ids) {
      const rec = this.recordOf(id);
      const p = rec ? pendingSignoffFor(rec, gov, reviewer) : null;
      if (p) this.pending.set(id, p);
      else this.pending.delete(id);
    }
    this.publish();
  };

  private recordOf(id: string) {
    for (const c of this.colls) {
      const rec = c.get(id);
      if (rec) return rec;
    }
    return undefined;
  }

  private publish(): void {
    const next = sortPending([...this.pending.values()]);
    const signature = next.map((p) => `${p.statementId}:${p.roles.join(',')}:${p.title}:${p.drill}`).join('|');
    if (signature === this.signature) return;
    this.signature = signature;
    this.list = next.length ? next : EMPTY;
    for (const l of [...this.listeners]) l();
  }
}
