import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRecord, childCollection, type YRecord } from '../../../shared/doc/collection';
import type { RecordFields } from '../../../shared/doc/typedRecord';
import { collectionOf, playbookOf } from '../../../shared/doc/workspaceDoc';
import { InjectRecord } from '../../../shared/drills/scenario';
import { addFact } from '../../../shared/incidents/incidents';
import { FactRecord } from '../../../shared/incidents/types';
import { MemberRecord, UnitRecord, type MemberRecordFields } from '../../../shared/roles/records';
import { addMember, addUnit } from '../../../shared/roles/roleMap';
import { StatementRecord } from '../../../shared/statements/types';
import { writeField, type FieldDefinition, type FieldWriteResult } from '../../../renderer/ui/fieldWrite';
import type { NumberField, SelectField, TextField } from '../../../renderer/ui/fields';
import { PlaybookRecords } from '../../../renderer/ui/schemaDefinition';

/** A person of a unit, as the people editor binds them. */
function member(): { doc: Y.Doc; unit: YRecord; rec: YRecord } {
  const doc = new Y.Doc();
  const unitId = addUnit(doc, { name: '公關部', kind: 'internal' }, 'user');
  const memberId = addMember(doc, unitId, { name: '王小明' }, 'user');
  return { doc, unit: collectionOf(doc, 'units').get(unitId)!, rec: collectionOf(doc, 'members').get(memberId)! };
}

/** The origins of the transactions `fn` runs, and what it returned. */
function origins<T>(doc: Y.Doc, fn: () => T): { result: T; seen: unknown[] } {
  const seen: unknown[] = [];
  const listen = (tr: Y.Transaction) => seen.push(tr.origin);
  doc.on('afterTransaction', listen);
  try {
    return { result: fn(), seen };
  } finally {
    doc.off('afterTransaction', listen);
  }
}

/** Runs a write expected to be refused: the document's state (vector and content) must not change. */
function refused(doc: Y.Doc, fn: () => FieldWriteResult): Extract<FieldWriteResult, { ok: false }> {
  const vector = Y.encodeStateVector(doc);
  const state = Y.encodeStateAsUpdate(doc);
  const { result, seen } = origins(doc, fn);
  expect(result.ok).toBe(false);
  expect(seen).toEqual([]);
  expect(Y.encodeStateVector(doc)).toEqual(vector);
  expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  if (result.ok) throw new Error('unreachable');
  return result;
}

describe('writeField: a bound field writes through its record definition', () => {
  it('stores an accepted value in one transaction with the given origin', () => {
    const { doc, rec } = member();
    const { result, seen } = origins(doc, () => writeField(rec, MemberRecord, 'phone', '+886 2 2345 6789', 'user'));
    expect(result).toEqual({ ok: true });
    expect(seen).toEqual(['user']);
    expect(MemberRecord.read(rec).phone).toBe('+886 2 2345 6789');
  });

  it('writes nothing for the value already stored', () => {
    const { doc, rec } = member();
    const vector = Y.encodeStateVector(doc);
    expect(writeField(rec, MemberRecord, 'name', '王小明', 'user')).toEqual({ ok: true });
    expect(Y.encodeStateVector(doc)).toEqual(vector);
  });

  it('refuses a name longer than the definition allows: nothing written, the field named, the reason as data', () => {
    const { doc, rec } = member();
    const result = refused(doc, () => writeField(rec, MemberRecord, 'name', '名'.repeat(501), 'user'));
    expect(result.field).toBe('name');
    expect(result.error).toMatch(/^member\.name: /);
    expect(result.issue).toMatchObject({ code: 'tooLong', params: { limit: 500 } });
    expect(MemberRecord.read(rec).name).toBe('王小明');
  });

  it('refuses a value of the wrong type for a unit field', () => {
    const { doc, unit } = member();
    const result = refused(doc, () => writeField(unit, UnitRecord, 'abbr', 42, 'user'));
    expect(result.error).toMatch(/^unit\.abbr: /);
    expect(result.issue.code).toBe('expectedText');
  });

  it('refuses a channel an inject cannot have and an offset past the scenario week', () => {
    const doc = new Y.Doc();
    const scenarios = collectionOf(doc, 'scenarios');
    const scenario = scenarios.get(addRecord(scenarios, { title: '演練', injects: [] }, 'user'))!;
    const injects = childCollection(scenario, 'injects', 'user');
    const inject = injects.get(addRecord(injects, { offsetMinutes: 15, channel: 'social', content: '', expectedResponse: '', linkedStepId: '', linkedStepTitle: '' }, 'user'))!;

    const channel = refused(doc, () => writeField(inject, InjectRecord, 'channel', 'fax', 'user'));
    expect(channel.error).toMatch(/^inject\.channel: /);
    expect(channel.issue.code).toBe('notOneOf');
    const offset = refused(doc, () => writeField(inject, InjectRecord, 'offsetMinutes', 7 * 24 * 60 + 1, 'user'));
    expect(offset.issue).toMatchObject({ code: 'tooBig', params: { limit: 7 * 24 * 60 } });

    expect(writeField(inject, InjectRecord, 'channel', 'media_call', 'user')).toEqual({ ok: true });
    expect(writeField(inject, InjectRecord, 'offsetMinutes', 90, 'user')).toEqual({ ok: true });
    expect(InjectRecord.read(inject)).toMatchObject({ channel: 'media_call', offsetMinutes: 90 });
  });

  it("bounds an incident fact's label and value by the definition", () => {
    const doc = new Y.Doc();
    const incidents = collectionOf(doc, 'incidents');
    const incident = incidents.get(addRecord(incidents, { title: '資料外洩' }, 'user'))!;
    const factId = addFact(incident, { label: '受影響人數', value: '1200', kind: 'number' }, 'user');
    const fact = childCollection(incident, 'facts', 'user').get(factId)!;

    expect(refused(doc, () => writeField(fact, FactRecord, 'label', 'x'.repeat(201), 'user')).error).toMatch(/^incidentFact\.label: /);
    expect(writeField(fact, FactRecord, 'value', '約 1,300', 'user')).toEqual({ ok: true });
    expect(FactRecord.read(fact)).toMatchObject({ label: '受影響人數', value: '約 1,300' });
  });

  it('refuses to change a record id', () => {
    const { doc, rec } = member();
    const result = refused(doc, () => writeField(rec, MemberRecord, 'id' as 'name', 'other', 'user'));
    expect(result).toMatchObject({ field: 'id', issue: { code: 'invalid' } });
  });

  it('lets an error that is not a refusal (a bug) through', () => {
    const { rec } = member();
    const broken: FieldDefinition<{ name: string }> = {
      name: 'broken',
      strict: MemberRecord.strict as never,
      set: () => {
        throw new TypeError('boom');
      },
    };
    expect(() => writeField(rec, broken, 'name', 'x', 'user')).toThrow(TypeError);
  });

  it('statement kind and language take only their listed values', () => {
    const doc = new Y.Doc();
    const statements = collectionOf(doc, 'statements');
    const rec = statements.get(addRecord(statements, { title: '', kind: 'holding', language: 'zh-TW' }, 'user'))!;
    expect(refused(doc, () => writeField(rec, StatementRecord, 'language', 'fr', 'user')).issue.code).toBe('notOneOf');
    expect(writeField(rec, StatementRecord, 'kind', 'press', 'user')).toEqual({ ok: true });
  });
});

