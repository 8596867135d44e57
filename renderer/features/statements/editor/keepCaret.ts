import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { yBindingOf, type YBinding } from './yBinding';
import { livesUnder } from '../../../../shared/doc/yjsInternals';

/**
 * Keeps a person's caret where they are typing, whatever arrives from the other laptops.
 *
 * The Yjs binding (y-tiptap 3.0.x, `ProsemirrorBinding._typeChanged`) re-renders the whole body
 * on every remote update and puts the caret back from relative positions it took before the
 * update. Three things in that go wrong while two people type at once:
 *
 * 1. The caret it saves is the editor state's. A caret key (Ctrl+Home, Ctrl+End, arrows) moves
 *    the browser's selection first; ProseMirror reads it on the `selectionchange` event, a task
 *    later. A remote update landing in between restores the old caret and writes it back into
 *    the page: the key press is lost and the next word goes where the caret was before.
 * 2. In an empty paragraph `absolutePositionToRelativePosition` anchors the caret to the
 *    paragraph's end (no item, assoc 0). The first character a peer types there lands before
 *    the caret, so the caret jumps behind it; both then type after that character and Yjs
 *    orders the two runs by client id, e.g. `[` + `[B1]` + `A1]`. Everywhere else the caret
 *    sticks to the character on its left and a peer's text at the same spot stays behind it.
 * 3. `recoverSelectionEndpoint` second-guesses the Yjs answer whenever the caret's paragraph
 *    changed text, matching blocks by their text: with two empty paragraphs, the first
 *    character a peer types into the caret's one sends the caret to the other.
 *
 * So before a batch of remote Yjs transactions this plugin takes the caret the person sees (the
 * page's selection when the browser moved it and ProseMirror has not read it yet), as relative
 * positions that stick to the left in empty paragraphs too; after the binding's re-render it
 * puts the caret there, as long as the Yjs items it hangs on still live under the body. When
 * they do not (the paragraph was deleted or moved as a whole), the binding's recovery stays.
 * Other redraws have the same window (1.): `caretKeyPending` tells the studio to hold them back.
 */

interface Caret {
  anchor: Y.RelativePosition;
  head: Y.RelativePosition;
}

export const keepCaretKey = new PluginKey('keepCaret');

/** The page's selection when it is a text selection inside this editor that the state has not caught up with. */
function unreadCaret(view: EditorView): { anchor: number; head: number } | null {
  if (view.composing || !view.hasFocus()) return null;
  const sel = (view.root as Document).getSelection?.();
  if (!sel?.anchorNode || !sel.focusNode || !view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return null;
  try {
    const head = view.posAtDOM(sel.focusNode, sel.focusOffset, 1);
    const anchor = sel.isCollapsed ? head : view.posAtDOM(sel.anchorNode, sel.anchorOffset, 1);
    const { doc } = view.state;
    if (!doc.resolve(anchor).parent.inlineContent || !doc.resolve(head).parent.inlineContent) return null;
    const now = view.state.selection;
    return anchor === now.anchor && head === now.head ? null : { anchor, head };
  } catch {
    return null; // a DOM position ProseMirror does not map (widget, node view): leave it to ProseMirror
  }
}

/**
 * Whether a caret key moved the page's caret and the editor has not read it yet. Any redraw now
 * (a decorations update, say) would write the editor's old caret back into the page.
 */
export function caretKeyPending(view: EditorView): boolean {
  return unreadCaret(view) !== null;
}

/** Relative position of `pos` that sticks to what is left of it, also in an empty textblock. */
function toRelative(state: EditorState, sync: YBinding, pos: number): Y.RelativePosition {
  const rel = absolutePositionToRelativePosition(pos, sync.fragment, sync.mapping as never) as Y.RelativePosition;
  const $pos = state.doc.resolve(pos);
  if ($pos.parent.isTextblock && $pos.parent.content.size === 0 && rel.item === null && rel.assoc >= 0) {
    // y-tiptap: "end of this (childless) paragraph". Make it "start of this paragraph".
    return new Y.RelativePosition(rel.type, rel.tname, null, -1);
  }
  return rel;
}

function capture(view: EditorView): Caret | null {
  const sync = yBindingOf(view.state);
  const sel = view.state.selection;
  if (!sync || !(sel instanceof TextSelection)) return null;
  const { anchor, head } = unreadCaret(view) ?? sel;
  try {
    return { anchor: toRelative(view.state, sync, anchor), head: toRelative(view.state, sync, head) };
  } catch {
    return null; // the binding's mapping does not cover this position: keep the binding's own restore
  }
}

function toAbsolute(sync: YBinding, rel: Y.RelativePosition): number | null {
  const at = Y.createAbsolutePositionFromRelativePosition(rel, sync.doc);
  if (!at || !livesUnder(at.type, sync.fragment)) return null;
  return relativePositionToAbsolutePosition(sync.doc, sync.fragment, rel, sync.mapping as never);
}

function selectionAt(state: EditorState, anchor: number, head: number): Transaction | null {
  if (anchor === state.selection.anchor && head === state.selection.head) return null;
  const size = state.doc.content.size;
  if (anchor < 0 || head < 0 || anchor > size || head > size) return null;
  return state.tr.setSelection(TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head))).setMeta('addToHistory', false);
}

/** The binding's re-render of a remote change (not a snapshot view). */
function isRemoteRender(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return tr.docChanged && meta?.isChangeOrigin === true;
}

/** The ProseMirror plugin; `KeepCaret` wraps it for TipTap. Put it after the Yjs binding. */
export function keepCaretPlugin(): Plugin {
  /** Taken before the current batch of Yjs transactions when the batch is remote; null otherwise. */
  let caret: Caret | null = null;
  let inBatch = false;
  return new Plugin({
    key: keepCaretKey,
    view(v) {
      const doc = yBindingOf(v.state)?.doc;
      if (!doc) return {};
      const before = (tr: Y.Transaction) => {
        if (inBatch) return;
        inBatch = true;
        caret = tr.local ? null : capture(v);
      };
      const after = () => {
        inBatch = false;
        caret = null;
      };
      doc.on('beforeTransaction', before);
      doc.on('afterAllTransactions', after);
      return {
        destroy() {
          doc.off('beforeTransaction', before);
          doc.off('afterAllTransactions', after);
        },
      };
    },
    appendTransaction(trs, _old, state) {
      if (caret && trs.some(isRemoteRender)) {
        const sync = yBindingOf(state);
        const anchor = sync && toAbsolute(sync, caret.anchor);
        const head = sync && toAbsolute(sync, caret.head);
        return anchor != null && head != null ? selectionAt(state, anchor, head) : null;
      }
      return null;
    },
  });
}

export const KeepCaret = Extension.create({
  name: 'keepCaret',
  addProseMirrorPlugins() {
    return [keepCaretPlugin()];
  },
});
