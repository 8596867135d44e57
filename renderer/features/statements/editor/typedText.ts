import { Extension } from '@tiptap/core';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { write } from '../../../../shared/doc/origins';
import { yBindingOf, type YBinding } from './yBinding';

/**
 * Writes a person's typing into Yjs exactly where it happened.
 *
 * The Yjs binding (y-tiptap 3.0.x) writes an edit by diffing the old and new text of the
 * paragraph (`updateYText` → lib0 `simpleDiff`, which matches the longest common prefix first).
 * Typing `[` right before a `[` is then written *after* that `[`: the text is the same, but in
 * Yjs the new character now hangs on the other side of its neighbour. When that neighbour is a
 * peer's character that the peer keeps typing after (both people at the start of a blank
 * statement), Yjs puts the two runs side by side by client id and one word is cut in two.
 *
 * So for the common edits — typing, deleting, replacing text inside one paragraph — this plugin
 * applies ProseMirror's own steps to the paragraph's Y.XmlText (same index, same marks) before
 * the binding looks; the binding then finds nothing to diff. Anything else (new paragraphs,
 * marks on existing text, pastes across blocks, a Yjs paragraph that does not match the editor's)
 * is left to the binding, which stays the single source of structure.
 *
 * And it gives every empty paragraph an (empty) Y.XmlText as soon as the editor sees it. Yjs
 * keeps a paragraph's text in Y.XmlText children; a childless paragraph gets one when the first
 * character is typed. Two people typing into the same blank paragraph at once would create two,
 * and the binding then merges them on both sides and doubles text. With the XmlText already
 * there, both type into the same one.
 *
 * Its view must update before the binding's (higher priority than Collaboration's 1000).
 */

export const typedTextKey = new PluginKey('typedText');

/** The Y element of the block that contains `$pos`, walking the same child indices as the editor; null when the trees differ. */
function yBlockAt(fragment: Y.XmlFragment, doc: PMNode, pos: number): Y.XmlElement | null {
  const $pos = doc.resolve(pos);
  let y: Y.XmlFragment | Y.XmlElement = fragment;
  for (let d = 0; d < $pos.depth; d++) {
    if (y.length !== $pos.node(d).childCount) return null;
    const child: unknown = y.get($pos.index(d));
    if (!(child instanceof Y.XmlElement) || child.nodeName !== $pos.node(d + 1).type.name) return null;
    y = child;
  }
  return y instanceof Y.XmlElement ? y : null;
}

interface TextRun {
  text: Y.XmlText;
  /** Offset of its first character in the textblock. */
  start: number;
  length: number;
}

/** The textblock's Y.XmlText runs with their offsets, if Yjs holds exactly the editor's text. */
function textRuns(block: Y.XmlElement, node: PMNode): TextRun[] | null {
  const runs: TextRun[] = [];
  let off = 0;
  for (const child of block.toArray()) {
    if (child instanceof Y.XmlText) {
      let str = '';
      for (const op of child.toDelta() as { insert: unknown }[]) {
        if (typeof op.insert !== 'string') return null;
        str += op.insert;
      }
      if (off + str.length > node.content.size || node.textBetween(off, off + str.length) !== str) return null;
      runs.push({ text: child, start: off, length: str.length });
      off += str.length;
    } else {
      // An inline node (hard break): one position in the editor.
      const inline = off < node.content.size ? node.childAfter(off) : null;
      if (!inline?.node || inline.offset !== off || inline.node.nodeSize !== 1 || inline.node.isText) return null;
      off += 1;
    }
  }
  return off === node.content.size ? runs : null;
}

/** Y.Text attributes for ProseMirror marks, as the binding writes them; null for marks it hashes. */
function markAttributes(marks: readonly Mark[]): Record<string, unknown> | null {
  const attrs: Record<string, unknown> = {};
  for (const m of marks) {
    if (!m.type.excludes(m.type)) return null; // overlapping marks get hashed names: leave to the binding
    attrs[m.type.name] = m.attrs;
  }
  return attrs;
}

/**
 * Applies one step to Yjs when it is a text edit inside one textblock whose Yjs text matches
 * `doc` (the document before the step). Returns false (nothing written) otherwise.
 */
