import type { Fact, FactKind } from './types.js';
import { findDates, findModels, findQuantities, modelLine, normalizeModel, parseDate, findNumbers, type Span } from './mentions.js';

/**
 * Key-facts check: a statement that states a different value for a confirmed fact is flagged
 * (the facts sheet says 1,200 affected customers, the draft says 1,500). A mention belongs to a
 * fact when one of the fact's keywords sits right next to it — the label's head noun (for
 * Chinese, the label's endings: 受影響顧客 → 顧客), the unit written with the value (1,200 名顧客),
 * or keywords the team added. No word segmentation is needed, so it works on Chinese as on English.
 */

export interface FactConflict extends Span {
  factId: string;
  label: string;
  kind: FactKind;
  /** The fact sheet's value. */
  expected: string;
  /** What the statement says. */
  found: string;
}

/** ASCII-only lower case: keeps every offset (full toLowerCase may change a string's length). */
function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const COUNT_WORDS = /(人數|人数|數量|数量|數目|数目|人次|件數|件数|總數|总数|number of|count of|count|total)/gi;
const DATE_WORDS = /(日期|時間|时间|日子|date|time|day)$/i;
/** Measure words and approximations that may stand between a number and its noun. */
const MEASURE = /^[\s]*(?:多|餘|余|\+|以上)?\s*[名位人個个件台輛辆筆笔家間间批箱盒包份起次例戶户所座款項项張张元]?/u;
/** Words that may stand between a keyword and the value that follows it. */
const LINK_BEFORE = /(?:[\s:：]|於|于|在|約|约|共|計|计|達|达|為|为|有|是|逾|超過|超过|近|至少|不到|少於|少于|about|around|approximately|nearly|over|more than|at least|fewer than|less than|under|of|is|are|was|were|to|on|in|stands at|reached|totals?|:)*$/iu;

/** Keywords that mark a mention of `fact`. */
export function factKeywords(fact: Fact): string[] {
  const words = new Set<string>();
  const add = (w: string): void => {
    const t = w.trim();
    if (t.length >= 2) words.add(lowerAscii(t));
  };
  for (const k of (fact.keywords ?? '').split(/[,，、]/)) add(k);
  const labels = [fact.label, fact.label.replace(COUNT_WORDS, '')];
  if (fact.kind === 'date') labels.push(fact.label.replace(DATE_WORDS, ''));
  if (fact.kind === 'number') {
    // The unit written after the number in the value: "1,200 名顧客" → "名顧客", "顧客".
    const unit = fact.value.replace(/^[^A-Za-z\u3400-\u9fff]*[\d,，.]+\s*(萬|万|億|亿|千|百)?\s*/u, '');
    if (unit !== fact.value) labels.push(unit.replace(/^[名位人個个件台輛辆筆笔家間间]/u, ''), unit);
  }
  for (const raw of labels) {
    const label = raw.replace(/[\s:：()（）]+$/g, '').trim();
    if (!label) continue;
    add(label);
    if (CJK.test(label)) {
      const chars = [...label];
      // Chinese nouns put the head last: every ending of two or more characters.
      for (let i = 1; i <= chars.length - 2; i++) add(chars.slice(i).join(''));
    } else {
      const parts = label.split(/\s+/);
      const last = parts[parts.length - 1] ?? '';
      if (last.length >= 4) add(last);
    }
  }
  return [...words].sort((a, b) => b.length - a.length);
}

function isSentenceBreak(ch: string): boolean {
  return /[。！？；;!?\n]/u.test(ch);
}

/** Whether a keyword of the fact sits right before or right after the span. */
function isAbout(lower: string, span: Span, keywords: readonly string[], allowMeasure: boolean): boolean {
  if (keywords.length === 0) return false;
  // After: "1,500 名顧客", "1,500 affected customers".
  let after = lower.slice(span.to, span.to + 40);
  const cut = [...after].findIndex(isSentenceBreak);
  if (cut >= 0) after = [...after].slice(0, cut).join('');
  const rest = allowMeasure ? after.slice(MEASURE.exec(after)![0].length) : after.replace(/^\s+/, '');
  const restWords = rest.replace(/^(affected|impacted|of our|of the|our|the)\s+/i, '');
  if (keywords.some((k) => rest.startsWith(k) || restWords.startsWith(k))) return true;
  // Before: "受影響顧客約 1,500", "affected customers: 1,500".
  let before = lower.slice(Math.max(0, span.from - 40), span.from);
  const lastBreak = Math.max(...[...'。！？；;!?\n'].map((c) => before.lastIndexOf(c)));
  if (lastBreak >= 0) before = before.slice(lastBreak + 1);
  const head = before.slice(0, before.length - LINK_BEFORE.exec(before)![0].length);
  return keywords.some((k) => head.endsWith(k));
}

type Qualifier = 'over' | 'under' | 'about' | 'exact';

function qualifierOf(text: string, span: Span): Qualifier {
  const before = text.slice(Math.max(0, span.from - 12), span.from).toLowerCase();
  const after = text.slice(span.to, span.to + 4);
  if (/(逾|超過|超过|至少|以上|over|more than|at least|above)\s*$/u.test(before) || /^\s*(多|餘|余|\+|以上)/u.test(after)) return 'over';
  if (/(不到|少於|少于|未滿|未满|不足|under|less than|fewer than|below)\s*$/u.test(before)) return 'under';
  if (/(約|约|大約|大约|近|將近|将近|about|around|approximately|nearly|roughly)\s*$/u.test(before) || /^\s*[名位人個个件]?\s*左右/u.test(after)) return 'about';
  return 'exact';
}

