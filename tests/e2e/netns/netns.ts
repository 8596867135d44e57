/**
 * Network-namespace lab for real WebRTC peers (run as root): a hub namespace with a bridge, the
 * signaling + static server, and one namespace per peer joined to the bridge by a veth pair.
 * Each peer's Chromium runs inside its namespace (Playwright talks to it over the launch pipe,
 * which `ip netns exec` passes through). Cutting a peer takes its veth down on the hub side.
 *
 * Every name carries this process's pid, so concurrent runs never collide and leftovers of a
 * crashed run are swept by the next one. `dispose()` always removes everything it made.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../../playwright.config';

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
}

export interface NetnsLab {
  hubIp: string;
  port: number;
  /** Base URL of the hub (page) as seen from the peers. */
  url: string;
  /** Signaling URL as seen from the peers. */
  signalingUrl: string;
  peers: LabPeer[];
  launch(index: number, extraArgs?: string[]): Promise<Browser>;
  cut(index: number): void;
  restore(index: number): void;
  dispose(): Promise<void>;
}

let counter = 0;

/** Builds the lab with `count` peers and starts the hub server on `staticDir`. */
export async function createNetnsLab(count: number, staticDir: string): Promise<NetnsLab> {
  sweepStale();
  const id = `${PREFIX}-${process.pid}-${counter++}`;
  const hub = `${id}-hub`;
  const tmp = join(ROOT, '.tmp', 'netns', id);
  const made: string[] = [];
  let server: ChildProcess | null = null;
  const peers: LabPeer[] = [];
  const dispose = async () => {
    for (const p of peers) await p.browser?.close().catch(() => {});
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
      if (server.exitCode === null) server.kill('SIGKILL');
    }
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
    fastArp(hub, 'br0');
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
      fastArp(ns, 'eth0');
      peers.push({ index: i, ns, ip: addr, browser: null });
    }
    const port = 8080;
    server = spawn('ip', ['netns', 'exec', hub, process.execPath, TSX, join(import.meta.dirname, 'hubServer.ts'), '--dir', staticDir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('hub server did not start within 20 s')), 20_000);
      let err = '';
      server!.stderr!.on('data', (d) => (err += String(d)));
      server!.stdout!.on('data', (d) => {
        if (String(d).includes('hub ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      server!.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`hub server exited (${code}): ${err}`));
      });
    });
    const lab: NetnsLab = {
      hubIp: '10.77.0.1',
      port,
      url: `http://10.77.0.1:${port}/`,
      signalingUrl: `ws://10.77.0.1:${port}/signal`,
      peers,
      async launch(index, extraArgs = []) {
        const p = peers[index]!;
        const wrapper = join(tmp, `chromium-${index}.sh`);
        writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${p.ns} ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} "$@"\n`);
        chmodSync(wrapper, 0o755);
        p.browser = await chromium.launch({
          executablePath: wrapper,
          // The hub's http:// origin must count as secure: y-webrtc's room encryption needs crypto.subtle.
          args: [...CHROMIUM_ARGS, '--disable-features=WebRtcHideLocalIpsWithMdns', `--unsafely-treat-insecure-origin-as-secure=http://10.77.0.1:${port}`, ...extraArgs],
        });
        return p.browser;
      },
      cut: (index) => void ip('-n', hub, 'link', 'set', `vh${index}`, 'down'),
      restore: (index) => void ip('-n', hub, 'link', 'set', `vh${index}`, 'up'),
      dispose,
    };
    return lab;
  } catch (err) {
    await dispose();
    throw err;
  }
}
