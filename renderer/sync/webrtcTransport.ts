import * as Y from 'yjs';
import { WebrtcProvider, type WebrtcConn } from 'y-webrtc';
import { Awareness } from 'y-protocols/awareness';
import { isSyncFrame } from '../../shared/sync/frames';
import type { PeerLink } from '../../shared/sync/peerLink';
import type { SyncSession } from '../../shared/sync/session';
import { SignalingWatch, probeSignaling, type ConnLike, type SignalingConnLike } from './signalingWatch';
import { SignalingRelay, relayTopic } from './signalingRelay';
import { SignalingAuth, isAuthed } from './signalingAuth';
import { guardConn, registerRoom, signalingJunk } from './signalingGuard';
import { KeyCheck, lobbyCipher, type KeyMismatch } from './keyCheck';
import { encryptJson } from './signalingCrypto';
import { signalingConnsOf, peerOfConn } from './internals/yWebrtc';
import { bufferedBytes, interceptData, onBufferDrained, onSignalIn } from './internals/simplePeer';
import { lobbyCipherBytes, lobbyCredential, peerTagger, roomCredential, roomKeyId, type RoomCredential } from '../../shared/sync/roomAuth';

/**
 * Carries a {@link SyncSession} over y-webrtc.
 *
 * y-webrtc finds peers (signaling, encrypted with the room key) and opens WebRTC data channels;
 * it is given a stand-in document, so its own sync (one unsplit message per update, no
 * re-check after a link loss) never touches the workspace. Our frames share its data channels:
 * they start with a marker byte and are taken off the channel before y-webrtc sees them.
 * While no data channel to a peer is open, frames go through the signaling server instead
 * ({@link SignalingRelay}, encrypted with the room key); {@link SignalingWatch} repairs
 * y-webrtc's reconnection after a network loss.
 *
 * The room is named by its key (shared/sync/roomAuth.ts): the name is the signaling topic, which
 * the host lets us join only after we proved the key ({@link SignalingAuth}); then we subscribe
 * and announce ourselves (y-webrtc's own announce at connect time went out before the proof and
 * was dropped). Every room message passes {@link guardConn} before y-webrtc sees it, and the
 * workspace's lobby ({@link KeyCheck}) tells us when members are online with another key.
 */

export interface TransportOptions {
  /** The room key: it names the room (its signaling topic) and y-webrtc derives its AES key from it. */
  password: string;
  /** The workspace, for the lobby where laptops holding other keys are noticed (none: no lobby). */
  workspaceId?: string;
  signaling: string[];
  iceServers: RTCIceServer[];
  session: SyncSession;
  /** Relay frames through signaling while WebRTC is down (default true). */
  relay?: boolean;
  /** Signaling connection silent this long (while open) is redialled. */
  signalingSilenceMs?: number;
  /** Signaling connection still not open after this long is redialled (keep it above Chromium's 5 s WebSocket throttle). */
  signalingConnectTimeoutMs?: number;
  /** Reachability probe of a signaling server (default: an HTTP request to it). */
  probe?: (url: string) => Promise<boolean>;
  /** A peer connection not open after this long is given up. */
  peerOpenTimeoutMs?: number;
}

/** How long a diff waits on a relay link for a data channel to take over (the watch gives a connection 6 s). */
const RELAY_BULK_DELAY_MS = 4000;

interface Hooked {
  createdAt: number;
  answered: boolean;
}

/** Live y-webrtc provider + hooks; `destroy` resolves once y-webrtc has let go of the room. */
export class WebrtcTransport {
  private readonly stand = new Y.Doc();
  readonly provider: WebrtcProvider;
  private readonly session: SyncSession;
  private readonly hooked = new WeakMap<WebrtcConn, Hooked>();
  /** How we currently reach each peer. */
  private readonly via = new Map<string, { kind: 'rtc'; conn: WebrtcConn } | { kind: 'relay' }>();
  private readonly relayHeardAt = new Map<string, number>();
  private readonly relayStartedAt = new Map<string, number>();
  private readonly relayTries = new Map<string, number>();
  readonly watch: SignalingWatch;
  readonly relay: SignalingRelay | null;
  readonly auth: SignalingAuth;
  readonly keyCheck: KeyCheck | null;
  /** The room's credential; its topic is the y-webrtc room name. */
  readonly credential: RoomCredential;
  private readonly needsAnnounce = new Set<SignalingConnLike>();
  private readonly unregister: () => void;
  private readonly timer: ReturnType<typeof setInterval>;
  private destroyed = false;

