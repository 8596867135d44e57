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
  /** The member it belongs to, once it said hello (null: another window of ours, or not yet). */
  memberId?: string | null;
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

/** One member of the room as the status shows it: connected or not, named either way. */
export interface MemberStatus {
  memberId: string;
  name: string;
  color: string | null;
  connected: boolean;
  /** Its best connected link (null while it is away). */
  peer: PeerStatus | null;
  lastSeenAt: number;
  /** Last moment its copy equalled ours (null: never). */
  lastInSyncAt: number | null;
  /** Our changes it is not known to hold. */
  undelivered: number;
}

/** The whole sync status of an open workspace. */
export interface SyncStatus {
  /** At least one peer is connected. */
  online: boolean;
  peers: PeerStatus[];
  /** Every member ever met in this workspace from here, one row each (ourselves excluded). */
  members: MemberStatus[];
  /** Some member was ever met (else unsent changes have no one to go to yet). */
  hasMembers: boolean;
  /** Our local changes (kept across restarts) that no member is known to hold. */
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
  // No member was ever here: there is no one to send them to (not a delivery failure), also while
  // a non-member link is up (e.g. this app's own print window).
  if (!status.hasMembers) return false;
  if (!status.online) return true;
  return now - status.unreachedSince >= graceMs;
}

/** Overall state for the top-bar indicator. */
export type SyncHeadline = 'offline' | 'alone' | 'syncing' | 'inSync' | 'unreached' | 'keyMismatch';

/** A peer differing for less than this is normal traffic (an edit on its way), not "syncing". */
export const SYNCING_AFTER_MS = 3000;

/**
 * Sums the status up in one word: offline (no signaling and no peers), alone (reachable but no
 * peer connected), syncing (a peer differs for a while or a transfer runs), inSync, or unreached.
 */
export function headline(status: SyncStatus, signalingUp: boolean, now: number): SyncHeadline {
  if (changesNotReachedAnyone(status, now)) return 'unreached';
  const connected = teamLinks(status);
  if (connected.length === 0) return signalingUp ? 'alone' : 'offline';
  if (connected.some((p) => peerState(p, now) === 'syncing')) return 'syncing';
  return 'inSync';
}

/**
 * The headline when the workspace's lobby may know more: while no peer is connected and laptops
 * of this workspace are reachable with another room key (`keyMismatch`), that is what to say —
 * "waiting for others" would be false, and no change can reach anyone until the keys match.
 */
export function headlineWithKey(status: SyncStatus, signalingUp: boolean, now: number, keyMismatch: boolean): SyncHeadline {
  if (keyMismatch && signalingUp && teamLinks(status).length === 0) return 'keyMismatch';
  return headline(status, signalingUp, now);
}

/**
 * Connected links that count for the headline: a link of a peer that said which member it is counts
 * only when that member has a row (is a team member); one that did not say (our own other window,
 * or not yet greeted) counts as before.
 */
export function teamLinks(status: Pick<SyncStatus, 'peers' | 'members'>): PeerStatus[] {
  const rows = new Set(status.members.map((m) => m.memberId));
  return status.peers.filter((p) => p.connected && (!p.memberId || rows.has(p.memberId)));
}

/**
 * How one peer link shows (the same rule as the headline, so a row never says "syncing" while the
 * headline says "in sync"): offline, syncing (it differs for a while or a transfer runs), inSync.
 */
export function peerState(p: PeerStatus, now: number): 'offline' | 'syncing' | 'inSync' {
  if (!p.connected) return 'offline';
  const lagging = !p.inSync && (p.lastInSyncAt === null || (p.outOfSyncSince !== null && now - p.outOfSyncSince >= SYNCING_AFTER_MS));
  return lagging || p.transfers.length > 0 ? 'syncing' : 'inSync';
}
