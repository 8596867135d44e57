import Papa from 'papaparse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, escapeCell, looksLikeFormula, toSafeCsv, unescapeCell } from '../../../shared/csvSafe';
import { auditCsv, AUDIT_CSV_COLUMNS, type AuditRow } from '../../../shared/governance/audit';

/** Cells a spreadsheet would run as formulas, in the forms the old export let through. */
const DANGEROUS = [
  '=1+1',
  '+1',
  '-1',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  '=1+1\n第二行',
  '=HYPERLINK("http://x.invalid","按我")\r\n說明',
  '\n=1+1',
  '  =1+1',
  '\u3000=1+1',
  '\uFF1D1+1', // ＝
  '\uFF0B1', // ＋
  '\uFF0D1', // －
  '\uFF20SUM(A1)', // ＠
  ' \n \uFF1Dcmd|calc',
];
const HARMLESS = ['', '王小明', 'a=b', '1-2', "'quoted", ' 公關部', 'x@example.com', '0912-000-000'];

function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  // Our files are comma-separated: say so (guessing the delimiter misreads a file whose cells hold
  // more semicolons than the rows hold commas, e.g. [['', ''], ['', ';', '']]).
  return Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', delimiter: ',' }).data;
}

describe('CSV cells safe for spreadsheets (OWASP CSV injection)', () => {
  it('escapes every formula start: after line breaks, leading spaces, in full width, with tab or CR', () => {
    for (const cell of DANGEROUS) {
      expect(looksLikeFormula(cell), JSON.stringify(cell)).toBe(true);
      expect(escapeCell(cell)).toBe(`'${cell}`);
    }
    for (const cell of HARMLESS) expect(escapeCell(cell), JSON.stringify(cell)).toBe(cell);
    // Apostrophes already in front of a formula are kept: one more is added and removed again.
    expect(escapeCell("'=1")).toBe("''=1");
    expect(unescapeCell("''=1")).toBe("'=1");
  });

  it('quotes every field and doubles quotes, so a line break or comma never starts a cell', () => {
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('=1+1\n"x"')).toBe(`"'=1+1\n""x"""`);
    const csv = toSafeCsv([
      ['name', 'note'],
      ['=1+1\n=2+2', 'a,b'],
    ]);
    expect(csv).toBe('\uFEFF"name","note"\r\n"\'=1+1\n=2+2","a,b"');
    expect(parse(csv)).toEqual([
      ['name', 'note'],
      ["'=1+1\n=2+2", 'a,b'],
    ]);
  });

  it('is exactly reversible for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', "'", ' ', '\t', '\r', '\n', '\u3000', '\uFF1D', 'a', '王', '"', ',') }), (s) => {
        expect(unescapeCell(escapeCell(s))).toBe(s);
        // And no escaped cell, after the apostrophe, could start a formula by itself.
        const out = escapeCell(s);
        if (out !== s) expect(out.startsWith("'")).toBe(true);
        else expect(looksLikeFormula(s.replace(/^'+/, ''))).toBe(false);
      }),
      { numRuns: 2000 },
    );
    const roundTrips = (rows: string[][]): void => {
      expect(parse(toSafeCsv(rows)).map((r) => r.map(unescapeCell))).toEqual(rows);
    };
    // The case fast-check found (seed 981815685) while the parse above guessed the delimiter.
    roundTrips([['', ''], ['', ';', '']]);
    fc.assert(fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), roundTrips));
  });

  it('the audit CSV escapes names and reasons that start formulas in any of these forms', () => {
    const rows: AuditRow[] = DANGEROUS.map((cell, index) => ({
      index,
      at: 1_700_000_000_000 + index,
      kind: 'override',
      signerName: cell,
      subject: cell,
      detail: `reason=${cell}`,
      verdict: 'valid',
      counted: true,
      reason: undefined,
      future: false,
    }));
    const parsed = parse(auditCsv(rows));
    expect(parsed[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    parsed.slice(1).forEach((row, i) => {
      expect(row[3]).toBe(`'${DANGEROUS[i]}`);
      expect(row[6]).toBe(`'${DANGEROUS[i]}`);
      expect(row[7]).toBe(`reason=${DANGEROUS[i]}`);
    });
  });
});
