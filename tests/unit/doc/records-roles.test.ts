import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { YRecord } from '../../../shared/doc/collection';
import { collectionOf } from '../../../shared/doc/workspaceDoc';
import { applyMatrixImport, parseMatrixCsv } from '../../../shared/roles/csv';
import { quickAddPerson } from '../../../shared/roles/quickAdd';
import { MemberRecord, UnitRecord } from '../../../shared/roles/records';
import { addMember, addUnit, markReviewed, readRoleMap, removeMember, updateMember, updateUnit } from '../../../shared/roles/roleMap';
import { addRoomNote, RoomNoteRecord, roomNotesFor } from '../../../shared/rooms/notes';
import { plainReadersAgreeWithZod, rawRecord, refusedWithoutWriting } from './recordChecks';

const storedKeys = (rec: YRecord) => [...rec.keys()].sort();

/** What a member with only a name stores: fields holding nothing ('' or null, no key role) are left out (they read the same). */
const MEMBER_KEYS = ['name', 'order', 'unitId'];
/** What check() (strict) names for a member that holds only a name: the fields left out. */
const LEFT_OUT = ['title', 'phone', 'email', 'handle', 'backupMemberId', 'reviewedAt', 'reviewerMemberId'];
const field = (problem: string) => problem.split(':')[0];



describe('units of the responsibility map', () => {
  it('round trip: a unit is stored with the fields units always had and read back typed', () => {
    const doc = new Y.Doc();
    const id = addUnit(doc, { name: '法務部', kind: 'internal', duties: '審閱對外聲明' }, 'user');
    const stored = collectionOf(doc, 'units').get(id)!;
    expect(storedKeys(stored)).toEqual(['abbr', 'duties', 'key', 'kind', 'name', 'order']);
    expect(UnitRecord.check(stored)).toEqual([]);
    updateUnit(doc, id, { abbr: 'LEG', kind: 'external' }, 'user');
    expect(readRoleMap(doc).units).toEqual([{ id, key: '', name: '法務部', abbr: 'LEG', kind: 'external', duties: '審閱對外聲明', members: [] }]);
  });

  it('a bad unit or change is refused with its field named, and nothing of it is written', () => {
    const doc = new Y.Doc();
    refusedWithoutWriting(doc, /unit\.kind/, () => addUnit(doc, { name: '外包', kind: 'partner' as never }, 'user'));
    expect(collectionOf(doc, 'units').size).toBe(0);
    const id = addUnit(doc, { name: '客服部', kind: 'internal' }, 'user');
    // The valid abbreviation is not written either: the change is refused as a whole.
    refusedWithoutWriting(doc, /unit\.name/, () => updateUnit(doc, id, { abbr: 'CS', name: '客'.repeat(501) }, 'user'));
    expect(readRoleMap(doc).units[0]).toMatchObject({ name: '客服部', abbr: '' });
  });

  it('reads a seeded or damaged unit with defaults', () => {
    const doc = new Y.Doc();
    rawRecord(collectionOf(doc, 'units'), { id: 'u1', order: 1, key: 'legal', name: 5, kind: 'partner' });
    expect(readRoleMap(doc).units).toEqual([{ id: 'u1', key: 'legal', name: '', abbr: '', kind: 'internal', duties: '', members: [] }]);
  });
});

