import * as Y from 'yjs';
import * as map from 'lib0/map';
import { encodeAwarenessUpdate, removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import { DEFAULT_MAX_MESSAGE_BYTES, MAX_FRAME_BYTES, Reassembler, parseFrame } from './frames.js';
import { PROTOCOL_VERSION, decodeMessage, encodeMessage, syncMessageSchema, type SyncMessage } from './messages.js';
import { DocStateReader, compareStateVectors, readStateVector } from './docState.js';
import { DiffSender, SLICE_WINDOW } from './diffSender.js';
import { ApplyQueue, type AppliedBatch } from './applyQueue.js';
import { FeedTracker } from './feeder.js';
import { Outbox, type PeerLink } from './peerLink.js';
import { applyPeerAwareness, caughtUpWith, newPeerConn, peerStatusOf, type PeerConn } from './peerConn.js';
import { DEFAULT_TIMINGS, type LeaveReason, type SyncSessionOptions, type SyncTimings } from './options.js';
import { DeliveryLedger, deliveryStatus } from './delivery.js';
import type { PeerStatus, SyncStatus } from './status.js';
import { hasPendingUpdates } from '../doc/yjsInternals.js';
import { docUpdates, v1Of, type DocUpdate } from '../doc/updateHub.js';
export { DEFAULT_TIMINGS, type LeaveReason, type SyncSessionOptions, type SyncTimings };

/**
 * The sync protocol of one open workspace, independent of any transport. Peers are added with a
 * {@link PeerLink}; their frames are fed to {@link receive}; {@link tick} runs heartbeats, periodic
 * state comparison and dead-link detection. Convergence does not depend on any single message
 * arriving: whenever two peers' states differ, the next comparison sends what is missing.
 */
export class SyncSession {
  readonly doc: Y.Doc;
  private readonly workspaceId: string;
  private readonly awareness: Awareness | null;
  private readonly now: () => number;
  private readonly t: SyncTimings;
  private readonly maxFrameBytes: number;
  private readonly maxMessageBytes: number;
  private readonly highWaterBytes: number;
  private readonly diffs: DiffSender;
  private readonly schema: ReturnType<typeof syncMessageSchema>;
  private readonly state: DocStateReader;
  /** Which of our edits each member holds (persisted by the owner of the session). */
  readonly ledger: DeliveryLedger;
  private readonly self: { id: string; name: string; color: string | null };
  private readonly isLocalChange: (origin: unknown) => boolean;
  private readonly peers = new Map<string, PeerConn>();
  private readonly departed = new Map<string, PeerStatus>();
  /** Next message id per peer, kept across links (relay → WebRTC): the other side's reassembler must not take new messages for old ones. */
  private readonly msgIds = new Map<string, number>();
  /** Reassembly per peer, also kept across links: a message begun on the old link completes on the new one (ids are unique per peer). */
  private readonly reassemblers = new Map<string, Reassembler>();
  private readonly listeners = new Set<() => void>();
  private readonly deadListeners = new Set<(peerId: string, reason: LeaveReason) => void>();
  private readonly inbox: ApplyQueue;
  private readonly stopListening: () => void;
  private readonly feed = new FeedTracker(() => this.now());
  private destroyed = false;
  /** Counters for tests and diagnostics (bytes received, slices sent, longest apply/slice in ms). */
  readonly stats = { badFrames: 0, badMessages: 0, badUpdates: 0, diffsSent: 0, updatesSent: 0, updatesApplied: 0, bytesIn: 0, slicesSent: 0, applyMs: 0, longestApplyMs: 0, longestEncodeMs: 0, pendingBatches: 0 };

  constructor(opts: SyncSessionOptions) {
    this.doc = opts.doc;
    this.workspaceId = opts.workspaceId;
    this.awareness = opts.awareness ?? null;
    this.now = opts.now ?? (() => Date.now());
    this.t = { ...DEFAULT_TIMINGS, ...opts.timings };
    this.maxFrameBytes = Math.min(opts.maxFrameBytes ?? MAX_FRAME_BYTES, MAX_FRAME_BYTES);
    this.maxMessageBytes = opts.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.highWaterBytes = opts.highWaterBytes ?? 1024 * 1024;
    this.schema = syncMessageSchema(this.maxMessageBytes);
    this.state = new DocStateReader(this.doc);
    this.ledger = opts.ledger ?? new DeliveryLedger();
    this.self = opts.member ?? { id: `c${this.doc.clientID}`, name: '', color: null };
    if (opts.isMember) this.ledger.memberFilter = opts.isMember;
    // A change is ours unless a peer sent it or local storage loaded it (the owner says which).
    this.isLocalChange = opts.isLocalChange ?? ((origin) => origin !== 'remote');
    this.ledger.reconcile(Y.decodeStateVector(Y.encodeStateVector(this.doc)), this.now());
    this.diffs = new DiffSender({ doc: this.doc, ledger: this.ledger, sliceBytes: opts.sliceBytes, deleteSet: () => this.state.deleteSet(), now: this.now, stats: this.stats, send: (p, m) => this.send(p, m), pacing: opts.applyPacing });
    this.inbox = new ApplyQueue(this.doc, opts.applyPacing ?? null, (b) => this.applied(b, !!opts.applyPacing));
    // Through the document's hub, as local storage listens: Yjs encodes each transaction once at most.
    this.stopListening = docUpdates(this.doc).on(this.onDocUpdate);
    this.awareness?.on('update', this.onAwarenessUpdate);
  }

  /** Listens to any status change; returns the disposer. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listens to peers the session drops (dead link, refused); returns the disposer. */
  onPeerLeft(listener: (peerId: string, reason: LeaveReason) => void): () => void {
    this.deadListeners.add(listener);
    return () => this.deadListeners.delete(listener);
  }

  /**
   * Starts talking to a newly connected peer. A new link to a peer we already talk to replaces the
   * old one (e.g. WebRTC taking over from the signaling relay): its presence is kept.
   */
  addPeer(peerId: string, link: PeerLink): void {
    if (this.destroyed) return;
    const previous = this.peers.get(peerId);
    if (previous) this.removePeer(peerId, 'closed', true);
    const now = this.now();
    const before = this.departed.get(peerId);
    this.departed.delete(peerId);
    const p = newPeerConn({
      id: peerId,
      link,
      now,
      outbox: new Outbox(link, this.maxFrameBytes, this.highWaterBytes),
      reassembler: map.setIfUndefined(this.reassemblers, peerId, () => new Reassembler({ maxMessageBytes: this.maxMessageBytes, maxPartials: 8, staleAfterMs: this.t.staleTransferMs }, this.maxFrameBytes)),
      nextMsgId: this.msgIds.get(peerId) ?? 1,
      lastInSyncAt: before?.lastInSyncAt ?? null,
      awarenessClients: previous?.awarenessClients ?? new Set(),
    });
    this.peers.set(peerId, p);
    this.sendHello(p);
    this.sendState(p, false);
    const local = this.awareness?.getLocalState();
    // Re-set our presence so its clock moves on: a peer that dropped us ignores an unchanged clock.
    if (this.awareness && local) this.awareness.setLocalState({ ...local });
    this.flush(p);
    this.changed();
  }

  /** Forgets a peer whose link closed (`keepPresence` when another link replaces it). */
  removePeer(peerId: string, reason: LeaveReason = 'closed', keepPresence = false): void {
    const p = this.peers.get(peerId);
    if (!p) return;
    this.peers.delete(peerId);
    this.feed.forget(peerId);
    if (!keepPresence && this.awareness && p.awarenessClients.size > 0) removeAwarenessStates(this.awareness, [...p.awarenessClients], 'peer-left');
    this.departed.set(peerId, { ...peerStatusOf(p), connected: false, inSync: false, transfers: [], leftBecause: reason });
    while (this.departed.size > 32) {
      const oldest = this.departed.keys().next().value!;
      this.departed.delete(oldest);
      this.msgIds.delete(oldest);
      this.reassemblers.delete(oldest);
    }
    this.changed();
  }

  /** Feeds one frame received from `peerId`. */
  receive(peerId: string, bytes: Uint8Array): void {
    const p = this.peers.get(peerId);
    if (!p) return;
    p.lastHeardAt = this.now();
    this.stats.bytesIn += bytes.length;
    const frame = parseFrame(bytes, this.maxFrameBytes);
    if (!frame) return void this.stats.badFrames++;
    const whole = p.reassembler.push(frame, p.lastHeardAt, (progress) => {
      p.inbound = progress.received < progress.count ? progress : null;
      this.changed();
    });
    if (!whole) return;
    const msg = decodeMessage(whole, this.schema);
    if (!msg) return void this.stats.badMessages++;
    this.handle(p, frame.msgId, msg);
    // Work done on our side (applying a large update) must not count as the peer's silence.
    p.lastHeardAt = this.now();
    if (this.peers.get(peerId) === p) this.flush(p);
  }

  /** Heartbeats, periodic state comparison, acknowledgements, dead-link detection. Call often (≈ 100–250 ms). */
  tick(): void {
    const now = this.now();
    for (const p of [...this.peers.values()]) {
      if (now - p.lastHeardAt > this.t.deadAfterMs) {
        this.drop(p, 'timeout');
        continue;
      }
      if (now - p.lastPingAt >= this.t.heartbeatMs) {
        p.lastPingAt = now;
        this.send(p, { t: 'ping', at: now });
      }
      if (p.pendingAcks.length > 0 || now - p.lastStateSentAt >= this.t.stateIntervalMs) this.sendState(p, false);
      if (p.diffInFlight && now - p.diffInFlight.at > this.t.diffRetryMs) p.diffInFlight = null;
      if (p.reassembler.sweep(now).length > 0) p.inbound = null;
      this.flush(p);
    }
    // Incomplete messages of peers that left are let go too.
    for (const [id, r] of this.reassemblers) if (!this.peers.has(id)) r.sweep(now);
  }

  /** Sends queued frames that the links can take now (call when a link's buffer drains). */
  pump(peerId?: string): void {
    for (const p of this.peers.values()) if (peerId === undefined || p.id === peerId) this.flush(p);
  }

  /** Ids of connected peers. */
  peerIds(): string[] {
    return [...this.peers.keys()];
  }

  /** The current sync status. */
  status(): SyncStatus {
    const peers = [...this.peers.values()].map((p) => peerStatusOf(p));
    for (const d of this.departed.values()) peers.push(d);
    return { online: this.peers.size > 0, peers, ...deliveryStatus(this.ledger, this.self.id, peers, this.ledger.memberFilter) };
  }

  /** Changes our display name and colour (told to peers on their next hello). */
  setMember(name: string, color: string | null): void {
    this.self.name = name;
    this.self.color = color;
  }

  /** Stops listening to the document and forgets every peer (links are left to their owner). */
  destroy(): void {
    if (this.destroyed) return;
    for (const id of [...this.peers.keys()]) this.removePeer(id, 'closed');
    this.destroyed = true;
    this.stopListening();
    this.inbox.stop();
    this.awareness?.off('update', this.onAwarenessUpdate);
    this.state.destroy();
    this.listeners.clear();
    this.deadListeners.clear();
  }

  private handle(p: PeerConn, msgId: number, msg: SyncMessage): void {
    switch (msg.t) {
      case 'hello':
        if (msg.workspace !== this.workspaceId || msg.v !== PROTOCOL_VERSION) return this.drop(p, 'refused');
        p.heardHello = true;
        p.clientId = msg.clientId;
        p.memberId = msg.member === this.self.id ? null : msg.member;
        if (p.memberId) this.ledger.seen(p.memberId, msg.name, msg.color, this.now());
        // Its state may have come before its hello (frames of two links): count it now.
        if (p.remote) this.confirmMember(p);
        this.changed();
        break;
      case 'ping':
        this.send(p, { t: 'pong', at: msg.at });
        break;
      case 'pong':
        p.rttMs = Math.max(0, this.now() - msg.at);
        break;
      case 'awareness':
        return this.applyAwareness(p, msg.update);
      case 'update':
        return this.inbox.push({ peerId: p.id, msgId, update: msg.update, slice: msg.seq === 0 && !msg.full });
      case 'state':
        return this.onState(p, msg);
    }
  }

  /** Updates applied (now, or a paced batch): counted, acknowledged on the link their peer has now. */
  private applied(b: AppliedBatch, paced: boolean): void {
    const st = this.stats;
    [st.updatesApplied, st.badUpdates, st.applyMs, st.longestApplyMs] = [st.updatesApplied + b.updates.length - b.bad, st.badUpdates + b.bad, st.applyMs + b.ms, Math.max(st.longestApplyMs, b.ms)];
    if (hasPendingUpdates(this.doc)) st.pendingBatches++; // batches after which updates wait for earlier ones
    const ack = new Set<PeerConn>();
    for (const u of b.updates) {
      const p = this.peers.get(u.peerId);
      if (u.slice) this.feed.noteSlice(u.peerId);
      if (p && p.pendingAcks.push(u.msgId) && (u.slice || p.pendingAcks.length >= 256)) ack.add(p);
    }
    // Slices are acknowledged every few at once (a paced batch: at once): the sender's window waits for them.
    for (const p of ack) {
      if (p.pendingAcks.length >= (paced ? 1 : SLICE_WINDOW / 2)) this.sendState(p, true, paced);
      if (paced) this.flush(p);
    }
    // Peers whose last reported state we now hold are in sync now (caughtUpWith, peerConn.ts).
    const caught = caughtUpWith(this.peers.values(), this.doc, this.state);
    for (const p of caught) {
      [p.inSync, p.lastInSyncAt] = [true, this.now()];
      this.confirmMember(p);
    }
    if (caught.length > 0) this.changed();
  }

  private onState(p: PeerConn, msg: Extract<SyncMessage, { t: 'state' }>): void {
    const svMap = readStateVector(msg.sv);
    if (!svMap) {
      this.stats.badMessages++;
      return;
    }
    p.remote = { sv: msg.sv, svMap, ds: msg.ds, pending: msg.pending, hold: msg.hold };
    this.diffs.remoteState(p, msg.hold, svMap);
    if (!msg.heard && this.now() - p.helloSentAt > 1000) this.sendHello(p);
    for (const id of msg.acks) {
      p.slicesInFlight.delete(id);
      const cover = p.sentCovers.get(id);
      p.sentCovers.delete(id);
      if (p.diffInFlight?.msgId === id) p.diffInFlight = null;
      if (!cover || msg.pending || cover.seq === 0 || !p.memberId) continue;
      this.ledger.confirmSeq(p.memberId, cover.seq, cover.full);
    }
    const ours = this.state.read();
    const cmp = compareStateVectors(ours.svMap, svMap);
    const dsDiffers = ours.ds !== msg.ds;
    const wasInSync = p.inSync;
    p.inSync = !cmp.aHasMore && !cmp.bHasMore && !dsDiffers && !msg.pending && !ours.pending;
    if (!p.inSync && wasInSync) p.outOfSyncSince = this.now();
    this.confirmMember(p);
    if (p.inSync) {
      p.lastInSyncAt = this.now();
      // Tell it too: it may hold our report from before a change it sent us (not due for 2.5 s).
      if (!wasInSync && !msg.reply) this.sendState(p, true);
    } else {
      // Removals alone are sent once the peer holds nothing we lack (a joining laptop sends its own diff once, not while it catches up).
      if ((cmp.aHasMore || (dsDiffers && !cmp.bHasMore)) && !p.diffInFlight && !msg.hold) this.diffs.start(p, msg.sv);
      if (!msg.reply && (cmp.bHasMore || dsDiffers)) this.sendState(p, true);
    }
    if (p.inSync !== wasInSync || p.inSync) this.changed();
  }

  private sendHello(p: PeerConn): void {
    p.helloSentAt = this.now();
    this.send(p, { t: 'hello', v: PROTOCOL_VERSION, workspace: this.workspaceId, clientId: this.doc.clientID, member: this.self.id, name: this.self.name, color: this.self.color });
  }

  /** `ack`: an acknowledgement while catching up with `p` may carry the delete-set hash last computed. */
  private sendState(p: PeerConn, reply: boolean, ack = false): void {
    const s = this.state.read(ack && !!p.remote && compareStateVectors(this.state.read(true).svMap, p.remote.svMap).bHasMore);
    const acks = p.pendingAcks.splice(0, 512);
    this.send(p, { t: 'state', sv: s.sv, ds: s.ds, pending: s.pending, reply, heard: p.heardHello, hold: this.feed.holdFor(p.id), acks });
    p.lastStateSentAt = this.now();
  }

  private applyAwareness(p: PeerConn, update: Uint8Array): void {
    if (this.awareness && !applyPeerAwareness(this.awareness, update, p, this.doc.clientID)) this.stats.badMessages++;
  }

  /** Tells the ledger what this peer's member holds (its last reported state). */
  private confirmMember(p: PeerConn): void {
    if (p.memberId && p.remote) this.ledger.confirm(p.memberId, p.remote.svMap, p.inSync, this.now());
  }

  private readonly onDocUpdate = (change: DocUpdate, origin: unknown, tr: Y.Transaction): void => {
    if (this.destroyed) return;
    // Any change makes every copy differ from ours until its holder reports again.
    for (const p of this.peers.values()) {
      if (p.inSync) p.outOfSyncSince = this.now();
      p.inSync = false;
    }
    // Skip only what we are applying; an observer's own write in reaction (another origin) goes out like any other.
    if (this.inbox.busy && origin === 'remote') return;
    // Only edits made here are "ours" (not a load from local storage); typing and undo count too.
    const seq = this.isLocalChange(origin) ? this.ledger.recordTransaction(this.doc.clientID, tr, this.now()) : 0;
    // Peers get V1 updates (the wire format: another session's batch came as such, merged checked: updateHub.ts v1Of); a large change (a merged backup) goes as a sliced diff.
    const size = change.format === 'v2' ? change.update.length : change.updates.reduce((n, u) => n + u.length, 0);
    const update = size > this.diffs.sliceBytes || this.peers.size === 0 ? null : v1Of(change);
    for (const p of this.peers.values()) {
      if (!update || update.length > this.diffs.sliceBytes) {
        if (p.remote && !p.diffInFlight && !p.remote.hold) this.diffs.start(p, p.remote.sv);
        this.flush(p);
        continue;
      }
      const msgId = this.send(p, { t: 'update', update, seq, full: false });
      if (seq > 0) p.sentCovers.set(msgId, { seq, full: false });
      this.stats.updatesSent++;
      this.flush(p);
    }
    if (seq > 0) this.changed();
  };

  private readonly onAwarenessUpdate = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (origin !== 'local' || !this.awareness) return;
    const mine = this.doc.clientID;
    if (![...change.added, ...change.updated, ...change.removed].includes(mine)) return;
    const update = encodeAwarenessUpdate(this.awareness, [mine]);
    for (const p of this.peers.values()) {
      this.send(p, { t: 'awareness', update });
      this.flush(p);
    }
  };

  private send(p: PeerConn, msg: SyncMessage): number {
    const msgId = p.nextMsgId++;
    this.msgIds.set(p.id, p.nextMsgId);
    p.outbox.enqueue(msgId, encodeMessage(msg));
    // Bound the bookkeeping of unacknowledged messages (acks can be lost with a dying link).
    if (p.sentCovers.size > 4096) p.sentCovers.delete(p.sentCovers.keys().next().value!);
    return msgId;
  }

  private flush(p: PeerConn): void {
    try {
      p.outbox.pump();
      const room = () => this.diffs.mayGo(p, this.now()) && p.outbox.canTakeMore() && this.peers.get(p.id) === p;
      this.diffs.sendWhile(p, room, () => this.flush(p));
    } catch {
      this.drop(p, 'broken');
    }
  }

  private drop(p: PeerConn, reason: LeaveReason): void {
    if (this.peers.get(p.id) !== p) return;
    this.removePeer(p.id, reason);
    try {
      p.link.close(reason);
    } catch {
      /* already closed */
    }
    for (const l of this.deadListeners) l(p.id, reason);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
