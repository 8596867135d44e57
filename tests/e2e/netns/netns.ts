/**
 * Network-namespace lab for real WebRTC peers (run as root): a hub namespace with a bridge, the
 * signaling + static server, and one namespace per peer joined to the bridge by a veth pair.
 * Each peer's Chromium runs inside its namespace (Playwright talks to it over the launch pipe,
 * which `ip netns exec` passes through). Cutting a peer takes its veth down on the hub side
 * (other ways: see CutMode). With `appDir`, every peer also runs its own static server on
 * 127.0.0.1 inside its namespace: the app is loaded locally, as Electron loads it from app://, so
 * a reload while cut off still works and the page is a secure context (WebCrypto).
 *
 * Every name carries this process's pid, so concurrent runs never collide and leftovers of a
 * crashed run are swept by the next one. `dispose()` always removes everything it made.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../../playwright.config';
import { chromiumCommandLine } from '../../../electron/switches';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const PREFIX = 'crsync';

function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * ARP retries every 100 ms instead of 1 s on a lab interface. After a link comes back the kernel
 * re-resolves the neighbour only at its next retry; with Linux's default that alone adds up to a
 * second of dead time, which would measure the lab's ARP timer rather than the app.
 */
function fastArp(ns: string, dev: string): void {
  execFileSync('ip', ['netns', 'exec', ns, 'sh', '-c', `echo 100 > /proc/sys/net/ipv4/neigh/${dev}/retrans_time_ms`], { stdio: 'ignore' });
}

/**
 * Waits until no namespace holds a tentative IPv6 address (duplicate-address detection of the
 * link-local addresses the kernel gives each new interface, ~1–2 s). A browser started earlier
 * sees those addresses appear and aborts its requests in flight with ERR_NETWORK_CHANGED: the
 * app's first page load then lost its module scripts and never started (a flake of every spec
 * that opens the app in the lab). Kernel defaults stay as they are; the lab is only returned
 * once its addresses are settled.
 */
