// The web-mode entry point: what `npm start` runs when Electron cannot start. It serves the same
// built app as Electron, on loopback, from the Node host, and hosts the team's signaling server
// on the LAN (as a member's Electron app does from its "Host" button).
import { createLanHostService } from './host/lan.js';
import { startWebHost, type WebHost } from './host/webHost.js';
import type { LanHostStatus } from '../shared/ipc.js';

// For npm start (scripts/start.mjs): what to tell the person when the desktop app cannot start.
export { classifyDesktopFailure, desktopUnavailableMessage, terminalLanguage } from './host/unavailable.js';

export interface WebModeOptions {
  distDir: string;
  version: string;
  port?: number;
  /** Start the LAN host (signaling + mDNS) at once. Default true; `CRISIS_ROOM_LAN=off` disables. */
  hostLan?: boolean;
}

export interface WebMode extends WebHost {
  /** The LAN host's status after start (null when not started). */
  lan: LanHostStatus | null;
}

/** Starts the Node host and, unless disabled, the LAN host beside it. */
export async function startWebMode(options: WebModeOptions): Promise<WebMode> {
  const lanHost = createLanHostService({ appVersion: options.version });
  const host = await startWebHost({ ...options, lanHost });
  let lan: LanHostStatus | null = null;
  if (options.hostLan ?? process.env.CRISIS_ROOM_LAN !== 'off') {
    lan = await lanHost.start({ advertise: true });
  }
  return {
    ...host,
    lan,
    close: async () => {
      await lanHost.dispose();
      await host.close();
    },
  };
}
