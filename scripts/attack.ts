/**
 * `npm run attack` — a stranger on the LAN against the web-mode host (run as root).
 *
 * Builds three network namespaces of its own (host, attacker with many addresses, member), starts
 * the host (scripts/attack/host.ts, bundled with esbuild and run by plain Node, as the product's
 * web mode runs), and runs each attack from the attacker's namespace while a legitimate member in
 * its own namespace connects, proves the room key and syncs a Y.Doc update through the host
 * (scripts/attack/member.ts). An attack passes when every member check during it synced within
 * 2 s and the host's memory (VmRSS) stayed within 2× its idle size. Prints one row per attack,
 * then `N passed, N failed`; exits 1 on any failure.
 *
 *   --short   the quick set for `npm test` (under a minute)
 *   --only a,b  run only these attacks
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { generateRoomKey } from '../shared/sync/room';
import { createAttackLab, spawnIn, type NsProcess } from './attack/lab';

const ROOT = join(import.meta.dirname, '..');
const SHORT = process.argv.includes('--short');
const only = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? new Set(process.argv[i + 1]!.split(',')) : null;
})();

interface AttackSpec {
  name: string;
  what: string;
  attack: string;
  params: Record<string, unknown>;
  /** Attacker addresses used. */
  addrs: number;
  /** How long the pressure stays on while the member checks (ms). */
  holdMs: number;
}

const roomKey = generateRoomKey();

function plan(): AttackSpec[] {
  const s = SHORT;
  const list: AttackSpec[] = [
    { name: 'lockout', what: `${s ? 600 : 2100} WebSockets from one address, no proof (pings answered)`, attack: 'lockout', params: { count: s ? 600 : 2100, auth: 'none' }, addrs: 1, holdMs: s ? 2000 : 7000 },
    { name: 'lockout-own-key', what: `${s ? 600 : 2100} WebSockets from one address, each proving a made-up key`, attack: 'lockout', params: { count: s ? 600 : 2100, auth: 'own' }, addrs: 1, holdMs: s ? 2000 : 5000 },
    { name: 'lockout-many-addrs', what: `${s ? 16 : 40} addresses × 32 WebSockets proving made-up keys${s ? '' : ' (over the global cap of 1024)'}`, attack: 'lockout', params: { count: (s ? 16 : 40) * 32, auth: 'own' }, addrs: s ? 16 : 40, holdMs: s ? 2000 : 5000 },
    { name: 'amplify-preauth', what: `${s ? 200 : 400} non-reading sockets subscribing and publishing without proof + 2 publishers`, attack: 'amplification', params: { count: s ? 200 : 400, auth: 'none', pubs: 2 }, addrs: 16, holdMs: s ? 2000 : 6000 },
    { name: 'amplify-own-topic', what: `${s ? 200 : 400} non-reading subscribers in the stranger's own topic + 2 publishers of 60 KB frames`, attack: 'amplification', params: { count: s ? 200 : 400, auth: 'own', pubs: 2, payload: 60_000 }, addrs: s ? 7 : 13, holdMs: s ? 2000 : 8000 },
    { name: 'amplify-slow-member', what: `a key holder: ${s ? 30 : 30} non-reading subscribers in the members' room + 2 publishers of 60 KB frames`, attack: 'amplification', params: { count: 30, auth: 'member', memberKey: roomKey, pubs: 2, payload: 60_000 }, addrs: 1, holdMs: s ? 2000 : 8000 },
    { name: 'flood', what: '32 connections sending as fast as they can (ping/subscribe/publish)', attack: 'flood', params: { count: 32, auth: 'own' }, addrs: 1, holdMs: s ? 2000 : 6000 },
    { name: 'garbage', what: 'random binary, bad JSON, bad UTF-8, 30k-deep nesting, bad proofs, raw TCP junk', attack: 'garbage', params: {}, addrs: 4, holdMs: s ? 2000 : 6000 },
    { name: 'oversized', what: '70 KB and 1 MB frames, a 2^62-byte frame header, 64 KB HTTP headers', attack: 'oversized', params: {}, addrs: 4, holdMs: s ? 2000 : 6000 },
    { name: 'slowloris', what: `${s ? 200 : 600} sockets with unfinished upgrade headers or silence, from 8 addresses`, attack: 'slowloris', params: { count: s ? 200 : 600 }, addrs: 8, holdMs: s ? 2000 : 12_000 },
    { name: 'churn', what: 'connect and drop as fast as possible from one address', attack: 'churn', params: { count: s ? 800 : 3000 }, addrs: 1, holdMs: s ? 2000 : 5000 },
  ];
  const quick = new Set(['lockout', 'lockout-many-addrs', 'amplify-own-topic', 'amplify-slow-member', 'garbage', 'slowloris']);
  return list.filter((a) => (only ? only.has(a.name) : !s || quick.has(a.name)));
}

const rssKb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (kb: number) => (kb / 1024).toFixed(0);

interface Row {
  name: string;
  what: string;
  checks: Array<{ ok: boolean; ms: number; error?: string }>;
  before: number;
  peak: number;
  after: number;
  idle: number;
  attacker: string;
  host: string;
  passed: boolean;
  error?: string;
}

async function memberCheck(member: NsProcess): Promise<{ ok: boolean; ms: number; error?: string }> {
  member.write('check');
  return JSON.parse(await member.line('check', 10_000)) as { ok: boolean; ms: number; error?: string };
}

