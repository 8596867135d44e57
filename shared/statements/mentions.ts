/**
 * Finding numbers, dates and product models in statement text, in Chinese and English: Arabic
 * digits with thousands separators ("1,200", "1，200"), Chinese numerals ("一千二百", "兩百"),
 * multipliers ("1.2萬", "3 million"), dates as 2026-11-21, 2026年11月21日, 11月21日, 十一月二十一日,
 * "November 21, 2026" or "21 Nov". Offsets are UTF-16 indexes into the text.
 */

export interface Span {
  from: number;
  to: number;
}

export interface NumberMention extends Span {
  value: number;
  raw: string;
}

export interface DateMention extends Span {
  year?: number;
  month: number;
  day: number;
  raw: string;
}

export interface ModelMention extends Span {
  /** Upper case, without separators: "xr-200" and "XR 200" both read "XR200". */
  normalized: string;
  raw: string;
}

const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 兩: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZH_BIG: Record<string, number> = { 萬: 1e4, 万: 1e4, 億: 1e8, 亿: 1e8 };
const ZH_NUMERAL_CLASS = '零〇一二兩两三四五六七八九十百千萬万億亿';

/** Value of a Chinese numeral ("一千二百" → 1200, "二〇二六" → 2026); NaN when it is not one. */
export function parseChineseNumeral(s: string): number {
  if (!s || ![...s].every((c) => c in ZH_DIGITS || c in ZH_UNITS || c in ZH_BIG)) return NaN;
  if ([...s].every((c) => c in ZH_DIGITS)) return Number([...s].map((c) => ZH_DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let digit = 0;
  let sawDigit = false;
  for (const c of s) {
    if (c in ZH_DIGITS) {
      digit = ZH_DIGITS[c]!;
      sawDigit = true;
    } else if (c in ZH_UNITS) {
      section += (digit || (sawDigit ? 0 : 1)) * ZH_UNITS[c]!;
      digit = 0;
      sawDigit = false;
    } else {
      total += (section + digit || 1) * ZH_BIG[c]!;
      section = 0;
      digit = 0;
      sawDigit = false;
    }
  }
  return total + section + digit;
}

const MULTIPLIERS: Record<string, number> = { 萬: 1e4, 万: 1e4, 億: 1e8, 亿: 1e8, 千: 1e3, 百: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, k: 1e3 };

const NUMBER_RE = new RegExp(
  `(\\d{1,3}(?:[,，]\\d{3})+|\\d+)(\\.\\d+)?(?:\\s*(萬|万|億|亿|千|百)|\\s+(thousand|million|billion)\\b|(k)\\b)?|[${ZH_NUMERAL_CLASS}]+`,
  'giu',
);

/** Every number in the text. */
export function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const raw = m[0];
    let value: number;
    if (m[1] !== undefined) {
      value = Number(m[1].replace(/[,，]/g, '') + (m[2] ?? ''));
      const mult = m[3] ?? m[4]?.toLowerCase() ?? m[5]?.toLowerCase();
      if (mult) value *= MULTIPLIERS[mult] ?? 1;
    } else {
      value = parseChineseNumeral(raw);
    }
    if (Number.isFinite(value)) out.push({ from: m.index, to: m.index + raw.length, value, raw });
  }
  return out;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const ZN = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
const ZY = '(?:\\d{4}|[〇零一二三四五六七八九]{4})';

const DATE_PATTERNS: { re: RegExp; needs: RegExp; read: (m: RegExpMatchArray) => [number | undefined, number, number] }[] = [
  { needs: /\d{4}/, re: /(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})/g, read: (m) => [num(m[1]), num(m[2])!, num(m[3])!] },
  { needs: /月/, re: new RegExp(`(?:(${ZY})\\s*年\\s*)?(${ZN})\\s*月\\s*(${ZN})\\s*[日號号]`, 'gu'), read: (m) => [num(m[1]), num(m[2])!, num(m[3])!] },
  { needs: /[A-Za-z]{3}/, re: new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'giu'), read: (m) => [num(m[3]), MONTHS[m[1]!.toLowerCase()]!, num(m[2])!] },
  { needs: /[A-Za-z]{3}/, re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAMES})\\.?(?:,?\\s+(\\d{4}))?\\b`, 'giu'), read: (m) => [num(m[3]), MONTHS[m[2]!.toLowerCase()]!, num(m[1])!] },
];

function num(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s);
  return Number.isFinite(n) ? n : undefined;
}

function overlaps(a: Span, list: readonly Span[]): boolean {
  return list.some((b) => a.from < b.to && b.from < a.to);
}

/** Every date in the text (month and day required; year when written). */
export function findDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const { re, needs, read } of DATE_PATTERNS) {
    if (!needs.test(text)) continue;
    for (const m of text.matchAll(re)) {
      const [year, month, day] = read(m);
      const span = { from: m.index!, to: m.index! + m[0].length };
      if (!Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1 || day > 31 || overlaps(span, out)) continue;
      out.push({ ...span, ...(year !== undefined ? { year } : {}), month, day, raw: m[0] });
    }
  }
  return out.sort((a, b) => a.from - b.from);
}

/** Parses a date fact's value (any format findDates reads). */
export function parseDate(value: string): DateMention | undefined {
  return findDates(value)[0];
}

// Latin letters then digits; a space between them only in upper case ("KX 550"), so "at 10" is no model.
const MODEL_RE = /(?<![A-Za-z0-9])(?:[A-Za-z]{1,6}-?\d{1,6}|[A-Z]{1,6}\s\d{1,6})[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9])/g;

export function normalizeModel(raw: string): string {
  return raw.toUpperCase().replace(/[-\s_]/g, '');
}

/** Product-model-like tokens: letters then digits ("XR-200", "A7", "KX 550B"). */
export function findModels(text: string): ModelMention[] {
  return [...text.matchAll(MODEL_RE)].map((m) => ({ from: m.index, to: m.index + m[0].length, normalized: normalizeModel(m[0]), raw: m[0] }));
}

/** Leading letters of a normalized model ("XR200" → "XR"): its product line. */
export function modelLine(normalized: string): string {
  return /^[A-Z]*/.exec(normalized)![0];
}

/** Spans that are not plain quantities: times, phone numbers, dates, models. */
export function nonQuantitySpans(text: string): Span[] {
  const spans: Span[] = [...findDates(text), ...findModels(text)];
  for (const re of [/\d{1,2}\s*[:：]\s*\d{2}/g, /\+?\d[\d\s-]{6,}\d/g, /\d{4}\s*年/g]) {
    for (const m of text.matchAll(re)) spans.push({ from: m.index, to: m.index + m[0].length });
  }
  return spans;
}

/** Numbers in the text that are quantities (not part of a date, time, phone number or model). */
export function findQuantities(text: string): NumberMention[] {
  const skip = nonQuantitySpans(text);
  return findNumbers(text).filter((n) => !overlaps(n, skip));
}
