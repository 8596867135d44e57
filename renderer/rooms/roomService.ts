import { create } from 'zustand';
import type * as Y from 'yjs';
import { deriveCompartments, openCompartmentKey, type Compartment, type GovernanceView } from '../../shared/governance';
import { RoomSecretSchema } from '../../shared/rooms/items';
import { signalingUrlsFor } from '../../shared/sync/settings';
import { useIdentity, useTrustAnchors } from '../identity/identity';
import { currentGovernanceView } from '../identity/useGovernance';
import { useSession } from '../session/sessionStore';
import { localHostUrl, useLanHost } from '../sync/lanHostStore';
import { useSyncSettings } from '../sync/syncSettings';
import { useCurrentWorkspace } from '../workspace/useWorkspace';
import { reportStorageError } from '../workspace/persistence';
import { dropRoomDoc, openRoomDoc, storedRoomIds, type OpenRoomDoc } from './roomStore';
import { startRoomSync, type RoomSyncHandle } from './roomSync';

/**
 * Restricted rooms on this laptop, kept in step with the workspace's signed log
 * (shared/governance/compartments.ts). For each room whose key in force is sealed to this
 * laptop's person: open its box, open (or create) the room's stored document and sync it in the
 * room of that key — moving to the new room when the key changes. For each room it is not a
 * member of (any more): stop syncing, close the document, shred its data key and delete its row.
 * Nothing is opened or dropped while the roster or a room entry is still being verified.
 * Installed once from app wiring.
 */

export interface RoomView {
  room: Compartment;
  /** This laptop's person receives the key in force. */
  member: boolean;
  /** The stored document, while open here. */
  doc: Y.Doc | null;
  /** `open`: synced here; `noBox`: listed as member but the box did not open (tampered, wrong key). */
  state: 'open' | 'opening' | 'outside' | 'noBox';
}

interface RoomsState {
  workspaceId: string | null;
  rooms: Record<string, RoomView>;
  /** Rooms whose copy this laptop deleted since it opened the workspace (shown once). */
  dropped: string[];
}

export const useRooms = create<RoomsState>(() => ({ workspaceId: null, rooms: {}, dropped: [] }));

interface Live {
  opened: OpenRoomDoc;
  sync: RoomSyncHandle | null;
  syncKey: string;
}

const live = new Map<string, Live>();
/** Opened keys by `<room>/<keyId>` (null: the box did not open). */
const keys = new Map<string, string | null>();
let installed = false;
let chain: Promise<void> = Promise.resolve();

/** The sync of a room open here (tests, diagnostics). */
export function roomSync(roomId: string): RoomSyncHandle | null {
  return live.get(roomId)?.sync ?? null;
}

function signaling(workspaceId: string): { urls: string[]; ice: RTCIceServer[] } {
  const settings = useSyncSettings.getState();
  const local = localHostUrl(useLanHost.getState().status);
  const urls = [...new Set([...(local ? [local] : []), ...signalingUrlsFor(settings, workspaceId)])];
  const ice = settings.iceServers.map((s) => ({ urls: s.urls, ...(s.username ? { username: s.username } : {}), ...(s.credential ? { credential: s.credential } : {}) }));
  return { urls, ice };
}

async function closeRoom(id: string): Promise<void> {
  const l = live.get(id);
  if (!l) return;
  live.delete(id);
  await l.sync?.stop();
  l.opened.close();
}

async function closeAll(): Promise<void> {
  for (const id of [...live.keys()]) await closeRoom(id);
}

async function keyFor(room: Compartment, myKey: string): Promise<string | null> {
  const current = room.current;
  const agreement = useIdentity.getState().keys?.agreement.privateKey;
  if (!current || !agreement) return null;
  const k = `${room.id}/${current.payload.keyId}`;
  if (!keys.has(k)) {
    const opened = await openCompartmentKey(current.payload, myKey, agreement);
    keys.set(k, opened && RoomSecretSchema.safeParse(opened).success ? opened : null);
  }
  return keys.get(k) ?? null;
}

