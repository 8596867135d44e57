import { create } from 'zustand';
import { LAN_HOST_STOPPED, type LanHostStatus, type NearbyHost } from '../../shared/ipc';
import { getPlatform } from '../platform';

interface LanHostState {
  status: LanHostStatus;
  nearby: NearbyHost[];
  busy: boolean;
  /** Why the last action failed (message text), or null. */
  error: string | null;
  /** This computer can start/stop hosting (Electron); in web mode the Node host does. */
  canControl: boolean;
  refresh: () => Promise<void>;
  start: (name?: string) => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * The LAN host on this computer and the hosts colleagues advertise nearby, through the
 * platform adapter (Electron IPC, or the Node host's /api/host in web mode).
 */
export const useLanHost = create<LanHostState>((set, get) => {
  const run = async (action: () => Promise<LanHostStatus | void>) => {
    set({ busy: true, error: null });
    try {
      const status = await action();
      if (status) set({ status });
    } catch (err) {
      set({ error: (err as Error).message });
    } finally {
      set({ busy: false });
    }
  };
  return {
    status: LAN_HOST_STOPPED,
    nearby: [],
    busy: false,
    error: null,
    canControl: safeCan(),
    refresh: async () => {
      const host = getPlatform().lanHost;
      try {
        const [status, nearby] = await Promise.all([host.status(), host.nearby()]);
        set({ status, nearby });
      } catch (err) {
        set({ error: (err as Error).message });
      }
    },
    start: (name) => run(() => getPlatform().lanHost.start({ advertise: true, ...(name ? { name: name.slice(0, 64) } : {}) })),
    stop: () => run(() => getPlatform().lanHost.stop()).then(() => void get().refresh()),
  };
});

function safeCan(): boolean {
  try {
    return getPlatform().can.hostControl;
  } catch {
    return false;
  }
}

/** Signaling URL of the LAN host on this computer (loopback, immune to address changes), or null. */
export function localHostUrl(status: LanHostStatus): string | null {
  return status.running && status.port ? `ws://127.0.0.1:${status.port}/signal` : null;
}
