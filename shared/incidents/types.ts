import { z } from 'zod';
import { defineRecord, type RecordFields } from '../doc/typedRecord.js';
import { FACT_KINDS } from '../statements/types.js';

/**
 * Plain shapes of an incident (what `readIncident` returns). In the document an incident is a
 * record of the `incidents` root collection; `facts`, `tasks` and `log` are nested collections
 * (see ../doc/collection.ts). Times are epoch milliseconds; for a drill they are exercise time
 * (the shared exercise clock of ../drills/clock.ts), for a real incident wall-clock time.
 */

export const LOG_CATEGORIES = ['signal', 'decision', 'action', 'communication'] as const;
/** What a timeline entry records: a signal seen, a decision taken, an action done, a message sent. */
export type LogCategory = (typeof LOG_CATEGORIES)[number];

export const TASK_STATUSES = ['open', 'done', 'skipped'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Longest task title (an ad-hoc task's form, a playbook step's title). */
export const TASK_TITLE_MAX = 500;

/** Longest stored system event (JSON) a reader accepts. */
export const SYSTEM_EVENT_MAX = 4000;

/**
 * Kinds of a fact on the facts sheet: the statement studio's kinds, because its fact check reads
 * this sheet (label/value/kind) and skips facts of other kinds.
 */
export { FACT_KINDS, type FactKind } from '../statements/types.js';

/**
 * A record field added after a kind first shipped is optional in its plain type: readers always
 * fill it, but code that builds a plain value by hand (tests, playbook instantiation) may leave it out.
 */
type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/**
 * One line of the facts sheet: what the team knows for sure. The statement studio reads the same
 * records (../statements/factsheet.ts) and may add `keywords`, which the incident does not show.
 */
export const FactRecord = defineRecord('incidentFact', (f) => ({
  id: f.id(),
  label: f.text(200),
  value: f.text(2000),
  kind: f.oneOf(FACT_KINDS, 'name'),
}));
export type IncidentFact = RecordFields<typeof FactRecord>;

/** A task of an incident: instantiated from one playbook step, or added in the room. */
export const TaskRecord = defineRecord('incidentTask', (f) => ({
  id: f.id(),
  /** The playbook step it came from ('' for an ad-hoc task). */
  stepId: f.ref(),
  title: f.text(TASK_TITLE_MAX),
  ownerUnitId: f.ref(),
  /** Epoch ms, within what a Date can hold. */
  dueAt: f.number({ min: 0, max: 8.64e15 }, 0),
  status: f.oneOf(TASK_STATUSES, 'open'),
  doneAt: f.numberOrNull({ min: 0, max: 8.64e15 }),
  doneBy: f.text(200),
  /** The person responsible (a member id of the responsibility map; '': the unit as a whole). */
  ownerMemberId: f.ref(),
  /** That person's name as it was when assigned (shown if they leave the map). */
  ownerName: f.text(200),
  /** Added in the room, not instantiated from a playbook step. */
  adHoc: f.bool(false),
}));
export type TaskFields = RecordFields<typeof TaskRecord>;

/**
 * A task as read. `checked` (ids of the step's checklist items ticked off) is not a field of the
 * definition: each tick is its own record key `check:<item id>` (./tasks.ts), so two people
 * ticking different items both count.
 */
export type IncidentTask = Optional<TaskFields, 'ownerMemberId' | 'ownerName' | 'adHoc'> & { checked?: string[] };

/**
 * One entry of the timeline / decision log. The optional fields are stored only when set (a
 * restricted room's "move note" tells app-written entries by a present `system` field).
 */
export const LogEntryRecord = defineRecord('logEntry', (f) => ({
  id: f.id(),
  at: f.number({}, 0),
  by: f.text(200),
  category: f.oneOf(LOG_CATEGORIES, 'action'),
  text: f.text(5000),
  /** Drill only: the inject this entry responds to. */
  injectId: f.ref(),
  /** A statement this entry is about. */
  statementId: f.ref(),
  /** Communication entries: the statement/message was legally approved. */
  approved: f.bool(false),
  /** An app-written entry's `LogSystemEvent` as one JSON string (a record field holds primitives only). */
  system: f.text(SYSTEM_EVENT_MAX),
}));
export type LogEntryFields = RecordFields<typeof LogEntryRecord>;

/**
 * One entry of the timeline / decision log, as read: the optional fields are present only when
 * set. `system` is the app-written entry's meaning, so every laptop shows it in its own UI
 * language (`text` keeps the writer's wording for older versions and exports).
 */
export type LogEntry = Optional<Omit<LogEntryFields, 'system'>, 'injectId' | 'statementId' | 'approved'> & { system?: LogSystemEvent };

/** An app-written log entry's meaning. */
export type LogSystemEvent =
  | { kind: 'severityChanged'; from: number; to: number; reason: string }
  | { kind: 'statementApproved'; title: string }
  /** A task handed to someone else (`from`/`to`: who, as shown when it happened, e.g. "王小明（公關部）"). */
  | { kind: 'taskReassigned'; title: string; from: string; to: string };

export const LogSystemEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('severityChanged'), from: z.number().int().min(0).max(99), to: z.number().int().min(1).max(99), reason: z.string().max(2000) }),
  z.object({ kind: z.literal('statementApproved'), title: z.string().max(500) }),
  z.object({ kind: z.literal('taskReassigned'), title: z.string().max(500), from: z.string().max(500), to: z.string().max(500) }),
]);

