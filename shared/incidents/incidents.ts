import * as Y from 'yjs';
import { addRecord, childCollection, listRecords, newId, readChildren, type RecordInit, type YCollection, type YRecord, recordId } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { parseJsonField } from '../doc/jsonField.js';
import type { RecordFields } from '../doc/typedRecord.js';
import { collectionOf } from '../doc/workspaceDoc.js';
import { fitToLevels, suggestSeverity } from './severity.js';
import { readChecked, tasksFromPlaybook, writeTaskFields, type CrisisTypeSteps } from './tasks.js';
import { DeclareIncidentInput, FactRecord, IncidentRecord, LogEntryInput, LogEntryRecord, LogSystemEventSchema, SYSTEM_EVENT_MAX, TaskRecord, type FactKind, type Incident, type IncidentTask, type LogEntry, type LogSystemEvent, type TaskStatus } from './types.js';

/**
 * Incident records in the workspace document (root collection `incidents`).
 *
 * A drill can never turn into a real incident, nor a real incident into a drill: whether a record
 * is a drill is fixed by its key (`drill-…` or `inc-…`), which no write can change. The stored
 * `drill` field is kept for readers of the raw document; when it disagrees with the key the key
 * wins and the record is flagged (`drillFlagTampered`).
 */
export const DRILL_PREFIX = 'drill-';
export const REAL_PREFIX = 'inc-';

/** Fields the accessors refuse to change after declaration. */
const IMMUTABLE_FIELDS = new Set(['id', 'drill', 'declaredAt', 'declaredBy']);

export function incidentsOf(doc: Y.Doc): YCollection {
  return collectionOf(doc, 'incidents');
}

/** Whether the record stored under `key` is a drill (key first, stored field for foreign keys). */
export function isDrillKey(key: string, storedDrill: unknown): boolean {
  if (key.startsWith(DRILL_PREFIX)) return true;
  if (key.startsWith(REAL_PREFIX)) return false;
  return storedDrill === true;
}

export interface DeclareContext {
  /** The crisis type's steps (plain snapshot of the playbook record). */
  crisisType: CrisisTypeSteps;
  /** Unit ids present in the responsibility map. */
  unitIds: ReadonlySet<string>;
  /** Severity levels the playbook defines (their `level` numbers). */
  levels: readonly number[];
}

/**
 * Declares an incident (or starts a drill incident): validates the input, suggests a severity
 * from the risk factors, requires a reason when the chosen level differs from the suggestion,
 * instantiates tasks from the playbook steps and opens the log. Returns the new record's id.
 * @throws Error with a readable message when the input is invalid or an override has no reason.
 */
export function declareIncident(doc: Y.Doc, rawInput: DeclareIncidentInput, ctx: DeclareContext, origin: Origin): string {
  const input = DeclareIncidentInput.parse(rawInput);
  const suggested = fitToLevels(suggestSeverity(input.risk), ctx.levels);
  const severity = input.severity ?? suggested;
  const reason = (input.overrideReason ?? '').trim();
  if (severity !== suggested && !reason) throw new Error('A severity different from the suggestion needs a reason');
  const id = (input.drill ? DRILL_PREFIX : REAL_PREFIX) + newId();
  // Validated before anything is written (a RecordFieldError names the first bad field).
  const tasks = tasksFromPlaybook(ctx.crisisType, input.t0, ctx.unitIds).map((t) => TaskRecord.init({ ownerMemberId: '', ownerName: '', adHoc: false, ...t, id: newId() }));
  const facts = (input.facts ?? []).map((f) => FactRecord.init({ ...f, id: newId() }));
  const fields = IncidentRecord.init({
    id,
    title: input.title,
    drill: input.drill,
    crisisTypeId: input.crisisTypeId,
    severity,
    suggestedSeverity: suggested,
    overrideReason: severity === suggested ? '' : reason,
    likelihood: input.risk.likelihood,
    loss: input.risk.loss,
    feasibility: input.risk.feasibility,
    t0: input.t0,
    declaredAt: input.t0,
    declaredBy: input.declaredBy,
    state: 'active',
    closedAt: null,
    scenarioId: input.scenarioId ?? '',
  });
  const init: RecordInit = {
    ...fields,
    facts: facts.map((f) => ({ ...f })),
    tasks: tasks.map(playbookTaskInit),
    log: [],
  };
  const coll = incidentsOf(doc);
  write(doc, origin, () => {
    addRecord(coll, init, origin, 0);
    const rec = coll.get(id)!;
    rec.set('statementIds', new Y.Array<string>());
  });
  return id;
}

function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/**
 * What a playbook task stores: the fields tasks first shipped with (the person, ticks and ad-hoc
 * mark are written only once they are set, as before).
 */
