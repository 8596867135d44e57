import os from 'node:os';
import { LanHostStartSchema, LAN_HOST_STOPPED, type LanHostService, type LanHostStatus, type NearbyHost } from '../../shared/ipc.js';
import { startSignalingServer, type SignalingOptions, type StandaloneSignaling } from './signaling.js';
import { DEFAULT_LAN_PORT } from '../../shared/sync/settings.js';

/**
 * The LAN host: runs the signaling server on this machine and advertises it on the LAN over
 * mDNS (`_crisisroom._tcp`), and lists the hosts colleagues advertise. The advertisement carries
 * only the app version and the host's name: never a workspace id or a room key (rooms are found
 * by name on the signaling server, and their messages are encrypted with the room key).
 */

/** mDNS service type (`_crisisroom._tcp`). */
export const SERVICE_TYPE = 'crisisroom';
export { DEFAULT_LAN_PORT };

/** The part of bonjour-service's Service we use. */
export interface AdvertisedLike {
  stop?: CallableFunction;
  on?(event: 'error', listener: (err: Error) => void): unknown;
}

/** The part of a discovered bonjour-service Service we read. */
export interface DiscoveredLike {
  name: string;
  host?: string;
  port: number;
  addresses?: string[];
  txt?: Record<string, unknown>;
}

/** The part of bonjour-service's Browser we use. */
export interface BrowserLike {
  on(event: 'up' | 'down', listener: (service: DiscoveredLike) => void): unknown;
  stop(): void;
}

/** The part of bonjour-service's Bonjour we use (tests pass a fake; no multicast in tests). */
export interface BonjourLike {
  publish(config: { name: string; type: string; port: number; txt: Record<string, string>; probe?: boolean }): AdvertisedLike;
  find(config: { type: string }): BrowserLike;
  unpublishAll(callback?: CallableFunction): void;
  destroy(callback?: CallableFunction): void;
}

export interface LanHostDeps {
  appVersion: string;
  /** This computer's name (shown to colleagues). */
  hostName?: string;
  /** Creates the mDNS responder (default: bonjour-service). */
  bonjour?: () => Promise<BonjourLike>;
  /** Starts the signaling server (default: its own HTTP server on all interfaces). */
  startSignaling?: (port: number) => Promise<Pick<StandaloneSignaling, 'port' | 'close'> & { connections(): number }>;
  networkInterfaces?: () => NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  signalingOptions?: Partial<SignalingOptions>;
  /** Forget a nearby host not heard of for this long. */
  nearbyTtlMs?: number;
  now?: () => number;
}

/** LAN addresses (IPv4, not loopback or link-local) of this machine. */
export function lanAddresses(ifaces: NodeJS.Dict<os.NetworkInterfaceInfo[]>): string[] {
  const out: string[] = [];
  for (const list of Object.values(ifaces)) {
    for (const a of list ?? []) {
      if (a.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.')) out.push(a.address);
    }
  }
  return [...new Set(out)];
}

async function defaultBonjour(): Promise<BonjourLike> {
  const mod = (await import('bonjour-service')) as unknown as { Bonjour: new (opts?: object, onError?: (e: Error) => void) => BonjourLike };
  return new mod.Bonjour({}, (err: Error) => console.warn('[lan] mDNS error:', err.message));
}

/** Creates the LAN host service that main (and the Node web host) delegate to. */
export function createLanHostService(deps: LanHostDeps): LanHostService & { dispose(): Promise<void> } {
  const ifaces = deps.networkInterfaces ?? (() => os.networkInterfaces());
  const hostName = (deps.hostName ?? os.hostname()).slice(0, 64) || 'crisis-room';
  const now = deps.now ?? (() => Date.now());
  const ttl = deps.nearbyTtlMs ?? 5 * 60_000;
  const startSignaling =
    deps.startSignaling ??
    (async (port: number) => {
      const s = await startSignalingServer({ host: '0.0.0.0', port, ...deps.signalingOptions });
      return { port: s.port, close: s.close, connections: () => s.hub.stats().connections };
    });

  let server: Awaited<ReturnType<typeof startSignaling>> | null = null;
  let bonjour: BonjourLike | null = null;
  let browser: BrowserLike | null = null;
  let advertised: { name: string } | null = null;
  let lastError: string | undefined;
  const nearby = new Map<string, NearbyHost>();

  const ensureBonjour = async () => {
    bonjour ??= await (deps.bonjour ?? defaultBonjour)();
    if (!browser) {
      browser = bonjour.find({ type: SERVICE_TYPE });
      browser.on('up', (svc) => {
        for (const host of toNearby(svc)) nearby.set(host.url, host);
      });
      browser.on('down', (svc) => {
        for (const host of toNearby(svc)) nearby.delete(host.url);
      });
    }
    return bonjour;
  };

  const toNearby = (svc: DiscoveredLike): NearbyHost[] => {
    if (typeof svc.port !== 'number' || svc.port <= 0 || svc.port > 65535) return [];
    const ipv4 = (svc.addresses ?? []).filter((a) => /^\d{1,3}(\.\d{1,3}){3}$/.test(a));
    const name = String(svc.name ?? '').slice(0, 64) || 'crisis-room';
    return ipv4.map((a) => ({ name, url: `ws://${a}:${svc.port}/signal`, seenAt: now() }));
  };

  const status = (): LanHostStatus => {
    if (!server) return { ...LAN_HOST_STOPPED, ...(lastError ? { error: lastError } : {}) };
    return {
      running: true,
      port: server.port,
      urls: lanAddresses(ifaces()).map((a) => `ws://${a}:${server!.port}/signal`),
      advertised: advertised !== null,
      name: advertised?.name ?? hostName,
      connections: server.connections(),
    };
  };

  const stop = async () => {
    if (bonjour && advertised) await new Promise<void>((r) => bonjour!.unpublishAll(() => r()));
    advertised = null;
    if (server) await server.close();
    server = null;
  };

  return {
    async start(raw) {
      const options = LanHostStartSchema.parse(raw);
      if (server) await stop();
      lastError = undefined;
      try {
        server = await startSignaling(options.port ?? DEFAULT_LAN_PORT);
      } catch (err) {
        lastError = (err as Error).message;
        return status();
      }
      if (options.advertise) {
        try {
          const b = await ensureBonjour();
          const name = options.name ?? hostName;
          // Only the app version and the host's name: nothing about workspaces or keys.
          const svc = b.publish({ name, type: SERVICE_TYPE, port: server.port, txt: { v: deps.appVersion, host: hostName } });
          svc.on?.('error', (err) => {
            lastError = err.message;
          });
          advertised = { name };
        } catch (err) {
          lastError = `mDNS: ${(err as Error).message}`;
        }
      }
      return status();
    },
    stop: async () => {
      await stop();
      return status();
    },
    status: async () => status(),
    async nearby() {
      try {
        await ensureBonjour();
      } catch (err) {
        lastError = `mDNS: ${(err as Error).message}`;
        return [];
      }
      const own = new Set(server ? status().urls : []);
      const fresh = now() - ttl;
      for (const [url, h] of nearby) if (h.seenAt < fresh) nearby.delete(url);
      return [...nearby.values()].filter((h) => !own.has(h.url)).sort((a, b) => a.name.localeCompare(b.name));
    },
    async dispose() {
      await stop();
      browser?.stop();
      browser = null;
      if (bonjour) await new Promise<void>((r) => bonjour!.destroy(() => r()));
      bonjour = null;
    },
  };
}
