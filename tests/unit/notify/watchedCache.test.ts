import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as incidents from '../../../shared/incidents/incidents';
import { addLogEntry, closeIncident, declareIncident, incidentRecord, type DeclareContext } from '../../../shared/incidents/incidents';
import { watchIncidents } from '../../../renderer/features/notify/watchedCache';

/** Every active incident, without a budget. */
const watchedIncidents = (doc: Y.Doc, clock: () => number) => watchIncidents(doc, clock).watched;

// Issue 14: the notification watch ran every second over every active incident, reading each one
// (its whole log) into plain values. It now reads an incident again only after it changed.

const T0 = Date.UTC(2025, 0, 10, 9, 0);
const ctx: DeclareContext = { crisisType: { id: 'type-food', firstResponderUnitId: '', steps: [] }, unitIds: new Set(), levels: [1, 2, 3, 4] };

function declare(doc: Y.Doc, title: string): string {
  return declareIncident(doc, { title, drill: false, crisisTypeId: 'type-food', risk: { likelihood: 3, loss: 3, feasibility: 3 }, t0: T0, declaredBy: 'Mei' }, ctx, 'user');
}

describe('watched incidents for notifications', () => {
  it('reads an incident again only after something in it changed, and follows every change', () => {
    const doc = new Y.Doc();
    const a = declare(doc, 'A');
    const b = declare(doc, 'B');
    const spy = vi.spyOn(incidents, 'readIncident');
    const clock = vi.fn(() => T0 + 60_000);

    const first = watchedIncidents(doc, clock);
    expect(first.map((w) => w.incident.title).sort()).toEqual(['A', 'B']);
    expect(spy).toHaveBeenCalledTimes(2);

    const again = watchedIncidents(doc, clock);
    expect(spy).toHaveBeenCalledTimes(2); // nothing changed: nothing read
    expect(clock).toHaveBeenCalledTimes(4); // the clock is asked on every pass
    expect(again.every((w) => w.now === T0 + 60_000)).toBe(true);

    addLogEntry(incidentRecord(doc, a), { at: T0 + 1000, by: 'Mei', category: 'communication', text: '更新' }, 'user');
    const afterLog = watchedIncidents(doc, clock);
    expect(spy).toHaveBeenCalledTimes(3); // only A is read again
    expect(afterLog.find((w) => w.incident.id === a)!.incident.log.some((e) => e.text === '更新')).toBe(true);

    closeIncident(incidentRecord(doc, b), T0 + 2000, 'user');
    expect(watchedIncidents(doc, clock).map((w) => w.incident.id)).toEqual([a]);

    const c = declare(doc, 'C');
    expect(watchedIncidents(doc, clock).map((w) => w.incident.id).sort()).toEqual([a, c].sort());
    doc.transact(() => incidents.incidentsOf(doc).delete(a), 'user');
    expect(watchedIncidents(doc, clock).map((w) => w.incident.id)).toEqual([c]);
    spy.mockRestore();
  });

  it('a change that arrives from a peer is seen too', () => {
    const here = new Y.Doc();
    const a = declare(here, 'A');
    const clock = () => T0;
    const before = watchedIncidents(here, clock)[0]!.incident.log.length;
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(here), 'remote');
    addLogEntry(incidentRecord(peer, a), { at: T0 + 5000, by: 'Lin', category: 'decision', text: '決定' }, 'user');
    Y.applyUpdate(here, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(here)), 'remote');
    expect(watchedIncidents(here, clock)[0]!.incident.log.length).toBe(before + 1);
  });

  it('a pass over its budget leaves the changed incidents it did not read out, and the next passes read them', () => {
    const doc = new Y.Doc();
    const ids = ['A', 'B', 'C', 'D', 'E'].map((t) => declare(doc, t));
    const clock = () => T0;
    // A fake clock: every reading of it advances 5 ms, so a 12 ms budget ends after a few reads.
    let ms = 0;
    const now = () => (ms += 5);
    const spy = vi.spyOn(incidents, 'readIncident');

    const first = watchIncidents(doc, clock, 12, now);
    expect(first.watched.length).toBeGreaterThanOrEqual(1);
    expect(first.watched.length).toBeLessThan(5);
    expect(first.watched.length + first.skipped).toBe(5);
    expect(spy).toHaveBeenCalledTimes(first.watched.length);

    // The next passes go on with the rest, reading none twice, until every one is watched.
    let pass = first;
    let passes = 1;
    while (pass.skipped > 0) {
      pass = watchIncidents(doc, clock, 12, now);
      passes++;
      expect(passes).toBeLessThan(6);
    }
    expect(pass.watched.map((w) => w.incident.id).sort()).toEqual([...ids].sort());
    expect(spy).toHaveBeenCalledTimes(5);

    // A changed incident is left out (not watched with what it held before) until it is read again.
    addLogEntry(incidentRecord(doc, ids[0]!), { at: T0 + 1000, by: 'Mei', category: 'communication', text: '新進度' }, 'user');
    addLogEntry(incidentRecord(doc, ids[1]!), { at: T0 + 1000, by: 'Mei', category: 'communication', text: '新進度' }, 'user');
    const tight = watchIncidents(doc, clock, 0, now);
    expect(tight.skipped).toBe(1);
    expect(tight.watched).toHaveLength(4);
    for (const w of tight.watched) if (w.incident.id === ids[0] || w.incident.id === ids[1]) expect(w.incident.log.some((e) => e.text === '新進度')).toBe(true);
    const rest = watchIncidents(doc, clock, 0, now);
    expect(rest.skipped).toBe(0);
    expect(rest.watched.filter((w) => w.incident.id === ids[0] || w.incident.id === ids[1]).every((w) => w.incident.log.some((e) => e.text === '新進度'))).toBe(true);
    spy.mockRestore();
  });
});
