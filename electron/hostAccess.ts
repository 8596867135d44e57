import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { AllowHostsRequest, AllowHostsResult } from '../shared/ipc.js';
import { DEFAULT_LAN_PORT } from '../shared/sync/settings.js';
import type { Language } from '../shared/languages.js';
import { APP_HOST, APP_SCHEME } from '../shared/ipc.js';
import { cspWithConnectSrc, securityHeadersWith } from './security.js';

/**
 * Which hosts the Electron page may connect to, and the CSP `connect-src` built from exactly them.
 *
 * The page talks to signaling hosts over `ws://h:p` (`wss://`) and probes them over `http://h:p`
 * (`https://`, renderer/sync/signalingWatch.ts). Allowed are: this machine's own LAN host (loopback
 * on the default port, and its LAN addresses once started), hosts discovered nearby over mDNS, and
 * the hosts the renderer has configured (Settings → Network, the team page, invites) — each of
 * those once approved by the person in a native dialog that page script cannot answer, and kept in
 * `allowed-hosts.json` in the user-data folder so the next start's page gets them from its first load.
 *
 * A page's CSP is fixed when its document loads (a later header cannot change a running document,
 * and a policy can only be tightened from inside it). So: the CSP of each document response is
 * built from the list at that moment; a host added later is reachable after a reload (the IPC
 * answer says `reloadNeeded`); a host removed is cut off at once by the session's
 * `webRequest.onBeforeRequest` check, which applies the current list to every request.
 */

/** Where the approved list is kept, relative to the user-data folder. */
export const ALLOWED_HOSTS_FILE = 'allowed-hosts.json';

const StoredSchema = z.strictObject({ v: z.literal(1), origins: z.array(z.string().max(300)).max(256) });

// A CSP host-source: DNS labels or IPv4 only. IPv6 literals, `_`, `*` or anything else that CSP's
// grammar has no place for is refused rather than written into the policy.
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** The WebSocket origin of a signaling URL (`ws://h:p`), or null when CSP cannot name it. */
export function socketOrigin(signalingUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(signalingUrl);
  } catch {
    return null;
  }
  if ((url.protocol !== 'ws:' && url.protocol !== 'wss:') || url.username || url.password || !HOST.test(url.hostname)) return null;
  return `${url.protocol}//${url.host}`;
}

/** The CSP sources for one WebSocket origin: itself and its HTTP twin for the reachability probe. */
export function sourcesFor(wsOrigin: string): [string, string] {
  return [wsOrigin, wsOrigin.replace(/^ws(s?):/, 'http$1:')];
}

/** Asks the person whether the page may connect to `origins` (true: allowed). */
export type ConfirmHosts = (origins: readonly string[], language: Language) => Promise<boolean>;

export interface HostAccessDeps {
  /** The JSON file keeping the approved hosts (absent: nothing approved yet). */
  file: string;
  /** Native confirmation; the default in app.ts is a modal message box on the calling window. */
  confirm: ConfirmHosts;
  log?: (message: string) => void;
}

export interface HostAccess {
  /** Reads the approved list (call once before the first window loads). */
  load(): Promise<void>;
  /** Every origin allowed now (ws/wss and http/https), sorted. */
  origins(): string[];
  /** The CSP for a document loaded now. */
  csp(): string;
  /** Security headers for a response sent now. */
  headers(): Record<string, string>;
  /** Records that a document got {@link headers} (its CSP is what the page has until it reloads). */
  documentServed(): void;
  /** Whether the page may make this request now (only ws/wss/http/https are checked). */
  allowsRequest(url: string): boolean;
  /** This machine's own LAN host, from its status (`urls` and `port`). */
  setOwnHost(status: { running: boolean; urls: readonly string[]; port: number | null }): void;
  /** Hosts found nearby over mDNS right now (signaling URLs). */
  setDiscovered(urls: readonly string[]): void;
  /** The renderer's configured hosts (all of them): new ones are confirmed by the person first. */
  update(request: AllowHostsRequest, confirm?: ConfirmHosts): Promise<AllowHostsResult>;
}

const LOOPBACK = [`ws://127.0.0.1:${DEFAULT_LAN_PORT}`, `ws://localhost:${DEFAULT_LAN_PORT}`];

export function createHostAccess(deps: HostAccessDeps): HostAccess {
  const log = deps.log ?? ((m: string) => console.warn(`[hosts] ${m}`));
  let approved = new Set<string>();
  let own = new Set<string>(LOOPBACK);
  let discovered = new Set<string>();
  let inDocument: Set<string> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const allowedSockets = (): Set<string> => new Set([...own, ...discovered, ...approved]);
  const origins = (): string[] => [...new Set([...allowedSockets()].flatMap(sourcesFor))].sort();
  const csp = (): string => cspWithConnectSrc(["'self'", `${APP_SCHEME}://${APP_HOST}`, ...origins()]);
  const socketsOf = (urls: readonly string[]) => urls.map(socketOrigin).filter((o): o is string => o !== null);

  const save = async (): Promise<void> => {
    const tmp = `${deps.file}.tmp`;
    try {
      await mkdir(dirname(deps.file), { recursive: true });
      await writeFile(tmp, JSON.stringify({ v: 1, origins: [...approved].sort() }), 'utf8');
      await rename(tmp, deps.file);
    } catch (err) {
      log(`could not save the allowed hosts: ${(err as Error).message}`);
    }
  };

  const update = async (request: AllowHostsRequest, confirm: ConfirmHosts): Promise<AllowHostsResult> => {
    const invalid = request.hosts.filter((u) => socketOrigin(u) === null);
    const wanted = new Set(socketsOf(request.hosts));
    const known = allowedSockets();
    const fresh = [...wanted].filter((o) => !known.has(o)).sort();
    const granted = fresh.length > 0 && (await confirm(fresh, request.language).catch(() => false));
    // Exactly the configured hosts stay approved: one no longer configured is dropped.
    approved = new Set([...wanted].filter((o) => known.has(o) || granted));
    await save();
    const declined = granted ? [] : fresh;
    const page = inDocument;
    const reloadNeeded = page !== null && [...approved].flatMap(sourcesFor).some((s) => !page.has(s));
    return { origins: origins(), declined, invalid, reloadNeeded };
  };

  return {
    async load() {
      try {
        const parsed = StoredSchema.safeParse(JSON.parse(await readFile(deps.file, 'utf8')));
        if (parsed.success) approved = new Set(parsed.data.origins.filter((o) => socketOrigin(o) === o));
        else log('ignored an allowed-hosts file that is not valid');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log(`could not read the allowed hosts: ${(err as Error).message}`);
      }
    },
    origins,
    csp,
    headers: () => securityHeadersWith(csp()),
    documentServed() {
      inDocument = new Set(origins());
    },
    allowsRequest(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (!['ws:', 'wss:', 'http:', 'https:'].includes(parsed.protocol)) return true;
      return origins().includes(`${parsed.protocol}//${parsed.host}`);
    },
    setOwnHost(status) {
      const extra = status.running && status.port ? [`ws://127.0.0.1:${status.port}`, ...status.urls] : [];
      own = new Set([...LOOPBACK, ...socketsOf(extra)]);
    },
    setDiscovered(urls) {
      discovered = new Set(socketsOf(urls));
    },
    update(request, confirm = deps.confirm) {
      // One at a time: a second call waits for the person's answer to the first.
      const next = queue.then(() => update(request, confirm));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
