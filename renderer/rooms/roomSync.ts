import type * as Y from 'yjs';
import { DexieYProvider } from 'y-dexie';
import { SyncSession } from '../../shared/sync/session';
import { roomSessionId } from '../../shared/rooms/items';
import { WebrtcTransport } from '../sync/webrtcTransport';

/**
 * Sync of one restricted room: our protocol (shared/sync SyncSession) over its own y-webrtc
 * room, whose password is the room's key. The key names the room: its signaling topic is derived
 * from it (shared/sync/roomAuth.ts), so the signaling host forwards the room's messages only to
 * connections that proved the key, and y-webrtc encrypts its signaling with it. WebRTC data
 * channels are per y-webrtc room: a laptop outside the room has no connection of it at all.
 *
 * Unlike a workspace's sync there is no lobby (the room id is public in the log; a lobby would
 * let anyone announce a key fingerprint there) and no presence or published status.
 */

export interface RoomSyncOptions {
  roomId: string;
  doc: Y.Doc;
  /** The room's key in force (opened from this laptop's box of the latest `compartment.key`). */
  key: string;
  signaling: string[];
  iceServers: RTCIceServer[];
  member: { id: string; name: string; color: string | null };
}

export interface RoomSyncHandle {
  readonly session: SyncSession;
  readonly transport: WebrtcTransport;
  readonly key: string;
  stop(): Promise<void>;
}

const TICK_MS = 200;

export function startRoomSync(opts: RoomSyncOptions): RoomSyncHandle {
  const session = new SyncSession({
    doc: opts.doc,
    workspaceId: roomSessionId(opts.roomId),
    member: opts.member,
    // What storage loads (the provider) and what peers send do not count as our edits.
    isLocalChange: (origin) => origin !== 'remote' && !(origin instanceof DexieYProvider),
  });
  const transport = new WebrtcTransport({ password: opts.key, signaling: opts.signaling, iceServers: opts.iceServers, session });
  const ticker = setInterval(() => session.tick(), TICK_MS);
  let stopped = false;
  return {
    session,
    transport,
    key: opts.key,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(ticker);
      session.destroy();
      await transport.destroy();
    },
  };
}
