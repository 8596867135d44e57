import { z } from 'zod';
import { addRecord, childCollection, readChildren, removeRecord, type YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { decideFinding } from './run.js';

/**
 * What people add to an after-action review by hand, kept in the drill's (or incident's) record:
 * free-form lessons learned (`lessons`) and participant feedback (`feedback`). Every input is
 * validated before anything is written; every write carries the caller's origin.
 */
export const LessonInput = z.object({ text: z.string().trim().min(1).max(5000) });
export type LessonInput = z.infer<typeof LessonInput>;

export const FeedbackInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: z.string().trim().max(200),
    wentWell: z.string().trim().max(5000),
    toImprove: z.string().trim().max(5000),
  })
  .refine((f) => f.wentWell.length > 0 || f.toImprove.length > 0, { message: 'Say what went well or what to improve' });
export type FeedbackInput = z.infer<typeof FeedbackInput>;

export interface Lesson {
  id: string;
  text: string;
  by: string;
  at: number;
  /** The finding this lesson was taken from ('' when written by hand). */
  findingId: string;
}

export interface Feedback extends FeedbackInput {
  id: string;
  at: number;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Adds a lesson learned. Returns its id. */
export function addLesson(rec: YRecord, input: unknown, by: string, at: number, origin: Origin, findingId = ''): string {
  const { text } = LessonInput.parse(input);
  return write(rec.doc!, origin, () => addRecord(childCollection(rec, 'lessons', origin), { text, by: by.slice(0, 200), at, findingId }, origin));
}

/** Rewrites a lesson's text (error when it is gone). */
export function updateLesson(rec: YRecord, id: string, input: unknown, origin: Origin): void {
  const { text } = LessonInput.parse(input);
  const lesson = readChildren(rec, 'lessons').find((l) => l.get('id') === id);
  if (!lesson) throw new Error('This lesson no longer exists');
  if (lesson.get('text') === text) return;
  write(rec.doc!, origin, () => lesson.set('text', text));
}

export function removeLesson(rec: YRecord, id: string, origin: Origin): boolean {
  return removeRecord(childCollection(rec, 'lessons', origin), id, origin);
}

export function readLessons(rec: YRecord): Lesson[] {
  return readChildren(rec, 'lessons')
    .map((l) => ({ id: str(l.get('id')), text: str(l.get('text')), by: str(l.get('by')), at: num(l.get('at')), findingId: str(l.get('findingId')) }))
    .filter((l) => l.text.trim().length > 0);
}

/**
 * Takes a finding that proposes no playbook change into the lessons learned and records the
 * decision, in one transaction.
 */
export function acceptAsLesson(rec: YRecord, findingId: string, text: string, by: string, at: number, origin: Origin): void {
  write(rec.doc!, origin, () => {
    if (!readLessons(rec).some((l) => l.findingId === findingId)) addLesson(rec, { text }, by, at, origin, findingId);
    decideFinding(rec, findingId, 'accepted', by, at, origin);
  });
}

/** Adds one participant's feedback. Returns its id. */
export function addFeedback(rec: YRecord, input: unknown, at: number, origin: Origin): string {
  const f = FeedbackInput.parse(input);
  return write(rec.doc!, origin, () => addRecord(childCollection(rec, 'feedback', origin), { ...f, at }, origin));
}

export function removeFeedback(rec: YRecord, id: string, origin: Origin): boolean {
  return removeRecord(childCollection(rec, 'feedback', origin), id, origin);
}

export function readFeedback(rec: YRecord): Feedback[] {
  return readChildren(rec, 'feedback')
    .map((f) => ({ id: str(f.get('id')), name: str(f.get('name')), role: str(f.get('role')), wentWell: str(f.get('wentWell')), toImprove: str(f.get('toImprove')), at: num(f.get('at')) }))
    .filter((f) => f.name.length > 0);
}
