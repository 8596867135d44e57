/**
 * The attack suite's network: three namespaces of its own (as root) — the host's, holding a bridge;
 * the attacker's, with many addresses on one veth; the member's — and processes started in them
 * with `ip netns exec`. Names carry this process's pid; leftovers of a dead run are swept, and
 * `dispose()` removes everything. Nothing outside loopback and these namespaces is contacted.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const PREFIX = 'crattack';

function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function sweepStale(): void {
  for (const line of ip('netns', 'list').split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const m = new RegExp(`^${PREFIX}-(\\d+)-`).exec(name);
    if (!m) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch {
      try {
        ip('netns', 'del', name);
      } catch {
        /* gone */
      }
    }
  }
}

export interface AttackLab {
  hostIp: string;
  memberIp: string;
  /** The attacker's addresses (the first is its main one). */
  attackerIps: string[];
  ns: { host: string; attacker: string; member: string };
  dispose(): void;
}

/** Builds the namespaces; the attacker gets `extraAddrs` addresses besides its own. */
export function createAttackLab(extraAddrs: number): AttackLab {
  sweepStale();
  const id = `${PREFIX}-${process.pid}`;
  const ns = { host: `${id}-host`, attacker: `${id}-atk`, member: `${id}-mem` };
  const made: string[] = [];
  const dispose = () => {
    for (const n of made.reverse()) {
      try {
        ip('netns', 'del', n);
      } catch {
        /* gone */
      }
    }
  };
  try {
    for (const n of Object.values(ns)) {
      ip('netns', 'add', n);
      made.push(n);
      ip('-n', n, 'link', 'set', 'lo', 'up');
    }
    ip('-n', ns.host, 'link', 'add', 'br0', 'type', 'bridge', 'forward_delay', '0');
    ip('-n', ns.host, 'addr', 'add', '10.88.0.1/16', 'dev', 'br0');
    ip('-n', ns.host, 'link', 'set', 'br0', 'up');
    const attackerIps = ['10.88.1.10'];
    for (let i = 0; i < extraAddrs; i++) attackerIps.push(`10.88.${2 + Math.floor(i / 250)}.${1 + (i % 250)}`);
    const peers: Array<[string, string, string[]]> = [
      [ns.attacker, 'va', attackerIps],
      [ns.member, 'vm', ['10.88.0.20']],
    ];
    for (const [n, dev, addrs] of peers) {
      ip('-n', ns.host, 'link', 'add', dev, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', n);
      ip('-n', ns.host, 'link', 'set', dev, 'master', 'br0');
      ip('-n', ns.host, 'link', 'set', dev, 'up');
      execFileSync('ip', ['-n', n, '-batch', '-'], { input: addrs.map((a) => `addr add ${a}/16 dev eth0`).join('\n') + '\n', stdio: ['pipe', 'pipe', 'pipe'] });
      ip('-n', n, 'link', 'set', 'eth0', 'up');
    }
    return { hostIp: '10.88.0.1', memberIp: '10.88.0.20', attackerIps, ns, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

/** A process inside a namespace, read line by line. */
export interface NsProcess {
  child: ChildProcess;
  /** Resolves with the rest of the first stdout line starting with `prefix`. */
  line(prefix: string, timeoutMs: number): Promise<string>;
  write(line: string): void;
  stop(): Promise<void>;
  stderr(): string;
}

export function spawnIn(ns: string, argv: string[]): NsProcess {
  const child = spawn('ip', ['netns', 'exec', ns, ...argv], { stdio: ['pipe', 'pipe', 'pipe'] });
  const waiters: Array<{ prefix: string; res: (s: string) => void; fail: (e: Error) => void }> = [];
  const seen: string[] = [];
  let err = '';
  let exitCode: number | null | undefined;
  child.stderr!.on('data', (d) => (err = (err + String(d)).slice(-4000)));
  child.once('exit', (code) => {
    exitCode = code;
    for (const w of waiters.splice(0)) w.fail(new Error(`exited (${code}) before "${w.prefix}": ${err.slice(-800)}`));
  });
  createInterface({ input: child.stdout! }).on('line', (l) => {
    const w = waiters.find((x) => l.startsWith(x.prefix + ' ') || l === x.prefix);
    if (w) {
      waiters.splice(waiters.indexOf(w), 1);
      w.res(l.slice(w.prefix.length).trim());
    } else seen.push(l);
  });
  return {
    child,
    line: (prefix, timeoutMs) => {
      const i = seen.findIndex((l) => l.startsWith(prefix));
      if (i >= 0) return Promise.resolve(seen.splice(i, 1)[0]!.slice(prefix.length).trim());
      if (exitCode !== undefined) return Promise.reject(new Error(`exited (${exitCode}) before "${prefix}": ${err.slice(-800)}`));
      return new Promise((res, rej) => {
        const t = setTimeout(() => rej(new Error(`no "${prefix}" within ${timeoutMs} ms: ${err.slice(-800)}`)), timeoutMs);
        waiters.push({ prefix, res: (s) => (clearTimeout(t), res(s)), fail: (e) => (clearTimeout(t), rej(e)) });
      });
    },
    write: (l) => {
      if (child.stdin?.writable) child.stdin.write(l + '\n');
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
    stderr: () => err,
  };
}
