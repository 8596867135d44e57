import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRecord } from '../../../shared/doc/collection';
import { RecordFieldError } from '../../../shared/doc/typedRecord';
import { collectionOf } from '../../../shared/doc/workspaceDoc';
import { addFeedback, addLesson, FeedbackRecord, LessonRecord, readFeedback, readLessons, updateLesson } from '../../../shared/drills/aarNotes';
import { decideFinding, findingDecisions, FindingRecord, type DecidedEdit } from '../../../shared/drills/run';
import { addScenario, InjectRecord, listScenarios, readScenario, ScenarioRecord, scenariosOf, type ScenarioInput } from '../../../shared/drills/scenario';
import { plainReadersAgreeWithZod } from './recordChecks';

// Issue 14: the records of a drill (scenarios and their injects, finding decisions, lessons and
// feedback) each have one definition, used for reading, writing and validation, and store
// exactly what they stored before.

const keysOf = (r: Y.Map<unknown>) => [...r.keys()].sort();

/** The record `id` of the nested collection `key`. */
function child(rec: Y.Map<unknown>, key: string, id: string): Y.Map<unknown> {
  return (rec.get(key) as Y.Map<Y.Map<unknown>>).get(id)!;
}

/** A record of `coll` as an older version or a damaged peer left it (nested: `key` of `rec`). */
function stored(rec: Y.Map<unknown>, key: string, fields: Record<string, unknown>): Y.Map<unknown> {
  const r = new Y.Map<unknown>();
  rec.doc!.transact(() => {
    let coll = rec.get(key) as Y.Map<Y.Map<unknown>> | undefined;
    if (!coll) {
      coll = new Y.Map();
      rec.set(key, coll);
    }
    coll.set(String(fields.id), r);
    for (const [k, v] of Object.entries(fields)) r.set(k, v);
  }, 'remote');
  return r;
}

const SCENARIO: ScenarioInput = {
  title: ' 食物中毒演練 ',
  language: 'zh-TW',
  crisisTypeKey: 'foodSafety',
  summary: '門市顧客就醫',
  injects: [
    { offsetMinutes: 30, channel: 'media_call', content: '記者來電', expectedResponse: '發布等候聲明', linkedStepTitle: '對外聲明' },
    { offsetMinutes: 0, channel: 'social', content: '網路爆料', expectedResponse: '確認事實' },
  ],
};

function drillRecord() {
  const doc = new Y.Doc();
  const id = addRecord(collectionOf(doc, 'incidents'), { id: 'drill-1', title: '演練' }, 'system');
  return { doc, rec: collectionOf(doc, 'incidents').get(id)! };
}

describe('scenarios and injects', () => {
  it('round trip: a scenario and its injects store the fields they always had and read back the same', () => {
    const doc = new Y.Doc();
    const id = addScenario(doc, SCENARIO, 'user');
    const rec = scenariosOf(doc).get(id)!;
    expect(keysOf(rec)).toEqual(['crisisTypeKey', 'injects', 'language', 'libraryKey', 'order', 'summary', 'title']);
    const scenario = readScenario(rec);
    expect(scenario).toEqual({
      id,
      title: '食物中毒演練',
      language: 'zh-TW',
      crisisTypeKey: 'foodSafety',
      summary: '門市顧客就醫',
      libraryKey: '',
      injects: [
        { id: scenario.injects[0]!.id, offsetMinutes: 0, channel: 'social', content: '網路爆料', expectedResponse: '確認事實', linkedStepId: '', linkedStepTitle: '' },
        { id: scenario.injects[1]!.id, offsetMinutes: 30, channel: 'media_call', content: '記者來電', expectedResponse: '發布等候聲明', linkedStepId: '', linkedStepTitle: '對外聲明' },
      ],
    });
    expect(listScenarios(doc)).toEqual([scenario]);
    expect(ScenarioRecord.check(rec)).toEqual([]);
    for (const inj of scenario.injects) {
      expect(keysOf(child(rec, 'injects', inj.id))).toEqual(['channel', 'content', 'expectedResponse', 'linkedStepId', 'linkedStepTitle', 'offsetMinutes', 'order']);
      expect(InjectRecord.check(child(rec, 'injects', inj.id))).toEqual([]);
    }
  });

  it('a bad write is refused with the field named, and nothing is written', () => {
    const doc = new Y.Doc();
    const rec = scenariosOf(doc).get(addScenario(doc, SCENARIO, 'user'))!;
    const inject = child(rec, 'injects', readScenario(rec).injects[0]!.id);
    const before = Y.encodeStateVector(doc);
    expect(() => InjectRecord.set(inject, 'offsetMinutes', -5, 'user')).toThrow(RecordFieldError);
    expect(() => InjectRecord.set(inject, 'channel', 'fax' as never, 'user')).toThrow(/inject\.channel/);
    expect(() => ScenarioRecord.set(rec, 'title', 'x'.repeat(301), 'user')).toThrow(/scenario\.title/);
    expect(() => addScenario(doc, { ...SCENARIO, injects: [{ ...SCENARIO.injects[0]!, channel: 'fax' as never }] }, 'user')).toThrow();
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(scenariosOf(doc).size).toBe(1);
    expect(() => InjectRecord.init({ id: 'i', offsetMinutes: 10_081, channel: 'social', content: '', expectedResponse: '', linkedStepId: '', linkedStepTitle: '' })).toThrow(/inject\.offsetMinutes/);
  });

  it('a damaged or older scenario reads with defaults, field by field (an offset before T0 reads as T0)', () => {
    const doc = new Y.Doc();
    const coll = scenariosOf(doc);
    doc.transact(() => {
      const rec = new Y.Map<unknown>();
      coll.set('sc-old', rec);
      rec.set('title', 5);
      rec.set('language', 'en');
    }, 'remote');
    const rec = coll.get('sc-old')!;
    stored(rec, 'injects', { id: 'i1', order: 1, offsetMinutes: -3, channel: 'fax', content: 9 });
    stored(rec, 'injects', { id: 'i2', order: 2, offsetMinutes: '15', channel: 'customer', content: '客訴', expectedResponse: null, linkedStepId: 4 });
    expect(readScenario(rec, 'sc-old')).toEqual({
      id: 'sc-old',
      title: '',
      language: 'en',
      crisisTypeKey: '',
      summary: '',
      libraryKey: '',
      injects: [
        { id: 'i1', offsetMinutes: 0, channel: 'internal', content: '', expectedResponse: '', linkedStepId: '', linkedStepTitle: '' },
        { id: 'i2', offsetMinutes: 0, channel: 'customer', content: '客訴', expectedResponse: '', linkedStepId: '', linkedStepTitle: '' },
      ],
    });
  });
});

