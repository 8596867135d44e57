import { applyAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import type { Reassembler, TransferProgress } from './frames.js';
import type { Outbox, PeerLink } from './peerLink.js';
import type { PeerStatus } from './status.js';
import type { DiffSlicer } from './slices.js';
import type * as Y from 'yjs';
import type { DocStateReader } from './docState.js';
import { stateVectorIs } from '../doc/yjsInternals.js';

/** What a {@link SyncSession} keeps about one connected peer (one link). */
export interface PeerConn {
  id: string;
  link: PeerLink;
  outbox: Outbox;
  reassembler: Reassembler;
  nextMsgId: number;
  clientId: number | null;
  /** The member on the other end, once it said hello (null for another window of ours). */
  memberId: string | null;
  /** Its hello arrived on this link. */
  heardHello: boolean;
  helloSentAt: number;
  lastHeardAt: number;
  lastPingAt: number;
  lastStateSentAt: number;
  rttMs: number | null;
  /** Their last reported state. */
  remote: { sv: Uint8Array; svMap: Map<number, number>; ds: string; pending: boolean; hold: boolean } | null;
  inSync: boolean;
  lastInSyncAt: number | null;
  /** Since when the copies are known or assumed to differ. */
  outOfSyncSince: number;
  /** Update messages we applied and have not acknowledged yet. */
  pendingAcks: number[];
  /** Our update messages awaiting acknowledgement: which local changes each carries. */
  sentCovers: Map<number, { seq: number; full: boolean }>;
  /** A diff being sent (msgId 0 until its last slice is queued). */
  diffInFlight: { msgId: number; at: number } | null;
  /** The slices of that diff still to make, and the local change its last slice confirms. */
  diffStream: { slicer: DiffSlicer; seq: number } | null;
  /** No slice of a diff goes out before this time (the link's `bulkDelayMs`). */
  bulkFrom: number;
  /** Slices sent and not acknowledged yet: message id → when sent (the sender's window). */
  slicesInFlight: Map<number, number>;
  awarenessClients: Set<number>;
  inbound: TransferProgress | null;
}

/** A fresh peer record for a new link. */
export function newPeerConn(init: Pick<PeerConn, 'id' | 'link' | 'outbox' | 'reassembler' | 'nextMsgId' | 'lastInSyncAt' | 'awarenessClients'> & { now: number }): PeerConn {
  const { now, ...rest } = init;
  return {
    ...rest,
    clientId: null,
    memberId: null,
    heardHello: false,
    helloSentAt: now,
    lastHeardAt: now,
    lastPingAt: now,
    lastStateSentAt: 0,
    rttMs: null,
    remote: null,
    inSync: false,
    outOfSyncSince: now,
    pendingAcks: [],
    sentCovers: new Map(),
    diffInFlight: null,
    diffStream: null,
    bulkFrom: now + (rest.link.bulkDelayMs ?? 0),
    slicesInFlight: new Map(),
    inbound: null,
  };
}

/** How a connected peer shows in the status. */
export function peerStatusOf(p: PeerConn): PeerStatus {
  const transfers = p.outbox.transfers();
  if (p.inbound) {
    const estimate = Math.round((p.inbound.bytes / p.inbound.received) * p.inbound.count);
    transfers.push({ direction: 'in', doneBytes: p.inbound.bytes, totalBytes: Math.max(p.inbound.bytes, estimate) });
  }
  return { peerId: p.id, clientId: p.clientId, memberId: p.memberId, connected: true, inSync: p.inSync, lastInSyncAt: p.lastInSyncAt, outOfSyncSince: p.inSync ? null : p.outOfSyncSince, lastHeardAt: p.lastHeardAt, rttMs: p.rttMs, transfers };
}

/**
 * Applies a peer's presence update and remembers which presence clients came with it (so they
 * leave with the peer). Returns false for an update that cannot be applied.
 */
export function applyPeerAwareness(awareness: Awareness, update: Uint8Array, p: PeerConn, selfClientId: number): boolean {
  try {
    const before = new Set(awareness.getStates().keys());
    applyAwarenessUpdate(awareness, update, `peer:${p.id}`);
    for (const id of awareness.getStates().keys()) if (!before.has(id) && id !== selfClientId) p.awarenessClients.add(id);
    if (p.clientId !== null && p.clientId !== selfClientId) p.awarenessClients.add(p.clientId);
    return true;
  } catch {
    return false;
  }
}

/**
 * The peers not in sync whose last reported state we now hold (after applying what peers sent).
 * Their next state message would say so too, but a peer that finds our acknowledgement equal to
 * its own state does not answer it, and its periodic one comes only every `stateIntervalMs`: a
 * joining laptop that had everything waited up to 2.5 s more to say so (bench P15). The state
 * vectors are compared without encoding ours (it differs at the first client during a join); the
 * delete-set hash is read only once they are equal (at the end of a join, not after each batch).
 */
export function caughtUpWith(peers: Iterable<PeerConn>, doc: Y.Doc, state: DocStateReader): PeerConn[] {
  const caught: PeerConn[] = [];
  for (const p of peers) {
    if (p.inSync || !p.remote || p.remote.pending || !stateVectorIs(doc, p.remote.svMap)) continue;
    const ours = state.read();
    if (ours.pending) return [];
    if (ours.ds === p.remote.ds) caught.push(p);
  }
  return caught;
}
