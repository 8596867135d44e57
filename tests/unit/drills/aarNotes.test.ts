import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRecord } from '../../../shared/doc/collection';
import { collectionOf } from '../../../shared/doc/workspaceDoc';
import { acceptAsLesson, addFeedback, addLesson, readFeedback, readLessons, removeFeedback, removeLesson, updateLesson } from '../../../shared/drills/aarNotes';
import { findingDecisions } from '../../../shared/drills/run';

function drillRecord() {
  const doc = new Y.Doc();
  const id = addRecord(collectionOf(doc, 'incidents'), { title: 'Drill' }, 'system');
  const rec = collectionOf(doc, 'incidents').get(id)!;
  const origins: unknown[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
  return { doc, rec, origins };
}

describe('lessons learned and participant feedback in the drill record', () => {
  it('adds, edits and removes lessons, each write with the caller’s origin', () => {
    const { rec, origins } = drillRecord();
    const a = addLesson(rec, { text: '  Keep the legal line open during drills  ' }, 'Mei', 1, 'user');
    const b = addLesson(rec, { text: 'Print the call list' }, 'Ken', 2, 'user');
    updateLesson(rec, a, { text: 'Keep the legal hotline open' }, 'user');
    expect(removeLesson(rec, b, 'user')).toBe(true);
    expect(readLessons(rec)).toEqual([{ id: a, text: 'Keep the legal hotline open', by: 'Mei', at: 1, findingId: '' }]);
    expect(origins.length).toBeGreaterThanOrEqual(4);
    expect(origins.every((o) => o === 'user')).toBe(true);
  });

  it('rejects empty or oversized input without writing', () => {
    const { rec, origins } = drillRecord();
    expect(() => addLesson(rec, { text: '   ' }, 'Mei', 1, 'user')).toThrow();
    expect(() => addLesson(rec, { text: 'x'.repeat(5001) }, 'Mei', 1, 'user')).toThrow();
    expect(() => addLesson(rec, 'not an object', 'Mei', 1, 'user')).toThrow();
    expect(() => addFeedback(rec, { name: 'Mei', role: 'PR', wentWell: '', toImprove: '' }, 1, 'user')).toThrow(/went well or what to improve/);
    expect(() => addFeedback(rec, { name: '', role: 'PR', wentWell: 'x', toImprove: '' }, 1, 'user')).toThrow();
    expect(() => updateLesson(rec, 'missing', { text: 'x' }, 'user')).toThrow(/no longer exists/);
    expect(origins).toEqual([]);
    expect(readLessons(rec)).toEqual([]);
  });

  it('keeps participant feedback, and takes an edit-less finding into the lessons once', () => {
    const { rec } = drillRecord();
    const f = addFeedback(rec, { name: 'Lin', role: 'Legal', wentWell: 'Fast approval', toImprove: 'Template had blanks' }, 5, 'user');
    addFeedback(rec, { name: 'Ken', role: '', wentWell: '', toImprove: 'Too many calls' }, 6, 'user');
    expect(readFeedback(rec).map((x) => [x.name, x.role, x.wentWell, x.toImprove])).toEqual([
      ['Lin', 'Legal', 'Fast approval', 'Template had blanks'],
      ['Ken', '', '', 'Too many calls'],
    ]);
    removeFeedback(rec, f, 'user');
    expect(readFeedback(rec).map((x) => x.name)).toEqual(['Ken']);
    acceptAsLesson(rec, 'cadenceGap', 'No update for 100 min.', 'Fa', 7, 'user');
    acceptAsLesson(rec, 'cadenceGap', 'No update for 100 min.', 'Fa', 8, 'user');
    expect(readLessons(rec).map((l) => [l.text, l.findingId])).toEqual([['No update for 100 min.', 'cadenceGap']]);
    expect(findingDecisions(rec).get('cadenceGap')?.decision).toBe('accepted');
  });
});
