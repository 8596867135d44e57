import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeIncident, declareIncident, incidentRecord, incidentsOf, listIncidents, runningDrillKey, type DeclareContext } from '../../../shared/incidents/incidents';

const T0 = Date.UTC(2025, 0, 10, 9, 0);
const MIN = 60_000;
const ctx: DeclareContext = {
  crisisType: { id: 'type-food', firstResponderUnitId: 'u-cs', steps: [{ id: 's1', title: 'Confirm facts', ownerUnitId: 'u-cs', targetMinutes: 30 }] },
  unitIds: new Set(['u-cs']),
  levels: [1, 2, 3, 4],
};

const declare = (doc: Y.Doc, drill: boolean, t0: number) =>
  declareIncident(doc, { title: drill ? 'Drill' : 'Real', drill, crisisTypeId: 'type-food', risk: { likelihood: 3, loss: 3, feasibility: 3 }, t0, declaredBy: 'Mei' }, ctx, 'user');

/** What the top bar picked before: the full list, newest T0 first, its first active drill. */
const fromFullList = (doc: Y.Doc) => listIncidents(doc).find((i) => i.drill && i.state === 'active')?.id ?? null;

describe('the running drill, read from the records’ own fields', () => {
  it('is none without drills, and never a real incident', () => {
    const doc = new Y.Doc();
    expect(runningDrillKey(incidentsOf(doc))).toBeNull();
    declare(doc, false, T0);
    expect(runningDrillKey(incidentsOf(doc))).toBeNull();
  });

  it('is the active drill with the latest T0; a closed drill no longer runs', () => {
    const doc = new Y.Doc();
    const early = declare(doc, true, T0);
    const late = declare(doc, true, T0 + 30 * MIN);
    declare(doc, false, T0 + 60 * MIN);
    expect(runningDrillKey(incidentsOf(doc))).toBe(late);
    closeIncident(incidentRecord(doc, late)!, T0 + 90 * MIN, 'user');
    expect(runningDrillKey(incidentsOf(doc))).toBe(early);
    closeIncident(incidentRecord(doc, early)!, T0 + 95 * MIN, 'user');
    expect(runningDrillKey(incidentsOf(doc))).toBeNull();
  });

  it('agrees with the full list on random workspaces (seeded)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 40; round++) {
      const doc = new Y.Doc();
      const keys: string[] = [];
      for (let i = 0; i < 1 + Math.floor(rand() * 8); i++) keys.push(declare(doc, rand() < 0.6, T0 + Math.floor(rand() * 5) * MIN));
      for (const key of keys) if (rand() < 0.4) closeIncident(incidentRecord(doc, key)!, T0 + 100 * MIN, 'user');
      expect(runningDrillKey(incidentsOf(doc))).toBe(fromFullList(doc));
    }
  });
});
