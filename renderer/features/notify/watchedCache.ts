import * as Y from 'yjs';
import type { WatchedIncident } from '../../../shared/incidents/alerts';
import { incidentsOf, readIncident } from '../../../shared/incidents/incidents';
import { readScenario, scenariosOf } from '../../../shared/drills/scenario';

type Plain = Omit<WatchedIncident, 'now'>;

interface DocCache {
  /** Plain reads of active incidents, by incident id; dropped when anything inside one changes. */
  byId: Map<string, Plain>;
}

const caches = new WeakMap<Y.Doc, DocCache>();

/** The incident ids an `observeDeep` batch on the incidents collection touched. */
function touchedIds(events: Array<Y.YEvent<Y.AbstractType<unknown>>>): Set<string> | 'all' {
  const out = new Set<string>();
  for (const ev of events) {
    const top = ev.path[0];
    if (typeof top === 'string') out.add(top);
    else if (ev.changes.keys.size > 0) for (const key of ev.changes.keys.keys()) out.add(key);
    else return 'all';
  }
  return out;
}

function cacheOf(doc: Y.Doc): DocCache {
  let c = caches.get(doc);
  if (c) return c;
  const cache: DocCache = { byId: new Map() };
  incidentsOf(doc).observeDeep((events) => {
    const ids = touchedIds(events);
    if (ids === 'all') cache.byId.clear();
    else for (const id of ids) cache.byId.delete(id);
  });
  // A scenario's injects are read into every drill's entry: any scenario change drops them all.
  scenariosOf(doc).observeDeep(() => cache.byId.clear());
  caches.set(doc, (c = cache));
  return c;
}

/** What one pass of the watch found: the incidents read, and how many changed ones it left for the next pass. */
export interface WatchPass {
  watched: WatchedIncident[];
  /** Active incidents that changed and were not read again in this pass (over its budget). */
  skipped: number;
}

/**
 * The active incidents that notifications watch, with each one's clock read now. An incident is
 * read into plain values only after it changed (its log at 100× is thousands of entries and the
 * watch runs every second); `clock(rec, drill)` is asked every time, as the clock moves.
 *
 * A pass reads changed incidents for about `budgetMs` at most (at least one): while a laptop
 * joins a large workspace, hundreds of incidents change between two passes, and reading all of
 * them held the page for 60–120 ms (bench P15 at 100×). Those left over are not in this pass at
 * all — never watched with what they held before they changed — and are read in the next ones.
 */
export function watchIncidents(doc: Y.Doc, clock: (rec: Y.Map<unknown>, drill: boolean) => number, budgetMs = Infinity, now: () => number = () => performance.now()): WatchPass {
  const cache = cacheOf(doc);
  const watched: WatchedIncident[] = [];
  const started = now();
  let read = 0;
  let skipped = 0;
  for (const [id, rec] of incidentsOf(doc).entries()) {
    if (!(rec instanceof Y.Map) || rec.get('state') !== 'active') continue;
    let plain = cache.byId.get(id);
    if (!plain) {
      if (read > 0 && now() - started >= budgetMs) {
        skipped++;
        continue;
      }
      read++;
      const incident = readIncident(rec, id);
      const scenario = incident.drill && incident.scenarioId ? scenariosOf(doc).get(incident.scenarioId) : undefined;
      plain = { incident, injects: scenario ? readScenario(scenario, incident.scenarioId).injects : [] };
      cache.byId.set(id, plain);
    }
    watched.push({ ...plain, now: clock(rec, plain.incident.drill) });
  }
  return { watched, skipped };
}