  constructor(opts: TransportOptions) {
    this.session = opts.session;
    const standAwareness = new Awareness(this.stand);
    standAwareness.setLocalState(null);
    this.credential = roomCredential(opts.password);
    this.provider = new WebrtcProvider(this.credential.topic, this.stand, {
      signaling: opts.signaling,
      password: opts.password,
      awareness: standAwareness,
      // Tabs of one browser also meet over WebRTC, so our protocol covers them too.
      filterBcConns: false,
      peerOpts: { config: { iceServers: opts.iceServers } },
    });
    const conns = () => signalingConnsOf(this.provider);
    // Before anything else listens on the connections: the guard wraps y-webrtc's own listener.
    for (const c of conns()) guardConn(c);
    this.unregister = registerRoom(this.credential.topic, () => {
      const room = this.provider.room;
      return room?.key ? { key: room.key, webrtcConns: room.webrtcConns } : null;
    });
    const lobby = opts.workspaceId ? lobbyCredential(opts.workspaceId) : null;
    this.keyCheck = lobby
      ? new KeyCheck({ lobby, cipher: lobbyCipher(lobbyCipherBytes(opts.workspaceId!)), keyId: roomKeyId(opts.password) })
      : null;
    this.auth = new SignalingAuth({ conns, credentials: lobby ? [this.credential, lobby] : [this.credential], onAuthed: (conn, topic) => this.onAuthed(conn, topic) });
    const tag = peerTagger(opts.password);
    this.watch = new SignalingWatch({
      conns,
      peerConn: (id) => this.connView(this.provider.room?.webrtcConns.get(id)),
      silenceMs: opts.signalingSilenceMs ?? 3000,
      connectTimeoutMs: opts.signalingConnectTimeoutMs ?? 10_000,
      probe: opts.probe ?? ((url) => probeSignaling(url)),
      peerOpenTimeoutMs: opts.peerOpenTimeoutMs ?? 6000,
    });
    this.relay =
      opts.relay === false
        ? null
        : new SignalingRelay({
            conns,
            roomName: () => this.provider.room?.name ?? null,
            roomKey: () => this.provider.room?.key ?? null,
            selfId: () => this.provider.room?.peerId ?? null,
            tag,
            ready: (conn) => isAuthed(conn, this.credential.topic),
            onAnnounce: (id) => this.onAnnounce(id),
            onFrame: (id, frame) => this.onRelayFrame(id, frame),
            onDrain: () => {
              for (const [id, v] of this.via) if (v.kind === 'relay') this.session.pump(id);
            },
          });
    this.provider.on('peers', () => this.hookAll());
    this.auth.attach();
    this.timer = setInterval(() => this.tick(), 100);
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
  }

  /** Whether at least one signaling server is connected. */
  get signalingUp(): boolean {
    return signalingConnsOf(this.provider).some((c) => c.connected);
  }

  /** Signaling redials so far (diagnostics). */
  get redials(): number {
    return this.watch.redials;
  }

  /** Signaling WebSockets opened so far (diagnostics). */
  get signalingAttempts(): number {
    return this.watch.attempts;
  }

  /** Members reachable in the lobby with another room key (null: none seen lately). */
  keyMismatch(now = Date.now()): KeyMismatch | null {
    return this.keyCheck?.mismatch(now) ?? null;
  }

  /** Room messages the guard dropped, page-wide (diagnostics). */
  get junk(): { undecryptable: number; invalid: number } {
    return { ...signalingJunk };
  }

  /** How each connected peer is reached (diagnostics, status). */
  routes(): Record<string, 'rtc' | 'relay'> {
    return Object.fromEntries([...this.via].map(([id, v]) => [id, v.kind]));
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    clearInterval(this.timer);
    // y-webrtc shares the connection with the next room (after a rotation): leave our topics on it.
    const ours = [relayTopic(this.credential.topic), ...(this.keyCheck ? [this.keyCheck.topic] : [])];
    for (const c of signalingConnsOf(this.provider)) if (c.connected) c.send({ type: 'unsubscribe', topics: ours });
    this.relay?.dispose();
    this.auth.dispose();
    this.keyCheck?.dispose();
    this.unregister();
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    const key = this.provider.key;
    this.provider.destroy();
    this.stand.destroy();
    // y-webrtc frees the room name once its key promise settles (then a new provider may open it).
    await key;
    await new Promise((r) => setTimeout(r, 0));
  }

  private readonly onOnline = () => this.watch.redialAll();

  private connView(conn: WebrtcConn | undefined): ConnLike | undefined {
    if (!conn) return undefined;
    const peer = peerOfConn(conn);
    const h = this.hooked.get(conn);
    return { connected: peer.connected, createdAt: h?.createdAt ?? Date.now(), initiator: peer.initiator, answered: h?.answered ?? false, destroy: () => conn.destroy() };
  }

  private tick(): void {
    if (this.destroyed) return;
    this.hookAll();
    for (const c of signalingConnsOf(this.provider)) guardConn(c);
    this.auth.attach();
    this.relay?.attach();
    this.flushAnnounces();
    this.watch.check();
    for (const conn of this.provider.room?.webrtcConns.values() ?? []) this.watch.expire(this.connView(conn)!);
    // A relay link that has heard nothing yet may have spoken before the peer listened: start
    // again, a few times (a peer that never answers is then left to time out).
    const now = Date.now();
    for (const [id, v] of this.via) {
      const startedAt = this.relayStartedAt.get(id) ?? 0;
      if (v.kind !== 'relay' || (this.relayHeardAt.get(id) ?? 0) > startedAt || now - startedAt <= 700) continue;
      const tries = this.relayTries.get(id) ?? 0;
      if (tries < 4) {
        this.relayTries.set(id, tries + 1);
        this.startRelay(id);
      }
    }
  }