describe("the playbook's strict schemas as field definitions", () => {
  function severity(): { doc: Y.Doc; rec: YRecord } {
    const doc = new Y.Doc();
    const coll = playbookOf(doc).severities;
    const rec = coll.get(addRecord(coll, { level: 2, name: '中', criteria: '', decisionRights: '', notify: [] }, 'user'))!;
    return { doc, rec };
  }

  it('stores a valid level and name with the given origin', () => {
    const { doc, rec } = severity();
    const { result, seen } = origins(doc, () => writeField(rec, PlaybookRecords.severity, 'level', 3, 'user'));
    expect(result).toEqual({ ok: true });
    expect(seen).toEqual(['user']);
    expect(writeField(rec, PlaybookRecords.severity, 'name', '高', 'user')).toEqual({ ok: true });
    expect([rec.get('level'), rec.get('name')]).toEqual([3, '高']);
  });

  it('refuses a level outside 1–99, a fraction and a name past 500 characters without writing', () => {
    const { doc, rec } = severity();
    expect(refused(doc, () => writeField(rec, PlaybookRecords.severity, 'level', 0, 'user')).issue).toMatchObject({ code: 'tooSmall', params: { limit: 1 } });
    expect(refused(doc, () => writeField(rec, PlaybookRecords.severity, 'level', 2.5, 'user')).issue.code).toBe('notInteger');
    const name = refused(doc, () => writeField(rec, PlaybookRecords.severity, 'name', 'x'.repeat(501), 'user'));
    expect(name.error).toMatch(/^severity\.name: /);
    expect(name.issue.code).toBe('tooLong');
  });

  it('never writes a nested list or the id as a plain value', () => {
    const { doc, rec } = severity();
    expect(refused(doc, () => writeField(rec, PlaybookRecords.severity, 'notify', [], 'user')).field).toBe('notify');
    expect(refused(doc, () => writeField(rec, PlaybookRecords.severity, 'id' as 'name', 'x', 'user')).field).toBe('id');
  });

  it('refuses a signal source the playbook does not know', () => {
    const doc = new Y.Doc();
    const coll = playbookOf(doc).signals;
    const rec = coll.get(addRecord(coll, { kind: '', source: 'social', threshold: '' }, 'user'))!;
    expect(refused(doc, () => writeField(rec, PlaybookRecords.signal, 'source', 'fax', 'user')).issue.code).toBe('notOneOf');
  });
});

// Compile-time: with `def`, `field` must name one of the definition's fields of the field's value
// type (checked by `tsc -p tsconfig.json`, which includes tests/).
type Props<C extends (props: never) => unknown> = Parameters<C>[0];
export const typed: Array<Props<typeof TextField<MemberRecordFields>>['field']> = ['name', 'phone'];
// @ts-expect-error keyRole (true, false or a name) is not in MemberRecord
export const notAField: Props<typeof TextField<MemberRecordFields>>['field'] = 'keyRole';
// @ts-expect-error reviewedAt is a number or null, not text
export const notText: Props<typeof TextField<MemberRecordFields>>['field'] = 'reviewedAt';
// @ts-expect-error a record id cannot change, so no field binds it
export const notId: Props<typeof TextField<MemberRecordFields>>['field'] = 'id';
// @ts-expect-error content is text, not a number
export const notNumber: Props<typeof NumberField<RecordFields<typeof InjectRecord>>>['field'] = 'content';
export const choice: Props<typeof SelectField<RecordFields<typeof InjectRecord>>>['field'] = 'channel';
