import { useEffect } from 'react';
import { create } from 'zustand';
import { announceDevice, answerClockPings, awarenessTransport, type AwarenessLike } from '../../shared/drills/awarenessClockSync';
import { ClockOffsetEstimator, measureOffset } from '../../shared/drills/clockSync';

/**
 * The exercise clock's link to the facilitator: this laptop's device id, and its estimated
 * offset to the facilitator's wall clock (facilitator = local + offset), measured over awareness
 * of whatever sync the workspace uses. The facilitator's laptop answers everyone's pings.
 * Wall clocks of laptops in one room are never assumed to agree.
 */

const DEVICE_KEY = 'crisis-room.deviceId';
let cachedDeviceId: string | null = null;

/** A stable id for this laptop (browser profile), kept across reloads. */
export function getDeviceId(): string {
  if (cachedDeviceId) return cachedDeviceId;
  let id: string | null = null;
  try {
    id = localStorage.getItem(DEVICE_KEY);
  } catch {
    /* storage unavailable: a per-session id still works */
  }
  if (!id || !/^[\w-]{8,64}$/.test(id)) {
    id = crypto.randomUUID();
    try {
      localStorage.setItem(DEVICE_KEY, id);
    } catch {
      /* ignore */
    }
  }
  cachedDeviceId = id;
  return id;
}

type AwarenessSource = () => AwarenessLike | null;
const sources = new Set<AwarenessSource>();

/**
 * Lets the sync layer offer its awareness (presence) instance for clock exchanges. Returns a
 * disposer. Without one, drills run on this laptop's own clock and say so.
 */
export function registerAwarenessSource(source: AwarenessSource): () => void {
  sources.add(source);
  useClockSync.getState().bump();
  return () => {
    sources.delete(source);
    useClockSync.getState().bump();
  };
}

function currentAwareness(): AwarenessLike | null {
  for (const s of sources) {
    const a = s();
    if (a) return a;
  }
  return null;
}

export type ClockSyncStatus = 'self' | 'syncing' | 'synced' | 'unsynced';

interface ClockSyncState {
  facilitatorDeviceId: string | null;
  status: ClockSyncStatus;
  /** Facilitator clock − this laptop's clock, ms. */
  offset: number;
  /** Round trip of the best sample (the offset is within ± rtt/2). */
  rtt: number | null;
  /** Changes when an awareness source comes or goes (restarts the loop). */
  sourceVersion: number;
  bump: () => void;
}

export const useClockSync = create<ClockSyncState>((set, get) => ({
  facilitatorDeviceId: null,
  status: 'unsynced',
  offset: 0,
  rtt: null,
  sourceVersion: 0,
  bump: () => set({ sourceVersion: get().sourceVersion + 1 }),
}));

const RESYNC_MS = 10_000;

/**
 * Keeps this laptop in step with the facilitator of the running drill (null: no drill running).
 * Mount once per open workspace (the drill indicator in the top bar does).
 */
export function useFacilitatorLink(facilitatorDeviceId: string | null): void {
  const sourceVersion = useClockSync((s) => s.sourceVersion);
  useEffect(() => {
    const me = getDeviceId();
    const awareness = currentAwareness();
    if (awareness) announceDevice(awareness, me);
    if (!facilitatorDeviceId) {
      useClockSync.setState({ facilitatorDeviceId: null, status: 'unsynced', offset: 0, rtt: null });
      return;
    }
    if (facilitatorDeviceId === me) {
      useClockSync.setState({ facilitatorDeviceId, status: 'self', offset: 0, rtt: 0 });
      return awareness ? answerClockPings(awareness, me, () => Date.now()) : undefined;
    }
    const prev = useClockSync.getState();
    useClockSync.setState({ facilitatorDeviceId, status: prev.facilitatorDeviceId === facilitatorDeviceId && prev.status === 'synced' ? 'synced' : 'syncing' });
    if (!awareness) {
      useClockSync.setState({ status: 'unsynced', offset: 0, rtt: null });
      return;
    }
    let stopped = false;
    let timer: number | undefined;
    const estimator = new ClockOffsetEstimator(20);
    const transport = awarenessTransport(awareness, me, facilitatorDeviceId, { timeoutMs: 1500 });
    const round = async () => {
      try {
        await measureOffset(transport, () => Date.now(), { samples: 5, gapMs: 80, onSample: (s) => estimator.add(s) });
        const est = estimator.estimate;
        if (!stopped && est) useClockSync.setState({ status: 'synced', offset: est.offset, rtt: est.rtt });
      } catch {
        if (!stopped && useClockSync.getState().status !== 'synced') useClockSync.setState({ status: 'unsynced' });
      }
      if (!stopped) timer = window.setTimeout(() => void round(), RESYNC_MS);
    };
    void round();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [facilitatorDeviceId, sourceVersion]);
}
