import type { Node as PMNode } from '@tiptap/pm/model';

/**
 * The editor document as plain text, by the same rule as shared/statements/body.ts flattenBody
 * (blocks joined by '\n', hard breaks as '\n'), with a map from plain-text offsets to editor
 * positions — so lint findings, fact conflicts and comment ranges computed on plain text can be
 * drawn in the editor, and a selection can become a comment range.
 */
interface Seg {
  /** Plain-text offset of the segment's first character. */
  off: number;
  /** Editor position of the segment's first character. */
  pos: number;
  len: number;
}

export interface TextMap {
  text: string;
  /** Editor position of a plain-text offset (`side` picks the segment at a block boundary). */
  posAt(offset: number, side?: 'start' | 'end'): number;
  /** Plain-text offset of an editor position. */
  offsetAt(pos: number): number;
}

export function buildTextMap(doc: PMNode): TextMap {
  let text = '';
  const segs: Seg[] = [];
  const walk = (node: PMNode, contentStart: number): void => {
    if (node.isTextblock) {
      node.forEach((child, off) => {
        const pos = contentStart + off;
        if (child.isText) {
          segs.push({ off: text.length, pos, len: child.text!.length });
          text += child.text!;
        } else if (child.type.name === 'hardBreak') {
          segs.push({ off: text.length, pos, len: 1 });
          text += '\n';
        }
      });
      return;
    }
    let i = 0;
    node.forEach((child, off) => {
      if (i++ > 0) text += '\n';
      walk(child, contentStart + off + 1);
    });
  };
  walk(doc, 0);

  const posAt = (offset: number, side: 'start' | 'end' = 'start'): number => {
    if (segs.length === 0) return 1;
    // Binary search: last segment starting at or before offset.
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]!.off <= offset) lo = mid;
      else hi = mid - 1;
    }
    const s = segs[lo]!;
    if (offset < s.off) return s.pos;
    if (offset <= s.off + s.len) {
      // At the very end of a segment that the next one starts right after: prefer the next for starts.
      const next = segs[lo + 1];
      if (side === 'start' && offset === s.off + s.len && next && next.off === offset) return next.pos;
      return s.pos + (offset - s.off);
    }
    const next = segs[lo + 1];
    return side === 'start' && next ? next.pos : s.pos + s.len;
  };

  const offsetAt = (pos: number): number => {
    let best = 0;
    for (const s of segs) {
      if (pos < s.pos) break;
      best = pos <= s.pos + s.len ? s.off + (pos - s.pos) : s.off + s.len;
    }
    return best;
  };

  return { text, posAt, offsetAt };
}
