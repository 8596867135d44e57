import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as incidents from '../../../shared/incidents/incidents';
import { addLogEntry, closeIncident, declareIncident, incidentRecord, type DeclareContext } from '../../../shared/incidents/incidents';
import { watchedIncidents } from '../../../renderer/features/notify/watchedCache';

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
});