function playbookTaskInit(t: IncidentTask): RecordInit {
  const { ownerMemberId: _m, ownerName: _n, adHoc: _a, checked: _c, ...first } = t;
  return { ...first };
}

function readTask(r: YRecord): IncidentTask {
  return { ...TaskRecord.read(r), checked: readChecked(r) };
}

function readLogEntry(r: YRecord): LogEntry {
  const { injectId, statementId, approved, system, ...e } = LogEntryRecord.read(r);
  const entry: LogEntry = e;
  if (injectId) entry.injectId = injectId;
  if (statementId) entry.statementId = statementId;
  if (approved) entry.approved = true;
  const event = readSystemEvent(system);
  if (event) entry.system = event;
  return entry;
}

/** A peer's system event, validated (an unreadable one is ignored: `text` is still shown). */
function readSystemEvent(raw: string): LogSystemEvent | undefined {
  if (raw.length > SYSTEM_EVENT_MAX) return undefined;
  return parseJsonField(LogSystemEventSchema, raw) ?? undefined;
}

/** Statement ids linked to an incident (deduplicated, in link order). */
export function linkedStatementIds(rec: YRecord): string[] {
  const arr = rec.get('statementIds');
  if (!(arr instanceof Y.Array)) return [];
  return [...new Set(arr.toArray().filter((s): s is string => typeof s === 'string' && s.length > 0))];
}

/** Plain, validated snapshot of an incident record stored under `key` (tolerates damaged fields). */
export function readIncident(rec: YRecord, key = recordId(rec)): Incident {
  const f = IncidentRecord.read(rec);
  const stored = rec.get('drill');
  const drill = isDrillKey(key, stored);
  return {
    id: key,
    title: f.title,
    drill,
    drillFlagTampered: typeof stored === 'boolean' ? stored !== drill : false,
    crisisTypeId: f.crisisTypeId,
    severity: f.severity,
    suggestedSeverity: f.suggestedSeverity,
    overrideReason: f.overrideReason,
    risk: { likelihood: f.likelihood, loss: f.loss, feasibility: f.feasibility },
    t0: f.t0,
    declaredAt: Number.isFinite(f.declaredAt) ? f.declaredAt : f.t0,
    declaredBy: f.declaredBy,
    state: f.state,
    closedAt: f.closedAt,
    statementIds: linkedStatementIds(rec),
    facts: readChildren(rec, 'facts').map((r) => FactRecord.read(r)),
    tasks: readChildren(rec, 'tasks').map(readTask),
    log: readChildren(rec, 'log').map(readLogEntry).sort((a, b) => a.at - b.at),
    scenarioId: f.scenarioId,
  };
}

/** Every incident and drill of the workspace, newest T0 first. */
export function listIncidents(doc: Y.Doc): Incident[] {
  const coll = incidentsOf(doc);
  const out: Incident[] = [];
  for (const [key, rec] of coll.entries()) if (rec instanceof Y.Map) out.push(readIncident(rec, key));
  return out.sort((a, b) => b.t0 - a.t0);
}

/**
 * The key of the running drill — the active drill with the latest T0, as `listIncidents(doc).find(…)`
 * picks it — read from each record's own fields only (never its facts, tasks or log: the top bar
 * asks on every open and on every change to any incident's state).
 */
export function runningDrillKey(coll: YCollection): string | null {
  let best: { key: string; t0: number } | null = null;
  for (const [key, rec] of coll.entries()) {
    if (!(rec instanceof Y.Map) || !isDrillKey(key, rec.get('drill'))) continue;
    const f = IncidentRecord.read(rec);
    if (f.state === 'active' && (!best || f.t0 > best.t0)) best = { key, t0: f.t0 };
  }
  return best?.key ?? null;
}

/** Real incidents only: what reports may count. Drills are never included. */
export function realIncidents<T extends Pick<Incident, 'drill'>>(incidents: readonly T[]): T[] {
  return incidents.filter((i) => i.drill === false);
}

/** The record of an incident, or a readable error. */
export function incidentRecord(doc: Y.Doc, id: string): YRecord {
  const rec = incidentsOf(doc).get(id);
  if (!(rec instanceof Y.Map)) throw new Error(`No incident with id ${id}`);
  return rec;
}

type IncidentFields = RecordFields<typeof IncidentRecord>;

/** Changes a plain field of an incident (validated); refuses the fields that are fixed at declaration. */
export function setIncidentField<K extends keyof IncidentFields & string>(rec: YRecord, key: K, value: IncidentFields[K], origin: Origin): void {
  if (IMMUTABLE_FIELDS.has(key)) throw new Error(`The field "${key}" of an incident cannot change once declared`);
  IncidentRecord.set(rec, key, value, origin);
}

