import { useCurrentWorkspace } from '../workspace/useWorkspace';
import { useSession } from '../session/sessionStore';
import { signalingUrlsFor } from '../../shared/sync/settings';
import { startSync, type SyncHandle } from './syncService';
import { useSyncSettings } from './syncSettings';
import { useSyncStore, EMPTY_STATUS } from './syncStore';
import { localHostUrl, useLanHost } from './lanHostStore';
import { localRoomKey, useRoomKeys } from '../identity/identity';
import { ensureLocalRoomKey } from './roomKeyLocal';
import { prepareRoomAuth } from '../../shared/sync/roomAuth';

/**
 * Starts sync when a workspace opens and stops it when it closes; restarts it when the hosts or
 * network settings change, or when this laptop's room key for the workspace changes (an invite,
 * a rotation sealed to it); keeps our presence (name, colour) current. Installed once. Sync
 * starts only once this laptop's own room key (if any) is known, so it never opens the room of a
 * key that was rotated away.
 */

let installed = false;
let handle: SyncHandle | null = null;
let runningKey = '';
let chain: Promise<void> = Promise.resolve();

/** Sync of the open workspace, if running. */
export function currentSync(): SyncHandle | null {
  return handle;
}

/** This laptop's room key of the open workspace, or null (none open, or not read yet). */
export function currentRoomKey(): string | null {
  const current = useCurrentWorkspace.getState().current;
  if (!current) return null;
  return useRoomKeys.getState().byWorkspace[current.id]?.roomKey ?? null;
}

function user() {
  const s = useSession.getState();
  return { name: s.userName.trim() || '—', color: s.userColor };
}

type Desired = { key: string; run: null | { id: string; doc: import('yjs').Doc; signaling: string[]; ice: RTCIceServer[]; password: string } };

/** What should run now; `undefined` while this laptop's room key for the workspace is being read. */
function desired(): Desired | undefined {
  const current = useCurrentWorkspace.getState().current;
  if (!current) return { key: '', run: null };
  const rooms = useRoomKeys.getState().byWorkspace;
  if (!(current.id in rooms)) {
    void localRoomKey(current.id).catch((err: unknown) => console.error('[sync] could not read the room key:', err));
    return undefined;
  }
  const password = rooms[current.id]?.roomKey;
  if (!password) {
    // None stored yet (a workspace from before keys left the document): move or make it; storing it calls reconcile again.
    void ensureLocalRoomKey(current.id, current.doc).catch((err: unknown) => console.error('[sync] could not store the room key:', err));
    return undefined;
  }
  const settings = useSyncSettings.getState();
  const local = localHostUrl(useLanHost.getState().status);
  const signaling = [...new Set([...(local ? [local] : []), ...signalingUrlsFor(settings, current.id)])];
  const ice = settings.iceServers.map((s) => ({ urls: s.urls, ...(s.username ? { username: s.username } : {}), ...(s.credential ? { credential: s.credential } : {}) }));
  return { key: JSON.stringify([current.id, signaling, ice, password]), run: { id: current.id, doc: current.doc, signaling, ice, password } };
}

function reconcile(): void {
  chain = chain.then(async () => {
    const want = desired();
    // Reading the room key: the store's change calls reconcile again.
    if (!want || want.key === runningKey) return;
    if (handle) {
      const old = handle;
      handle = null;
      await old.stop();
    }
    runningKey = want.key;
    if (!want.run) {
      useSyncStore.setState({ workspaceId: null, active: false, inactiveReason: null, status: EMPTY_STATUS, keyMismatch: null, presence: {}, signalingUrls: [] });
      return;
    }
    if (want.run.signaling.length === 0) {
      useSyncStore.setState({ workspaceId: want.run.id, active: false, inactiveReason: 'noHost', status: EMPTY_STATUS, keyMismatch: null, presence: {}, signalingUrls: [] });
      return;
    }
    // In a task of its own: the workspace just opened and renders in this one (a laptop joining at
    // 100×: opening, first render and starting sync made one 120 ms task, bench P15).
    await new Promise<void>((r) => setTimeout(r, 0));
    // The Ed25519 tables of the first credential, if idle time has not built them yet: a task of their own too.
    prepareRoomAuth();
    await new Promise<void>((r) => setTimeout(r, 0));
    if (desired()?.key !== want.key) {
      // Changed meanwhile: the reconcile queued by that change starts what is wanted now.
      runningKey = '';
      return;
    }
    handle = startSync({ workspaceId: want.run.id, doc: want.run.doc, signaling: want.run.signaling, iceServers: want.run.ice, user: user(), memberId: useSession.getState().memberId, password: want.run.password });
  });
  chain = chain.catch((err: unknown) => console.error('[sync] could not start or stop sync:', err));
}

/** Installs the lifecycle (idempotent). */
export function installSyncLifecycle(): void {
  if (installed) return;
  installed = true;
  useCurrentWorkspace.subscribe((s, prev) => {
    if (s.current !== prev.current) reconcile();
  });
  useSyncSettings.subscribe(reconcile);
  useRoomKeys.subscribe(reconcile);
  useLanHost.subscribe((s, prev) => {
    if (localHostUrl(s.status) !== localHostUrl(prev.status)) reconcile();
  });
  useSession.subscribe((s, prev) => {
    if (s.userName !== prev.userName || s.userColor !== prev.userColor) handle?.setUser(user());
  });
  void useLanHost.getState().refresh();
  reconcile();
}
