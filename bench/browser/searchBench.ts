/**
 * Browser side of P10 (bundled by bench/lib/bundle.ts): a generated workspace (1× or 100×,
 * bench/lib/generateWorkspace.ts), the app's search (shared/search: SearchTracker) and the raw
 * baseline — reading every string out of the document with Yjs's toJSON and scanning it with
 * String.includes, as search without an index would on every query. Exposed as `window.searchBench`.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { write } from '../../shared/doc/origins';
import { getStatement, requireBody } from '../../shared/statements/store';
import { SearchTracker } from '../../shared/search/tracker';
import { normalize } from '../../shared/search/searchIndex';
import { cjkText, generateWorkspace, rng } from '../lib/generateWorkspace';

z.config({ jitless: true });

let doc: Y.Doc | null = null;
let tracker: SearchTracker | null = null;
let statementIds: string[] = [];

function stringsIn(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
}

export interface Built {
  buildMs: number;
  firstIndexMs: number;
  entries: number;
  updateBytes: number;
  people: number;
  statements: number;
  incidents: number;
}

export interface QueryTimes {
  app: number[];
  appAfterEdit: number[];
  raw: number[];
  hits: number[];
}

const searchBench = {
  build(scale: number): Built {
    tracker?.destroy();
    doc?.destroy();
    const t0 = performance.now();
    const g = generateWorkspace(scale);
    const buildMs = performance.now() - t0;
    doc = g.doc;
    statementIds = g.statementIds;
    tracker = new SearchTracker(doc);
    const t1 = performance.now();
    tracker.refresh();
    const firstIndexMs = performance.now() - t1;
    return { buildMs, firstIndexMs, entries: tracker.index.size, updateBytes: Y.encodeStateAsUpdate(doc).byteLength, people: g.people, statements: g.statementIds.length, incidents: g.incidents };
  },

  /** Times each query: the app's search, the app's search right after a keystroke in a statement, and the raw scan. */
  queries(queries: string[]): QueryTimes {
    if (!doc || !tracker) throw new Error('build first');
    const r = rng(7);
    const out: QueryTimes = { app: [], appAfterEdit: [], raw: [], hits: [] };
    for (const q of queries) {
      let t = performance.now();
      const hits = tracker.search(q);
      out.app.push(performance.now() - t);
      out.hits.push(hits.length);
      // Someone types one character into one statement, then the query runs again.
      const id = statementIds[Math.floor(r() * statementIds.length)]!;
      const body = requireBody(getStatement(doc, id)!);
      write(doc, 'user', () => (body.get(0) as Y.XmlElement).insert(0, [new Y.XmlText(cjkText(r, 1))]));
      t = performance.now();
      tracker.search(q);
      out.appAfterEdit.push(performance.now() - t);
      t = performance.now();
      const strings: string[] = [];
      stringsIn(doc.toJSON(), strings);
      const terms = normalize(q).split(/\s+/u).filter(Boolean);
      let n = 0;
      for (const s of strings) {
        const text = normalize(s);
        if (terms.every((term) => text.includes(term))) n++;
      }
      out.raw.push(performance.now() - t);
      if (n < 0) throw new Error('unreachable');
    }
    return out;
  },
};

export type SearchBench = typeof searchBench;

declare global {
  interface Window {
    searchBench: SearchBench;
  }
}

window.searchBench = searchBench;
console.log('[bench] searchBench ready');
