import type { IncidentTask } from './types.js';

/** The parts of a playbook crisis type that tasks are built from (a plain snapshot). */
export interface CrisisTypeSteps {
  id: string;
  firstResponderUnitId?: string;
  steps: readonly { id: string; title: string; ownerUnitId?: string; targetMinutes?: number }[];
}

/** A task about to be written (ids are given by the collection). */
export type TaskInit = Omit<IncidentTask, 'id'>;

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
