import { memo, useEffect, useMemo } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import type * as Y from 'yjs';
import { Highlights, setHighlights, type Highlight } from './highlights';

/**
 * The co-edited statement body: TipTap bound to the statement's Y.XmlFragment.
 *
 * Origins: the Yjs binding writes each edit in a transaction whose origin is its own plugin key
 * (ySyncPluginKey), not one of our origin strings. Those writes are a person's typing, so the
 * studio treats them as 'user' (see isEditorOrigin); everything else the studio writes goes
 * through write()/collection helpers with an explicit origin.
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
  const extensions = useMemo(() => [StarterKit.configure({ undoRedo: false }), Collaboration.configure({ fragment }), Highlights], [fragment]);
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
    const tr = setHighlights(editor.state, analysedText, highlights);
    if (tr) editor.view.dispatch(tr);
  }, [editor, analysedText, highlights]);

  return <EditorContent editor={editor} className="statement-editor" />;
});
