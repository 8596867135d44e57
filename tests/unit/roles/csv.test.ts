import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyMatrixImport, decodeCsvBytes, exportMatrixCsv, parseMatrixCsv, type MatrixImportResult } from '../../../shared/roles/csv';
import { readCells, setCell } from '../../../shared/roles/raci';
import { readRoleMap, updateUnit } from '../../../shared/roles/roleMap';
import { cellKey } from '../../../shared/roles/types';
import { smallMap } from './fixture';

function errorsOf(result: MatrixImportResult) {
  if (result.ok) throw new Error('expected the import to be rejected');
  return result.errors.map((e) => [e.row, e.code]);
}

describe('matrix CSV', () => {
  it('exports a header, the people, first responders and every cell, with a BOM, CRLF and every field quoted', () => {
    const { doc } = smallMap();
    const csv = exportMatrixCsv(readRoleMap(doc));
    expect(csv.startsWith('\uFEFF"kind","crisis_type","phase","unit","role","name","title","phone","email","handle","key_person","key_role","backup","backup_unit","reviewer","reviewer_unit","reviewed_at","person_id"\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(1 + 6 + 2 * (1 + 15));
    expect(lines[1]).toMatch(/^"person","","","客服部","","王小明","","0912-000-000","p0@example.com","","yes","","林美玲","客服部","","","2025-05-22T12:00:00.000Z","[0-9a-f-]{36}"$/);
    const matrix = (line: string) => line.split(',').slice(0, 5).join(',');
    expect(matrix(lines[7]!)).toBe('"first_responder","產品瑕疵","","客服部",""');
    expect(matrix(lines[8]!)).toBe('"raci","產品瑕疵","detect","客服部","R"');
    expect(matrix(lines[9]!)).toBe('"raci","產品瑕疵","detect","公關部","A"');
  });

  it('round-trips: importing an export changes nothing', () => {
    const { doc } = smallMap();
    const before = readCells(doc);
    const stateBefore = Y.encodeStateVector(doc);
    const result = parseMatrixCsv(exportMatrixCsv(readRoleMap(doc)), readRoleMap(doc));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.rowCount).toBe(38);
    let transactions = 0;
    doc.on('afterTransaction', (tr) => {
      transactions++;
      expect(tr.origin).toBe('import');
    });
    const applied = applyMatrixImport(doc, result.plan);
    expect(applied).toEqual({ cells: 30, removed: 0, firstResponders: 2, peopleAdded: 0, peopleUpdated: 0 });
    expect(transactions).toBe(1);
    expect(readCells(doc)).toEqual(before);
    expect(Y.encodeStateVector(doc)).toEqual(stateBefore);
  });

  it('replaces the cells of the crisis types the file names, keeps the others, sets first responders', () => {
    const { doc, units, crisisTypes } = smallMap();
    const csv = ['kind,crisis_type,phase,unit,role', 'raci,產品瑕疵,detect,法務部,a', 'raci, 產品瑕疵 ,DETECT,客服部,R', 'first_responder,不實謠言,,法務部,'].join('\n');
    const result = parseMatrixCsv(csv, readRoleMap(doc));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    applyMatrixImport(doc, result.plan);
    const map = readRoleMap(doc);
    const defectCells = new Map([...map.cells].filter(([k]) => k.startsWith(crisisTypes.defect)));
    expect(defectCells).toEqual(
      new Map([
        [cellKey(crisisTypes.defect, 'detect', units.legal), 'A'],
        [cellKey(crisisTypes.defect, 'detect', units.cs), 'R'],
      ]),
    );
    expect([...map.cells.keys()].filter((k) => k.startsWith(crisisTypes.rumour))).toHaveLength(15);
    expect(map.crisisTypes[1]!.firstResponderUnitId).toBe(units.legal);
  });

  it('matches by id, built-in key, abbreviation and localized phase words; reads ; and tab separated files', () => {
    const { doc, units, crisisTypes } = smallMap();
    updateUnit(doc, units.legal, { abbr: 'LEG' }, 'user');
    const csv = ['crisis_type;phase;unit;role', `${crisisTypes.defect};偵測;${units.cs};R`, 'productDefect;detect;leg;A'].join('\r\n');
    const result = parseMatrixCsv(csv, readRoleMap(doc), { phaseAliases: { 偵測: 'detect' } });
    expect(result.ok && result.plan.cells).toEqual([
      { crisisTypeId: crisisTypes.defect, phase: 'detect', unitId: units.cs, role: 'R' },
      { crisisTypeId: crisisTypes.defect, phase: 'detect', unitId: units.legal, role: 'A' },
    ]);
    const tabbed = parseMatrixCsv('crisis_type\tphase\tunit\trole\n產品瑕疵\trecover\t客服部\tI\n', readRoleMap(doc));
    expect(tabbed.ok).toBe(true);
  });

  it('reports every bad row with its number and reason', () => {
    const { doc } = smallMap();
    const csv = [
      'kind,crisis_type,phase,unit,role', // 1
      'raci,產品瑕疵,detect,客服部,R', // 2 ok
      'raci,颱風,detect,客服部,R', // 3 unknown crisis type
      'raci,產品瑕疵,lunch,客服部,R', // 4 unknown phase
      'raci,產品瑕疵,detect,財務部,R', // 5 unknown unit
      'raci,產品瑕疵,assess,客服部,X', // 6 unknown role
      'raci,產品瑕疵,detect,客服部,A', // 7 duplicate of row 2
      'raci,產品瑕疵,detect', // 8 wrong column count
      '', // blank lines are skipped
      'memo,產品瑕疵,detect,客服部,R', // 10 unknown kind
      'raci,,detect,客服部,R', // 11 missing crisis type
      'first_responder,產品瑕疵,,客服部,', // 12 ok
      'first_responder,產品瑕疵,,法務部,', // 13 duplicate first responder
      'raci,產品瑕疵,,公關部,R', // 14 missing phase
    ].join('\n');
    const result = parseMatrixCsv(csv, readRoleMap(doc));
    expect(errorsOf(result)).toEqual([
      [3, 'unknownCrisisType'],
      [4, 'unknownPhase'],
      [5, 'unknownUnit'],
      [6, 'unknownRole'],
      [7, 'duplicateCell'],
      [8, 'wrongColumnCount'],
      [10, 'unknownKind'],
      [11, 'missingValue'],
      [13, 'duplicateFirstResponder'],
      [14, 'missingValue'],
    ]);
    if (!result.ok) {
      expect(result.errors[4]!.params).toMatchObject({ firstRow: 2 });
      expect(result.errors[0]!.params).toMatchObject({ value: '颱風' });
    }
  });

  it('rejects a file without the needed header', () => {
    const { doc } = smallMap();
    expect(errorsOf(parseMatrixCsv('產品瑕疵,detect,客服部,R\n', readRoleMap(doc)))).toEqual([[1, 'missingHeader']]);
    expect(errorsOf(parseMatrixCsv('crisis_type,phase,unit\nx,detect,y\n', readRoleMap(doc)))).toEqual([[1, 'missingHeader']]);
    expect(errorsOf(parseMatrixCsv('', readRoleMap(doc)))).toEqual([[null, 'emptyFile']]);
    expect(errorsOf(parseMatrixCsv('crisis_type,phase,unit,role\n\n', readRoleMap(doc)))).toEqual([[null, 'emptyFile']]);
  });

  it('reports unbalanced quotes and ambiguous names', () => {
    const { doc, units } = smallMap();
    updateUnit(doc, units.legal, { name: '客服部' }, 'user');
    const result = parseMatrixCsv('crisis_type,phase,unit,role\n產品瑕疵,detect,客服部,R\n"產品瑕疵,detect,公關部,A\n', readRoleMap(doc));
    expect(errorsOf(result)).toEqual([
      [2, 'ambiguousUnit'],
      [3, 'malformedRow'],
    ]);
  });

  it('decodes files in the encodings spreadsheets save, says which, and refuses undecodable bytes', () => {
    // "產品" in Big5 is read as Big5 now, not refused.
    const big5 = decodeCsvBytes(new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0x0a, 0xb2, 0xa3, 0xab, 0x7e]));
    expect(big5.ok && [big5.encoding, big5.text]).toEqual(['big5', 'kind\n產品']);
    const utf16 = decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x6b, 0x00]));
    expect(utf16.ok && [utf16.encoding, utf16.text]).toEqual(['utf-16le', 'k']);
    const d3 = decodeCsvBytes(new TextEncoder().encode('\uFEFFcrisis_type,phase,unit,role\n'));
    expect(d3.ok && [d3.encoding, d3.text]).toEqual(['utf-8', 'crisis_type,phase,unit,role\n']);
    const bad = decodeCsvBytes(new Uint8Array([0x41, 0xa4, 0x20, 0x41]));
    expect(bad.ok === false && bad.error.code).toBe('badEncoding');
    const chosen = decodeCsvBytes(new Uint8Array([0xb2, 0xa3]), 'utf-8');
    expect(chosen.ok === false && chosen.error.params).toEqual({ encoding: 'utf-8' });
    const { doc } = smallMap();
    expect(errorsOf(parseMatrixCsv('crisis_type,phase,unit,role\n\uFFFD\uFFFD,detect,客服部,R\n', readRoleMap(doc)))).toEqual([[null, 'badEncoding']]);
  });

  it('caps the list of errors', () => {
    const { doc } = smallMap();
    const rows = ['crisis_type,phase,unit,role', ...Array.from({ length: 250 }, (_, i) => `nope${i},detect,客服部,R`)];
    const result = parseMatrixCsv(rows.join('\n'), readRoleMap(doc));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(201);
    expect(result.errors[200]).toEqual({ row: null, code: 'tooManyErrors', params: { count: 50 } });
  });

  it('protects against spreadsheet formulas and reads them back', () => {
    const { doc, units, crisisTypes } = smallMap();
    updateUnit(doc, units.cs, { name: '=HYPERLINK("x")' }, 'user');
    const csv = exportMatrixCsv(readRoleMap(doc));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const result = parseMatrixCsv(csv, readRoleMap(doc));
    expect(result.ok && result.plan.cells.some((c) => c.unitId === units.cs && c.crisisTypeId === crisisTypes.defect)).toBe(true);
  });

  it('escapes formulas the old export let through (line break, full width, leading spaces) in unit and crisis-type names', () => {
    const { doc, units } = smallMap();
    updateUnit(doc, units.cs, { name: '=1+1\n客服部' }, 'user');
    updateUnit(doc, units.pr, { name: '\uFF1DHYPERLINK("x")' }, 'user');
    updateUnit(doc, units.legal, { name: '  @SUM(A1)' }, 'user');
    const csv = exportMatrixCsv(readRoleMap(doc));
    expect(csv).toContain('"\'=1+1\n客服部"');
    expect(csv).toContain('"\'\uFF1DHYPERLINK(""x"")"');
    expect(csv).toContain('"\'  @SUM(A1)"');
    const before = Y.encodeStateVector(doc);
    const result = parseMatrixCsv(csv, readRoleMap(doc));
    expect(result.ok).toBe(true);
    if (result.ok) applyMatrixImport(doc, result.plan);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('leaves the document untouched when a file is rejected', () => {
    const { doc } = smallMap();
    setCell(doc, 'orphan', 'detect', 'orphan', 'I', 'user');
    const before = Y.encodeStateAsUpdate(doc);
    const result = parseMatrixCsv('kind,crisis_type,phase,unit,role\nraci,產品瑕疵,detect,法務部,A\nraci,產品瑕疵,detect,火星部,R\n', readRoleMap(doc));
    expect(errorsOf(result)).toEqual([[3, 'unknownUnit']]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
