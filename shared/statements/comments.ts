import * as Y from 'yjs';
import { addRecord, newId, readChildren, type YRecord, recordId } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { flattenBody, type FlatBody } from './body.js';
import { nestedOf, requireBody } from './store.js';
import { CommentRecord, type StatementComment } from './types.js';

/**
 * Review comments anchored to a range of the body with Yjs relative positions: the anchors
 * point at characters, not offsets, so text inserted or deleted elsewhere — locally or by a peer
 * — moves the range with its words. Offsets in this module are plain-text offsets (see
 * flattenBody); the editor converts them to and from its own positions.
 */

/** A comment with its range resolved against the current text. */
export interface AnchoredComment extends StatementComment {
  /** Plain-text range now, or null when the commented text was deleted. */
  from: number | null;
  to: number | null;
  /** True when the anchors were lost and the range was found again by its quote. */
  approximate: boolean;
}

function relAt(flat: FlatBody, offset: number, side: 'start' | 'end'): Y.RelativePosition {
  const segs = flat.segments;
  if (segs.length === 0) throw new Error('There is no text to comment on');
  // Start anchors stick to the character after them, end anchors to the one before, so typing
  // right at either edge does not grow the commented range.
  const seg =
    side === 'start'
      ? (segs.find((s) => offset >= s.start && offset < s.start + s.length) ?? segs.find((s) => s.start >= offset) ?? segs[segs.length - 1]!)
      : ([...segs].reverse().find((s) => offset > s.start && offset <= s.start + s.length) ?? [...segs].reverse().find((s) => s.start + s.length <= offset) ?? segs[0]!);
  const index = Math.max(0, Math.min(seg.length, offset - seg.start));
  return Y.createRelativePositionFromTypeIndex(seg.text, index, side === 'start' ? 0 : -1);
}

function encodeRel(rel: Y.RelativePosition): string {
  return JSON.stringify(Y.relativePositionToJSON(rel));
}

function resolve(doc: Y.Doc, flat: FlatBody, encoded: string): number | null {
  let rel: Y.RelativePosition;
  try {
    rel = Y.createRelativePositionFromJSON(JSON.parse(encoded));
  } catch {
    return null;
  }
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, doc);
  if (!abs) return null;
  const seg = flat.segments.find((s) => s.text === abs.type);
  return seg ? seg.start + Math.min(abs.index, seg.length) : null;
}

export interface NewComment {
  from: number;
  to: number;
  text: string;
  by: string;
  /** Public key of the commenter (their device key), so a required reviewer's open comments can gate release. */
  byKey?: string;
  at?: number;
}

/**
 * Adds a comment on the plain-text range [from, to). Returns its id. Throws RecordFieldError
 * (nothing written) when a field is invalid, e.g. a comment longer than the definition allows.
 */
export function addComment(rec: YRecord, input: NewComment, origin: Origin = 'user'): string {
  const text = input.text.trim();
  if (!text) throw new Error('A comment needs some text');
  if (!input.by.trim()) throw new Error('Enter your name first: comments record who made them');
  const flat = flattenBody(requireBody(rec));
  const from = Math.max(0, Math.min(input.from, input.to));
  const to = Math.min(flat.text.length, Math.max(input.from, input.to));
  if (to <= from) throw new Error('Select the text to comment on');
  const comment = CommentRecord.init({
    id: newId(),
    by: input.by.trim(),
    byKey: input.byKey ?? '',
    at: input.at ?? Date.now(),
    text,
    start: encodeRel(relAt(flat, from, 'start')),
    end: encodeRel(relAt(flat, to, 'end')),
    quote: flat.text.slice(from, to),
    resolved: false,
    resolvedBy: '',
    resolvedAt: 0,
  });
  return addRecord(nestedOf(rec, 'comments'), comment, origin);
}

/** Marks a comment resolved (or reopens it). */
export function setCommentResolved(rec: YRecord, commentId: string, resolved: boolean, by: string, origin: Origin = 'user'): void {
  const c = readChildren(rec, 'comments').find((r) => recordId(r) === commentId);
  if (!c) throw new Error('That comment no longer exists');
  const doc = rec.doc!;
  write(doc, origin, () => {
    // The name first: it is the one value that can be refused, and then nothing is written.
    CommentRecord.set(c, 'resolvedBy', resolved ? by : '', origin);
    CommentRecord.set(c, 'resolved', resolved, origin);
    CommentRecord.set(c, 'resolvedAt', resolved ? Date.now() : 0, origin);
  });
}

/** Comments with their ranges resolved against the current body, in text order (unanchored last). */
export function listComments(rec: YRecord): AnchoredComment[] {
  const doc = rec.doc;
  const body = requireBody(rec);
  const flat = flattenBody(body);
  const out = readChildren(rec, 'comments').map((c): AnchoredComment => {
    const base: StatementComment = CommentRecord.read(c);
    let from = doc ? resolve(doc, flat, base.start) : null;
    let to = doc ? resolve(doc, flat, base.end) : null;
    let approximate = false;
    if (from === null || to === null || to <= from) {
      // The anchored text went away (e.g. its paragraph was merged): find the quote once more.
      const at = base.quote ? flat.text.indexOf(base.quote) : -1;
      if (at >= 0) {
        from = at;
        to = at + base.quote.length;
        approximate = true;
      } else {
        from = null;
        to = null;
      }
    }
    return { ...base, from, to, approximate };
  });
  return out.sort((a, b) => (a.from ?? Infinity) - (b.from ?? Infinity) || a.at - b.at);
}
