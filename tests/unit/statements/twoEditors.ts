import * as Y from 'yjs';
import { EditorState, Selection, TextSelection, type Plugin, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPlugin, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { keepCaretPlugin } from '../../../renderer/features/statements/editor/keepCaret';
import { typedTextPlugin } from '../../../renderer/features/statements/editor/typedText';
import { editorSchema } from './helpers';

/**
 * Two statement editors on two Y.Docs without a browser: each is an EditorState driven through
 * the real Yjs binding (ySyncPlugin) and, when `fixed`, the studio's TypedText and KeepCaret
 * plugins around it in the studio's order. Updates between the docs wait until the test delivers
 * them, so every interleaving of keystrokes and remote updates can be written down exactly.
 *
 * The view is the smallest stand-in the binding and the plugins need. It models the one thing
 * about the page that matters here: the page's caret. A caret key moves it at once; ProseMirror
 * reads it only on the next `selectionchange` event or key press (`readPage`), and every update
 * that redraws the editor writes the state's caret back into the page.
 */
const PAGE_NODE = {};

class HeadlessView {
  state: EditorState;
  isDestroyed = false;
  /** The page's caret (a position; the page and the state agree unless a caret key moved it). */
  page: number;
  readonly dom = { contains: () => true };
  readonly root = { getSelection: () => ({ anchorNode: PAGE_NODE, focusNode: PAGE_NODE, anchorOffset: this.page, focusOffset: this.page, isCollapsed: true }) };
  private readonly views: { update?: (view: EditorView, prev: EditorState) => void; destroy?: () => void }[] = [];

  constructor(state: EditorState) {
    this.state = state;
    this.page = state.selection.head;
    for (const p of state.plugins) {
      const v = p.spec.view?.(this as unknown as EditorView);
      if (v) this.views.push(v);
    }
  }

  dispatch(tr: Transaction): void {
    const prev = this.state;
    this.state = this.state.apply(tr);
    if (this.state.doc !== prev.doc || this.state.selection !== prev.selection) this.page = this.state.selection.head;
    for (const v of this.views) v.update?.(this as unknown as EditorView, prev);
  }

  /** ProseMirror reads the page's caret (selectionchange event, or the next key press). */
  readPage(): void {
    if (this.page !== this.state.selection.head) this.dispatch(this.state.tr.setSelection(TextSelection.create(this.state.doc, this.page)));
  }

  posAtDOM(_node: unknown, offset: number): number {
    return offset;
  }

  hasFocus(): boolean {
    return true;
  }

  get composing(): boolean {
    return false;
  }

  get editable(): boolean {
    return true;
  }

  destroy(): void {
    this.isDestroyed = true;
    for (const v of this.views) v.destroy?.();
  }
}

export interface Laptop {
  doc: Y.Doc;
  view: HeadlessView;
  /** Updates this laptop made that the other has not received yet. */
  outbox: Uint8Array[];
  text(): string;
  /** Ctrl+Home / Ctrl+End as the browser does it: the page's caret moves, the editor reads it later. */
  press(key: 'Home' | 'End'): void;
  /** The key press and the editor reading it, with nothing in between. */
  home(): void;
  end(): void;
  /** Caret at a plain-text offset of the first paragraph. */
  caretAt(offset: number): void;
  caret(): number;
  /** Types one or more characters, one key press (and one transaction) each. */
  type(text: string): void;
  /** Any other edit, as one key press. */
  edit(make: (state: EditorState) => Transaction): void;
  /** Whether the editor shows exactly what its Yjs body holds. */
  inSync(): boolean;
}

/** true: the studio's plugins; false: the bare binding; or just some of them. */
export type Fix = boolean | ('typedText' | 'keepCaret')[];

/** Work the plugins defer to right after a dispatch; run after every harness step. */
const deferred: (() => void)[] = [];
function runDeferred(): void {
  while (deferred.length) deferred.shift()!();
}
const defer = (f: () => void) => void deferred.push(f);

function laptop(clientID: number, fixed: Fix, seed: (fragment: Y.XmlFragment) => void): Laptop {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const fragment = doc.getXmlFragment('body');
  seed(fragment);
  const on = (part: 'typedText' | 'keepCaret') => fixed === true || (Array.isArray(fixed) && fixed.includes(part));
  const sync = ySyncPlugin(fragment) as Plugin;
  const plugins: Plugin[] = [...(on('typedText') ? [typedTextPlugin({ defer })] : []), sync, ...(on('keepCaret') ? [keepCaretPlugin()] : [])];
  const view = new HeadlessView(EditorState.create({ schema: editorSchema, plugins }));
  runDeferred();
  const outbox: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') outbox.push(u);
  });
  const select = (sel: Selection) => {
    view.dispatch(view.state.tr.setSelection(sel));
    runDeferred();
  };
  const press = (key: 'Home' | 'End') => {
    view.page = (key === 'Home' ? Selection.atStart(view.state.doc) : Selection.atEnd(view.state.doc)).head;
  };
  return {
    doc,
    view,
    outbox,
    text: () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n'),
    press,
    home: () => {
      press('Home');
      view.readPage();
      runDeferred();
    },
    end: () => {
      press('End');
      view.readPage();
      runDeferred();
    },
    caretAt: (offset) => select(TextSelection.create(view.state.doc, 1 + offset)),
    caret: () => view.state.selection.head,
    type(text) {
      for (const ch of text) {
        view.readPage();
        view.dispatch(view.state.tr.insertText(ch));
        runDeferred();
      }
    },
    edit(make) {
      view.readPage();
      view.dispatch(make(view.state));
      runDeferred();
    },
    inSync: () => yXmlFragmentToProseMirrorRootNode(fragment, editorSchema).eq(view.state.doc),
  };
}

/** Delivers `from`'s pending updates to `to`, as the sync session does ('remote' origin). */
export function deliver(from: Laptop, to: Laptop): void {
  for (const u of from.outbox.splice(0)) {
    Y.applyUpdate(to.doc, u, 'remote');
    runDeferred();
  }
}

/**
 * Two laptops on the same body. `seed` writes the initial body on A (as createStatement does);
 * B starts from A's state, and both editors' own first writes (if any) are exchanged, as they
 * are long before anyone types.
 */
export function twoLaptops(opts: { fixed: Fix; clientIds?: [number, number]; seed?: (fragment: Y.XmlFragment) => void }): { a: Laptop; b: Laptop } {
  const [idA, idB] = opts.clientIds ?? [1, 2];
  const a = laptop(idA, opts.fixed, opts.seed ?? (() => {}));
  const b = laptop(idB, opts.fixed, () => {});
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc), 'remote');
  runDeferred();
  a.outbox.splice(0);
  deliver(b, a);
  deliver(a, b);
  return { a, b };
}

/** Paragraphs written as shared/statements/body.ts does (an empty line is a childless paragraph). */
export function paragraphs(...lines: string[]): (fragment: Y.XmlFragment) => void {
  return (fragment) =>
    fragment.doc!.transact(() => {
      fragment.insert(
        0,
        lines.map((line) => {
          const p = new Y.XmlElement('paragraph');
          if (line) p.insert(0, [new Y.XmlText(line)]);
          return p;
        }),
      );
    }, 'seed');
}
