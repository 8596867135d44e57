import { create } from 'zustand';
import type { AllowHostsResult } from '../../shared/ipc';
import { getPlatform } from '../platform';
import { useSession } from '../session/sessionStore';
import { useSyncSettings } from './syncSettings';

/**
 * Keeps main's list of hosts the page may connect to (Electron: the CSP's connect-src, see
 * electron/hostAccess.ts) equal to the hosts configured here: every workspace's hosts and the extra
 * signaling servers, whichever screen changed them (Settings → Network, the team page, an invite).
 * Main asks the person before it allows a host it has not allowed before. A page keeps the CSP it
 * loaded with, so a newly allowed host needs a reload (`reloadNeeded`). In web mode nothing is
 * enforced and nothing is sent.
 */

interface HostAccessState {
  /** An allowed host is missing from this page's CSP: reload to connect to it. */
  reloadNeeded: boolean;
  /** New hosts the person did not allow. */
  declined: string[];
  /** Configured addresses a CSP cannot name. */
  invalid: string[];
  error: string | null;
}

export const useHostAccess = create<HostAccessState>(() => ({ reloadNeeded: false, declined: [], invalid: [], error: null }));

/** Every configured signaling host, sorted, without duplicates. */
export function configuredHosts(settings: { hosts: Record<string, string[]>; extraSignaling: string[] } = useSyncSettings.getState()): string[] {
  return [...new Set([...Object.values(settings.hosts).flat(), ...settings.extraSignaling])].sort();
}

let sent: string | null = null;
let latest: Promise<AllowHostsResult | null> = Promise.resolve(null);

/**
 * Tells main the configured hosts when they changed since last time (or always with `force`, e.g.
 * when the person saves the network settings again to be asked about a host they declined); null
 * where nothing is enforced.
 */
export function syncAllowedHosts(force = false): Promise<AllowHostsResult | null> {
  let platform;
  try {
    platform = getPlatform();
  } catch {
    return Promise.resolve(null);
  }
  if (!platform.hosts.enforced) return Promise.resolve(null);
  const hosts = configuredHosts();
  const key = JSON.stringify(hosts);
  if (key === sent && !force) return latest;
  sent = key;
  const { allow } = platform.hosts;
  latest = latest
    .catch(() => null)
    .then(() => allow({ hosts, language: useSession.getState().language }))
    .then((result) => {
      useHostAccess.setState({ reloadNeeded: result.reloadNeeded, declined: result.declined, invalid: result.invalid, error: null });
      return result;
    })
    .catch((err: unknown) => {
      sent = null;
      useHostAccess.setState({ error: (err as Error).message });
      return null;
    });
  return latest;
}

let installed = false;

/** Sends the configured hosts at start and whenever they change (once, from app wiring). */
export function installHostAccess(): () => void {
  if (installed) return () => {};
  installed = true;
  void syncAllowedHosts();
  const stop = useSyncSettings.subscribe(() => void syncAllowedHosts());
  return () => {
    stop();
    installed = false;
  };
}

/** After hosts were added (e.g. by joining): reloads the page when its CSP lacks an allowed host. */
export async function reloadIfHostsNeedIt(reload: () => void = () => window.location.reload()): Promise<boolean> {
  const result = await syncAllowedHosts();
  if (!result?.reloadNeeded) return false;
  reload();
  return true;
}