async function reconcileOnce(view: GovernanceView | null): Promise<void> {
  const current = useCurrentWorkspace.getState().current;
  const me = useIdentity.getState().keys?.publicKey;
  if (!current || !view || !me) {
    await closeAll();
    useRooms.setState({ workspaceId: current?.id ?? null, rooms: {}, dropped: [] });
    return;
  }
  const ws = current.id;
  if (useRooms.getState().workspaceId !== ws) {
    await closeAll();
    useRooms.setState({ workspaceId: ws, rooms: {}, dropped: [] });
  }
  const gov = view.getSnapshot();
  const derived = deriveCompartments(gov);
  if (!derived.settled) return;
  const rooms: Record<string, RoomView> = {};
  const { urls, ice } = signaling(ws);
  const session = useSession.getState();
  // A person removed from the workspace leaves its rooms too (on an honest laptop; the owners'
  // removal also rotates the rooms' keys, renderer/rooms/actions.ts removeFromRooms).
  const inWorkspace = gov.roster.byKey.get(me)?.removed === false;
  for (const room of derived.rooms) {
    const member = inWorkspace && room.members.includes(me);
    if (!member) {
      rooms[room.id] = { room, member, doc: null, state: 'outside' };
      continue;
    }
    const key = await keyFor(room, me);
    if (!key) {
      await closeRoom(room.id);
      rooms[room.id] = { room, member, doc: null, state: 'noBox' };
      continue;
    }
    let l = live.get(room.id);
    if (!l) {
      l = { opened: await openRoomDoc(ws, room.id), sync: null, syncKey: '' };
      live.set(room.id, l);
    }
    const syncKey = JSON.stringify([key, urls, ice]);
    if (l.syncKey !== syncKey) {
      await l.sync?.stop();
      l.sync = urls.length ? startRoomSync({ roomId: room.id, doc: l.opened.doc, key, signaling: urls, iceServers: ice, member: { id: session.memberId, name: session.userName || '—', color: session.userColor } }) : null;
      l.syncKey = syncKey;
    }
    rooms[room.id] = { room, member, doc: l.opened.doc, state: 'open' };
  }
  // Rooms this laptop is not (or no longer) a member of: stop, and remove their copy for good.
  const dropped = [...useRooms.getState().dropped];
  const stored = await storedRoomIds(ws);
  for (const id of new Set([...live.keys(), ...stored])) {
    if (rooms[id]?.state === 'open') continue;
    await closeRoom(id);
    if (stored.includes(id)) {
      await dropRoomDoc(id);
      dropped.push(id);
    }
  }
  if (useCurrentWorkspace.getState().current?.id === ws) useRooms.setState({ workspaceId: ws, rooms, dropped });
}

function reconcile(): void {
  chain = chain
    .then(() => reconcileOnce(useIdentity.getState().keys ? currentGovernanceView() : null))
    .catch((err: unknown) => {
      console.error('[rooms] could not update restricted rooms:', err);
      reportStorageError(err);
    });
}

/** Runs the next reconcile after the ones queued so far (tests, actions that just signed). */
export function roomsSettled(): Promise<void> {
  reconcile();
  return chain;
}

export function installRoomService(): () => void {
  if (installed) return () => {};
  installed = true;
  let view: GovernanceView | null = null;
  let stopView = (): void => {};
  const rewire = (): void => {
    const next = useIdentity.getState().keys ? currentGovernanceView() : null;
    if (next !== view) {
      stopView();
      view = next;
      stopView = view ? view.subscribe(reconcile) : () => {};
    }
    reconcile();
  };
  const stops = [
    useCurrentWorkspace.subscribe(rewire),
    useTrustAnchors.subscribe(rewire),
    useIdentity.subscribe(rewire),
    useSyncSettings.subscribe(reconcile),
    useLanHost.subscribe((s, prev) => {
      if (localHostUrl(s.status) !== localHostUrl(prev.status)) reconcile();
    }),
  ];
  rewire();
  return () => {
    stops.forEach((s) => s());
    stopView();
    installed = false;
  };
}
