import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { declareIncident, type DeclareContext } from '../../../shared/incidents/incidents';
import { watchIncidents } from '../../../renderer/features/notify/watchedCache';
import { AlertWatch, PRIME_MAX_TICKS } from '../../../renderer/features/notify/alertWatch';

// Issue 14: a notification tick reads changed incidents for a budget only; what is already due
// when a workspace opens must still not be announced, however many ticks reading it takes.

const T0 = Date.UTC(2025, 0, 10, 9, 0);
const ctx: DeclareContext = { crisisType: { id: 'type-food', firstResponderUnitId: '', steps: [] }, unitIds: new Set(), levels: [1, 2, 3, 4] };
// Ten hours after T0: every incident declared at T0 without an update is overdue.
const clock = () => T0 + 10 * 3600_000;

function declare(doc: Y.Doc, title: string): string {
  return declareIncident(doc, { title, drill: false, crisisTypeId: 'type-food', risk: { likelihood: 3, loss: 3, feasibility: 3 }, t0: T0, declaredBy: 'Mei' }, ctx, 'user');
}

/** A watch pass that reads one changed incident per tick (a budget that one read exhausts). */
const onePerTick = (doc: Y.Doc) => {
  let ms = 0;
  return watchIncidents(doc, clock, 1, () => (ms += 5));
};

describe('the notification watch of the open workspace', () => {
  it('announces nothing that was due at open, though reading it takes several ticks; announces what falls due afterwards', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 5; i++) declare(doc, `overdue ${i}`);
    const watch = new AlertWatch();
    const raised: string[] = [];
    for (let t = 0; t < 5; t++) {
      expect(watch.priming).toBe(t === 0 ? false : true);
      raised.push(...watch.tick({ id: 'ws', doc }, onePerTick).map((a) => a.key));
    }
    expect(raised).toEqual([]);
    expect(watch.priming).toBe(false);
    // An incident declared now (overdue at once under this clock) is announced.
    const late = declare(doc, 'late');
    const next = watch.tick({ id: 'ws', doc }, onePerTick);
    expect(next.map((a) => a.incidentId)).toEqual([late]);
    // Once only.
    expect(watch.tick({ id: 'ws', doc }, onePerTick)).toEqual([]);
  });

  it('priming ends after PRIME_MAX_TICKS even while incidents are left unread; another workspace primes again', () => {
    const doc = new Y.Doc();
    const ids = Array.from({ length: PRIME_MAX_TICKS + 2 }, (_, i) => declare(doc, `overdue ${i}`));
    const watch = new AlertWatch();
    const raised: string[] = [];
    for (let t = 0; t < ids.length; t++) raised.push(...watch.tick({ id: 'ws', doc }, onePerTick).map((a) => a.incidentId));
    // The first PRIME_MAX_TICKS reads were priming; the two read afterwards are announced.
    expect(raised).toHaveLength(2);
    expect(watch.priming).toBe(false);

    const other = new Y.Doc();
    declare(other, 'elsewhere');
    expect(watch.tick({ id: 'ws-2', doc: other }, onePerTick)).toEqual([]);
    expect(watch.tick(null, onePerTick)).toEqual([]);
  });
});
