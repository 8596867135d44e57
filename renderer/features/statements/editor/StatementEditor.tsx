import { memo, useEffect, useMemo } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import type * as Y from 'yjs';
import { statementExtensions } from './extensions';
import { setHighlights, type Highlight } from './highlights';
import { caretKeyPending } from './keepCaret';

/**
 * The co-edited statement body: TipTap bound to the statement's Y.XmlFragment.
 *
 * Origins: the Yjs binding writes each edit in a transaction whose origin is its own plugin key
 * (ySyncPluginKey), not one of our origin strings. Those writes are a person's typing, so the
 * studio treats them as 'user' (statementOrigin in ../origins.ts); everything else the studio writes goes
 * through write()/collection helpers with an explicit origin.
 *
 * Where typing lands and where the caret stays while peers type: extensions.ts (TypedText,
 * KeepCaret; see CONTEXT.md).
 */
export interface StatementEditorProps {
  fragment: Y.XmlFragment;
  editable: boolean;
  /** Text the highlights were computed on, and the highlights. */
  analysedText: string | null;
  highlights: readonly Highlight[];
  ariaLabel: string;
  onReady?: (editor: Editor) => void;
}

export const StatementEditor = memo(function StatementEditor({ fragment, editable, analysedText, highlights, ariaLabel, onReady }: StatementEditorProps) {
  const extensions = useMemo(() => statementExtensions(fragment), [fragment]);
  const editor = useEditor(
    {
      extensions,
      editable,
      shouldRerenderOnTransaction: false,
      editorProps: { attributes: { 'aria-label': ariaLabel, 'data-testid': 'statement-body', class: 'statement-body', spellcheck: 'false' } },
    },
    [extensions],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    if (editor) onReady?.(editor);
  }, [editor, onReady]);

  useEffect(() => {
    if (!editor || analysedText === null || editor.isDestroyed) return;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const draw = () => {
      if (editor.isDestroyed) return;
      // Redrawing now would undo a caret key press the editor has not read yet: wait for it.
      if (caretKeyPending(editor.view)) {
        retry = setTimeout(draw, 16);
        return;
      }
      const tr = setHighlights(editor.state, analysedText, highlights);
      if (tr) editor.view.dispatch(tr);
    };
    draw();
    return () => clearTimeout(retry);
  }, [editor, analysedText, highlights]);

  return <EditorContent editor={editor} className="statement-editor" />;
});
