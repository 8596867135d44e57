import type { EditorState } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

/**
 * The one place that reads the Yjs binding's plugin state (y-tiptap 3.0.x: `ySyncPluginKey`
 * state `{ doc, type, binding, snapshot, prevSnapshot }`, `binding.mapping` and `binding.mux`).
 * tests/unit/statements/concurrent-caret.test.ts checks this contract against the installed
 * version.
 */
export interface YBinding {
  doc: Y.Doc;
  fragment: Y.XmlFragment;
  /** Y type → ProseMirror node(s), as the binding's position helpers take it. */
  mapping: Map<Y.AbstractType<unknown>, unknown>;
  /** The binding's mutex: Yjs writes made inside it are not rendered back into the editor. */
  mux: (f: () => void, otherwise?: () => void) => void;
}

interface SyncPluginState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: YBinding['mapping']; mux: YBinding['mux'] } | null;
  snapshot: unknown;
  prevSnapshot: unknown;
}

/** The binding of this editor state, or null without one or while it shows a snapshot. */
export function yBindingOf(state: EditorState): YBinding | null {
  const s = ySyncPluginKey.getState(state) as SyncPluginState | undefined;
  if (!s?.binding || s.snapshot != null || s.prevSnapshot != null) return null;
  return { doc: s.doc, fragment: s.type, mapping: s.binding.mapping, mux: s.binding.mux };
}
