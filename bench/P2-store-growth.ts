/**
 * P2 — store growth over 100 reopen cycles with no edits (open until loaded and readable, then
 * close/release; a new connection and a new Y.Doc each time), on the workspace holding the seeded
 * ~260k-operation trace. Bytes and rows are read with raw IndexedDB before and after. Baseline:
 * y-indexeddb on a store built from the same trace (it stores the doc's state on every open).
 */
import { row, type BenchContext, type BenchRow } from './types';
import type { GrowthResult } from './browser/storeBench';
import { fmtStats, prepareWorkspaceStores, APP_DB, YIDB_NAME } from './lib/workspaceStores';

const CYCLES = 100;

const pct = (g: GrowthResult) => ((g.after.bytes - g.before.bytes) / g.before.bytes) * 100;

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const stores = await prepareWorkspaceStores(ctx);
  try {
    const { app, idb } = stores;
    ctx.log(`app: ${CYCLES} reopen cycles …`);
    const a = await stores.inPage('app', (p) =>
      p.evaluate(([db, id, sid, len, n]) => window.storeBench.reopenApp(db, id, sid, len, n), [APP_DB, app.id, app.statementId, app.expectedLength, CYCLES] as const),
    );
    ctx.log(`y-indexeddb: ${CYCLES} reopen cycles …`);
    const y = await stores.inPage('yIndexeddb', (p) =>
      p.evaluate(([n, sid, len, c]) => window.storeBench.reopenIdb(n, sid, len, c), [YIDB_NAME, idb.statementId, idb.expectedLength, CYCLES] as const),
    );
    for (const [who, g] of [['app', a], ['y-indexeddb', y]] as const) {
      ctx.log(
        `${who}: before ${fmtStats(g.before)}; after ${fmtStats(g.after)}; ` +
          `origin disk usage ${(g.usageBefore / 1024).toFixed(0)} → ${(g.usageAfter / 1024).toFixed(0)} KiB`,
      );
    }
    const appPct = pct(a);
    const yPct = pct(y);
    return [
      row('P2', `store growth (bytes) over ${CYCLES} reopen cycles, no edits (app, y-dexie) vs y-indexeddb`, appPct, '%', yPct, '≤ 1 %', appPct <= 1),
      row('P2', `rows added over ${CYCLES} reopen cycles, no edits (app, y-dexie) vs y-indexeddb — info`, a.after.rows - a.before.rows, 'rows', y.after.rows - y.before.rows, 'info'),
    ];
  } finally {
    await stores.close();
  }
}
