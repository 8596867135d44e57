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

/**
 * The active incidents that notifications watch, with each one's clock read now. An incident is
 * read into plain values only after it changed (its log at 100× is thousands of entries and the
 * watch runs every second); `clock(rec, drill)` is asked every time, as the clock moves.
 */
export function watchedIncidents(doc: Y.Doc, clock: (rec: Y.Map<unknown>, drill: boolean) => number): WatchedIncident[] {
  const cache = cacheOf(doc);
  const out: WatchedIncident[] = [];
  for (const [id, rec] of incidentsOf(doc).entries()) {
    if (!(rec instanceof Y.Map) || rec.get('state') !== 'active') continue;
    let plain = cache.byId.get(id);
    if (!plain) {
      const incident = readIncident(rec, id);
      const scenario = incident.drill && incident.scenarioId ? scenariosOf(doc).get(incident.scenarioId) : undefined;
      plain = { incident, injects: scenario ? readScenario(scenario, incident.scenarioId).injects : [] };
      cache.byId.set(id, plain);
    }
    out.push({ ...plain, now: clock(rec, plain.incident.drill) });
  }
  return out;
}
