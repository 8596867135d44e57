import { z } from 'zod';
import { addRecord, childCollection, newId, type YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { addLogEntry } from './incidents.js';
import { CHECK_PREFIX, writeTaskFields } from './tasks.js';
import { TASK_TITLE_MAX, TaskRecord } from './types.js';

/**
 * Editing an incident's tasks in the room: who is responsible (a person of the responsibility
 * map, or the unit as a whole), the due time, ad-hoc tasks beyond the playbook, the step's
 * checklist ticks, and handing a task to someone else when its owner cannot be reached (noted
 * in the log as a system event each laptop words in its own language). Every input is checked
 * with zod before anything is written; every write is one transaction with the caller's origin.
 */

const id = z.string().trim().min(1).max(200);
/** Epoch ms, within what a Date can hold. */
const time = z.number().finite().min(0).max(8.64e15);

/** A person of the map to put in charge: their unit, member id and name (as shown now). */
export const TaskOwnerInput = z.object({ unitId: id, memberId: id, name: z.string().trim().min(1).max(200) });
export type TaskOwnerInput = z.infer<typeof TaskOwnerInput>;

/** What the "add task" form submits. */
export const AddTaskInput = z.object({
  title: z.string().trim().min(1).max(TASK_TITLE_MAX),
  /** A person, or a unit only (memberId ''), or nobody yet. */
  owner: z.object({ unitId: z.string().max(200), memberId: z.string().max(200), name: z.string().trim().max(200) }).optional(),
  /** Absent: due at once (`at`), as a playbook step without a target is due at T0. */
  dueAt: time.optional(),
  /** When it is added (incident time). */
  at: time,
});
export type AddTaskInput = z.infer<typeof AddTaskInput>;

function taskOf(rec: YRecord, taskId: string, origin: Origin): YRecord {
  const task = childCollection(rec, 'tasks', origin).get(id.parse(taskId));
  if (!task) throw new Error(`No task with id ${taskId}`);
  return task;
}

function docOf(rec: YRecord) {
  if (!rec.doc) throw new Error('This incident is not part of a workspace document');
  return rec.doc;
}

/** Adds a task that is not in the playbook. Returns its id. */
export function addTask(rec: YRecord, raw: AddTaskInput, origin: Origin): string {
  const input = AddTaskInput.parse(raw);
  const owner = input.owner;
  const fields = TaskRecord.init({
    id: newId(),
    stepId: '',
    title: input.title,
    ownerUnitId: owner?.unitId ?? '',
    ownerMemberId: owner?.memberId ?? '',
    ownerName: owner?.memberId ? owner.name : '',
    dueAt: input.dueAt ?? input.at,
    status: 'open',
    doneAt: null,
    doneBy: '',
    adHoc: true,
  });
  docOf(rec);
  return addRecord(childCollection(rec, 'tasks', origin), { ...fields }, origin);
}

/** A unit as a whole, nobody named. */
export const TaskUnitInput = z.object({ unitId: id }).strict();
export type TaskUnitInput = z.infer<typeof TaskUnitInput>;

/**
 * Puts a person in charge of a task (their unit becomes the task's unit), or a unit as a whole
 * (`{ unitId }`), or — null — no one person any more (the unit stays).
 */
export function assignTask(rec: YRecord, taskId: string, rawOwner: TaskOwnerInput | TaskUnitInput | null, origin: Origin): void {
  const person = rawOwner !== null && 'memberId' in rawOwner ? TaskOwnerInput.parse(rawOwner) : null;
  const unitId = person ? person.unitId : rawOwner !== null ? TaskUnitInput.parse(rawOwner).unitId : null;
  const task = taskOf(rec, taskId, origin);
  docOf(rec);
  writeTaskFields(task, { ...(unitId !== null ? { ownerUnitId: unitId } : {}), ownerMemberId: person?.memberId ?? '', ownerName: person?.name ?? '' }, origin);
}

/** Moves a task's due time. */
export function setTaskDue(rec: YRecord, taskId: string, dueAt: number, origin: Origin): void {
  const at = time.safeParse(dueAt);
  if (!at.success) throw new Error('A due time must be a valid date and time');
  const task = taskOf(rec, taskId, origin);
  docOf(rec);
  TaskRecord.set(task, 'dueAt', at.data, origin);
}

/** Ticks (or unticks) one checklist item of a task's step. */
export function setChecklistItem(rec: YRecord, taskId: string, itemId: string, checked: boolean, origin: Origin): void {
  const key = CHECK_PREFIX + id.parse(itemId);
  const task = taskOf(rec, taskId, origin);
  write(docOf(rec), origin, () => task.set(key, z.boolean().parse(checked)));
}

/** Who a reassignment note names: "王小明（公關部）", or the unit alone. */
export function ownerLabel(name: string, unitName: string, format: (name: string, unit: string) => string): string {
  if (!name) return unitName;
  return unitName ? format(name, unitName) : name;
}

export const ReassignNote = z.object({
  by: z.string().max(200),
  at: time,
  /** Who had it and who takes it over, as shown now (see `ownerLabel`). */
  from: z.string().max(500),
  to: z.string().trim().min(1).max(500),
  /** The note in the writer's language (for older versions and exports). */
  text: z.string().trim().min(1).max(5000),
});
export type ReassignNote = z.infer<typeof ReassignNote>;

/**
 * Hands a task to someone else (its owner cannot be reached): the new person and their unit are
 * written and the log notes who had it and who has it now, in the same transaction.
 * @throws when the new owner is the current one.
 */
export function reassignTask(rec: YRecord, taskId: string, rawOwner: TaskOwnerInput, rawNote: ReassignNote, origin: Origin): void {
  const owner = TaskOwnerInput.parse(rawOwner);
  const note = ReassignNote.parse(rawNote);
  const task = taskOf(rec, taskId, origin);
  const current = TaskRecord.read(task);
  if (current.ownerMemberId === owner.memberId) throw new Error('The task is already theirs');
  write(docOf(rec), origin, () => {
    writeTaskFields(task, { ownerUnitId: owner.unitId, ownerMemberId: owner.memberId, ownerName: owner.name }, origin);
    addLogEntry(rec, { at: note.at, by: note.by, category: 'action', text: note.text, system: { kind: 'taskReassigned', title: current.title.slice(0, 500), from: note.from, to: note.to } }, origin);
  });
}

/** A person who could take a task over. */
export interface TaskCandidate {
  memberId: string;
  name: string;
  unitId: string;
  unitName: string;
  /** The named backup of whoever holds the task (or of the unit's key person). */
  backup: boolean;
}

interface MapPerson {
  id: string;
  name: string;
  isKey: boolean;
  backupMemberId: string;
}
interface MapUnit {
  id: string;
  name: string;
  members: readonly MapPerson[];
}

/**
 * People to hand a task to, best first: the named backup of the person who holds it (for a task
 * held by a unit, of the unit's first key person), then the unit's other people (key people
 * first), then everyone else in map order. The current holder is left out; nobody twice.
 */
export function reassignCandidates(units: readonly MapUnit[], task: { ownerUnitId: string; ownerMemberId?: string }): TaskCandidate[] {
  const current = task.ownerMemberId ?? '';
  const all = units.flatMap((u) => u.members.filter((m) => m.name.trim()).map((m) => ({ unit: u, m })));
  const holder = current ? all.find((p) => p.m.id === current) : all.find((p) => p.unit.id === task.ownerUnitId && p.m.isKey);
  const backupId = holder?.m.backupMemberId ?? '';
  const rank = (p: (typeof all)[number]): number => {
    if (backupId && p.m.id === backupId) return 0;
    if (p.unit.id === task.ownerUnitId) return p.m.isKey ? 1 : 2;
    return 3;
  };
  const seen = new Set<string>();
  return all
    .map((p, i) => ({ p, i, r: rank(p) }))
    .filter(({ p }) => p.m.id !== current && !seen.has(p.m.id) && seen.add(p.m.id))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ p, r }) => ({ memberId: p.m.id, name: p.m.name, unitId: p.unit.id, unitName: p.unit.name, backup: r === 0 }));
}
