import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import type * as Y from 'yjs';
import { Highlights } from './highlights';
import { KeepCaret } from './keepCaret';
import { TypedText } from './typedText';

/**
 * The statement editor's extensions, in one place for the studio and the tests. Undo is the
 * Yjs binding's (per person), so StarterKit's own history is off. TypedText (priority above
 * Collaboration's) writes typing into Yjs before the binding diffs; KeepCaret corrects where the
 * binding puts the caret after a remote update.
 */
export function statementExtensions(fragment: Y.XmlFragment): Extensions {
  return [StarterKit.configure({ undoRedo: false }), Collaboration.configure({ fragment }), TypedText, KeepCaret, Highlights];
}
