import * as Y from 'yjs';
import type { YRecord } from '../../shared/doc/collection';
import { diffText, editText, ensureText, readText, type TextEdit } from '../../shared/playbook/textFields';
import { holdDraft } from '../workspace/flush';

/** What the binding needs of an `<input>` or `<textarea>` (tests pass a plain object). */
export interface TextInputLike {
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
  setSelectionRange(start: number, end: number): void;
}

/**
 * Where `pos` (an offset in the old text) is after a Y.Text change. A caret at the very place
 * something was inserted stays before it: it belongs to the character on its left, so two
 * people typing at one spot each keep typing after their own characters.
 */
export function transformCaret(pos: number, delta: ReadonlyArray<{ retain?: number; insert?: unknown; delete?: number }>): number {
  let at = 0; // offset in the old text
  let out = pos;
  for (const op of delta) {
    if (at > pos) break;
    if (op.retain !== undefined) at += op.retain;
    else if (op.insert !== undefined) {
      if (at < pos) out += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      out -= Math.max(0, Math.min(pos, at + op.delete) - at);
      at += op.delete;
    }
  }
  return Math.max(0, out);
}

/**
 * Binds a text input to one field of a record as a text CRDT (shared/playbook/textFields.ts):
 * each input is written at once as the edit it is (at the caret, not a whole-string
 * replacement); changes from others are shown at once with the caret kept where its owner
 * types. During an IME composition the input keeps its text to itself (a peer's update must
 * not break a half-typed word) and registers it as a draft, so leaving the page still writes it;
 * the composed text is written at compositionend where the composition started, wherever others
 * typed meanwhile.
 */
export class TextFieldBinding {
  /** The text the input showed after the last sync with the document. */
  private shown: string;
  private text: Y.Text | null = null;
  private composing: { base: string; start: number; end: number; from: Y.RelativePosition; to: Y.RelativePosition } | null = null;
  private releaseDraft: (() => void) | null = null;
  private writing = false;
  private readonly maxLength: number;
  private readonly focused: () => boolean;

  constructor(
    private readonly el: TextInputLike,
    private readonly record: YRecord,
    private readonly field: string,
    opts: { maxLength?: number; focused?: () => boolean } = {},
  ) {
    this.maxLength = opts.maxLength ?? Infinity;
    this.focused = opts.focused ?? (() => true);
    this.shown = readText(record, field);
    el.value = this.shown;
    record.observe(this.onRecord);
    this.attachText();
  }

  /** The input changed (an `input` event). */
  input(isComposing = false): void {
    if (this.composing || isComposing) return;
    const after = this.el.value;
    const edit = diffText(this.shown, after, this.el.selectionEnd ?? undefined);
    if (!edit) return;
    this.write(edit);
    this.shown = after;
  }

  compositionStart(): void {
    if (this.composing) return;
    const text = this.writeQuietly(() => ensureText(this.record, this.field, 'user'));
    const start = Math.min(this.el.selectionStart ?? this.shown.length, this.shown.length);
    const end = Math.max(start, Math.min(this.el.selectionEnd ?? start, this.shown.length));
    this.composing = {
      base: this.shown,
      start,
      end,
      // Both ends stick to the character on their left: text others insert right after the
      // range stays outside it.
      from: Y.createRelativePositionFromTypeIndex(text, start, -1),
      to: Y.createRelativePositionFromTypeIndex(text, end, -1),
    };
    this.releaseDraft = holdDraft(() => this.commitComposition(true));
  }

  compositionEnd(): void {
    this.commitComposition(false);
  }

  /** Writes the composition's text; `stillComposing` when forced (page hidden) while the IME goes on. */
  private commitComposition(stillComposing: boolean): void {
    const c = this.composing;
    if (!c) return;
    this.composing = null;
    this.releaseDraft?.();
    this.releaseDraft = null;
    const final = this.el.value;
    const suffix = c.base.length - c.end;
    let inserted: string;
    if (final.startsWith(c.base.slice(0, c.start)) && final.endsWith(c.base.slice(c.end)) && final.length - suffix >= c.start) {
      inserted = final.slice(c.start, final.length - suffix);
    } else {
      // The IME changed more than the composed range: write the difference as one edit.
      const edit = diffText(c.base, final, this.el.selectionEnd ?? undefined);
      inserted = edit?.insert ?? '';
      c.start = edit?.index ?? c.start;
      c.end = edit ? edit.index + edit.remove : c.end;
    }
    const text = this.text;
    const from = text ? (Y.createAbsolutePositionFromRelativePosition(c.from, text.doc!)?.index ?? c.start) : c.start;
    const to = text ? Math.max(from, Y.createAbsolutePositionFromRelativePosition(c.to, text.doc!)?.index ?? c.end) : c.end;
    if (to > from || inserted) this.write({ index: from, remove: to - from, insert: inserted });
    const now = readText(this.record, this.field);
    const caret = from + inserted.length;
    const written = this.text;
    if (stillComposing && written) {
      // The IME goes on (the page was only hidden): leave the input alone and track the rest of
      // the composition from the text just written.
      this.composing = {
        base: final,
        start: c.start,
        end: c.start + inserted.length,
        from: Y.createRelativePositionFromTypeIndex(written, from, -1),
        to: Y.createRelativePositionFromTypeIndex(written, caret, -1),
      };
      this.releaseDraft = holdDraft(() => this.commitComposition(true));
      return;
    }
    this.show(now, caret, caret);
  }

  destroy(): void {
    this.releaseDraft?.();
    this.releaseDraft = null;
    this.record.unobserve(this.onRecord);
    this.text?.unobserve(this.onText);
    this.text = null;
  }

  private write(edit: TextEdit): void {
    const limited = this.maxLength < Infinity ? { ...edit, insert: edit.insert.slice(0, Math.max(0, this.maxLength - (this.shown.length - edit.remove))) } : edit;
    this.writeQuietly(() => editText(this.record, this.field, limited, 'user'));
  }

  /** Runs a write of ours without echoing it back into the input. */
  private writeQuietly<T>(f: () => T): T {
    this.writing = true;
    try {
      return f();
    } finally {
      this.writing = false;
      this.attachText();
    }
  }

  /** Follows the field's Y.Text (it appears when the field is first edited, here or elsewhere). */
  private attachText(): void {
    const value = this.record.get(this.field);
    const text = value instanceof Y.Text ? value : null;
    if (text === this.text) return;
    this.text?.unobserve(this.onText);
    this.text = text;
    text?.observe(this.onText);
  }

  private readonly onRecord = (e: Y.YMapEvent<unknown>) => {
    if (!e.keysChanged.has(this.field)) return;
    this.attachText();
    if (!this.writing && !this.composing) {
      // Replaced as a whole (an import, an older app's string, or the upgrade a peer made).
      const now = readText(this.record, this.field);
      if (now !== this.shown) this.show(now, now.length, now.length);
    }
  };

  private readonly onText = (e: Y.YTextEvent) => {
    if (this.writing || this.composing) return;
    const now = readText(this.record, this.field);
    if (now === this.shown) return;
    const start = this.el.selectionStart ?? this.shown.length;
    const end = this.el.selectionEnd ?? start;
    this.show(now, transformCaret(start, e.delta), transformCaret(end, e.delta));
  };

  /** Shows `value`; the caret (only where someone is typing, i.e. focused) at start–end. */
  private show(value: string, start: number, end: number): void {
    this.shown = value;
    if (this.el.value !== value) this.el.value = value;
    if (this.focused()) this.el.setSelectionRange(Math.min(start, value.length), Math.min(end, value.length));
  }
}