/** Severity inputs, each 1 (low) … 5 (high). */
export interface RiskAssessment {
  likelihood: number;
  loss: number;
  /** How feasible and effective a response is: 1 = hardly, 5 = fully. */
  feasibility: number;
}

export interface Incident {
  id: string;
  title: string;
  /** True for an exercise. Derived from the record key, so it can never flip (see incidents.ts). */
  drill: boolean;
  /** The stored `drill` field disagrees with the record key (someone tried to flip it). */
  drillFlagTampered: boolean;
  crisisTypeId: string;
  /** Severity level in force (1 = most severe). */
  severity: number;
  suggestedSeverity: number;
  overrideReason: string;
  risk: RiskAssessment;
  t0: number;
  declaredAt: number;
  declaredBy: string;
  /** 'active' until closed; a closed incident keeps its record for reports and reviews. */
  state: 'active' | 'closed';
  closedAt: number | null;
  statementIds: string[];
  facts: IncidentFact[];
  tasks: IncidentTask[];
  log: LogEntry[];
  /** Drill only: the scenario being played. */
  scenarioId: string;
}

/**
 * The primitive fields of an incident record, defined once (../doc/typedRecord.ts). `drill` is
 * informational (the record key decides, see incidents.ts); the risk factors are stored flat.
 */
export const IncidentRecord = defineRecord('incident', (f) => ({
  id: f.id(),
  title: f.text(200),
  drill: f.bool(false),
  crisisTypeId: f.ref(),
  /** Severity level in force (1 = most severe). */
  severity: f.number({ min: 1, max: 99, int: true }, 1),
  suggestedSeverity: f.number({ min: 1, max: 99, int: true }, 1),
  overrideReason: f.text(1000),
  likelihood: f.number({ min: 1, max: 5, int: true }, 3),
  loss: f.number({ min: 1, max: 5, int: true }, 3),
  feasibility: f.number({ min: 1, max: 5, int: true }, 3),
  t0: f.number({ min: 0 }, 0),
  /** When it was declared (read: T0 when missing). */
  declaredAt: f.number({ min: 0 }, Number.NaN),
  declaredBy: f.text(200),
  state: f.oneOf(['active', 'closed'] as const, 'active'),
  closedAt: f.numberOrNull({ min: 0 }),
  /** Drill only: the scenario being played. */
  scenarioId: f.ref(),
}));

const level = z.number().int().min(1).max(9);
const score = z.number().int().min(1).max(5);

/** What the "declare incident" form submits (validated before anything is written). */
export const DeclareIncidentInput = z.object({
  title: z.string().trim().min(1).max(200),
  drill: z.boolean(),
  crisisTypeId: z.string().min(1),
  risk: z.object({ likelihood: score, loss: score, feasibility: score }),
  severity: level.optional(),
  overrideReason: z.string().trim().max(1000).optional(),
  t0: z.number().finite().nonnegative(),
  declaredBy: z.string().max(200),
  scenarioId: z.string().optional(),
  facts: z.array(z.object({ label: z.string().trim().min(1).max(200), value: z.string().max(2000), kind: z.enum(FACT_KINDS) })).max(200).optional(),
});
export type DeclareIncidentInput = z.infer<typeof DeclareIncidentInput>;

export const LogEntryInput = z.object({
  at: z.number().finite(),
  by: z.string().max(200),
  category: z.enum(LOG_CATEGORIES),
  text: z.string().trim().min(1).max(5000),
  injectId: z.string().optional(),
  statementId: z.string().optional(),
  approved: z.boolean().optional(),
  system: LogSystemEventSchema.optional(),
});
export type LogEntryInput = z.infer<typeof LogEntryInput>;
