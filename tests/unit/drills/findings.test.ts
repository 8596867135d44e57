import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRecord, readChildren } from '../../../shared/doc/collection';
import { collectionOf } from '../../../shared/doc/workspaceDoc';
import { computeAar, type ReviewStep } from '../../../shared/drills/aar';
import { acceptFinding, applyEdit, BACKUP_OWNER_ITEM, proposeEdits, rejectFinding } from '../../../shared/drills/findings';
import { createDrill, findingDecisions } from '../../../shared/drills/run';
import { incidentRecord, readIncident, setTaskStatus } from '../../../shared/incidents/incidents';

const T0 = Date.UTC(2025, 5, 1, 18, 0);
const MIN = 60_000;

/** A workspace with one crisis type of three steps, and a drill on it. */
function workspace() {
  const doc = new Y.Doc();
  const typeId = addRecord(
    collectionOf(doc, 'crisisTypes'),
    {
      key: 'foodSafety',
      name: 'Food safety',
      firstResponderUnitId: 'cs',
      steps: [
        { id: 's-facts', title: 'Confirm the facts', ownerUnitId: 'cs', targetMinutes: 30, checklist: [{ text: 'Call the guests' }] },
        { id: 's-hold', title: 'Holding statement', ownerUnitId: 'pr', targetMinutes: 60, checklist: [] },
        { id: 's-halt', title: 'Halt sales', ownerUnitId: 'ops', targetMinutes: 120, checklist: [] },
      ],
    },
    'system',
  );
  const type = collectionOf(doc, 'crisisTypes').get(typeId)!;
  const steps: ReviewStep[] = readChildren(type, 'steps').map((s) => ({ id: s.get('id') as string, title: s.get('title') as string, ownerUnitId: s.get('ownerUnitId') as string, targetMinutes: s.get('targetMinutes') as number }));
  const drillId = createDrill(
    doc,
    { title: 'Drill', scenarioId: 'sc', crisisTypeId: typeId, risk: { likelihood: 3, loss: 3, feasibility: 3 }, facilitatorDeviceId: 'dev-f', facilitatorName: 'Fa', now: T0 },
    { crisisType: { id: typeId, firstResponderUnitId: 'cs', steps }, unitIds: new Set(['cs', 'pr', 'ops']), levels: [1, 2, 3, 4] },
    'user',
  );
  return { doc, typeId, type, steps, drill: incidentRecord(doc, drillId), drillId };
}

function stepOf(type: Y.Map<unknown>, id: string) {
  return readChildren(type as never, 'steps').find((s) => s.get('id') === id)!;
}

describe('findings become proposed playbook edits', () => {
  it('proposes raising the target or adding a backup owner for a late step, and a backup for a missed one', () => {
    const { drill, drillId, steps, typeId } = workspace();
    const tasks = readIncident(drill, drillId).tasks;
    setTaskStatus(drill, tasks[0]!.id, 'done', 'Ken', T0 + 20 * MIN, 'user'); // on time
    setTaskStatus(drill, tasks[1]!.id, 'done', 'Mei', T0 + 95 * MIN, 'user'); // 35 min late
    const report = computeAar({ incident: readIncident(drill, drillId), injects: [], steps, endAt: T0 + 180 * MIN });
    const edits = proposeEdits(report, typeId, steps, 'en');
    expect(edits.map((e) => [e.id, e.field, e.from, e.to])).toEqual([
      ['s-hold:lateRaiseTarget', 'targetMinutes', 60, 105],
      ['s-hold:lateAddBackup', 'checklist', null, BACKUP_OWNER_ITEM.en],
      ['s-halt:missedAddBackup', 'checklist', null, BACKUP_OWNER_ITEM.en],
    ]);
    expect(edits[0]!.rationale).toEqual({ code: 'lateRaiseTarget', targetMinutes: 60, lateByMinutes: 35, evidence: 1 });
    expect(proposeEdits(report, typeId, steps, 'zh-TW')[1]!.to).toBe(BACKUP_OWNER_ITEM['zh-TW']);
  });

  it('accepting changes the playbook (origin user) and records the decision; rejecting leaves it as is', () => {
    const { doc, drill, drillId, steps, typeId, type } = workspace();
    const tasks = readIncident(drill, drillId).tasks;
    setTaskStatus(drill, tasks[1]!.id, 'done', 'Mei', T0 + 95 * MIN, 'user');
    const edits = proposeEdits(computeAar({ incident: readIncident(drill, drillId), injects: [], steps, endAt: T0 + 100 * MIN }), typeId, steps, 'en');
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    acceptFinding(doc, drill, edits.find((e) => e.id === 's-hold:lateRaiseTarget')!, 'Fa', T0 + 200 * MIN, 'user');
    rejectFinding(drill, edits.find((e) => e.id === 's-hold:lateAddBackup')!, 'Fa', T0 + 200 * MIN, 'user');
    expect(stepOf(type, 's-hold').get('targetMinutes')).toBe(105);
    expect(readChildren(stepOf(type, 's-hold'), 'checklist')).toHaveLength(0);
    expect(origins).toEqual(['user', 'user']);
    expect(Object.fromEntries([...findingDecisions(drill)].map(([k, v]) => [k, v.decision]))).toEqual({ 's-hold:lateRaiseTarget': 'accepted', 's-hold:lateAddBackup': 'rejected' });
  });

  it('adds a checklist item once, and refuses to overwrite a target changed since the review', () => {
    const { doc, drill, drillId, steps, typeId, type } = workspace();
    const edits = proposeEdits(computeAar({ incident: readIncident(drill, drillId), injects: [], steps, endAt: T0 + 200 * MIN }), typeId, steps, 'en');
    const backup = edits.find((e) => e.id === 's-facts:missedAddBackup')!;
    applyEdit(doc, backup, 'user');
    applyEdit(doc, backup, 'user');
    expect(readChildren(stepOf(type, 's-facts'), 'checklist').map((c) => c.get('text'))).toEqual(['Call the guests', BACKUP_OWNER_ITEM.en]);
    const raise = { ...backup, id: 'x', field: 'targetMinutes' as const, from: 45, to: 90 };
    expect(() => applyEdit(doc, raise, 'user')).toThrow(/changed since the review/);
    expect(stepOf(type, 's-facts').get('targetMinutes')).toBe(30);
    expect(() => applyEdit(doc, { ...backup, stepId: 'gone' }, 'user')).toThrow(/no longer exists/);
  });
});
