import type { IncidentTask } from './types.js';

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
      title: step.title,
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
 * The person, checklist ticks and ad-hoc mark of a stored task (fields added after tasks first
 * shipped: absent on older records, which read as "the unit, nothing ticked, from the playbook").
 */
export function readTaskExtras(r: { get(key: string): unknown; keys(): IterableIterator<string> }): Pick<IncidentTask, 'ownerMemberId' | 'ownerName' | 'checked' | 'adHoc'> {
  const memberId = r.get('ownerMemberId');
  const name = r.get('ownerName');
  const checked: string[] = [];
  for (const key of r.keys()) if (key.startsWith(CHECK_PREFIX) && r.get(key) === true) checked.push(key.slice(CHECK_PREFIX.length));
  return {
    ownerMemberId: typeof memberId === 'string' ? memberId : '',
    ownerName: typeof name === 'string' ? name : '',
    checked: checked.sort(),
    adHoc: r.get('adHoc') === true,
  };
}
