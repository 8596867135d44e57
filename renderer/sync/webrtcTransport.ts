import * as Y from 'yjs';
import { WebrtcProvider, type WebrtcConn } from 'y-webrtc';
import { Awareness } from 'y-protocols/awareness';
import { isSyncFrame } from '../../shared/sync/frames';
import type { PeerLink } from '../../shared/sync/peerLink';
import type { SyncSession } from '../../shared/sync/session';
import { SignalingWatch, type SignalingConnLike } from './signalingWatch';

/**
 * Carries a {@link SyncSession} over y-webrtc.
 *
 * y-webrtc finds peers (signaling, encrypted with the room key) and opens WebRTC data channels;
 * it is given a stand-in document, so its own sync (one unsplit message per update, no
 * re-check after a link loss) never touches the workspace. Our frames share its data channels:
 * they start with a marker byte and are taken off the channel before y-webrtc sees them.
 * {@link SignalingWatch} repairs y-webrtc's reconnection after a network loss.
 */

export interface TransportOptions {
  roomName: string;
  /** The room key (y-webrtc derives the AES key of its signaling messages from it). */
  password: string;
  signaling: string[];
  iceServers: RTCIceServer[];
  session: SyncSession;
  /** Signaling connection silent this long (while open) is redialled. */
  signalingSilenceMs?: number;
  /** Signaling connection still not open after this long is redialled. */
  signalingConnectTimeoutMs?: number;
  /** A peer connection not open after this long is given up. */
  peerOpenTimeoutMs?: number;
}

interface SimplePeerLike {
  connected: boolean;
  bufferSize?: number;
  _channel?: RTCDataChannel | null;
  send(data: Uint8Array): void;
  on(event: string, listener: (...args: never[]) => void): void;
  once(event: string, listener: (...args: never[]) => void): void;
  listeners(event: string): Array<(...args: unknown[]) => void>;
  removeListener(event: string, listener: (...args: never[]) => void): void;
}

/** Live y-webrtc provider + hooks; `destroy` resolves once y-webrtc has let go of the room. */
export class WebrtcTransport {
  private readonly stand = new Y.Doc();
  readonly provider: WebrtcProvider;
  private readonly session: SyncSession;
  private readonly hooked = new WeakMap<WebrtcConn, number>();
  private readonly current = new Map<string, WebrtcConn>();
  private readonly heardAt = new Map<string, number>();
  readonly watch: SignalingWatch;
  private readonly timer: ReturnType<typeof setInterval>;
  private destroyed = false;

  constructor(opts: TransportOptions) {
    this.session = opts.session;
    const standAwareness = new Awareness(this.stand);
    standAwareness.setLocalState(null);
    this.provider = new WebrtcProvider(opts.roomName, this.stand, {
      signaling: opts.signaling,
      password: opts.password,
      awareness: standAwareness,
      // Tabs of one browser also meet over WebRTC, so our protocol covers them too.
      filterBcConns: false,
      peerOpts: { config: { iceServers: opts.iceServers } },
    });
    this.watch = new SignalingWatch({
      conns: () => (this.provider as unknown as { signalingConns: SignalingConnLike[] }).signalingConns,
      roomName: () => this.provider.room?.name ?? null,
      roomKey: () => this.provider.room?.key ?? null,
      peerConn: (id) => {
        const conn = this.provider.room?.webrtcConns.get(id);
        return conn && { connected: (conn.peer as SimplePeerLike).connected, createdAt: this.hooked.get(conn) ?? 0, destroy: () => conn.destroy() };
      },
      silentFor: (id) => Date.now() - (this.heardAt.get(id) ?? -Infinity),
      silenceMs: opts.signalingSilenceMs ?? 3000,
      connectTimeoutMs: opts.signalingConnectTimeoutMs ?? 1000,
      peerOpenTimeoutMs: opts.peerOpenTimeoutMs ?? 6000,
    });
    this.provider.on('peers', () => this.hookAll());
    this.timer = setInterval(() => this.tick(), 100);
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
  }

  /** Whether at least one signaling server is connected. */
  get signalingUp(): boolean {
    return (this.provider as unknown as { signalingConns: SignalingConnLike[] }).signalingConns.some((c) => c.connected);
  }

  /** Signaling redials so far (diagnostics). */
  get redials(): number {
    return this.watch.redials;
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    clearInterval(this.timer);
    this.watch.dispose();
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    const key = this.provider.key;
    this.provider.destroy();
    this.stand.destroy();
    // y-webrtc frees the room name once its key promise settles (then a new provider may open it).
    await key;
    await new Promise((r) => setTimeout(r, 0));
  }

  private readonly onOnline = () => this.watch.redialAll();

  private tick(): void {
    if (this.destroyed) return;
    this.hookAll();
    this.watch.check();
    const now = Date.now();
    for (const conn of this.provider.room?.webrtcConns.values() ?? []) this.watch.expire({ connected: (conn.peer as SimplePeerLike).connected, createdAt: this.hooked.get(conn) ?? now, destroy: () => conn.destroy() }, now);
  }

  private hookAll(): void {
    const room = this.provider.room;
    if (!room || this.destroyed) return;
    for (const conn of room.webrtcConns.values()) if (!this.hooked.has(conn)) this.hook(conn);
  }

  private hook(conn: WebrtcConn): void {
    this.hooked.set(conn, Date.now());
    const peer = conn.peer as SimplePeerLike;
    const id = conn.remotePeerId;
    const theirs = peer.listeners('data').slice();
    const onData = (data: Uint8Array | ArrayBuffer) => {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
      if (isSyncFrame(bytes)) {
        if (this.current.get(id) !== conn) return;
        this.heardAt.set(id, Date.now());
        this.session.receive(id, bytes);
        return;
      }
      for (const l of theirs) {
        try {
          l.call(peer, data);
        } catch {
          /* a malformed y-webrtc message must not break the channel */
        }
      }
    };
    peer.on('data', onData as never);
    for (const l of theirs) peer.removeListener('data', l as never);

    const link: PeerLink = {
      send: (frame) => peer.send(frame),
      bufferedAmount: () => peer.bufferSize ?? 0,
      close: () => conn.destroy(),
    };
    const open = () => {
      if (this.destroyed || conn.closed) return;
      this.current.set(id, conn);
      this.heardAt.set(id, Date.now());
      this.session.addPeer(id, link);
      peer._channel?.addEventListener('bufferedamountlow', () => this.session.pump(id));
    };
    if (peer.connected) open();
    else peer.once('connect', open);
    peer.once('close', () => {
      if (this.current.get(id) !== conn) return;
      this.current.delete(id);
      this.heardAt.delete(id);
      this.session.removePeer(id, 'closed');
    });
  }
}