describe('people of the responsibility map', () => {
  it('round trip: a member stores only the fields that hold something; edits and removals are typed writes', () => {
    const doc = new Y.Doc();
    const unit = addUnit(doc, { name: '公關部', kind: 'internal' }, 'user');
    const a = addMember(doc, unit, { name: '陳志豪', phone: '0912-000-000', keyRole: '發言人' }, 'user');
    const b = addMember(doc, unit, { name: '張雅婷' }, 'user');
    const stored = collectionOf(doc, 'members').get(a)!;
    expect(storedKeys(stored)).toEqual(['keyRole', ...MEMBER_KEYS, 'phone'].sort());
    expect(storedKeys(collectionOf(doc, 'members').get(b)!)).toEqual(MEMBER_KEYS);
    // check() is strict: it names the fields left out (as for tasks and log entries), nothing else.
    expect(MemberRecord.check(stored).map(field)).toEqual(LEFT_OUT.filter((k) => k !== 'phone'));
    expect(readRoleMap(doc).units[0]!.members[1]).toEqual({ id: b, name: '張雅婷', title: '', phone: '', email: '', handle: '', isKey: false, keyRoleName: '', backupMemberId: '', reviewedAt: null, reviewerMemberId: '' });
    // Writing "nothing" to a field left out writes nothing at all.
    const sv = Y.encodeStateVector(doc);
    updateMember(doc, unit, b, { title: '', reviewedAt: null, keyRole: false, phone: '' }, 'user');
    expect(Y.encodeStateVector(doc)).toEqual(sv);
    updateMember(doc, unit, a, { backupMemberId: b, email: 'chen@example.com' }, 'user');
    markReviewed(doc, unit, a, 1_700_000_000_000, 'user');
    expect(readRoleMap(doc).units[0]!.members[0]).toEqual({
      id: a,
      name: '陳志豪',
      title: '',
      phone: '0912-000-000',
      email: 'chen@example.com',
      handle: '',
      isKey: true,
      keyRoleName: '發言人',
      backupMemberId: b,
      reviewedAt: 1_700_000_000_000,
      reviewerMemberId: '',
    });
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    removeMember(doc, unit, b, 'import');
    expect(origins).toEqual(['import']);
    expect(stored.get('backupMemberId')).toBe('');
    // Quick add writes the same shape, and its backup relation through the definition.
    const c = quickAddPerson(doc, { name: '黃新人', unitId: unit, phone: '0933-111-222', email: '', backupMemberId: '', backupOfMemberId: a }, 5, 'user');
    expect(storedKeys(collectionOf(doc, 'members').get(c)!)).toEqual([...MEMBER_KEYS, 'phone', 'reviewedAt'].sort());
    expect(stored.get('backupMemberId')).toBe(c);
  });

  it('a bad member or change is refused with its field named, and nothing of it is written', () => {
    const doc = new Y.Doc();
    const unit = addUnit(doc, { name: '公關部', kind: 'internal' }, 'user');
    refusedWithoutWriting(doc, /member\.name/, () => addMember(doc, unit, { name: '名'.repeat(501) }, 'user'));
    refusedWithoutWriting(doc, /member\.keyRole/, () => addMember(doc, unit, { name: '陳志豪', keyRole: 3 as never }, 'user'));
    const a = addMember(doc, unit, { name: '陳志豪' }, 'user');
    refusedWithoutWriting(doc, /member\.reviewedAt/, () => updateMember(doc, unit, a, { phone: '02-1234-5678', reviewedAt: Number.POSITIVE_INFINITY }, 'user'));
    refusedWithoutWriting(doc, /member\.keyRole/, () => updateMember(doc, unit, a, { title: '經理', keyRole: '角'.repeat(201) }, 'user'));
    expect(readRoleMap(doc).units[0]!.members).toEqual([expect.objectContaining({ id: a, phone: '', title: '', isKey: false, reviewedAt: null })]);
  });

  it('reads an older or damaged member with defaults', () => {
    const doc = new Y.Doc();
    const unit = addUnit(doc, { name: '客服部', kind: 'internal' }, 'user');
    rawRecord(collectionOf(doc, 'members'), { id: 'm-old', order: 1, unitId: unit, name: '王小明', phone: 912000000, keyRole: ' 發言人 ', reviewedAt: 0 });
    rawRecord(collectionOf(doc, 'members'), { id: 'm-true', order: 2, unitId: unit, name: '林美玲', keyRole: true, reviewedAt: '2025-01-01', backupMemberId: 'm-old' });
    expect(readRoleMap(doc).units[0]!.members).toEqual([
      { id: 'm-old', name: '王小明', title: '', phone: '', email: '', handle: '', isKey: true, keyRoleName: '發言人', backupMemberId: '', reviewedAt: null, reviewerMemberId: '' },
      { id: 'm-true', name: '林美玲', title: '', phone: '', email: '', handle: '', isKey: true, keyRoleName: '', backupMemberId: 'm-old', reviewedAt: null, reviewerMemberId: '' },
    ]);
  });

  it('a CSV import adds people with the same definition: the same stored shape, the same refusals', () => {
    const doc = new Y.Doc();
    addUnit(doc, { name: '法務部', kind: 'internal' }, 'user');
    const ok = parseMatrixCsv(['kind,unit,name,title,key_role', 'person,法務部,李律師,法務長,顧問'].join('\n'), readRoleMap(doc));
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    applyMatrixImport(doc, ok.plan);
    const [imported] = [...collectionOf(doc, 'members').values()];
    expect(storedKeys(imported!)).toEqual(['keyRole', ...MEMBER_KEYS, 'title'].sort());
    expect(MemberRecord.check(imported!).map(field)).toEqual(LEFT_OUT.filter((k) => k !== 'title'));
    expect(readRoleMap(doc).units[0]!.members[0]).toMatchObject({ name: '李律師', title: '法務長', isKey: true, keyRoleName: '顧問' });

    const before = Y.encodeStateVector(doc);
    const bad = parseMatrixCsv(['kind,unit,name,title', `person,法務部,周律師,${'長'.repeat(501)}`, 'person,法務部,黃助理,助理'].join('\n'), readRoleMap(doc));
    expect(bad.ok ? [] : bad.errors).toEqual([{ row: 2, code: 'tooLong', params: { column: 'title' } }]);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('room notes', () => {
  it('round trip: a note stores the fields notes always had (movedFrom only when moved in)', () => {
    const room = new Y.Doc();
    const id = addRoomNote(room, { incidentId: 'inc-1', at: 10, by: '林律師', category: 'decision', text: ' 和解上限 ' }, 'user');
    const stored = collectionOf(room, 'roomNotes').get(id)!;
    expect(storedKeys(stored)).toEqual(['at', 'by', 'category', 'incidentId', 'order', 'text']);
    expect(roomNotesFor(room, 'inc-1')).toEqual([{ id, incidentId: 'inc-1', at: 10, by: '林律師', category: 'decision', text: '和解上限' }]);
  });

  it('a bad note is refused with its field named, and nothing is written', () => {
    const room = new Y.Doc();
    refusedWithoutWriting(room, /roomNote\.category/, () => addRoomNote(room, { incidentId: 'inc-1', at: 1, by: 'x', category: 'gossip' as never, text: '內容' }, 'user'));
    refusedWithoutWriting(room, /roomNote\.incidentId/, () => addRoomNote(room, { incidentId: '', at: 1, by: 'x', category: 'action', text: '內容' }, 'user'));
    refusedWithoutWriting(room, /roomNote\.text/, () => addRoomNote(room, { incidentId: 'inc-1', at: 1, by: 'x', category: 'action', text: '字'.repeat(5001) }, 'user'));
  });

  it('reads an older note leniently where it can, and leaves out one that cannot be placed or read', () => {
    const room = new Y.Doc();
    const coll = collectionOf(room, 'roomNotes');
    rawRecord(coll, { id: 'n-moved', order: 1, incidentId: 'inc-1', at: 5, by: '王總', category: 'action', text: '舊紀錄 ', movedFrom: 7 });
    rawRecord(coll, { id: 'n-category', order: 2, incidentId: 'inc-1', at: 6, by: '王總', category: 'gossip', text: '不明類別' });
    rawRecord(coll, { id: 'n-blank', order: 3, incidentId: 'inc-1', at: 7, by: '王總', category: 'action', text: '  ' });
    expect(roomNotesFor(room, 'inc-1')).toEqual([{ id: 'n-moved', incidentId: 'inc-1', at: 5, by: '王總', category: 'action', text: '舊紀錄' }]);
    expect(RoomNoteRecord.read(coll.get('n-category')!)).toMatchObject({ category: 'action', movedFrom: '' });
  });
});

describe('the plain readers agree with the lenient schemas', () => {
  it('for units, members and room notes, for every kind of bad value', () => {
    const odd: unknown[] = [undefined, null, 0, -1, 2.5, Number.NaN, '', 'x', 'external', 'action', true, false, [], { a: 1 }];
    const compared = plainReadersAgreeWithZod([UnitRecord, MemberRecord, RoomNoteRecord], odd);
    expect(compared).toBeGreaterThan(300);
  });
});
