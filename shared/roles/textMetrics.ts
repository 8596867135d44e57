/**
 * Conservative text measuring for the poster's page maths, without a DOM: widths in em of the
 * poster font (Noto Sans CJK), rounded up so that a line the estimate fills never needs more
 * room in the browser. Greedy wrapping with narrower glyphs never uses more lines, so an
 * estimate built from wider glyphs is an upper bound on the lines the browser draws.
 */

/** CJK ideographs, kana, hangul, CJK punctuation and full-width forms: one em each. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3040-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Width of one character in em (upper bounds for Noto Sans CJK's proportional Latin). */
export function charWidthEm(ch: string): number {
  if (WIDE.test(ch)) return 1;
  if (ch === ' ') return 0.3;
  if (/[MWmw@%&]/.test(ch)) return 0.95;
  if (/[A-Z]/.test(ch)) return 0.72;
  if (/[a-z0-9]/.test(ch)) return 0.6;
  if (/[.,:;'"!|()[\]{}\-_/\\+=*#?<>~^`]/.test(ch)) return 0.5;
  const code = ch.codePointAt(0) ?? 0;
  if (code > 0xffff) return 1.2; // emoji and rare ideographs
  return 1; // anything else (accents, symbols): assume a full em
}

export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidthEm(ch);
  return w;
}

/** Breaks a text into atoms: each wide character alone (a line may break around it), Latin runs whole. */
function atoms(word: string): string[] {
  const out: string[] = [];
  let run = '';
  for (const ch of word) {
    if (WIDE.test(ch)) {
      if (run) out.push(run);
      run = '';
      out.push(ch);
    } else run += ch;
  }
  if (run) out.push(run);
  return out;
}

/** An inline item of a line box: its width in em and whether a space precedes it. */
export interface InlineItem {
  widthEm: number;
  /** Text, when the item may be broken inside (overflow-wrap: anywhere) if wider than a line. */
  text?: string;
  spaceBefore: boolean;
}

/** Lines needed to lay `items` out greedily in lines `maxEm` wide. */
export function countItemLines(items: readonly InlineItem[], maxEm: number, spaceEm = 0.3): number {
  if (items.length === 0) return 0;
  let lines = 1;
  let x = 0;
  for (const item of items) {
    const gap = x > 0 && item.spaceBefore ? spaceEm : 0;
    if (x + gap + item.widthEm <= maxEm) {
      x += gap + item.widthEm;
      continue;
    }
    if (item.widthEm <= maxEm) {
      if (x > 0) lines++;
      x = item.widthEm;
      continue;
    }
    // Wider than a whole line: the browser breaks it anywhere (overflow-wrap: anywhere).
    if (x > 0) lines++;
    x = 0;
    for (const ch of item.text ?? 'W'.repeat(Math.ceil(item.widthEm))) {
      const w = charWidthEm(ch);
      if (x + w > maxEm && x > 0) {
        lines++;
        x = 0;
      }
      x += w;
    }
  }
  return lines;
}

/** Inline items of plain text: words split at spaces, wide characters on their own. */
export function textItems(text: string, scale = 1): InlineItem[] {
  const items: InlineItem[] = [];
  for (const word of text.trim().split(/\s+/)) {
    if (!word) continue;
    atoms(word).forEach((a, i) => items.push({ widthEm: textWidthEm(a) * scale, text: a, spaceBefore: i === 0 }));
  }
  return items;
}

/** Lines a text needs in a box `maxEm` wide (0 for empty text). */
export function countTextLines(text: string, maxEm: number, scale = 1): number {
  return countItemLines(textItems(text, scale), maxEm);
}
