/**
 * Node-side setup shared by P1 and P2: bundles bench/browser/storeBench.ts, serves it on one
 * loopback origin per contender (each origin has its own IndexedDB, so the stores never share a
 * database and can be measured interleaved), launches Chromium and builds the stores by typing
 * the seeded trace through the app's storage layer and through y-indexeddb.
 */
import type { Page } from '@playwright/test';
import type { BenchContext } from '../types';
import type { AppStore, IdbStore } from '../browser/storeBench';
import type { StoreStats } from '../browser/idbRaw';
import { buildBenchBundle } from './bundle';
import { serveStatic, type StaticServer } from './server';
import { launchBenchBrowser, withFreshPage, type BenchBrowser } from './chromium';
import { DEFAULT_TRACE, summarizeTrace, type TraceOptions } from './trace';

export const APP_DB = 'crisis-room';
export const YIDB_NAME = 'crisis-room-y-indexeddb';
const READY = 'storeBench';

export type Origin = 'app' | 'appUncompressed' | 'yIndexeddb' | 'yIndexeddbUntrimmed';

export interface WorkspaceStores {
  browser: BenchBrowser;
  urls: Record<Origin, string>;
  app: AppStore;
  /** Store sizes of the app's workspace before and after y-dexie's compression. */
  appUncompressedStats: StoreStats;
  appCompressedStats: StoreStats;
  idb: IdbStore;
  /** With keepUncompressed: a y-indexeddb store closed before it merged its rows (origin 'yIndexeddbUntrimmed'). */
  idbUntrimmed?: IdbStore;
  /** Runs `fn(page)` on a fresh page of `origin` (window.storeBench is ready), then closes it. */
  inPage: <T>(origin: Origin, fn: (page: Page) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}

export interface PrepareOptions {
  /**
   * Also keep the stores before their last merge: a copy of the app's store as typed — its last
   * merge (after every 500 writes) plus the rows since, fewer than 500 — (origin
   * 'appUncompressed') and a y-indexeddb store that never merged its rows (origin
   * 'yIndexeddbUntrimmed', y-indexeddb's real worst case).
   */
  keepUncompressed?: boolean;
  trace?: TraceOptions;
}

export async function prepareWorkspaceStores(ctx: BenchContext, opts: PrepareOptions = {}): Promise<WorkspaceStores> {
  const trace = opts.trace ?? DEFAULT_TRACE;
  const s = summarizeTrace(trace);
  ctx.log(
    `trace (seed ${trace.seed}): ${s.ops} ops in ${s.transactions} transactions — ${s.inserts} inserts, ${s.deletes} deletes, ` +
      `${s.fieldEdits} field edits; final text ${s.finalLength} characters`,
  );
  ctx.log('bundling bench/browser/storeBench.ts (app storage code, y-indexeddb) …');
  const dir = await buildBenchBundle({ entry: 'bench/browser/storeBench.ts', name: 'store-bench', title: 'Crisis Room store bench' });
  const servers: StaticServer[] = [];
  const origins: Origin[] = ['app', 'yIndexeddb', ...(opts.keepUncompressed ? (['appUncompressed', 'yIndexeddbUntrimmed'] as const) : [])];
  const urls = {} as Record<Origin, string>;
  for (const o of origins) {
    const srv = await serveStatic(dir);
    servers.push(srv);
    urls[o] = srv.url;
  }
  let browser: BenchBrowser;
  try {
    browser = await launchBenchBrowser({ log: ctx.log });
  } catch (err) {
    // Without a browser the servers would keep the process alive: close them before failing.
    await Promise.all(servers.map((x) => x.close()));
    throw err;
  }
  const inPage = <T>(origin: Origin, fn: (page: Page) => Promise<T>) => withFreshPage(browser, urls[origin], READY, fn);
  const close = async () => {
    await browser.close();
    await Promise.all(servers.map((x) => x.close()));
  };
  try {
    ctx.log('building the app store: typing the trace through openWorkspace() + y-dexie …');
    const app = await inPage('app', (p) => p.evaluate(([db, t]) => window.storeBench.buildAppStore(db, t), [APP_DB, trace] as const));
    ctx.log(`app store built in ${(app.buildMs / 1000).toFixed(1)} s: ${fmtStats(app.stats)}`);
    if (opts.keepUncompressed) {
      const dump = await inPage('app', (p) => p.evaluate((db) => window.storeBench.dumpDatabase(db), APP_DB));
      const copied = await inPage('appUncompressed', (p) => p.evaluate((d) => window.storeBench.loadDatabase(JSON.parse(d)), JSON.stringify(dump)));
      ctx.log(`uncompressed copy in its own origin: ${fmtStats(copied)}`);
    }
    const compressed = await inPage('app', (p) => p.evaluate((db) => window.storeBench.compressApp(db), APP_DB));
    ctx.log(`after y-dexie compressYDocs: ${fmtStats(compressed)}`);
    ctx.log('building the y-indexeddb store: same seeded content, same trace through IndexeddbPersistence …');
    const idb = await inPage('yIndexeddb', (p) => p.evaluate(([n, init, t]) => window.storeBench.buildIdbStore(n, init, t), [YIDB_NAME, app.initialB64, trace] as const));
    ctx.log(`y-indexeddb store built in ${(idb.buildMs / 1000).toFixed(1)} s: ${fmtStats(idb.stats)}`);
    let idbUntrimmed: IdbStore | undefined;
    if (opts.keepUncompressed) {
      idbUntrimmed = await inPage('yIndexeddbUntrimmed', (p) =>
        p.evaluate(([n, init, t]) => window.storeBench.buildIdbStore(n, init, t, false), [YIDB_NAME, app.initialB64, trace] as const),
      );
      ctx.log(`untrimmed y-indexeddb store (closed before its merge): ${fmtStats(idbUntrimmed.stats)}`);
    }
    if (idb.expectedLength !== app.expectedLength) throw new Error(`contenders disagree on the text: ${idb.expectedLength} vs ${app.expectedLength} characters`);
    return { browser, urls, app, appUncompressedStats: app.stats, appCompressedStats: compressed, idb, idbUntrimmed, inPage, close };
  } catch (err) {
    await close();
    throw err;
  }
}

export function fmtStats(s: StoreStats): string {
  return `${s.rows} rows, ${(s.bytes / 1024).toFixed(1)} KiB (${(s.binaryBytes / 1024).toFixed(1)} KiB of Yjs updates)`;
}
