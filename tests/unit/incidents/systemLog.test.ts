import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readChildren, setField } from '../../../shared/doc/collection';
import { changeSeverity, declareIncident, incidentRecord, readIncident, recordStatementApproval, type DeclareContext } from '../../../shared/incidents/incidents';

// Issue 13, item 4: entries the app writes (severity changed, statement approved) stayed in the
// writer's language on every laptop. They now carry their meaning; each reader words them.

const T0 = Date.UTC(2025, 0, 10, 9, 0);
const ctx: DeclareContext = { crisisType: { id: 'type-food', firstResponderUnitId: '', steps: [] }, unitIds: new Set(), levels: [1, 2, 3, 4] };

function incident() {
  const doc = new Y.Doc();
  const id = declareIncident(doc, { title: '食物中毒', drill: false, crisisTypeId: 'type-food', risk: { likelihood: 3, loss: 3, feasibility: 3 }, t0: T0, declaredBy: 'Mei' }, ctx, 'user');
  return { doc, id, rec: incidentRecord(doc, id) };
}

describe('system log entries carry their meaning', () => {
  it('a severity change records from, to and the reason (the text stays for older versions)', () => {
    const { id, rec } = incident();
    const from = readIncident(rec, id).severity;
    changeSeverity(rec, 1, '主管機關介入', 'Mei', T0 + 60_000, '危機等級由 第三級 調整為 第一級：主管機關介入', 'user');
    const [entry] = readIncident(rec, id).log;
    expect(entry).toMatchObject({ category: 'decision', text: '危機等級由 第三級 調整為 第一級：主管機關介入', system: { kind: 'severityChanged', from, to: 1, reason: '主管機關介入' } });
  });

  it('a statement approval records the statement title', () => {
    const { id, rec } = incident();
    recordStatementApproval(rec, 'st1', 'a'.repeat(64), T0, 'Lin', '聲明「致歉」已核准', 'system', '致歉');
    expect(readIncident(rec, id).log[0]!.system).toEqual({ kind: 'statementApproved', title: '致歉' });
  });

  it('a peer\'s malformed event is ignored and the entry shows its text', () => {
    const { id, rec } = incident();
    changeSeverity(rec, 1, 'x', 'Mei', T0 + 60_000, 'Raised', 'user');
    const logRec = readChildren(rec, 'log')[0]!;
    setField(logRec, 'system', '{"kind":"severityChanged","from":"two"}', 'remote');
    const [entry] = readIncident(rec, id).log;
    expect(entry!.system).toBeUndefined();
    expect(entry!.text).toBe('Raised');
  });
});
