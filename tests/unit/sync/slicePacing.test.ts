/**
 * The laptop serving a join makes the slices of its diff in bounded tasks (diffSender.ts
 * `sendWhile`, issue 14 bench P15): with pacing, one task makes slices for at most `budgetMs`
 * (here 0: exactly one) and a later task goes on; without pacing one task fills the whole window.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SyncSession } from '../../../shared/sync/session';
import { SLICE_WINDOW } from '../../../shared/sync/diffSender';
import type { ApplyPacing } from '../../../shared/sync/applyQueue';
import { bigDoc } from './bigDoc';

/** Joins a fresh peer to `src` (served with `pacing`); returns the most slices the server made in one task. */
async function join(src: Y.Doc, pacing: ApplyPacing | null): Promise<{ mostPerTask: number; tasks: number; synced: boolean }> {
  const joiner = new Y.Doc();
  const a = new SyncSession({ doc: src, workspaceId: 'ws', sliceBytes: 2048, applyPacing: pacing });
  const b = new SyncSession({ doc: joiner, workspaceId: 'ws', sliceBytes: 2048 });
  let mostPerTask = 0;
  let tasks = 0;
  /** Runs `fn` as one task of the serving laptop and notes how many slices it made. */
  const task = (fn: () => void) => {
    const before = a.stats.slicesSent;
    fn();
    tasks++;
    mostPerTask = Math.max(mostPerTask, a.stats.slicesSent - before);
  };
  later.run = task;
  const link = (to: SyncSession, fromId: string, from: SyncSession, toId: string, serving: boolean) => ({
    send(frame: Uint8Array) {
      const copy = frame.slice();
      setTimeout(() => {
        const deliver = () => {
          to.receive(fromId, copy);
          from.pump(toId);
        };
        // Frames reaching the server are handled in its tasks.
        if (serving) deliver();
        else task(deliver);
      }, 0);
    },
    close() {},
  });
  task(() => a.addPeer('b', link(b, 'a', a, 'b', true)));
  b.addPeer('a', link(a, 'b', b, 'a', false));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 2));
    task(() => a.tick());
    b.tick();
    if (a.status().peers[0]?.inSync && b.status().peers[0]?.inSync) break;
  }
  const synced = Y.encodeStateAsUpdate(joiner).length === Y.encodeStateAsUpdate(src).length && JSON.stringify(joiner.getArray('records').toJSON()) === JSON.stringify(src.getArray('records').toJSON());
  a.destroy();
  b.destroy();
  return { mostPerTask, tasks, synced };
}

/** The pacing's later tasks, run through `later.run` (the test's task accounting). */
const later = { run: (fn: () => void) => fn() };
const paced = (budgetMs: number): ApplyPacing => ({ later: (fn) => void setTimeout(() => later.run(fn), 0), clock: () => performance.now(), budgetMs });

describe('slices of a diff, made in bounded tasks', () => {
  it('with pacing (budget 0) the server makes one slice per task, and the joiner still gets everything', async () => {
    const src = bigDoc(400);
    const r = await join(src, paced(0));
    expect(r.synced).toBe(true);
    expect(r.mostPerTask).toBe(1);
  });

  it('without pacing one task fills the window (what the budget bounds)', async () => {
    const src = bigDoc(400);
    const r = await join(src, null);
    expect(r.synced).toBe(true);
    expect(r.mostPerTask).toBeGreaterThanOrEqual(SLICE_WINDOW / 2);
  });
});
