import { z } from 'zod';
import { addRecord, childCollection, newId, readChildren, removeRecord, type YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { defineRecord, type RecordFields } from '../doc/typedRecord.js';
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

/** A lesson learned (a record of the `lessons` collection). */
export const LessonRecord = defineRecord('lesson', (f) => ({
  id: f.id(),
  text: f.text(5000),
  by: f.text(200),
  at: f.number({}, 0),
  /** The finding this lesson was taken from ('' when written by hand). */
  findingId: f.ref(),
}));
export type Lesson = RecordFields<typeof LessonRecord>;

/** One participant's feedback (a record of the `feedback` collection). */
export const FeedbackRecord = defineRecord('feedback', (f) => ({
  id: f.id(),
  name: f.text(200),
  role: f.text(200),
  wentWell: f.text(5000),
  toImprove: f.text(5000),
  at: f.number({}, 0),
}));
export type Feedback = RecordFields<typeof FeedbackRecord>;

/** Adds a lesson learned. Returns its id. */
export function addLesson(rec: YRecord, input: unknown, by: string, at: number, origin: Origin, findingId = ''): string {
  const { text } = LessonInput.parse(input);
  const fields = LessonRecord.init({ id: newId(), text, by: by.slice(0, 200), at, findingId });
  return write(rec.doc!, origin, () => addRecord(childCollection(rec, 'lessons', origin), { ...fields }, origin));
}

/** Rewrites a lesson's text (error when it is gone). */
export function updateLesson(rec: YRecord, id: string, input: unknown, origin: Origin): void {
  const { text } = LessonInput.parse(input);
  const lesson = readChildren(rec, 'lessons').find((l) => LessonRecord.read(l).id === id);
  if (!lesson) throw new Error('This lesson no longer exists');
  LessonRecord.set(lesson, 'text', text, origin);
}

export function removeLesson(rec: YRecord, id: string, origin: Origin): boolean {
  return removeRecord(childCollection(rec, 'lessons', origin), id, origin);
}

export function readLessons(rec: YRecord): Lesson[] {
  return readChildren(rec, 'lessons')
    .map((l) => LessonRecord.read(l))
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
  const fields = FeedbackRecord.init({ id: newId(), ...f, at });
  return write(rec.doc!, origin, () => addRecord(childCollection(rec, 'feedback', origin), { ...fields }, origin));
}

export function removeFeedback(rec: YRecord, id: string, origin: Origin): boolean {
  return removeRecord(childCollection(rec, 'feedback', origin), id, origin);
}

export function readFeedback(rec: YRecord): Feedback[] {
  return readChildren(rec, 'feedback')
    .map((f) => FeedbackRecord.read(f))
    .filter((f) => f.name.length > 0);
}