const EDIT: DecidedEdit = {
  crisisTypeId: 'type-food',
  stepId: 's-facts',
  stepTitle: '確認事實',
  field: 'targetMinutes',
  from: 30,
  to: 60,
  rationale: { code: 'lateRaiseTarget', targetMinutes: 30, lateByMinutes: 25, evidence: 1 },
};

describe('finding decisions', () => {
  it('round trip: a decision stores the fields it always had (the proposal as one JSON string) and reads back the same', () => {
    const { rec } = drillRecord();
    decideFinding(rec, 'taskLate:t1', 'accepted', '王小明', 100, 'user', EDIT);
    decideFinding(rec, 'cadenceGap', 'rejected', '陳大文', 200, 'user');
    expect(keysOf(child(rec, 'findings', 'taskLate:t1'))).toEqual(['at', 'by', 'decision', 'edit', 'order']);
    expect(JSON.parse(child(rec, 'findings', 'taskLate:t1').get('edit') as string)).toEqual(EDIT);
    expect(child(rec, 'findings', 'cadenceGap').get('edit')).toBe('');
    expect(Object.fromEntries(findingDecisions(rec))).toEqual({
      'taskLate:t1': { decision: 'accepted', by: '王小明', at: 100, edit: EDIT },
      cadenceGap: { decision: 'rejected', by: '陳大文', at: 200, edit: null },
    });
    for (const id of ['taskLate:t1', 'cadenceGap']) expect(FindingRecord.check(child(rec, 'findings', id))).toEqual([]);
  });

  it('deciding again writes the decision, who and when together (the proposal is kept when none is given)', () => {
    const { rec } = drillRecord();
    decideFinding(rec, 'taskLate:t1', 'accepted', '王小明', 100, 'user', EDIT);
    const changed: string[][] = [];
    child(rec, 'findings', 'taskLate:t1').observe((e) => changed.push([...e.keysChanged].sort()));
    decideFinding(rec, 'taskLate:t1', 'accepted', '陳大文', 300, 'user');
    expect(changed).toEqual([['at', 'by', 'decision']]);
    expect(findingDecisions(rec).get('taskLate:t1')).toEqual({ decision: 'accepted', by: '陳大文', at: 300, edit: EDIT });
  });

  it('a bad decision is refused with the field named, and nothing is written', () => {
    const { doc, rec } = drillRecord();
    const before = Y.encodeStateVector(doc);
    expect(() => decideFinding(rec, 'taskLate:t1', 'accepted', '王小明', Number.NaN, 'user')).toThrow(/findingDecision\.at/);
    expect(() => decideFinding(rec, 'taskLate:t1', 'maybe' as never, '王小明', 1, 'user')).toThrow(RecordFieldError);
    expect(() => decideFinding(rec, '', 'accepted', '王小明', 1, 'user')).toThrow(/findingDecision\.id/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    // '' is how a record without a decision reads; it is never written.
    expect(() => FindingRecord.init({ id: 'f', decision: '', by: '', at: 0, edit: '' })).toThrow(/findingDecision\.decision/);
  });

  it('a damaged or older decision reads with defaults; a record without a valid decision is not one', () => {
    const { rec } = drillRecord();
    stored(rec, 'findings', { id: 'f-maybe', order: 1, decision: 'maybe', by: '王小明', at: 5 });
    stored(rec, 'findings', { id: 'f-old', order: 2, decision: 'rejected', by: 5, at: '3', edit: '{"crisisTypeId":' });
    expect(Object.fromEntries(findingDecisions(rec))).toEqual({ 'f-old': { decision: 'rejected', by: '', at: 0, edit: null } });
  });
});

describe('lessons and feedback', () => {
  it('round trip: lessons and feedback store the fields they always had and read back the same', () => {
    const { rec } = drillRecord();
    const lesson = addLesson(rec, { text: ' 法務專線要全程開著 ' }, '王小明', 100, 'user', 'cadenceGap');
    const feedback = addFeedback(rec, { name: '陳大文', role: '公關', wentWell: '分工清楚', toImprove: '' }, 200, 'user');
    expect(keysOf(child(rec, 'lessons', lesson))).toEqual(['at', 'by', 'findingId', 'order', 'text']);
    expect(keysOf(child(rec, 'feedback', feedback))).toEqual(['at', 'name', 'order', 'role', 'toImprove', 'wentWell']);
    expect(readLessons(rec)).toEqual([{ id: lesson, text: '法務專線要全程開著', by: '王小明', at: 100, findingId: 'cadenceGap' }]);
    expect(readFeedback(rec)).toEqual([{ id: feedback, name: '陳大文', role: '公關', wentWell: '分工清楚', toImprove: '', at: 200 }]);
    expect(LessonRecord.check(child(rec, 'lessons', lesson))).toEqual([]);
    expect(FeedbackRecord.check(child(rec, 'feedback', feedback))).toEqual([]);
  });

  it('a bad lesson or feedback is refused with the field named, and nothing is written', () => {
    const { doc, rec } = drillRecord();
    const lesson = addLesson(rec, { text: '列印通訊錄' }, '王小明', 1, 'user');
    const before = Y.encodeStateVector(doc);
    expect(() => addLesson(rec, { text: '備援' }, '王小明', Number.NaN, 'user')).toThrow(/lesson\.at/);
    expect(() => addLesson(rec, { text: '備援' }, '王小明', 1, 'user', 'f'.repeat(201))).toThrow(/lesson\.findingId/);
    expect(() => addFeedback(rec, { name: '陳大文', role: '', wentWell: '好', toImprove: '' }, Infinity, 'user')).toThrow(/feedback\.at/);
    expect(() => LessonRecord.set(child(rec, 'lessons', lesson), 'text', 'x'.repeat(5001), 'user')).toThrow(RecordFieldError);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    updateLesson(rec, lesson, { text: '列印最新通訊錄' }, 'user');
    expect(readLessons(rec).map((l) => l.text)).toEqual(['列印最新通訊錄']);
    expect(rec.get('feedback')).toBeUndefined();
  });

  it('damaged or older lessons and feedback read with defaults, field by field', () => {
    const { rec } = drillRecord();
    stored(rec, 'lessons', { id: 'l1', order: 1, text: '保留樣品', by: 3, at: 'noon' });
    stored(rec, 'lessons', { id: 'l2', order: 2, text: 5 });
    stored(rec, 'feedback', { id: 'fb1', order: 1, name: '林', role: 3, wentWell: null, toImprove: '慢', at: Number.NaN });
    stored(rec, 'feedback', { id: 'fb2', order: 2, name: 7, wentWell: '好' });
    expect(readLessons(rec)).toEqual([{ id: 'l1', text: '保留樣品', by: '', at: 0, findingId: '' }]);
    expect(readFeedback(rec)).toEqual([{ id: 'fb1', name: '林', role: '', wentWell: '', toImprove: '慢', at: 0 }]);
  });
});

describe('the plain readers of drill records', () => {
  it('give exactly what the lenient zod schema gives, for every kind of bad value', () => {
    const odd: unknown[] = [undefined, null, 0, -1, 2.5, Number.NaN, Infinity, '', 'accepted', 'rejected', 'social', 'x', true, false, [], { a: 1 }];
    const compared = plainReadersAgreeWithZod([ScenarioRecord, InjectRecord, FindingRecord, LessonRecord, FeedbackRecord], odd);
    expect(compared).toBeGreaterThan(400);
  });
});
