import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { buildTextMap } from './textMap';

/** A range to draw, in plain-text offsets of the analysed text. */
export interface Highlight {
  from: number;
  to: number;
  className: string;
  /** Tooltip (the reason). */
  title: string;
  /** Extra attributes, e.g. data-comment-id. */
  attrs?: Record<string, string>;
}

export const highlightsKey = new PluginKey<DecorationSet>('statementHighlights');

/**
 * Inline decorations for lint findings, fact conflicts and comment ranges. The decorations are
 * recomputed only when the (debounced) analysis changes; between two analyses they are mapped
 * through each edit, so typing stays cheap however long the statement is.
 */
export const Highlights = Extension.create({
  name: 'statementHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: highlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const next = tr.getMeta(highlightsKey) as DecorationSet | undefined;
            return next ?? (tr.docChanged ? set.map(tr.mapping, tr.doc) : set);
          },
        },
        props: {
          decorations(state) {
            return highlightsKey.getState(state);
          },
        },
      }),
    ];
  },
});

/**
 * Builds the transaction that replaces the drawn highlights, or null when the editor's text is
 * no longer the analysed text (a newer analysis will follow).
 */
export function setHighlights(state: EditorState, analysedText: string, highlights: readonly Highlight[]): Transaction | null {
  const map = buildTextMap(state.doc);
  if (map.text !== analysedText) return null;
  const decos = highlights
    .filter((h) => h.to > h.from)
    .map((h) => Decoration.inline(map.posAt(h.from, 'start'), map.posAt(h.to, 'end'), { class: h.className, title: h.title, ...(h.attrs ?? {}) }));
  return state.tr.setMeta(highlightsKey, DecorationSet.create(state.doc, decos)).setMeta('addToHistory', false);
}
