/**
 * CSV for spreadsheets, safe against formula injection (OWASP "CSV Injection"): every export of
 * the app writes its cells through here. A spreadsheet runs a cell as a formula when it starts
 * with = + - @ (also after leading spaces or line breaks, and in their full-width forms
 * ＝ ＋ － ＠, which spreadsheet apps normalise), or with a tab or carriage return. Such a cell
 * gets a leading apostrophe, which spreadsheet apps read as "this is text". Every field is
 * wrapped in double quotes with inner quotes doubled (RFC 4180), so a line break, comma or quote
 * inside a name can never start a new cell or row.
 *
 * The apostrophe is reversible: `unescapeCell(escapeCell(s)) === s` for every string, so a file
 * we wrote reads back exactly (a cell that itself starts with apostrophes before a formula
 * character gets one more, and loses exactly one on the way back).
 */

/** Characters that start a formula; full-width forms included. */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
/** Leading characters a spreadsheet skips or treats specially before a formula character. */
const LEADING_BLANKS = /^[\s\u3000\u00A0\uFEFF]+/;

/** Whether a spreadsheet could read this cell as a formula (or a control sequence). */
export function looksLikeFormula(value: string): boolean {
  if (value === '') return false;
  // A tab, carriage return, line feed or NUL in first place is refused outright (OWASP, ASVS 1.2.10).
  if (/^[\t\r\n\0]/.test(value)) return true;
  return FORMULA_START.test(value.replace(LEADING_BLANKS, ''));
}

/** The cell as written to a file: prefixed with `'` when a spreadsheet could run it. */
export function escapeCell(value: string): string {
  return looksLikeFormula(value.replace(/^'+/, '')) ? `'${value}` : value;
}

/** Undoes `escapeCell` (for cells read back from a file the app or a spreadsheet wrote). */
export function unescapeCell(value: string): string {
  return value.startsWith("'") && looksLikeFormula(value.replace(/^'+/, '')) ? value.slice(1) : value;
}

/** One field: escaped, quoted, inner quotes doubled. */
export function csvField(value: string): string {
  return `"${escapeCell(value).replace(/"/g, '""')}"`;
}

/**
 * Rows as CSV text for spreadsheets: UTF-8 byte order mark (Excel then reads Chinese correctly),
 * every field quoted and escaped, CRLF line ends.
 */
export function toSafeCsv(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n');
}