async function hostStats(host: NsProcess): Promise<Record<string, number>> {
  host.write('stats');
  return JSON.parse(await host.line('stats', 5000)) as Record<string, number>;
}

async function main(): Promise<number> {
  if (process.getuid?.() !== 0) throw new Error('the attack suite makes network namespaces: run it as root');
  const started = Date.now();
  const attacks = plan();
  const lab = createAttackLab(Math.max(...attacks.map((a) => a.addrs)));
  const procs: NsProcess[] = [];
  try {
    // Bundled and run by plain Node (as the product's web mode runs); quick to start, too.
    const out = join(ROOT, '.tmp', `attack-${process.pid}`);
    const entry = (name: string) => join(ROOT, 'scripts', 'attack', `${name}.ts`);
    await build({ entryPoints: ['host', 'member', 'attacker'].map(entry), bundle: true, platform: 'node', format: 'esm', packages: 'external', outdir: out, outExtension: { '.js': '.mjs' }, logLevel: 'error' });
    const hostJs = join(out, 'host.mjs');
    const host = spawnIn(lab.ns.host, [process.execPath, hostJs]);
    procs.push(host);
    const pid = Number(await host.line('host ready', 20_000));
    const member = spawnIn(lab.ns.member, [process.execPath, join(out, 'member.mjs'), lab.hostIp, roomKey]);
    procs.push(member);
    await member.line('member ready', 30_000);
    // Warm up (code paths, TLS-free crypto), then take the idle size.
    for (let i = 0; i < 3; i++) await memberCheck(member);
    await sleep(1000);
    const idle = rssKb(pid);
    const base = await memberCheck(member);
    console.log(`attack suite${SHORT ? ' (short)' : ''}: host ${lab.hostIp}:4444 (web-mode host, pid ${pid}), idle VmRSS ${mb(idle)} MB, member sync ${base.ms} ms; attacker ${lab.attackerIps.length} address(es)`);
    const rows: Row[] = [];
    for (const a of attacks) {
      const before = rssKb(pid);
      const params = { ...a.params, addrs: lab.attackerIps.slice(0, a.addrs), maxMs: a.holdMs + 30_000, fillMs: SHORT ? 2500 : 6000 };
      // The attacker runs niced: on a LAN it has a machine of its own, here it shares our cores,
      // and its own CPU use must not be what slows the member down.
      const atk = spawnIn(lab.ns.attacker, ['nice', '-n', '10', process.execPath, join(out, 'attacker.mjs'), a.attack, lab.hostIp, JSON.stringify(params)]);
      procs.push(atk);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 100);
      const row: Row = { name: a.name, what: a.what, checks: [], before, peak, after: 0, idle, attacker: '', host: '', passed: false };
      try {
        await atk.line('engaged', 120_000);
        const until = Date.now() + a.holdMs;
        do row.checks.push(await memberCheck(member));
        while (Date.now() < until && (await sleep(400), true));
        atk.write('stop');
        // Its report is for the table only: an attacker too busy to send it is stopped anyway.
        row.attacker = await atk.line('done', 15_000).catch(() => '(no report: stopped)');
      } catch (err) {
        row.error = (err as Error).message.slice(0, 300);
      } finally {
        await atk.stop();
        clearInterval(sampler);
      }
      await sleep(SHORT ? 800 : 1500);
      row.after = rssKb(pid);
      row.peak = Math.max(peak, row.after);
      const stats = await hostStats(host);
      row.host = ['rejectedConnections', 'evictedConnections', 'authTimeouts', 'authFailures', 'invalidMessages', 'rateLimited', 'slowConsumersDropped', 'refusedSockets', 'unauthorizedSubscribes', 'maxLagMs'].map((k) => `${k.replace(/Connections|Messages/, '')}=${stats[k]}`).join(' ');
      // After the attack, too, a member must get in at once.
      row.checks.push(await memberCheck(member));
      row.passed = !row.error && row.checks.every((c) => c.ok) && row.peak <= 2 * idle;
      rows.push(row);
      const worst = Math.max(...row.checks.map((c) => c.ms));
      console.log(
        `${row.passed ? 'PASS' : 'FAIL'}  ${a.name.padEnd(20)} member ${row.checks.filter((c) => c.ok).length}/${row.checks.length} synced (worst ${worst} ms; ${row.checks.map((c) => c.ms).join(' ')})  VmRSS ${mb(row.before)} → peak ${mb(row.peak)} → ${mb(row.after)} MB (limit ${mb(2 * idle)})\n      ${a.what}\n      attacker ${row.attacker}\n      host ${row.host}${row.error ? `\n      error ${row.error}` : ''}${row.checks.filter((c) => !c.ok).map((c) => `\n      member failed: ${c.error}`).join('')}`,
      );
    }
    const passed = rows.filter((r) => r.passed).length;
    console.log(`\nattack | member synced ≤ 2 s | worst ms | VmRSS before/peak/after MB`);
    for (const r of rows) console.log(`${r.name} | ${r.checks.every((c) => c.ok) ? 'yes' : 'NO'} (${r.checks.length} checks) | ${Math.max(...r.checks.map((c) => c.ms))} | ${mb(r.before)}/${mb(r.peak)}/${mb(r.after)}`);
    console.log(`(idle ${mb(idle)} MB, limit ${mb(2 * idle)} MB; ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    console.log(`${passed} passed, ${rows.length - passed} failed`);
    return rows.length - passed === 0 ? 0 : 1;
  } finally {
    for (const p of procs.reverse()) await p.stop();
    lab.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
