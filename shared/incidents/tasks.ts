import type { YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { TASK_TITLE_MAX, TaskRecord, type IncidentTask, type TaskFields } from './types.js';

/** The parts of a playbook crisis type that tasks are built from (a plain snapshot). */
export interface CrisisTypeSteps {
  id: string;
  firstResponderUnitId?: string;
  steps: readonly { id: string; title: string; ownerUnitId?: string; targetMinutes?: number }[];
}

/** A task about to be written (ids are given by the collection). */
export type TaskInit = Omit<IncidentTask, 'id' | 'checked'>;

/**
 * Tasks for an incident from its crisis type's response steps, in playbook order: the owner is
 * the step's owning unit, or the type's first responder when the step names none (or names a
 * unit that no longer exists in the responsibility map); due = T0 + the step's target minutes.
 * A step without a usable target is due at T0 (the team sees it at once rather than never).
 */
export function tasksFromPlaybook(type: CrisisTypeSteps, t0: number, knownUnitIds: ReadonlySet<string>): TaskInit[] {
  const fallback = type.firstResponderUnitId && knownUnitIds.has(type.firstResponderUnitId) ? type.firstResponderUnitId : '';
  return type.steps.map((step) => {
    const owner = step.ownerUnitId && knownUnitIds.has(step.ownerUnitId) ? step.ownerUnitId : fallback;
    const minutes = typeof step.targetMinutes === 'number' && Number.isFinite(step.targetMinutes) && step.targetMinutes >= 0 ? step.targetMinutes : 0;
    return {
      stepId: step.id,
      // A step title merged from two people's typing may be longer than a task title holds; that
      // must not stop the incident from being declared.
      title: step.title.slice(0, TASK_TITLE_MAX),
      ownerUnitId: owner,
      dueAt: t0 + minutes * 60_000,
      status: 'open',
      doneAt: null,
      doneBy: '',
    };
  });
}

/** Tasks still open whose due time has passed at `now`. */
export function overdueTasks<T extends Pick<IncidentTask, 'status' | 'dueAt'>>(tasks: readonly T[], now: number): T[] {
  return tasks.filter((t) => t.status === 'open' && t.dueAt < now);
}

/** Open tasks, soonest due first. */
export function openTasks<T extends Pick<IncidentTask, 'status' | 'dueAt'>>(tasks: readonly T[]): T[] {
  return tasks.filter((t) => t.status === 'open').sort((a, b) => a.dueAt - b.dueAt);
}

/** Record key of one ticked checklist item (one key per item, so two people ticking different items both count). */
export const CHECK_PREFIX = 'check:';

/**
 * Ids of the checklist items ticked off on a stored task (sorted: replicas may iterate a map in
 * different orders). Not a field of the task's definition (./types.ts `TaskRecord`): one record
 * key per item.
 */
export function readChecked(r: { get(key: string): unknown; keys(): IterableIterator<string> }): string[] {
  const checked: string[] = [];
  for (const key of r.keys()) if (key.startsWith(CHECK_PREFIX) && r.get(key) === true) checked.push(key.slice(CHECK_PREFIX.length));
  return checked.sort();
}

/** A valid task, so that `writeTaskFields` validates exactly the fields it is given. */
const PROBE: TaskFields = { id: 'probe', stepId: '', title: '', ownerUnitId: '', dueAt: 0, status: 'open', doneAt: null, doneBy: '', ownerMemberId: '', ownerName: '', adHoc: false };

/**
 * Writes fields of a task that belong together (its status with who and when; its unit with the
 * person), each validated first: a RecordFieldError names the first bad one and nothing is written.
 * Every given field is written even when unchanged (`TaskRecord.set` would skip it): Yjs settles
 * concurrent writes of each key by the same two writers, so a concurrent change then wins or loses
 * as a whole, never "skipped by nobody" or "王小明 of another unit".
 */
export function writeTaskFields(task: YRecord, fields: Partial<Omit<TaskFields, 'id'>>, origin: Origin): void {
  const checked = TaskRecord.init({ ...PROBE, ...fields });
  const doc = task.doc;
  if (!doc) throw new Error('This task is not part of a workspace document');
  const keys = Object.keys(fields) as (keyof typeof fields)[];
  write(doc, origin, () => {
    for (const key of keys) task.set(key, checked[key]);
  });
}
