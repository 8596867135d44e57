/**
 * Watching three laptops' copies of the workspace: until they are identical, and until the team
 * is back to steady state (every laptop in sync with both others).
 */
import type { DocFingerprint } from '../../../renderer/app/diagnostics';
import type { Laptop } from './laptop';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const same = (fps: DocFingerprint[]) => fps.every((f) => f.workspaceId === fps[0]!.workspaceId && f.sv === fps[0]!.sv && f.hash === fps[0]!.hash && f.length === fps[0]!.length);

export interface Identical {
  /** When the last copy took its last update (epoch ms, page clock = this machine's clock). */
  at: number;
  /** When the poll saw them identical (epoch ms). */
  seenAt: number;
}

/**
 * Polls every `pollMs` until all copies are identical (same state vector and same content).
 * The moment they became identical is the latest update any of them applied, which the pages
 * record; the poll only bounds it from above.
 */
export async function waitIdentical(laptops: Laptop[], timeoutMs: number, pollMs = 50): Promise<Identical | null> {
  const t0 = Date.now();
  for (;;) {
    const fps = await Promise.all(laptops.map((l) => l.fingerprint()));
    const seenAt = Date.now();
    if (same(fps)) return { at: Math.min(seenAt, Math.max(...fps.map((f) => f.changedAt))), seenAt };
    if (seenAt - t0 > timeoutMs) return null;
    await sleep(pollMs);
  }
}

interface IndicatorState {
  state: string;
  peers: number;
}

async function indicator(l: Laptop): Promise<IndicatorState> {
  return l.page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid=sync-indicator]');
    // Every laptop linked, admitted member or not (the label counts only the roster's members;
    // laptops that joined with a plain invite are join requests until an owner admits them).
    return { state: el?.dataset.state ?? 'none', peers: Number(el?.dataset.links ?? 0) };
  });
}

/**
 * Waits until the copies are identical and every laptop's top bar says "in sync" with all the
 * others connected. Returns how long that took, or null (with the last states) on timeout.
 */
export async function waitSteady(laptops: Laptop[], timeoutMs: number): Promise<{ ms: number } | { ms: null; states: string }> {
  const t0 = Date.now();
  let states = '';
  while (Date.now() - t0 < timeoutMs) {
    const [fps, inds] = await Promise.all([Promise.all(laptops.map((l) => l.fingerprint())), Promise.all(laptops.map(indicator))]);
    states = inds.map((s, i) => `${laptops[i]!.letter}:${s.state}/${s.peers}`).join(' ');
    if (same(fps) && inds.every((s) => s.state === 'inSync' && s.peers === laptops.length - 1)) return { ms: Date.now() - t0 };
    await sleep(200);
  }
  return { ms: null, states };
}