async function addressesSettled(namespaces: readonly string[], timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy = namespaces.filter((ns) => ip('-n', ns, '-6', 'addr', 'show', 'tentative').trim() !== '');
    if (busy.length === 0) return;
    if (Date.now() > deadline) throw new Error(`IPv6 addresses still tentative after ${timeoutMs} ms in ${busy.join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether this machine can run the lab (root, `ip netns`, Chromium). */
export function netnsAvailable(): { ok: boolean; reason?: string } {
  if (process.getuid?.() !== 0) return { ok: false, reason: 'network namespaces need root' };
  try {
    ip('netns', 'list');
    execFileSync('test', ['-x', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium']);
  } catch (err) {
    return { ok: false, reason: `ip netns or chromium unavailable: ${(err as Error).message}` };
  }
  return { ok: true };
}

/** Deletes namespaces left by lab runs whose process is gone. */
export function sweepStale(): void {
  const list = ip('netns', 'list');
  for (const line of list.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const m = new RegExp(`^${PREFIX}-(\\d+)-`).exec(name);
    if (!m) continue;
    let alive = true;
    try {
      process.kill(Number(m[1]), 0);
    } catch {
      alive = false;
    }
    if (!alive) {
      try {
        ip('netns', 'del', name);
      } catch {
        /* already gone */
      }
    }
  }
}

export interface LabPeer {
  index: number;
  ns: string;
  ip: string;
  browser: Browser | null;
  /** The app served inside this peer's namespace (only with `appDir`). */
  appUrl: string | null;
}

/**
 * How a peer is cut off:
 * - `hubLink`: its veth is taken down on the hub side (the peer sees its carrier drop);
 * - `peerLink`: its own end (eth0) is taken down (routes go with it and are put back on restore);
 * - `bridgePort`: both ends stay up and the hub's bridge stops forwarding the port, like a switch
 *   that silently drops everything (no carrier change anywhere).
 */
export type CutMode = 'hubLink' | 'peerLink' | 'bridgePort';

export interface NetnsLabOptions {
  /**
   * Leave every neighbour (ARP) setting at the kernel's defaults. The default (false) keeps the
   * lab's 100 ms ARP retry (see fastArp), which older tests were tuned with.
   */
  kernelDefaults?: boolean;
  /** Serve this directory to each peer from 127.0.0.1:`appPort` inside its own namespace. */
  appDir?: string;
  appPort?: number;
  /** Send the app's security headers (its real CSP) from the per-peer servers. Default true. */
  appCsp?: boolean;
}

export interface NetnsLab {
  hubIp: string;
  port: number;
  /** Base URL of the hub (page) as seen from the peers. */
  url: string;
  /** Signaling URL as seen from the peers. */
  signalingUrl: string;
  peers: LabPeer[];
  /** Whether ARP was left at kernel defaults. */
  kernelDefaults: boolean;
  launch(index: number, extraArgs?: string[]): Promise<Browser>;
  cut(index: number, mode?: CutMode): void;
  /** Undoes the cut of `index` (whichever mode cut it); no-op when it is not cut. */
  restore(index: number): void;
  /** Cuts every peer at once (one `-batch` for the hub-side modes, so all links drop together). */
  cutAll(mode?: CutMode): void;
  restoreAll(): void;
  /** Which peers are cut now. */
  cutPeers(): number[];
  /** Neighbour settings of a peer's eth0, to print what the run measured with. */
  neighSettings(index: number): Record<string, string>;
  dispose(): Promise<void>;
}

let counter = 0;

/** Starts hubServer.ts inside `ns` and waits for its "hub ready" line. */
async function startServer(ns: string, args: string[], what: string): Promise<ChildProcess> {
  const child = spawn('ip', ['netns', 'exec', ns, process.execPath, TSX, join(import.meta.dirname, 'hubServer.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 20 s`)), 20_000);
    let err = '';
    child.stderr!.on('data', (d) => (err += String(d)));
    child.stdout!.on('data', (d) => {
      if (String(d).includes('hub ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}): ${err}`));
    });
  });
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Builds the lab with `count` peers and starts the hub server on `staticDir`. */
export async function createNetnsLab(count: number, staticDir: string, opts: NetnsLabOptions = {}): Promise<NetnsLab> {
  sweepStale();
  const kernelDefaults = opts.kernelDefaults ?? false;
  const tuneArp = (ns: string, dev: string) => {
    if (!kernelDefaults) fastArp(ns, dev);
  };
  const appPort = opts.appPort ?? 5178;
  const id = `${PREFIX}-${process.pid}-${counter++}`;
  const hub = `${id}-hub`;
  const tmp = join(ROOT, '.tmp', 'netns', id);
  const made: string[] = [];
  const servers: ChildProcess[] = [];
  const peers: LabPeer[] = [];
  const cuts = new Map<number, CutMode>();
  const dispose = async () => {
    for (const p of peers) await p.browser?.close().catch(() => {});
    await Promise.all(servers.map(stopServer));
    for (const ns of made.reverse()) {
      try {
        ip('netns', 'del', ns);
      } catch {
        /* already gone */
      }
    }
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    mkdirSync(tmp, { recursive: true });
    ip('netns', 'add', hub);
    made.push(hub);
    ip('-n', hub, 'link', 'set', 'lo', 'up');
    ip('-n', hub, 'link', 'add', 'br0', 'type', 'bridge', 'forward_delay', '0');
    ip('-n', hub, 'addr', 'add', '10.77.0.1/24', 'dev', 'br0');
    ip('-n', hub, 'link', 'set', 'br0', 'up');
    tuneArp(hub, 'br0');
    for (let i = 0; i < count; i++) {
      const ns = `${id}-p${i}`;
      ip('netns', 'add', ns);
      made.push(ns);
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      ip('-n', hub, 'link', 'add', `vh${i}`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns);
      ip('-n', hub, 'link', 'set', `vh${i}`, 'master', 'br0');
      ip('-n', hub, 'link', 'set', `vh${i}`, 'up');
      const addr = `10.77.0.${10 + i}`;
      ip('-n', ns, 'addr', 'add', `${addr}/24`, 'dev', 'eth0');
      ip('-n', ns, 'link', 'set', 'eth0', 'up');
      ip('-n', ns, 'route', 'add', 'default', 'via', '10.77.0.1');
      tuneArp(ns, 'eth0');
      peers.push({ index: i, ns, ip: addr, browser: null, appUrl: null });
    }
    await addressesSettled(made);
    const port = 8080;
    servers.push(await startServer(hub, ['--dir', staticDir, '--port', String(port)], 'hub server'));
    if (opts.appDir) {
      const csp = opts.appCsp ?? true;
      const started = await Promise.all(peers.map((p) => startServer(p.ns, ['--dir', opts.appDir!, '--port', String(appPort), '--host', '127.0.0.1', '--no-signaling', ...(csp ? ['--csp'] : [])], `app server of peer ${p.index}`)));
      servers.push(...started);
      for (const p of peers) p.appUrl = `http://127.0.0.1:${appPort}/`;
    }

    type Command = { tool: 'ip' | 'bridge'; ns: string; args: string[] };
    const cutCommands = (index: number, mode: CutMode, down: boolean): Command[] => {
      const p = peers[index];
      if (!p) throw new Error(`no peer ${index}`);
      switch (mode) {
        case 'hubLink':
          return [{ tool: 'ip', ns: hub, args: ['link', 'set', `vh${index}`, down ? 'down' : 'up'] }];
        case 'bridgePort':
          // 0 = disabled (drops everything, both ways), 3 = forwarding. (`ip link set … type
          // bridge_slave state` is silently ignored by iproute2 6.1; `bridge link set` works.)
          return [{ tool: 'bridge', ns: hub, args: ['link', 'set', 'dev', `vh${index}`, 'state', down ? '0' : '3'] }];
        case 'peerLink':
          // Taking eth0 down drops its routes; the default route has to be put back.
          return down
            ? [{ tool: 'ip', ns: p.ns, args: ['link', 'set', 'eth0', 'down'] }]
            : [
                { tool: 'ip', ns: p.ns, args: ['link', 'set', 'eth0', 'up'] },
                { tool: 'ip', ns: p.ns, args: ['route', 'replace', 'default', 'via', '10.77.0.1', 'dev', 'eth0'] },
              ];
      }
    };
    /** Runs commands; those for one tool and namespace go through one `-batch` so they land together. */
    const run = (cmds: Command[]) => {
      const groups = new Map<string, Command[]>();
      for (const c of cmds) groups.set(`${c.tool} ${c.ns}`, [...(groups.get(`${c.tool} ${c.ns}`) ?? []), c]);
      for (const list of groups.values()) {
        const { tool, ns } = list[0]!;
        if (list.length === 1) execFileSync(tool, ['-n', ns, ...list[0]!.args], { stdio: ['ignore', 'pipe', 'pipe'] });
        else execFileSync(tool, ['-n', ns, '-batch', '-'], { input: list.map((c) => c.args.join(' ')).join('\n') + '\n', stdio: ['pipe', 'pipe', 'pipe'] });
      }
    };
    const cut = (indexes: number[], mode: CutMode) => {
      const todo = indexes.filter((i) => !cuts.has(i));
      run(todo.flatMap((i) => cutCommands(i, mode, true)));
      for (const i of todo) cuts.set(i, mode);
    };
    const restore = (indexes: number[]) => {
      const todo = indexes.filter((i) => cuts.has(i));
      run(todo.flatMap((i) => cutCommands(i, cuts.get(i)!, false)));
      for (const i of todo) cuts.delete(i);
    };

    const lab: NetnsLab = {
      hubIp: '10.77.0.1',
      port,
      url: `http://10.77.0.1:${port}/`,
      signalingUrl: `ws://10.77.0.1:${port}/signal`,
      peers,
      kernelDefaults,
      async launch(index, extraArgs = []) {
        const p = peers[index]!;
        const wrapper = join(tmp, `chromium-${index}.sh`);
        writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${p.ns} ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} "$@"\n`);
        chmodSync(wrapper, 0o755);
        p.browser = await chromium.launch({
          executablePath: wrapper,
          // The hub's http:// origin must count as secure: y-webrtc's room encryption needs crypto.subtle.
          args: [...CHROMIUM_ARGS, ...chromiumCommandLine(), `--unsafely-treat-insecure-origin-as-secure=http://10.77.0.1:${port}`, ...extraArgs],
        });
        return p.browser;
      },
      cut: (index, mode = 'hubLink') => cut([index], mode),
      restore: (index) => restore([index]),
      cutAll: (mode = 'hubLink') => cut(peers.map((p) => p.index), mode),
      restoreAll: () => restore([...cuts.keys()]),
      cutPeers: () => [...cuts.keys()].sort(),
      neighSettings(index) {
        const p = peers[index]!;
        const out: Record<string, string> = {};
        for (const key of ['retrans_time_ms', 'base_reachable_time_ms', 'delay_first_probe_time', 'ucast_solicit', 'mcast_solicit']) {
          out[key] = execFileSync('ip', ['netns', 'exec', p.ns, 'cat', `/proc/sys/net/ipv4/neigh/eth0/${key}`], { encoding: 'utf8' }).trim();
        }
        return out;
      },
      dispose,
    };
    return lab;
  } catch (err) {
    await dispose();
    throw err;
  }
}