  /** The host accepted our proof on `conn`: join the room (and its relay topic) and announce. */
  private onAuthed(conn: SignalingConnLike, topic: string): void {
    if (this.destroyed) return;
    if (topic === this.keyCheck?.topic) return this.keyCheck.onAuthed(conn);
    if (topic !== this.credential.topic) return;
    this.watch.note('authed');
    conn.send({ type: 'subscribe', topics: [topic] });
    this.relay?.attach();
    this.needsAnnounce.add(conn);
    this.flushAnnounces();
  }

  /** Announces us (as y-webrtc does) on connections that were authenticated, once the room is open. */
  private flushAnnounces(): void {
    const room = this.provider.room;
    if (!room?.key || this.needsAnnounce.size === 0) return;
    for (const conn of this.needsAnnounce) {
      this.needsAnnounce.delete(conn);
      if (!isAuthed(conn, this.credential.topic)) continue;
      void encryptJson({ type: 'announce', from: room.peerId }, room.key).then((data) => {
        if (conn.connected) conn.send({ type: 'publish', topic: room.name, data });
      });
    }
  }

  private onAnnounce(id: string): void {
    this.watch.note(`announce ${id.slice(0, 8)}`);
    this.watch.onAnnounce(id);
    const v = this.via.get(id);
    if (v?.kind === 'rtc') return;
    // Reach it through the relay until a data channel opens. A relay link that never heard from
    // the peer starts afresh (what it sent went nowhere while the peer was away) — but not on
    // every announce of a burst: each fresh start re-sends the whole difference.
    const startedAt = this.relayStartedAt.get(id) ?? 0;
    const heard = (this.relayHeardAt.get(id) ?? 0) > startedAt;
    if (!v || (!heard && Date.now() - startedAt > 1000)) this.startRelay(id);
  }

  private onRelayFrame(id: string, frame: Uint8Array): void {
    const v = this.via.get(id);
    if (v?.kind === 'rtc') return;
    if (!v) this.startRelay(id);
    this.relayHeardAt.set(id, Date.now());
    this.relayTries.delete(id);
    this.session.receive(id, frame);
  }

  /** Relay links started (diagnostics). */
  relayStarts = 0;

  private startRelay(id: string): void {
    const relay = this.relay;
    if (!relay || this.destroyed) return;
    this.relayStarts++;
    this.watch.note(`relay ${id.slice(0, 8)}`);
    this.via.set(id, { kind: 'relay' });
    this.relayStartedAt.set(id, Date.now());
    const link: PeerLink = {
      send: (frame) => relay.send(id, frame),
      bufferedAmount: () => relay.buffered,
      highWaterBytes: 256 * 1024,
      // A joining laptop's whole state waits for the data channel a while (P15: 11 MB through
      // the relay first held up the WebRTC offer for 10 s); it goes through the relay if none opens.
      bulkDelayMs: RELAY_BULK_DELAY_MS,
      close: () => {
        if (this.via.get(id)?.kind === 'relay') this.via.delete(id);
        this.relayTries.delete(id);
        relay.forget(id);
      },
    };
    this.session.addPeer(id, link);
  }

  private hookAll(): void {
    const room = this.provider.room;
    if (!room || this.destroyed) return;
    for (const conn of room.webrtcConns.values()) if (!this.hooked.has(conn)) this.hook(conn);
  }

  private hook(conn: WebrtcConn): void {
    const peer = peerOfConn(conn);
    // y-webrtc hands a responder its offer before we see it; an initiator waits for an answer.
    const h: Hooked = { createdAt: Date.now(), answered: !peer.initiator };
    this.hooked.set(conn, h);
    onSignalIn(peer, () => (h.answered = true));
    const id = conn.remotePeerId;
    interceptData(peer, (data, theirs) => {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
      if (!isSyncFrame(bytes)) return theirs(data);
      const v = this.via.get(id);
      if (v?.kind === 'rtc' && v.conn === conn) this.session.receive(id, bytes);
    });

    const link: PeerLink = {
      send: (frame) => peer.send(frame),
      bufferedAmount: () => bufferedBytes(peer),
      close: () => conn.destroy(),
    };
    const open = () => {
      if (this.destroyed || conn.closed) return;
      this.via.set(id, { kind: 'rtc', conn });
      this.watch.note(`rtc ${id.slice(0, 8)}`);
      this.relay?.forget(id);
      this.session.addPeer(id, link);
      onBufferDrained(peer, () => this.session.pump(id));
    };
    if (peer.connected) open();
    else peer.once('connect', open);
    peer.once('close', () => {
      const v = this.via.get(id);
      if (v?.kind !== 'rtc' || v.conn !== conn) return;
      this.via.delete(id);
      this.session.removePeer(id, 'closed');
    });
  }
}
