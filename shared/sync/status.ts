/**
 * The sync status a crisis team can trust: who is connected, who is in sync and since when,
 * what is on its way, and whether our own latest changes have reached anyone.
 */

/** A transfer of one large message to or from a peer. */
export interface TransferStatus {
  direction: 'in' | 'out';
  /** Bytes (out: frames sent × frame size; in: bytes received). */
  doneBytes: number;
  totalBytes: number;
}

/** One peer as the status shows it. */
export interface PeerStatus {
  /** Transport id of the peer (stable while its app keeps the workspace open). */
  peerId: string;
  /** The peer's Yjs client id (also its presence id), once it said hello. */
  clientId: number | null;
  connected: boolean;
  /** Its copy equals ours right now (as of its last report). */
  inSync: boolean;
  /** Last moment both copies were known to be equal (ms since epoch), null if never. */
  lastInSyncAt: number | null;
  /** Since when the copies differ (null while in sync). Edits make this blink briefly. */
  outOfSyncSince: number | null;
  /** Last frame heard from it. */
  lastHeardAt: number;
  /** Heartbeat round trip in ms. */
  rttMs: number | null;
  /** Large messages under way. */
  transfers: TransferStatus[];
  /** Why it left, when it is no longer connected. */
  leftBecause?: string;
}

/** The whole sync status of an open workspace. */
export interface SyncStatus {
  /** At least one peer is connected. */
  online: boolean;
  peers: PeerStatus[];
  /** Local changes (counted since the workspace opened) that no peer has confirmed holding. */
  unreachedChanges: number;
  /** When the oldest of those changes was made (null when there are none). */
  unreachedSince: number | null;
  /** Total local changes since the workspace opened. */
  localChanges: number;
}

/**
 * Whether to tell the user "your latest changes have not reached anyone yet": some change is
 * unconfirmed and either nobody is connected or it has waited longer than `graceMs`
 * (a connected peer normally confirms within a heartbeat).
 */
export function changesNotReachedAnyone(status: SyncStatus, now: number, graceMs = 2000): boolean {
  if (status.unreachedChanges === 0 || status.unreachedSince === null) return false;
  if (!status.online) return true;
  return now - status.unreachedSince >= graceMs;
}

/** Overall state for the top-bar indicator. */
export type SyncHeadline = 'offline' | 'alone' | 'syncing' | 'inSync' | 'unreached';

/** A peer differing for less than this is normal traffic (an edit on its way), not "syncing". */
export const SYNCING_AFTER_MS = 3000;

/**
 * Sums the status up in one word: offline (no signaling and no peers), alone (reachable but no
 * peer connected), syncing (a peer differs for a while or a transfer runs), inSync, or unreached.
 */
export function headline(status: SyncStatus, signalingUp: boolean, now: number): SyncHeadline {
  if (changesNotReachedAnyone(status, now)) return 'unreached';
  const connected = status.peers.filter((p) => p.connected);
  if (connected.length === 0) return signalingUp ? 'alone' : 'offline';
  const lagging = (p: PeerStatus) => !p.inSync && (p.lastInSyncAt === null || (p.outOfSyncSince !== null && now - p.outOfSyncSince >= SYNCING_AFTER_MS));
  if (connected.some((p) => lagging(p) || p.transfers.length > 0)) return 'syncing';
  return 'inSync';
}
