import type * as Y from 'yjs';
import { z } from 'zod';
import { addRecord, childCollection, readChildren, type YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { parseJsonField } from '../doc/jsonField.js';
import { defineRecord, type RecordFields } from '../doc/typedRecord.js';
import { closeIncident, declareIncident, incidentRecord, type DeclareContext } from '../incidents/incidents.js';
import type { RiskAssessment } from '../incidents/types.js';
import { exerciseTime, handOver, newClock, parseClock, pause, type ExerciseClockState } from './clock.js';

/**
 * A drill run is a drill incident (see ../incidents/incidents.ts) that also carries the exercise
 * clock and the facilitator. Its T0 is the exercise start on the exercise timeline; all its times
 * (log, tasks, injects) are exercise time. Only the facilitator's laptop writes the clock fields,
 * always all four in one transaction.
 */
const CLOCK_FIELDS = { status: 'clockStatus', speed: 'clockSpeed', exerciseAtAnchor: 'clockExerciseAt', anchorWall: 'clockAnchorWall' } as const;

export interface StartDrillInput {
  title: string;
  scenarioId: string;
  crisisTypeId: string;
  risk: RiskAssessment;
  /** Device id of the facilitator's laptop (stable across reloads). */
  facilitatorDeviceId: string;
  facilitatorName: string;
  /** The facilitator's wall time now; becomes T0 of the exercise. */
  now: number;
  speed?: number;
}

/** Creates the drill incident with a paused clock at T0. Returns its id. */
export function createDrill(doc: Y.Doc, input: StartDrillInput, ctx: DeclareContext, origin: Origin): string {
  return write(doc, origin, () => {
    const id = declareIncident(
      doc,
      { title: input.title, drill: true, crisisTypeId: input.crisisTypeId, risk: input.risk, t0: input.now, declaredBy: input.facilitatorName, scenarioId: input.scenarioId },
      ctx,
      origin,
    );
    const rec = incidentRecord(doc, id);
    rec.set('facilitatorId', input.facilitatorDeviceId);
    rec.set('facilitatorName', input.facilitatorName);
    setClockFields(rec, newClock(input.now, input.now, input.speed ?? 1));
    return id;
  });
}

function setClockFields(rec: YRecord, state: ExerciseClockState): void {
  rec.set(CLOCK_FIELDS.status, state.status);
  rec.set(CLOCK_FIELDS.speed, state.speed);
  rec.set(CLOCK_FIELDS.exerciseAtAnchor, state.exerciseAtAnchor);
  rec.set(CLOCK_FIELDS.anchorWall, state.anchorWall);
}

/** The drill's clock; a damaged clock reads as paused at T0. */
export function readClock(rec: YRecord): ExerciseClockState {
  const parsed = parseClock({
    status: rec.get(CLOCK_FIELDS.status),
    speed: rec.get(CLOCK_FIELDS.speed),
    exerciseAtAnchor: rec.get(CLOCK_FIELDS.exerciseAtAnchor),
    anchorWall: rec.get(CLOCK_FIELDS.anchorWall),
  });
  if (parsed) return parsed;
  const t0 = rec.get('t0');
  const at = typeof t0 === 'number' && Number.isFinite(t0) ? t0 : 0;
  return newClock(at, 0);
}

export function facilitatorOf(rec: YRecord): { deviceId: string; name: string } {
  const id = rec.get('facilitatorId');
  const name = rec.get('facilitatorName');
  return { deviceId: typeof id === 'string' ? id : '', name: typeof name === 'string' ? name : '' };
}

/**
 * Writes a new clock state. Only the facilitator may: any other device gets an error and nothing
 * is written.
 */
export function writeClock(rec: YRecord, next: ExerciseClockState, actorDeviceId: string, origin: Origin): void {
  if (facilitatorOf(rec).deviceId !== actorDeviceId) throw new Error('Only the facilitator can change the exercise clock');
  if (rec.get('state') === 'closed') throw new Error('This drill has ended');
  write(rec.doc!, origin, () => setClockFields(rec, next));
}

/** Applies a clock transition (pause, resume, setSpeed, jumpTo…) at the facilitator's `now`. */
export function updateClock(rec: YRecord, actorDeviceId: string, now: number, change: (state: ExerciseClockState, now: number) => ExerciseClockState, origin: Origin): ExerciseClockState {
  const next = change(readClock(rec), now);
  writeClock(rec, next, actorDeviceId, origin);
  return next;
}

/**
 * Makes this laptop the facilitator (e.g. the facilitator's laptop left). The clock is
 * re-anchored on the new facilitator's wall clock, using its estimated offset to the old one,
 * so exercise time does not jump.
 */
export function takeOverFacilitation(rec: YRecord, deviceId: string, name: string, now: number, offsetToOld: number, origin: Origin): void {
  const next = handOver(readClock(rec), now, offsetToOld);
  write(rec.doc!, origin, () => {
    rec.set('facilitatorId', deviceId);
    rec.set('facilitatorName', name);
    setClockFields(rec, next);
  });
}

/** Ends the drill: pauses the clock and closes the incident at the current exercise time. */
export function endDrill(rec: YRecord, actorDeviceId: string, now: number, origin: Origin): number {
  if (facilitatorOf(rec).deviceId !== actorDeviceId) throw new Error('Only the facilitator can end the drill');
  const clock = pause(readClock(rec), now);
  const at = exerciseTime(clock, now);
  write(rec.doc!, origin, () => {
    setClockFields(rec, clock);
    closeIncident(rec, at, origin);
  });
  return at;
}

export const FINDING_DECISIONS = ['accepted', 'rejected'] as const;
export type FindingDecision = (typeof FINDING_DECISIONS)[number];

/** Longest stored proposal (JSON): step titles and a checklist item's text, with room to spare. */
const EDIT_MAX = 50_000;

/**
 * The team's decision on one review finding (a record of the drill's `findings` collection, keyed
 * by the finding id). A record without a valid decision reads `decision: ''` and is not a
 * decision; only 'accepted' or 'rejected' may be written.
 */
export const FindingRecord = defineRecord('findingDecision', (f) => ({
  id: f.id(),
  decision: f.oneOf<FindingDecision | ''>(f.lenient ? ['', ...FINDING_DECISIONS] : FINDING_DECISIONS, ''),
  by: f.text(200),
  at: f.number({}, 0),
  /** The proposal as it was when decided: a `DecidedEdit` as one JSON string ('' when none). */
  edit: f.text(EDIT_MAX),
}));

/** What a decided finding proposed, kept with the decision (the review is recomputed later). */
export const DecidedEdit = z.object({
  crisisTypeId: z.string(),
  stepId: z.string(),
  stepTitle: z.string(),
  field: z.enum(['targetMinutes', 'checklist']),
  from: z.number().nullable(),
  to: z.union([z.number(), z.string()]),
  rationale: z.object({ code: z.enum(['lateRaiseTarget', 'lateAddBackup', 'missedAddBackup', 'unansweredWatchChannel', 'lateInjectPrepareReply']), targetMinutes: z.number(), lateByMinutes: z.number(), evidence: z.number() }),
});
export type DecidedEdit = z.infer<typeof DecidedEdit>;

/** A decision as read: `edit` is the proposal as it was when decided (null for records without it). */
export type FindingDecisionRecord = Omit<RecordFields<typeof FindingRecord>, 'id' | 'decision' | 'edit'> & { decision: FindingDecision; edit: DecidedEdit | null };

/**
 * Records the team's decision on a review finding, keyed by the finding id (two laptops deciding
 * the same finding share one record; last word wins), with the proposal as it stood.
 */
export function decideFinding(rec: YRecord, findingId: string, decision: FindingDecision, by: string, at: number, origin: Origin, edit?: DecidedEdit): void {
  const editJson = edit ? JSON.stringify(DecidedEdit.parse(edit)) : '';
  // Validated before anything is written (a RecordFieldError names the bad field).
  const fields = FindingRecord.init({ id: findingId, decision, by, at, edit: editJson });
  const coll = childCollection(rec, 'findings', origin);
  write(rec.doc!, origin, () => {
    const existing = coll.get(findingId);
    if (!existing) {
      addRecord(coll, { ...fields }, origin);
      return;
    }
    // Validated above. Written together even when unchanged (FindingRecord.set would skip an
    // unchanged one): a concurrent decision then wins or loses whole, never "rejected by" the other.
    existing.set('decision', fields.decision);
    existing.set('by', fields.by);
    existing.set('at', fields.at);
    if (fields.edit) existing.set('edit', fields.edit);
  });
}

const parseEdit = (raw: string): DecidedEdit | null => parseJsonField(DecidedEdit, raw);

/** Decisions taken on review findings, by finding id. */
export function findingDecisions(rec: YRecord): Map<string, FindingDecisionRecord> {
  const out = new Map<string, FindingDecisionRecord>();
  for (const r of readChildren(rec, 'findings')) {
    const { id, decision, by, at, edit } = FindingRecord.read(r);
    if (decision === '') continue;
    out.set(id, { decision, by, at, edit: parseEdit(edit) });
  }
  return out;
}
