import { z } from 'zod';

/**
 * Network settings of peer-to-peer sync. By default nothing outside the LAN is contacted: no STUN
 * or TURN server and only the LAN host's signaling URL. Teams that work across networks add
 * their own STUN/TURN servers and extra signaling servers here.
 */

/** Port of the LAN host's signaling server unless configured otherwise. */
export const DEFAULT_LAN_PORT = 4444;

/** A signaling server URL (WebSocket). */
export const SignalingUrlSchema = z
  .string()
  .max(200)
  .refine((u) => {
    try {
      const url = new URL(u);
      return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname.length > 0 && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'a signaling address looks like ws://192.168.1.20:4444/signal');

/** A STUN or TURN server, as RTCPeerConnection takes it. */
export const IceServerSchema = z.strictObject({
  urls: z.string().max(200).regex(/^(stun|stuns|turn|turns):[^\s]+$/, 'a STUN/TURN address starts with stun:, stuns:, turn: or turns:'),
  username: z.string().max(200).optional(),
  credential: z.string().max(200).optional(),
});
/** A STUN or TURN server. */
export type IceServer = z.infer<typeof IceServerSchema>;

/** Sync settings kept on this computer. */
export const SyncSettingsSchema = z.strictObject({
  /** STUN/TURN servers (empty: LAN only). */
  iceServers: z.array(IceServerSchema).max(10).default([]),
  /** Signaling servers used in addition to the workspace's LAN host. */
  extraSignaling: z.array(SignalingUrlSchema).max(10).default([]),
  /** The LAN host each workspace connects to (workspace id → signaling URLs). */
  hosts: z.record(z.string().max(64), z.array(SignalingUrlSchema).max(4)).default({}),
});
/** Sync settings kept on this computer. */
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

/** Settings before the user changed anything: LAN only. */
export const DEFAULT_SYNC_SETTINGS: SyncSettings = { iceServers: [], extraSignaling: [], hosts: {} };

/** Signaling URLs for a workspace: its hosts, then the extra servers, without duplicates. */
export function signalingUrlsFor(settings: SyncSettings, workspaceId: string): string[] {
  return [...new Set([...(settings.hosts[workspaceId] ?? []), ...settings.extraSignaling])];
}