function writeTextStep(fragment: Y.XmlFragment, doc: PMNode, step: ReplaceStep): boolean {
  const { from, to, slice } = step;
  if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
  const inserts: { text: string; attrs: Record<string, unknown> }[] = [];
  let ok = true;
  slice.content.forEach((n) => {
    const attrs = n.isText ? markAttributes(n.marks) : null;
    if (!attrs) ok = false;
    else inserts.push({ text: n.text!, attrs });
  });
  if (!ok || (inserts.length === 0 && from === to)) return false;
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  if (!$from.sameParent($to) || !$from.parent.isTextblock) return false;
  const block = yBlockAt(fragment, doc, from);
  const runs = block && textRuns(block, $from.parent);
  const a = $from.parentOffset;
  const b = $to.parentOffset;
  // The run holding the whole range; at a boundary between two runs, the left one (where the caret's character is).
  const run = runs?.find((r) => r.start <= a && b <= r.start + r.length);
  if (!run) return false;
  let index = a - run.start;
  if (b > a) run.text.delete(index, b - a);
  for (const ins of inserts) {
    run.text.insert(index, ins.text, ins.attrs);
    index += ins.text.length;
  }
  return true;
}

/** Gives every childless textblock of the body an empty Y.XmlText (see above). */
function giveEmptyBlocksText(fragment: Y.XmlFragment, doc: PMNode): void {
  const empty: Y.XmlElement[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (node.content.size === 0) {
      const block = yBlockAt(fragment, doc, pos + 1);
      if (block && block.length === 0) empty.push(block);
    }
    return false;
  });
  if (empty.length === 0) return;
  // 'system': the app's own write, not a keystroke (the undo manager tracks only the binding's).
  write(fragment.doc!, 'system', () => {
    for (const block of empty) block.insert(0, [new Y.XmlText()]);
  });
}

/**
 * The ProseMirror plugin; `TypedText` wraps it for TipTap. `defer` runs work right after the
 * current dispatch (a microtask; tests pass their own to run it at a point they choose).
 */
export function typedTextPlugin({ defer = queueMicrotask }: { defer?: (f: () => void) => void } = {}): Plugin {
  /** For each state reached by a dispatch: the state before and the transactions in between. */
  const history = new WeakMap<EditorState, { before: EditorState; trs: readonly Transaction[] }>();

  /** The transactions that led from `prev` to `state`, or null when they are not all known. */
  const transactionsBetween = (prev: EditorState, state: EditorState): Transaction[] | null => {
    const out: Transaction[] = [];
    for (let s = state; s !== prev; ) {
      const entry = history.get(s);
      if (!entry) return null;
      out.unshift(...entry.trs);
      s = entry.before;
    }
    return out;
  };

  const writeTyping = (view: EditorView, prev: EditorState, sync: YBinding): void => {
    const trs = transactionsBetween(prev, view.state);
    if (!trs || trs.some((tr) => tr.getMeta(ySyncPluginKey) !== undefined)) return;
    const edits = trs.filter((tr) => tr.docChanged);
    if (edits.length === 0) return;
    const addToHistory = edits.every((tr) => tr.getMeta('addToHistory') !== false);
    sync.mux(() => {
      sync.doc.transact((ytr) => {
        ytr.meta.set('addToHistory', addToHistory);
        for (const tr of edits) {
          for (let i = 0; i < tr.steps.length; i++) {
            const step = tr.steps[i]!;
            // Stop at the first step this plugin does not write: the binding diffs the rest.
            if (!(step instanceof ReplaceStep) || !writeTextStep(sync.fragment, tr.docs[i]!, step)) return;
          }
        }
      }, ySyncPluginKey);
    });
  };

  return new Plugin({
    key: typedTextKey,
    appendTransaction(trs, before, state) {
      history.set(state, { before, trs });
      return null;
    },
    view(view) {
      let scheduled = false;
      let wasEditable = view.editable;
      // After the dispatch that made them: the binding writes new paragraphs after this view updates.
      const normalizeSoon = () => {
        if (scheduled) return;
        scheduled = true;
        defer(() => {
          scheduled = false;
          const sync = view.isDestroyed ? null : yBindingOf(view.state);
          if (sync && view.editable) sync.mux(() => giveEmptyBlocksText(sync.fragment, view.state.doc), normalizeSoon);
        });
      };
      normalizeSoon();
      return {
        update(v, prev) {
          const sync = yBindingOf(v.state);
          if (!sync) return;
          if (v.state.doc !== prev.doc) writeTyping(v, prev, sync);
          if (v.state.doc !== prev.doc || v.editable !== wasEditable) normalizeSoon();
          wasEditable = v.editable;
        },
      };
    },
  });
}

export const TypedText = Extension.create({
  name: 'typedText',
  // Before Collaboration (1000): this plugin's view must write before the binding diffs.
  priority: 1001,
  addProseMirrorPlugins() {
    return [typedTextPlugin()];
  },
});
