/**
 * P1 — opening a workspace whose Yjs history is the seeded ~260k-operation editing trace, from
 * IndexedDB to usable (openWorkspace() resolved and the statement text readable), in Chromium.
 * Contenders, each in a fresh page, interleaved run by run (rotating the order):
 *   app         the app's open path on its y-dexie store after y-dexie's compression (what a
 *               long session leaves behind: its GC runs every 5 minutes)
 *   app-uncompr the same store before compression: all ~2,600 update rows (worst case, info)
 *   raw         Y.applyUpdate(new Y.Doc(), full state) of the same state, in memory
 *   y-indexeddb new doc + new IndexeddbPersistence + whenSynced on a store built from the same trace
 */
import { median, row, type BenchContext, type BenchRow } from './types';
import { fmtStats, prepareWorkspaceStores, APP_DB, YIDB_NAME, type Origin } from './lib/workspaceStores';

type Contender = 'app' | 'appUncompressed' | 'raw' | 'yIndexeddb';
const CONTENDERS: Contender[] = ['app', 'appUncompressed', 'raw', 'yIndexeddb'];

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const stores = await prepareWorkspaceStores(ctx, { keepUncompressed: true });
  try {
    const { app, idb } = stores;
    const times: Record<Contender, number[]> = { app: [], appUncompressed: [], raw: [], yIndexeddb: [] };
    const once = (c: Contender): Promise<number> => {
      const origin: Origin = c === 'raw' ? 'app' : c;
      return stores.inPage(origin, (p) => {
        if (c === 'raw') return p.evaluate(([b64, sid, len]) => window.storeBench.openRaw(b64, sid, len), [app.fullB64, app.statementId, app.expectedLength] as const);
        if (c === 'yIndexeddb') return p.evaluate(([n, sid, len]) => window.storeBench.openIdb(n, sid, len), [YIDB_NAME, idb.statementId, idb.expectedLength] as const);
        return p.evaluate(([db, id, sid, len]) => window.storeBench.openApp(db, id, sid, len), [APP_DB, app.id, app.statementId, app.expectedLength] as const);
      });
    };
    // One untimed warm-up of each (disk cache, first-page costs), then the measured runs.
    for (const c of CONTENDERS) await once(c);
    for (let r = 0; r < ctx.runs; r++) {
      const order = CONTENDERS.map((_, i) => CONTENDERS[(i + r) % CONTENDERS.length]!);
      for (const c of order) times[c].push(await once(c));
      ctx.log(`run ${r + 1}/${ctx.runs}: ` + CONTENDERS.map((c) => `${c} ${times[c].at(-1)!.toFixed(0)} ms`).join(', '));
    }
    for (const origin of ['app', 'appUncompressed'] as const) {
      const prof = await stores.inPage(origin, (p) =>
        p.evaluate(([db, id, sid, len]) => window.storeBench.profileAppOpen(db, id, sid, len), [APP_DB, app.id, app.statementId, app.expectedLength] as const),
      );
      ctx.log(
        `profile ${origin}: raw IDB open ${prof.idbOpenMs.toFixed(0)} ms + read ${prof.rows} rows ${prof.idbReadMs.toFixed(0)} ms + ` +
          `apply ${prof.applyMs.toFixed(0)} ms; Dexie open ${prof.dexieOpenMs.toFixed(0)} ms + openWorkspace ${prof.openWorkspaceMs.toFixed(0)} ms`,
      );
    }
    ctx.log(`stores: app compressed ${fmtStats(stores.appCompressedStats)}; uncompressed ${fmtStats(stores.appUncompressedStats)}; y-indexeddb ${fmtStats(idb.stats)}`);

    const m = Object.fromEntries(CONTENDERS.map((c) => [c, median(times[c])])) as Record<Contender, number>;
    const ops = '260k-op';
    return [
      row('P1', `open ${ops} workspace from IndexedDB to usable (app, y-dexie) vs raw Y.applyUpdate`, m.app, 'ms', m.raw, '≤ 2× raw', m.app <= 2 * m.raw),
      row('P1', `open ${ops} workspace from IndexedDB to usable (app, y-dexie) vs y-indexeddb`, m.app, 'ms', m.yIndexeddb, '≤ 0.5× y-indexeddb', m.app <= 0.5 * m.yIndexeddb),
      row('P1', `same, store never compressed (${stores.appUncompressedStats.stores['$workspaces.doc_updates']?.rows ?? '?'} update rows) vs raw — info`, m.appUncompressed, 'ms', m.raw, 'info (worst case)'),
    ];
  } finally {
    await stores.close();
  }
}