/** Adds a timeline / decision-log entry. Returns its id. */
export function addLogEntry(rec: YRecord, raw: LogEntryInput, origin: Origin, id?: string): string {
  const input = LogEntryInput.parse(raw);
  const { injectId, statementId, approved, system, ...first } = LogEntryRecord.init({
    id: id ?? newId(),
    at: input.at,
    by: input.by,
    category: input.category,
    text: input.text,
    injectId: input.injectId ?? '',
    statementId: input.statementId ?? '',
    approved: input.approved ?? false,
    system: input.system ? JSON.stringify(input.system) : '',
  });
  // The optional fields are stored only when set (older readers and room notes rely on it).
  const init: RecordInit = { ...first };
  if (injectId) init.injectId = injectId;
  if (statementId) init.statementId = statementId;
  if (approved) init.approved = true;
  if (system) init.system = system;
  return addRecord(childCollection(rec, 'log', origin), init, origin);
}

/**
 * Changes the severity in force. A level different from the suggestion needs a reason; the
 * change is written to the decision log in the same transaction.
 */
export function changeSeverity(rec: YRecord, level: number, reason: string, by: string, at: number, logText: string, origin: Origin): void {
  if (!Number.isInteger(level) || level < 1) throw new Error('Severity must be a level number (1 = most severe)');
  const suggested = num(rec.get('suggestedSeverity'), level);
  const why = reason.trim();
  if (level !== suggested && !why) throw new Error('A severity different from the suggestion needs a reason');
  const doc = rec.doc;
  if (!doc) throw new Error('This incident is not part of a workspace document');
  write(doc, origin, () => {
    const from = num(rec.get('severity'), 0);
    IncidentRecord.set(rec, 'severity', level, origin);
    IncidentRecord.set(rec, 'overrideReason', level === suggested ? '' : why, origin);
    addLogEntry(rec, { at, by, category: 'decision', text: logText, system: { kind: 'severityChanged', from, to: level, reason: level === suggested ? '' : why } }, origin);
  });
}

/** Marks a task open, done or skipped (done records who and when; reopening clears them). */
export function setTaskStatus(rec: YRecord, taskId: string, status: TaskStatus, by: string, at: number, origin: Origin): void {
  const task = childCollection(rec, 'tasks', origin).get(taskId);
  if (!task) throw new Error(`No task with id ${taskId}`);
  writeTaskFields(task, { status, doneAt: status === 'open' ? null : at, doneBy: status === 'open' ? '' : by }, origin);
}

/** Adds a fact to the facts sheet. Returns its id. */
export function addFact(rec: YRecord, fact: { label: string; value: string; kind: FactKind }, origin: Origin): string {
  if (!fact.label.trim()) throw new Error('A fact needs a label');
  const fields = FactRecord.init({ id: newId(), label: fact.label.trim(), value: fact.value, kind: fact.kind });
  return addRecord(childCollection(rec, 'facts', origin), { ...fields }, origin);
}

/** Links a statement to the incident (idempotent). */
export function linkStatement(rec: YRecord, statementId: string, origin: Origin): void {
  if (linkedStatementIds(rec).includes(statementId)) return;
  write(rec.doc!, origin, () => {
    let arr = rec.get('statementIds');
    if (!(arr instanceof Y.Array)) {
      arr = new Y.Array<string>();
      rec.set('statementIds', arr);
    }
    (arr as Y.Array<string>).push([statementId]);
  });
}

/** Id of the log entry that notes one approval of a statement's exact text. */
export function approvalEntryId(statementId: string, hash: string): string {
  return `approved-${statementId}-${hash.slice(0, 16)}`;
}

/**
 * Notes in the log, once, that a linked statement's text was approved. The entry id comes from the
 * statement and the approved content hash, so several laptops that notice the same approval write
 * (at most) one entry. Returns false when it was already noted.
 */
export function recordStatementApproval(rec: YRecord, statementId: string, hash: string, at: number, by: string, text: string, origin: Origin, title?: string): boolean {
  const id = approvalEntryId(statementId, hash);
  const log = childCollection(rec, 'log', origin);
  if (log.has(id)) return false;
  addLogEntry(rec, { at, by, category: 'communication', text, statementId, approved: true, ...(title !== undefined ? { system: { kind: 'statementApproved' as const, title } } : {}) }, origin, id);
  return true;
}

/** Closes an incident (the record stays for reports and the after-action review). */
export function closeIncident(rec: YRecord, at: number, origin: Origin): void {
  write(rec.doc!, origin, () => {
    // The time first: a refused one (RecordFieldError) leaves the incident open, nothing written.
    IncidentRecord.set(rec, 'closedAt', at, origin);
    IncidentRecord.set(rec, 'state', 'closed', origin);
  });
}

/** Records of the incidents collection in display order (for observers that need the Y types). */
export function incidentRecords(doc: Y.Doc): YRecord[] {
  return listRecords(incidentsOf(doc));
}
