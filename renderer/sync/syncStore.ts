import { create } from 'zustand';
import { z } from 'zod';
import type { SyncStatus } from '../../shared/sync/status';
import type { KeyMismatch } from './keyCheck';

/** What a peer shows of itself (its awareness state), validated before display. */
export const PresenceStateSchema = z.object({
  user: z.object({
    name: z.string().max(80),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  }),
  editing: z.string().max(200).nullable().optional(),
});
/** What a peer shows of itself. */
export type PresenceState = z.infer<typeof PresenceStateSchema>;

/** Sync state of the open workspace, for the UI (written only by the sync service). */
export interface SyncStoreState {
  workspaceId: string | null;
  /** Sync runs for the open workspace. */
  active: boolean;
  /** Why sync is not running (i18n key under `sync:`), e.g. no host configured. */
  inactiveReason: string | null;
  signalingUp: boolean;
  signalingUrls: string[];
  status: SyncStatus;
  /** Members of this workspace are reachable but hold another room key (null: no sign of it). */
  keyMismatch: KeyMismatch | null;
  /** Presence of the other members, by their client id. */
  presence: Record<number, PresenceState>;
  /** Our own client id (to leave ourselves out of presence lists). */
  selfClientId: number | null;
}

export const EMPTY_STATUS: SyncStatus = { online: false, peers: [], members: [], hasMembers: false, unreachedChanges: 0, unreachedSince: null, localChanges: 0 };

export const useSyncStore = create<SyncStoreState>(() => ({
  workspaceId: null,
  active: false,
  inactiveReason: null,
  signalingUp: false,
  signalingUrls: [],
  status: EMPTY_STATUS,
  keyMismatch: null,
  presence: {},
  selfClientId: null,
}));
