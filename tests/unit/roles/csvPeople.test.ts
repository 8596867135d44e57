import Papa from 'papaparse';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyMatrixImport, decodeCsvBytes, exportRoleMapCsv, parseMatrixCsv, type MatrixImportResult } from '../../../shared/roles/csv';
import { parseReviewedAt } from '../../../shared/roles/csvPeople';
import { addUnit, readRoleMap, updateMember, updateUnit } from '../../../shared/roles/roleMap';
import { addCrisisType, smallMap } from './fixture';
import { fileBytes, SIMPLIFIED_TABLE, TRADITIONAL_TABLE } from './encodingFixtures';

function errorsOf(result: MatrixImportResult) {
  if (result.ok) throw new Error('expected the import to be rejected');
  return result.errors.map((e) => [e.row, e.code]);
}

function planOf(result: MatrixImportResult) {
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.errors)}`);
  return result.plan;
}

/** The same units and crisis types as `smallMap`, without people or cells. */
function emptyTwin(): Y.Doc {
  const doc = new Y.Doc();
  for (const name of ['客服部', '公關部', '法務部']) addUnit(doc, { name, kind: 'internal' }, 'system');
  addCrisisType(doc, '產品瑕疵', '', 'productDefect');
  addCrisisType(doc, '不實謠言', '', 'rumour');
  return doc;
}

const PHASES_ZH = { 偵測: 'detect', 評估: 'assess', 回應: 'respond', 溝通: 'communicate', 回应: 'respond', 侦测: 'detect', 评估: 'assess', 沟通: 'communicate' } as const;

describe('people in the roles CSV', () => {
  it('carries every person with contact details, key role, backup and review date into another workspace', () => {
    const { doc, units, people } = smallMap();
    updateMember(doc, units.pr, people[units.pr]![0]!, { title: '公關經理', handle: 'LINE: chen', keyRole: '發言人', reviewerMemberId: people[units.legal]![0]! }, 'user');
    const source = readRoleMap(doc);
    const twin = emptyTwin();
    const plan = planOf(parseMatrixCsv(exportRoleMapCsv(source), readRoleMap(twin)));
    expect(applyMatrixImport(twin, plan)).toMatchObject({ peopleAdded: 6, peopleUpdated: 0, cells: 30 });
    const strip = (map: ReturnType<typeof readRoleMap>) =>
      map.units.map((u) => ({ unit: u.name, members: u.members.map((m) => ({ ...m, id: m.id === '' ? '' : 'id', backupMemberId: nameOf(map, m.backupMemberId), reviewerMemberId: nameOf(map, m.reviewerMemberId) })) }));
    expect(strip(readRoleMap(twin))).toEqual(strip(source));
    // And the twin's own export imports into itself without any change.
    const before = Y.encodeStateVector(twin);
    applyMatrixImport(twin, planOf(parseMatrixCsv(exportRoleMapCsv(readRoleMap(twin)), readRoleMap(twin))));
    expect(Y.encodeStateVector(twin)).toEqual(before);
  });

  it('updates a person matched by id or by name, adds new ones, keeps people the file does not name', () => {
    const { doc, units, people } = smallMap();
    const wang = people[units.cs]![0]!;
    const csv = [
      'kind,unit,name,phone,key_person,backup,person_id',
      `person,客服部,王大明,02-1234-5678,yes,林美玲,${wang}`, // renamed through its id
      'person,公關部,陳志豪,0933-111-222,no,,', // matched by name; backup cleared
      'person,法務部,周律師,02-2222-3333,,李律師,', // new, backed up by an existing colleague
    ].join('\r\n');
    const plan = planOf(parseMatrixCsv(csv, readRoleMap(doc)));
    expect(plan.rowCount).toBe(3);
    expect(applyMatrixImport(doc, plan)).toMatchObject({ peopleAdded: 1, peopleUpdated: 2, cells: 0 });
    const map = readRoleMap(doc);
    const byName = (n: string) => map.units.flatMap((u) => u.members).find((m) => m.name === n)!;
    expect(byName('王大明')).toMatchObject({ id: wang, phone: '02-1234-5678', isKey: true, backupMemberId: people[units.cs]![1] });
    expect(byName('陳志豪')).toMatchObject({ phone: '0933-111-222', isKey: false, backupMemberId: '', email: 'p0@example.com' });
    expect(byName('周律師')).toMatchObject({ phone: '02-2222-3333', backupMemberId: people[units.legal]![0], title: '', reviewedAt: null });
    expect(map.units.flatMap((u) => u.members)).toHaveLength(7);
  });

  it('reports person rows that cannot be applied, with their row numbers', () => {
    const { doc, units } = smallMap();
    updateUnit(doc, units.legal, { name: '法務部' }, 'user');
    const csv = [
      'kind,unit,name,key_person,backup,backup_unit,reviewed_at,person_id', // 1
      'person,客服部,王小明,yes,,,,', // 2 ok
      'person,客服部,王小明,,,,,', // 3 same person twice
      'person,公關部,,,,,,', // 4 no name
      'person,公關部,陳志豪,maybe,,,,', // 5 not yes/no
      'person,公關部,張雅婷,,無此人,,,', // 6 unknown backup
      'person,公關部,黃新人,,王小明,火星部,,', // 7 unknown backup unit
      'person,法務部,李律師,,,,2025-13-40,', // 8 bad date
      'person,火星部,路人,,,,,', // 9 unknown unit
      'person,法務部,黃助理,,,,,' + smallMapIdOf(doc, '王小明'), // 10 id of someone in another unit
    ].join('\n');
    expect(errorsOf(parseMatrixCsv(csv, readRoleMap(doc)))).toEqual([
      [3, 'duplicatePerson'],
      [4, 'missingValue'],
      [5, 'badYesNo'],
      [6, 'unknownPerson'],
      [7, 'unknownUnit'],
      [8, 'badDate'],
      [9, 'unknownUnit'],
      [10, 'personUnitMismatch'],
    ]);
  });

  it('names a backup by id when name and unit are not unique, so the file still reads back', () => {
    const { doc, units, people } = smallMap();
    const twin = addMemberNamed(doc, units.cs, '王小明');
    updateMember(doc, units.pr, people[units.pr]![0]!, { backupMemberId: twin }, 'user');
    const csv = exportRoleMapCsv(readRoleMap(doc));
    const rows = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    const chen = rows.find((r) => r[5] === '陳志豪')!;
    expect([chen[12], chen[13]]).toEqual([twin, '']);
    const before = Y.encodeStateVector(doc);
    applyMatrixImport(doc, planOf(parseMatrixCsv(csv, readRoleMap(doc))));
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('reads dates as spreadsheets rewrite them', () => {
    expect(parseReviewedAt('2025-05-22T12:00:00.000Z')).toBe(Date.UTC(2025, 4, 22, 12));
    expect(parseReviewedAt('2025/5/22 20:00')).toBe(Date.UTC(2025, 4, 22, 20));
    expect(parseReviewedAt('2025-05-22T20:00:00+08:00')).toBe(Date.UTC(2025, 4, 22, 12));
    expect(parseReviewedAt('')).toBeNull();
    expect(parseReviewedAt('2025-02-30')).toBeUndefined();
    expect(parseReviewedAt('last week')).toBeUndefined();
  });

  it('imports a Big5 table from Excel in Taiwan and a GBK table from Excel in mainland China, people and matrix', () => {
    const { doc } = smallMap();
    const big5 = decodeCsvBytes(fileBytes(TRADITIONAL_TABLE, 'big5'));
    expect(big5.ok && big5.encoding).toBe('big5');
    if (!big5.ok) return;
    const plan = planOf(parseMatrixCsv(big5.text, readRoleMap(doc), { phaseAliases: PHASES_ZH }));
    expect(plan.people.map((p) => [p.fields.name, p.fields.title, p.isNew])).toEqual([
      ['王小明', '客服主任', false],
      ['陳志豪', '公關經理', false],
      ['李律師', '法務長', false],
    ]);
    expect(plan.cells).toHaveLength(5);

    const simplified = new Y.Doc();
    for (const name of ['客服部', '公关部', '法务部']) addUnit(simplified, { name, kind: 'internal' }, 'system');
    addCrisisType(simplified, '产品瑕疵');
    addCrisisType(simplified, '不实谣言');
    const gbk = decodeCsvBytes(fileBytes(SIMPLIFIED_TABLE, 'gbk'));
    expect(gbk.ok && gbk.encoding).toBe('gb18030');
    if (!gbk.ok) return;
    const applied = applyMatrixImport(simplified, planOf(parseMatrixCsv(gbk.text, readRoleMap(simplified), { phaseAliases: PHASES_ZH })));
    expect(applied).toMatchObject({ peopleAdded: 3, cells: 5, firstResponders: 1 });
    expect(readRoleMap(simplified).units[1]!.members[0]).toMatchObject({ name: '陈志豪', phone: '139-1234-5678', title: '公关经理' });
  });

  it('escapes formulas in people cells (line breaks, full width, leading spaces) and reads them back exactly', () => {
    const { doc, units, people } = smallMap();
    const evil = ['=1+1\n=2', '\uFF1DSUM(A1)', '  +886 2 1234', '@cmd', '-5'];
    updateMember(doc, units.cs, people[units.cs]![0]!, { name: evil[0], title: evil[1], phone: evil[2], email: evil[3], handle: evil[4] }, 'user');
    const csv = exportRoleMapCsv(readRoleMap(doc));
    const row = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data[1]!;
    expect(row.slice(5, 10)).toEqual(evil.map((e) => `'${e}`));
    const before = Y.encodeStateVector(doc);
    applyMatrixImport(doc, planOf(parseMatrixCsv(csv, readRoleMap(doc))));
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

function nameOf(map: ReturnType<typeof readRoleMap>, id: string): string {
  return map.units.flatMap((u) => u.members).find((m) => m.id === id)?.name ?? '';
}

function smallMapIdOf(doc: Y.Doc, name: string): string {
  return readRoleMap(doc)
    .units.flatMap((u) => u.members)
    .find((m) => m.name === name)!.id;
}

function addMemberNamed(doc: Y.Doc, unitId: string, name: string): string {
  const map = readRoleMap(doc);
  const plan = planOf(parseMatrixCsv(`kind,unit,name\nperson,${map.units.find((u) => u.id === unitId)!.name},${name}-new`, map));
  applyMatrixImport(doc, plan);
  const id = plan.people[0]!.memberId;
  updateMember(doc, unitId, id, { name }, 'user');
  return id;
}
