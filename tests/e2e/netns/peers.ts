/**
 * Real peers for the namespace lab: one Chromium per namespace, each on the sync lab page,
 * plus the measurements the e2e test and the P3–P5 benchmarks share.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createNetnsLab, type NetnsLab, type NetnsLabOptions } from './netns';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const LAB_DIR = join(ROOT, '.tmp', 'sync-lab');

/** Builds the sync lab page into .tmp/sync-lab (about a second). */
export function buildLabPage(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'tests', 'e2e', 'netns', 'lab.vite.config.ts')], { cwd: ROOT, stdio: 'pipe' });
}

export interface LabDigest {
  content: string;
  sv: string;
  records: number;
  bytes: number;
}

export interface PeerHandle {
  index: number;
  page: Page;
}

export interface StartSpec {
  workspaceId: string;
  roomKey: string;
  mode: 'crisis' | 'raw';
  name?: string;
}

/** A lab with `count` Chromium peers on the lab page. */
export async function launchPeers(count: number, opts: NetnsLabOptions = {}): Promise<{ lab: NetnsLab; peers: PeerHandle[] }> {
  const lab = await createNetnsLab(count, LAB_DIR, opts);
  try {
    const peers: PeerHandle[] = [];
    for (let i = 0; i < count; i++) {
      const browser = await lab.launch(i);
      const page = await browser.newPage();
      await page.goto(lab.url);
      await page.waitForFunction(() => typeof window.lab === 'object');
      peers.push({ index: i, page });
    }
    return { lab, peers };
  } catch (err) {
    await lab.dispose();
    throw err;
  }
}

export function start(peer: PeerHandle, lab: NetnsLab, spec: StartSpec): Promise<void> {
  return peer.page.evaluate((o) => window.lab.start(o), { ...spec, signaling: [lab.signalingUrl], name: spec.name ?? `peer ${peer.index}` });
}

export const digest = (p: PeerHandle): Promise<LabDigest> => p.page.evaluate(() => window.lab.digest());
export const peerCount = (p: PeerHandle): Promise<number> => p.page.evaluate(() => window.lab.peers());
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until every peer sees `expected` connected peers; returns the time it took (ms). */
export async function waitMesh(peers: PeerHandle[], expected: number, timeoutMs = 20_000): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    const counts = await Promise.all(peers.map(peerCount));
    if (counts.every((c) => c >= expected)) return Date.now() - t0;
    await sleep(50);
  }
  throw new Error(`peers did not connect within ${timeoutMs} ms: ${JSON.stringify(await Promise.all(peers.map(peerCount)))}`);
}

/**
 * Waits until every peer holds the same document. Returns when that happened, as the latest
 * moment any of them changed (epoch ms, measured in the pages), and the shared digest.
 */
export async function waitConverged(peers: PeerHandle[], timeoutMs: number): Promise<{ at: number; digest: LabDigest } | null> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    const ds = await Promise.all(peers.map(digest));
    if (ds.every((d) => d.content === ds[0]!.content && d.sv === ds[0]!.sv)) {
      const at = Math.max(...(await Promise.all(peers.map((p) => p.page.evaluate(() => window.lab.lastChangeAt())))));
      return { at, digest: ds[0]! };
    }
    await sleep(30);
  }
  return null;
}

/** Percentile of `values` (nearest rank). */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
