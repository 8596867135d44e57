import type { Editor } from '@tiptap/react';
import type { YRecord } from '../../../shared/doc/collection';
import { listComments } from '../../../shared/statements/comments';
import { bodyText } from '../../../shared/statements/body';
import { requireBody } from '../../../shared/statements/store';
import { contentHash } from '../../../shared/statements/hash';
import { buildTextMap } from './editor/textMap';
import { testHooksEnabled } from '../../platform/testHooksEnabled';

/** What end-to-end tests and bench P6 read of the open statement (only with test hooks on). */
export interface StatementsTestHooks {
  /** Puts the editor's caret at a plain-text offset of the body (`to`: selects up to it). */
  caret: (offset: number, to?: number) => void;
  text: () => string;
  hash: () => string;
  /** Comments with the words they now cover. */
  comments: () => Array<{ id: string; text: string; quote: string; now: string | null; approximate: boolean }>;
}

declare global {
  interface Window {
    __crisisRoomStatementsTest?: StatementsTestHooks;
  }
}

/** Installs the hooks for the studio showing `rec`; returns the uninstaller (call on unmount). */
export function installStatementsTestHooks(rec: YRecord, editor: () => Editor | null): () => void {
  if (!testHooksEnabled()) return () => {};
  const text = () => bodyText(requireBody(rec));
  const hooks: StatementsTestHooks = {
    caret: (offset, to) => {
      const e = editor();
      if (!e) throw new Error('no editor');
      const map = buildTextMap(e.state.doc);
      // Focus now: TipTap's focus command waits for an animation frame, and a key typed before
      // it lands went to the element focused before (statements-sync once lost its first '【').
      e.view.focus();
      e.commands.setTextSelection(to === undefined ? map.posAt(offset) : { from: map.posAt(offset), to: map.posAt(to, 'end') });
    },
    text,
    hash: () => contentHash(requireBody(rec)),
    comments: () => {
      const t = text();
      return listComments(rec).map((c) => ({ id: c.id, text: c.text, quote: c.quote, now: c.from === null || c.to === null ? null : t.slice(c.from, c.to), approximate: c.approximate }));
    },
  };
  window.__crisisRoomStatementsTest = hooks;
  return () => {
    if (window.__crisisRoomStatementsTest === hooks) delete window.__crisisRoomStatementsTest;
  };
}
