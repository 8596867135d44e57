import { describe, expect, it } from 'vitest';
import { collectAlerts, type WatchedIncident } from '../../../shared/incidents/alerts';
import type { LogEntry } from '../../../shared/incidents/types';
import type { Inject } from '../../../shared/drills/scenario';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 5, 9);

function watched(now: number, log: LogEntry[] = [], injects: Inject[] = [], state: 'active' | 'closed' = 'active', severity = 2): WatchedIncident {
  return { incident: { id: 'i1', title: '便當食安', drill: injects.length > 0, t0: T0, severity, log, state }, now, injects };
}
const inject = (id: string, offsetMinutes: number): Inject => ({ id, offsetMinutes, channel: 'media_call', content: `記者來電 ${id}`, expectedResponse: '', linkedStepId: '', linkedStepTitle: '' });
const update = (at: number): LogEntry => ({ id: `l${at}`, at, by: 'PR', category: 'communication', text: '更新' });

describe('what raises a notification', () => {
  it('a status update falling due notifies once; a new update restarts the count', () => {
    const seen = new Set<string>();
    const w0 = watched(T0);
    expect(collectAlerts([w0], seen, true)).toEqual([]);
    const dueLater = collectAlerts([watched(T0 + 24 * 60 * MIN)], seen, false);
    expect(dueLater).toHaveLength(1);
    expect(dueLater[0]).toMatchObject({ kind: 'cadence', incidentId: 'i1', title: '便當食安' });
    expect(dueLater[0]!.minutes).toBeGreaterThan(0);
    // Still overdue a second later: no second notification.
    expect(collectAlerts([watched(T0 + 24 * 60 * MIN + 1000)], seen, false)).toEqual([]);
    // An update was published; when the next one falls due, it notifies again.
    const after = T0 + 24 * 60 * MIN + 2000;
    const log = [update(after)];
    expect(collectAlerts([watched(after + 1000, log)], seen, false)).toEqual([]);
    const next = collectAlerts([watched(after + 24 * 60 * MIN, log)], seen, false);
    expect(next.map((a) => a.kind)).toEqual(['cadence']);
  });

  it('drill injects notify when the exercise clock reaches them, once each; what was due at opening does not flood', () => {
    const seen = new Set<string>();
    const injects = [inject('a', 0), inject('b', 10), inject('c', 30)];
    expect(collectAlerts([watched(T0 + 5 * MIN, [update(T0 + 4 * MIN)], injects)], seen, true)).toEqual([]);
    const at12 = collectAlerts([watched(T0 + 12 * MIN, [update(T0 + 4 * MIN)], injects)], seen, false);
    expect(at12).toEqual([expect.objectContaining({ kind: 'inject', key: 'inject:i1:b', detail: '記者來電 b', drill: true })]);
    expect(collectAlerts([watched(T0 + 13 * MIN, [update(T0 + 4 * MIN)], injects)], seen, false)).toEqual([]);
  });

  it('a closed incident never notifies', () => {
    expect(collectAlerts([watched(T0 + 48 * 60 * MIN, [], [inject('a', 1)], 'closed')], new Set(), false)).toEqual([]);
  });
});
