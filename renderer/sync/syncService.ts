import type * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { DexieYProvider } from 'y-dexie';
import { SyncSession, type SyncTimings } from '../../shared/sync/session';
import type { ApplyPacing } from '../../shared/sync/applyQueue';
import { WebrtcTransport } from './webrtcTransport';
import { PresenceStateSchema, useSyncStore, EMPTY_STATUS, type PresenceState } from './syncStore';
import { loadLedger, persistLedger } from './deliveryStore';
import { DeliveryLedger } from '../../shared/sync/delivery';
import { isRosterMember } from './rosterMembers';

/** What starting sync for an open workspace needs. */
export interface StartSyncOptions {
  workspaceId: string;
  doc: Y.Doc;
  /** Signaling servers (the LAN host first). */
  signaling: string[];
  iceServers: RTCIceServer[];
  user: { name: string; color: string };
  /** Stable id of this laptop's profile (see the session store); labs may leave it out. */
  memberId?: string;
  timings?: Partial<SyncTimings>;
  /** Publish status to the UI store (off for benchmarks that run several peers in one page). */
  publish?: boolean;
  /** The room key (this laptop's own, renderer/sync/roomKeyLocal.ts; never read from the document). */
  password: string;
}

/** Sync of one open workspace. */
export interface SyncHandle {
  readonly session: SyncSession;
  readonly awareness: Awareness;
  readonly transport: WebrtcTransport;
  /** Marks which record we are editing (shown to the others), or null. */
  setEditing(recordId: string | null): void;
  setUser(user: { name: string; color: string }): void;
  stop(): Promise<void>;
}

const TICK_MS = 200;

/**
 * Received updates applied in batches of about 12 ms a task (and a join's diff sliced as much per
 * task), the next after a MessageChannel message (not clamped as nested timers are). On a loaded
 * laptop a task takes a multiple of its budget: bench P15 with one or two CPU hogs (1-minute load
 * 2.5–8), five joins each, alternating — with 25 ms the joining laptop's longest task was 51–119 ms
 * (applying batches up to 93 ms); with 12 ms 57–75 ms (batches up to 63 ms), the joins as long.
 */
function pageApplyPacing(budgetMs = 12): ApplyPacing {
  const channel = new MessageChannel();
  const waiting: Array<() => void> = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return {
    later: (fn) => {
      waiting.push(fn);
      channel.port2.postMessage(0);
    },
    clock: () => performance.now(),
    budgetMs,
  };
}

/**
 * Starts peer-to-peer sync of a workspace: our protocol (shared/sync) over y-webrtc, with the
 * workspace's room key as password, presence, and the status published to `useSyncStore`.
 */
export function startSync(opts: StartSyncOptions): SyncHandle {
  const { doc, workspaceId } = opts;
  const publish = opts.publish ?? true;
  const password = opts.password;
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: opts.user, editing: null } satisfies PresenceState);
  // What has not reached whom survives reloads and restarts: the ledger is stored per workspace.
  // (Benchmarks run several peers of one workspace in one page: they keep it in memory.)
  const ledger = publish ? loadLedger(workspaceId) : new DeliveryLedger();
  const session = new SyncSession({
    doc,
    workspaceId,
    awareness,
    timings: opts.timings,
    ledger,
    member: { id: opts.memberId ?? `lab-${doc.clientID}`, name: opts.user.name, color: opts.user.color },
    // Everything typed or done here counts (the editor binding and undo use their own origins);
    // not what a peer sent, nor what local storage loads (y-dexie applies it as the provider).
    isLocalChange: (origin) => origin !== 'remote' && !(origin instanceof DexieYProvider),
    // Only verified team members count as someone our changes reached (not our own print window).
    ...(publish ? { isMember: isRosterMember } : {}),
    // What peers send is applied in short batches between other tasks (a joining laptop gets megabytes).
    applyPacing: pageApplyPacing(),
  });
  const stopPersisting = publish ? persistLedger(workspaceId, ledger) : () => {};
  // The room is named by its key (shared/sync/roomAuth.ts): after a rotation we are in another room.
  const transport = new WebrtcTransport({ password, workspaceId, signaling: opts.signaling, iceServers: opts.iceServers, session });

  const offLeft = session.onPeerLeft((id, reason) => transport.watch.note(`left ${id.slice(0, 8)} ${reason} ${JSON.stringify(session.stats)}`));
  let scheduled: ReturnType<typeof setTimeout> | null = null;
  let lastPresence: { json: string; value: Record<number, PresenceState> } = { json: '{}', value: {} };
  let wasInSync = false;
  const pushStatus = () => {
    scheduled = null;
    if (!publish) return;
    // Diagnostics: what the sync cost until in sync (sync events of the diagnostics window).
    const status = session.status();
    const inSync = status.peers.some((p) => p.connected && p.inSync);
    if (inSync && !wasInSync) transport.watch.note(`inSync ${JSON.stringify(session.stats)}`);
    wasInSync = inSync;
    const fresh: Record<number, PresenceState> = {};
    for (const [id, state] of awareness.getStates()) {
      if (id === doc.clientID) continue;
      const parsed = PresenceStateSchema.safeParse(state);
      if (parsed.success) fresh[id] = parsed.data;
    }
    // Keep the same object while nobody's presence changed, so presence badges do not re-render.
    const json = JSON.stringify(fresh);
    if (json !== lastPresence.json) lastPresence = { json, value: fresh };
    const presence = lastPresence.value;
    useSyncStore.setState({
      workspaceId,
      active: true,
      inactiveReason: null,
      signalingUp: transport.signalingUp,
      signalingUrls: opts.signaling,
      status,
      keyMismatch: transport.keyMismatch(),
      presence,
      selfClientId: doc.clientID,
    });
  };
  const schedule = () => {
    scheduled ??= setTimeout(pushStatus, 150);
  };
  const offSession = session.subscribe(schedule);
  awareness.on('change', schedule);
  const ticker = setInterval(() => session.tick(), TICK_MS);
  const refresher = setInterval(pushStatus, 1000);
  pushStatus();

  let stopped = false;
  return {
    session,
    awareness,
    transport,
    setEditing(recordId) {
      const local = awareness.getLocalState() ?? {};
      if (local.editing === recordId) return;
      awareness.setLocalState({ ...local, editing: recordId });
    },
    setUser(user) {
      session.setMember(user.name, user.color);
      awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), user });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(ticker);
      clearInterval(refresher);
      if (scheduled) clearTimeout(scheduled);
      offSession();
      offLeft();
      awareness.off('change', schedule);
      // Tell the others we left before the links go.
      awareness.setLocalState(null);
      session.destroy();
      stopPersisting();
      await transport.destroy();
      awareness.destroy();
      if (publish && useSyncStore.getState().workspaceId === workspaceId) {
        useSyncStore.setState({ active: false, signalingUp: false, status: EMPTY_STATUS, keyMismatch: null, presence: {}, selfClientId: null });
      }
    },
  };
}
