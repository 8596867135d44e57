import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exerciseTime, pause, resume, setSpeed } from '../../../shared/drills/clock';
import { createDrill, endDrill, facilitatorOf, readClock, takeOverFacilitation, updateClock } from '../../../shared/drills/run';
import { incidentRecord, readIncident } from '../../../shared/incidents/incidents';

const T0 = Date.UTC(2025, 6, 1, 9, 0);
const MIN = 60_000;

function drillDoc() {
  const doc = new Y.Doc();
  const id = createDrill(
    doc,
    { title: 'Food drill', scenarioId: 'sc-1', crisisTypeId: 'type', risk: { likelihood: 4, loss: 4, feasibility: 3 }, facilitatorDeviceId: 'dev-f', facilitatorName: 'Fa', now: T0 },
    { crisisType: { id: 'type', steps: [{ id: 's', title: 'Step', ownerUnitId: 'u', targetMinutes: 30 }] }, unitIds: new Set(['u']), levels: [1, 2, 3, 4] },
    'user',
  );
  return { doc, id, rec: incidentRecord(doc, id) };
}

describe('drill run', () => {
  it('starts as a drill incident with a paused clock at T0', () => {
    const { rec, id } = drillDoc();
    const inc = readIncident(rec, id);
    expect(inc).toMatchObject({ drill: true, t0: T0, scenarioId: 'sc-1', severity: 1 });
    expect(readClock(rec)).toEqual({ status: 'paused', speed: 1, exerciseAtAnchor: T0, anchorWall: T0 });
    expect(facilitatorOf(rec)).toEqual({ deviceId: 'dev-f', name: 'Fa' });
  });

  it('lets only the facilitator change the clock, and syncs it to peers', () => {
    const { doc, rec, id } = drillDoc();
    updateClock(rec, 'dev-f', T0 + 1000, (s, now) => setSpeed(resume(s, now), 60, now), 'user');
    expect(() => updateClock(rec, 'dev-other', T0 + 2000, pause, 'user')).toThrow(/Only the facilitator/);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc), 'remote');
    const peerClock = readClock(incidentRecord(peer, id));
    expect(peerClock.status).toBe('running');
    expect(exerciseTime(peerClock, T0 + 11_000)).toBe(T0 + 10 * MIN);
  });

  it('reads a damaged clock as paused at T0', () => {
    const { rec } = drillDoc();
    rec.doc!.transact(() => rec.set('clockSpeed', 'fast'), 'remote');
    expect(readClock(rec)).toMatchObject({ status: 'paused', exerciseAtAnchor: T0 });
  });

  it('hands over facilitation without a jump in exercise time', () => {
    const { rec } = drillDoc();
    updateClock(rec, 'dev-f', T0, (s, now) => setSpeed(resume(s, now), 60, now), 'user');
    const before = exerciseTime(readClock(rec), T0 + 30_000);
    // The new facilitator's wall clock is 2 minutes behind the old one's.
    takeOverFacilitation(rec, 'dev-g', 'Gi', T0 + 30_000 - 2 * MIN, 2 * MIN, 'user');
    expect(exerciseTime(readClock(rec), T0 + 30_000 - 2 * MIN)).toBe(before);
    expect(() => updateClock(rec, 'dev-f', T0, pause, 'user')).toThrow(/Only the facilitator/);
  });

  it('ends the drill: clock paused, incident closed at the exercise time', () => {
    const { rec, id } = drillDoc();
    updateClock(rec, 'dev-f', T0, (s, now) => setSpeed(resume(s, now), 60, now), 'user');
    const at = endDrill(rec, 'dev-f', T0 + 60_000, 'user');
    expect(at).toBe(T0 + 60 * MIN);
    expect(readIncident(rec, id)).toMatchObject({ state: 'closed', closedAt: T0 + 60 * MIN });
    expect(readClock(rec).status).toBe('paused');
    expect(() => updateClock(rec, 'dev-f', T0 + 70_000, resume, 'user')).toThrow(/ended/);
  });
});
