// The web-mode entry point: what `npm start` runs when Electron cannot start. It serves the same
// built app as Electron, on loopback, from the Node host.
import { lanHostUnavailable } from './host/unavailable.js';
import { startWebHost, type WebHost } from './host/webHost.js';

export interface WebModeOptions {
  distDir: string;
  version: string;
  port?: number;
}

/** Starts the Node host (and, once wired, the LAN host on the same server). */
export async function startWebMode(options: WebModeOptions): Promise<WebHost> {
  // Wire point: replace with the LAN host from electron/host/ and mount its signaling server with
  // `host.attachUpgrade('/signal', …)` once it exists.
  const lanHost = lanHostUnavailable('LAN hosting is not available in this build.');
  return startWebHost({ ...options, lanHost });
}