function numberAgrees(stated: number, expected: number, q: Qualifier): boolean {
  switch (q) {
    case 'over':
      return stated <= expected;
    case 'under':
      return stated >= expected;
    case 'about':
      return Math.abs(stated - expected) <= Math.abs(expected) * 0.1;
    case 'exact':
      return Math.abs(stated - expected) < 1e-9;
  }
}

function checkNumber(text: string, lower: string, fact: Fact, keywords: string[]): FactConflict[] {
  const expected = findNumbers(fact.value)[0]?.value;
  if (expected === undefined) return [];
  return findQuantities(text)
    .filter((n) => isAbout(lower, n, keywords, true) && !numberAgrees(n.value, expected, qualifierOf(text, n)))
    .map((n) => conflict(fact, n, text));
}

function checkDate(text: string, lower: string, fact: Fact, keywords: string[], allFacts: readonly Fact[]): FactConflict[] {
  const expected = parseDate(fact.value);
  if (!expected) return [];
  const known = allFacts.filter((f) => f.kind === 'date').map((f) => parseDate(f.value)).filter((d) => d !== undefined);
  return findDates(text)
    .filter((d) => isAbout(lower, d, keywords, false))
    .filter((d) => !known.some((k) => k.month === d.month && k.day === d.day && (k.year === undefined || d.year === undefined || k.year === d.year)))
    .map((d) => conflict(fact, d, text));
}

const NAME_STOP = /^(將|将|会|會|於|于|在|已|表示|指出|稱|称|的|也|亦|今|明|昨|並|并|與|与|和|及|再|正|均|都|對|对|向|說|说|will|has|have|had|said|says|is|was|and|to|of|the|a|an|on|in|at|for|by)(?![A-Za-z])/iu;

const NAME_END = /^(表示|指出|說|说|稱|称|回應|回应|先生|女士|經理|经理|將|将|會|会|已|於|于|強調|强调|承諾|承诺|代表)/u;

function checkName(text: string, lower: string, fact: Fact, keywords: string[]): FactConflict[] {
  const value = fact.value.trim();
  const out: FactConflict[] = [];
  for (const k of keywords) {
    let at = lower.indexOf(k);
    while (at >= 0) {
      const start = at + k.length;
      const link = /^(?:[\s:：]|為|为|是|is|:)*/iu.exec(text.slice(start))![0].length;
      const from = start + link;
      const rest = text.slice(from, from + 60);
      let found = '';
      if (CJK.test(value[0] ?? '')) {
        const restChars = [...rest];
        // Chinese names run two to four characters: try the fact's length first.
        for (const len of [[...value].length, 2, 3, 4]) {
          const chars = restChars.slice(0, len);
          const next = restChars[len] ?? '';
          // A name ends where speech or punctuation starts ("李小華表示", "李小華，"), not mid-phrase.
          const ends = next === '' || /^[\s，,。、：:；;！!？?（(「」『』]/u.test(next) || NAME_END.test(restChars.slice(len).join(''));
          if (ends && chars.length === len && chars.every((c) => CJK.test(c))) {
            found = chars.join('');
            break;
          }
        }
      } else {
        const words = value.split(/\s+/).length;
        const m = new RegExp(`^([A-Z][\\p{L}'.-]*(?:\\s+[A-Z][\\p{L}'.-]*){0,${words - 1}})`, 'u').exec(rest);
        if (m) found = m[1]!;
      }
      if (found && found !== value && !NAME_STOP.test(found) && !rest.startsWith(value) && !out.some((c) => c.from === from)) {
        out.push({ from, to: from + found.length, factId: fact.id, label: fact.label, kind: fact.kind, expected: value, found });
      }
      at = lower.indexOf(k, at + 1);
    }
  }
  return out;
}

function checkModel(text: string, lower: string, fact: Fact, keywords: string[], allFacts: readonly Fact[]): FactConflict[] {
  const expected = normalizeModel(fact.value);
  const line = modelLine(expected);
  const known = new Set(allFacts.filter((f) => f.kind === 'model').map((f) => normalizeModel(f.value)));
  return findModels(text)
    .filter((m) => !known.has(m.normalized) && ((line && modelLine(m.normalized) === line) || isAbout(lower, m, keywords, false)))
    .map((m) => conflict(fact, m, text));
}

function conflict(fact: Fact, span: Span, text: string): FactConflict {
  return { from: span.from, to: span.to, factId: fact.id, label: fact.label, kind: fact.kind, expected: fact.value, found: text.slice(span.from, span.to) };
}

/** Every place `text` states a value that differs from a fact, in text order. */
export function checkFacts(text: string, facts: readonly Fact[]): FactConflict[] {
  const out: FactConflict[] = [];
  const lower = lowerAscii(text);
  for (const fact of facts) {
    if (!fact.value.trim()) continue;
    const keywords = factKeywords(fact);
    if (fact.kind === 'number') out.push(...checkNumber(text, lower, fact, keywords));
    else if (fact.kind === 'date') out.push(...checkDate(text, lower, fact, keywords, facts));
    else if (fact.kind === 'name') out.push(...checkName(text, lower, fact, keywords));
    else out.push(...checkModel(text, lower, fact, keywords, facts));
  }
  return out.sort((a, b) => a.from - b.from || a.to - b.to);
}
