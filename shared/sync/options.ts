import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { DeliveryLedger } from './delivery.js';
import type { ApplyPacing } from './applyQueue.js';

/** Timing and size settings of a sync session (defaults suit a LAN of laptops). */
export interface SyncTimings {
  /** Heartbeat interval. */
  heartbeatMs: number;
  /** A peer heard nothing from for this long is declared gone and its link closed. */
  deadAfterMs: number;
  /** Interval of the periodic state comparison while connected. */
  stateIntervalMs: number;
  /** A full diff not confirmed within this time may be sent again. */
  diffRetryMs: number;
  /** How long incomplete messages are kept without a new frame. */
  staleTransferMs: number;
}

export const DEFAULT_TIMINGS: SyncTimings = { heartbeatMs: 1000, deadAfterMs: 2500, stateIntervalMs: 2500, diffRetryMs: 15000, staleTransferMs: 30000 };

/** Options of {@link SyncSession}. */
export interface SyncSessionOptions {
  doc: Y.Doc;
  /** Peers holding another workspace are refused. */
  workspaceId: string;
  /** Presence; the session sends our state and applies peers'. */
  awareness?: Awareness | null;
  /** Clock (injectable for tests). */
  now?: () => number;
  timings?: Partial<SyncTimings>;
  maxFrameBytes?: number;
  maxMessageBytes?: number;
  /** Bound of one slice of a diff (a big state goes in slices, applied one task each; default 32 KiB). */
  sliceBytes?: number;
  /**
   * Received updates applied in paced batches, one transaction per task (applyQueue.ts); and the
   * slices of a diff made for a peer at most `budgetMs` per task (diffSender.ts). Without it each
   * update is applied the moment it arrives and slices are made while the link has room.
   */
  applyPacing?: ApplyPacing | null;
  /** Large messages pause while the link buffers more than this. */
  highWaterBytes?: number;
  /** Which of our edits each member holds; pass a restored one to keep counts across restarts. */
  ledger?: DeliveryLedger;
  /** Who we are to the others: a stable member id (this laptop's profile), name and colour. */
  member?: { id: string; name: string; color: string | null };
  /** Whether a transaction with this origin is a local edit (default: anything not 'remote'). */
  isLocalChange?: (origin: unknown) => boolean;
  /**
   * Which peers met here are team members (the verified roster): only they count for delivery and
   * get a status row (shared/sync/delivery.ts `MemberFilter`). Default: everyone. Asked on each status.
   */
  isMember?: (member: { id: string; name: string }) => boolean;
}

/** Why a peer left, as reported in the status. */
export type LeaveReason = 'timeout' | 'closed' | 'broken' | 'refused';
