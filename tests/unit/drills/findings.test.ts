import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRecord, readChildren, recordId } from '../../../shared/doc/collection';
import { collectionOf } from '../../../shared/doc/workspaceDoc';
import { computeAar, type ReviewStep } from '../../../shared/drills/aar';
import { deriveFindings } from '../../../shared/drills/aarFindings';
import { acceptFinding, applyEdit, BACKUP_OWNER_ITEM, rejectFinding } from '../../../shared/drills/findings';
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
  const steps: ReviewStep[] = readChildren(type, 'steps').map((s) => ({ id: recordId(s), title: s.get('title') as string, ownerUnitId: s.get('ownerUnitId') as string, targetMinutes: s.get('targetMinutes') as number }));
  const drillId = createDrill(
    doc,
    { title: 'Drill', scenarioId: 'sc', crisisTypeId: typeId, risk: { likelihood: 3, loss: 3, feasibility: 3 }, facilitatorDeviceId: 'dev-f', facilitatorName: 'Fa', now: T0 },
    { crisisType: { id: typeId, firstResponderUnitId: 'cs', steps }, unitIds: new Set(['cs', 'pr', 'ops']), levels: [1, 2, 3, 4] },
    'user',
  );
  return { doc, typeId, type, steps, drill: incidentRecord(doc, drillId), drillId };
}

function stepOf(type: Y.Map<unknown>, id: string) {
  return readChildren(type as never, 'steps').find((s) => recordId(s) === id)!;
}

/** Findings of the drill, reviewed up to `end` minutes. */
function findingsOf(w: ReturnType<typeof workspace>, end: number) {
  const incident = readIncident(w.drill, w.drillId);
  return deriveFindings(computeAar({ incident, injects: [], steps: w.steps, endAt: T0 + end * MIN }), incident, w.typeId, w.steps, 'en');
}

describe('findings become proposed playbook edits', () => {
  it('proposes a backup owner for a step a little late or never done, a longer target for one late by over twice its allowance', () => {
    const w = workspace();
    const tasks = readIncident(w.drill, w.drillId).tasks;
    setTaskStatus(w.drill, tasks[0]!.id, 'done', 'Ken', T0 + 100 * MIN, 'user'); // 70 min late on a 30-minute target
    setTaskStatus(w.drill, tasks[1]!.id, 'done', 'Mei', T0 + 95 * MIN, 'user'); // 35 min late on a 60-minute target
    const edits = findingsOf(w, 180).flatMap((f) => (f.edit ? [f.edit] : []));
    expect(edits.map((e) => [e.id, e.stepId, e.field, e.from, e.to])).toEqual([
      [`taskMissed:${tasks[2]!.id}`, 's-halt', 'checklist', null, BACKUP_OWNER_ITEM.en],
      [`taskLate:${tasks[0]!.id}`, 's-facts', 'targetMinutes', 30, 105],
      [`taskLate:${tasks[1]!.id}`, 's-hold', 'checklist', null, BACKUP_OWNER_ITEM.en],
    ]);
    expect(edits[1]!.rationale).toEqual({ code: 'lateRaiseTarget', targetMinutes: 30, lateByMinutes: 70, evidence: 1 });
  });

  it('accepting changes the playbook (origin user) and records the decision; rejecting leaves it as is', () => {
    const w = workspace();
    const { doc, drill, type } = w;
    const tasks = readIncident(drill, w.drillId).tasks;
    setTaskStatus(drill, tasks[0]!.id, 'done', 'Ken', T0 + 95 * MIN, 'user'); // 65 min late on 30 → raise to 105
    setTaskStatus(drill, tasks[1]!.id, 'done', 'Mei', T0 + 95 * MIN, 'user'); // 35 min late on 60 → backup
    const edits = findingsOf(w, 100).flatMap((f) => (f.edit ? [f.edit] : []));
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    acceptFinding(doc, drill, edits.find((e) => e.stepId === 's-facts')!, 'Fa', T0 + 200 * MIN, 'user');
    rejectFinding(drill, edits.find((e) => e.stepId === 's-hold')!, 'Fa', T0 + 200 * MIN, 'user');
    expect(stepOf(type, 's-facts').get('targetMinutes')).toBe(105);
    expect(readChildren(stepOf(type, 's-hold'), 'checklist')).toHaveLength(0);
    expect(origins).toEqual(['user', 'user']);
    expect(Object.fromEntries([...findingDecisions(drill)].map(([k, v]) => [k, v.decision]))).toEqual({ [`taskLate:${tasks[0]!.id}`]: 'accepted', [`taskLate:${tasks[1]!.id}`]: 'rejected' });
  });

  it('adds a checklist item once, and refuses to overwrite a target changed since the review', () => {
    const w = workspace();
    const { doc, type } = w;
    const backup = findingsOf(w, 200).find((f) => f.kind === 'taskMissed' && f.facts.stepId === 's-facts')!.edit!;
    applyEdit(doc, backup, 'user');
    applyEdit(doc, backup, 'user');
    expect(readChildren(stepOf(type, 's-facts'), 'checklist').map((c) => c.get('text'))).toEqual(['Call the guests', BACKUP_OWNER_ITEM.en]);
    const raise = { ...backup, id: 'x', field: 'targetMinutes' as const, from: 45, to: 90 };
    expect(() => applyEdit(doc, raise, 'user')).toThrow(/changed since the review/);
    expect(stepOf(type, 's-facts').get('targetMinutes')).toBe(30);
    expect(() => applyEdit(doc, { ...backup, stepId: 'gone' }, 'user')).toThrow(/no longer exists/);
  });
});
