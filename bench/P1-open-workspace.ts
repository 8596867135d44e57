/**
 * P1 — opening a workspace whose Yjs history is the seeded ~260k-operation editing trace, from
 * IndexedDB to usable (openWorkspace() resolved and the statement text readable), in Chromium.
 * Contenders, each in a fresh page, interleaved run by run (rotating the order):
 *   app         the app's open path on its y-dexie store after y-dexie's compression (what a
 *               long session leaves behind: its GC runs every 5 minutes)
 *   appUncompressed  the same store before compression: all ~2,600 update rows (worst case, info)
 *   raw         Y.applyUpdate(new Y.Doc(), full state) of the same state, in memory
 *   yIndexeddb  new doc + new IndexeddbPersistence + whenSynced on a store built from the same
 *               trace (y-indexeddb merged its rows during a typing pause, as it does)
 *   yIndexeddbUntrimmed  y-indexeddb closed before that merge: every update its own row (info)
 */
import { median, row, type BenchContext, type BenchRow } from './types';
import type { AppOpenProfile, RawIdbProfile } from './browser/storeBench';
import type { StoreStats } from './browser/idbRaw';
import { interleaved } from './lib/measure';
import { fmtStats, prepareWorkspaceStores, APP_DB, YIDB_NAME } from './lib/workspaceStores';

type Contender = 'app' | 'appUncompressed' | 'raw' | 'yIndexeddb' | 'yIndexeddbUntrimmed';
const CONTENDERS: Contender[] = ['app', 'appUncompressed', 'raw', 'yIndexeddb', 'yIndexeddbUntrimmed'];

const updateRows = (s: StoreStats) => Math.max(...Object.values(s.stores).map((x) => x.rows));

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const stores = await prepareWorkspaceStores(ctx, { keepUncompressed: true });
  try {
    const { app, idb } = stores;
    const idbUntrimmed = stores.idbUntrimmed!;
    const once = (c: Contender): Promise<number> =>
      stores.inPage(c === 'raw' ? 'app' : c, (p) => {
        if (c === 'raw') return p.evaluate(([b64, sid, len]) => window.storeBench.openRaw(b64, sid, len), [app.fullB64, app.statementId, app.expectedLength] as const);
        if (c === 'yIndexeddb' || c === 'yIndexeddbUntrimmed') {
          const store = c === 'yIndexeddb' ? idb : idbUntrimmed;
          return p.evaluate(([n, sid, len]) => window.storeBench.openIdb(n, sid, len), [YIDB_NAME, store.statementId, store.expectedLength] as const);
        }
        return p.evaluate(([db, id, sid, len]) => window.storeBench.openApp(db, id, sid, len), [APP_DB, app.id, app.statementId, app.expectedLength] as const);
      });
    const { medians: m } = await interleaved(CONTENDERS, once, {
      runs: ctx.runs,
      onRun: (r, t) => ctx.log(`run ${r}/${ctx.runs}: ` + CONTENDERS.map((c) => `${c} ${t[c]!.toFixed(0)} ms`).join(', ')),
    });
    // Where the time goes: a raw IndexedDB read + apply (the floor for any IndexedDB store) and
    // the app's open split into Dexie's connection and openWorkspace(), each in fresh pages.
    for (const origin of ['app', 'appUncompressed'] as const) {
      const args = [APP_DB, app.id, app.statementId, app.expectedLength] as const;
      const raws: RawIdbProfile[] = [];
      const apps: AppOpenProfile[] = [];
      for (let r = 0; r < ctx.runs; r++) {
        raws.push(await stores.inPage(origin, (p) => p.evaluate(([db, id, sid, len]) => window.storeBench.profileRawIdb(db, id, sid, len), args)));
        apps.push(await stores.inPage(origin, (p) => p.evaluate(([db, id, sid, len]) => window.storeBench.profileAppOpen(db, id, sid, len), args)));
      }
      const med = <T>(xs: T[], f: (x: T) => number) => median(xs.map(f)).toFixed(0);
      ctx.log(
        `profile ${origin} (medians): raw IndexedDB open ${med(raws, (x) => x.idbOpenMs)} ms + read ${raws[0]!.rows} rows ${med(raws, (x) => x.idbReadMs)} ms + ` +
          `Y.applyUpdateV2 ${med(raws, (x) => x.applyMs)} ms | app: Dexie open ${med(apps, (x) => x.dexieOpenMs)} ms + openWorkspace ${med(apps, (x) => x.openWorkspaceMs)} ms`,
      );
    }
    ctx.log(`stores: app compressed ${fmtStats(stores.appCompressedStats)}; uncompressed ${fmtStats(stores.appUncompressedStats)}; y-indexeddb ${fmtStats(idb.stats)}`);

    const ops = '260k-op';
    return [
      row('P1', `open ${ops} workspace from IndexedDB to usable (app, y-dexie) vs raw Y.applyUpdate`, m.app, 'ms', m.raw, '≤ 2× raw', m.app <= 2 * m.raw),
      row('P1', `open ${ops} workspace from IndexedDB to usable (app, y-dexie) vs y-indexeddb`, m.app, 'ms', m.yIndexeddb, '≤ 0.5× y-indexeddb', m.app <= 0.5 * m.yIndexeddb),
      row('P1', `before the last merge: app store between its merges (${updateRows(stores.appUncompressedStats)} rows; it merges every 500 writes) vs raw — info`, m.appUncompressed, 'ms', m.raw, 'info'),
      row('P1', `before the last merge: app store between its merges vs y-indexeddb never merged (${updateRows(idbUntrimmed.stats)} rows) — info`, m.appUncompressed, 'ms', m.yIndexeddbUntrimmed, 'info'),
    ];
  } finally {
    await stores.close();
  }
}
