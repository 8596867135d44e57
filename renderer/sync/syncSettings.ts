import { create } from 'zustand';
import { DEFAULT_SYNC_SETTINGS, SyncSettingsSchema, type IceServer, type SyncSettings } from '../../shared/sync/settings';

const STORAGE_KEY = 'crisis-room.sync-settings';

function load(): SyncSettings {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return DEFAULT_SYNC_SETTINGS;
    const parsed = SyncSettingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_SYNC_SETTINGS;
  } catch {
    return DEFAULT_SYNC_SETTINGS;
  }
}

interface SyncSettingsStore extends SyncSettings {
  /** Replaces the LAN host addresses of one workspace. */
  setHosts: (workspaceId: string, urls: string[]) => void;
  setIceServers: (servers: IceServer[]) => void;
  setExtraSignaling: (urls: string[]) => void;
}

/**
 * Network settings of sync, on this computer only (localStorage), checked with the shared
 * schema when read and written. Defaults: LAN only, nothing public.
 */
export const useSyncSettings = create<SyncSettingsStore>((set, get) => {
  const save = (next: SyncSettings) => {
    const valid = SyncSettingsSchema.parse(next);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(valid));
    } catch {
      /* private mode: settings last for this session */
    }
    set(valid);
  };
  const current = (): SyncSettings => ({ iceServers: get().iceServers, extraSignaling: get().extraSignaling, hosts: get().hosts });
  return {
    ...load(),
    setHosts: (workspaceId, urls) => save({ ...current(), hosts: { ...current().hosts, [workspaceId]: urls } }),
    setIceServers: (iceServers) => save({ ...current(), iceServers }),
    setExtraSignaling: (extraSignaling) => save({ ...current(), extraSignaling }),
  };
});
