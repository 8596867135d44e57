import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { LanHostStartSchema, LAN_HOST_STOPPED, type LanHostService, type LanHostStatus, type NearbyHost } from '../../shared/ipc.js';
import { startSignalingServer, type SignalingOptions, type StandaloneSignaling } from './signaling.js';
import { DEFAULT_LAN_PORT } from '../../shared/sync/settings.js';

/**
 * The LAN host: runs the signaling server on this machine and advertises it on the LAN over
 * mDNS (`_crisisroom._tcp`), and lists the hosts colleagues advertise. The advertisement carries
 * nothing personal and nothing about workspaces: a random instance name made once per run
 * (`crisis-room-<8 hex>`, also used as the mDNS host name instead of the computer's name, which
 * bonjour-service would take from os.hostname()), the signaling port (SRV) and the protocol
 * version (TXT `proto`); IPv4 address records only (IPv6 addresses can embed the network card's
 * MAC address). No member name, no computer name, no app version, no workspace id, no room key
 * (rooms are found by name on the signaling server, and their messages are encrypted with the room key).
 */

/** mDNS service type (`_crisisroom._tcp`). */
export const SERVICE_TYPE = 'crisisroom';
/** Version of the signaling protocol a host speaks, advertised as TXT `proto`. */
export const LAN_PROTOCOL_VERSION = '1';

/** A random instance name for one run (`crisis-room-` + 8 hex digits): says nothing about the person or computer. */
export function randomInstanceName(): string {
  return `crisis-room-${randomBytes(4).toString('hex')}`;
}

/** What this machine announces over mDNS (all of it: tests compare it whole). */
export interface Advertisement {
  name: string;
  type: string;
  port: number;
  /** mDNS host name of the SRV target and the A records (bonjour-service would use os.hostname()). */
  host: string;
  txt: Record<string, string>;
  /** No AAAA records: SLAAC IPv6 addresses may carry the network card's MAC address. */
  disableIPv6: true;
}

/** The advertisement of a signaling server on `port` under the run's instance name. */
export function advertisementFor(instance: string, port: number): Advertisement {
  return { name: instance, type: SERVICE_TYPE, port, host: `${instance}.local`, txt: { proto: LAN_PROTOCOL_VERSION }, disableIPv6: true };
}
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
  publish(config: Advertisement & { probe?: boolean }): AdvertisedLike;
  find(config: { type: string }): BrowserLike;
  unpublishAll(callback?: CallableFunction): void;
  destroy(callback?: CallableFunction): void;
}

export interface LanHostDeps {
  /** The app version (kept for callers; not advertised: it would only help fingerprint the machine). */
  appVersion: string;
  /** The instance name advertised for this run (default: {@link randomInstanceName}). */
  instanceName?: string;
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
  // Never os.hostname() or a member's name: the LAN sees only this random name.
  const instance = deps.instanceName ?? randomInstanceName();
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
      name: advertised?.name ?? instance,
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
          // `options.name` (a person's name from older renderers) is deliberately not advertised.
          const ad = advertisementFor(instance, server.port);
          const name = ad.name;
          const svc = b.publish(ad);
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
