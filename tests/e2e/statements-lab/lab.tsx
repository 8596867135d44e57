/**
 * Statements lab: one workspace document with a statement, the studio's real editor component
 * (TipTap + Yjs binding + highlights) and either the product's sync stack over WebRTC
 * (renderer/sync) or in-page peers talking the same sync protocol (shared/sync) over in-memory
 * links. Driven by tests/e2e/statements-sync.spec.ts and bench/P6-statement-latency.ts through
 * `window.slab`.
 */
import { createRoot, type Root } from 'react-dom/client';
import { createElement } from 'react';
import * as Y from 'yjs';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import { startSync, type SyncHandle } from '../../../renderer/sync/syncService';
import { StatementEditor } from '../../../renderer/features/statements/editor/StatementEditor';
import { StatementStudio } from '../../../renderer/features/statements/StatementStudio';
import { initI18n } from '../../../renderer/i18n/index';
import '../../../renderer/styles.css';
import '../../../renderer/features/statements/statements.css';
import { buildTextMap } from '../../../renderer/features/statements/editor/textMap';
import { write } from '../../../shared/doc/origins';
import { SyncSession } from '../../../shared/sync/session';
import type { PeerLink } from '../../../shared/sync/peerLink';
import { addComment, listComments } from '../../../shared/statements/comments';
import { bodyText, bodyToJson, replaceBody } from '../../../shared/statements/body';
import { contentHash } from '../../../shared/statements/hash';
import { createStatement, listStatements, requireBody } from '../../../shared/statements/store';

let doc = new Y.Doc();
let handle: SyncHandle | null = null;
let roomKey = '';
let root: Root | null = null;
let editor: Editor | null = null;
const inpage: { doc: Y.Doc; session: SyncSession }[] = [];
let mainSession: SyncSession | null = null;
const timers: number[] = [];

const PARAGRAPH = '本公司於十一月二十一日接獲部分產品發生加熱異常的反映，我們向受影響的顧客誠摯致歉，已暫停相關批次的銷售與出貨並提供免費檢修、更換或退款。Crisis team update. ';

function statement() {
  const rec = listStatements(doc)[0];
  if (!rec) throw new Error('no statement yet');
  return rec;
}

/** Text of `chars` characters in paragraphs of ~200. */
function filler(chars: number): string {
  const lines: string[] = [];
  let total = 0;
  while (total < chars) {
    const line = PARAGRAPH.repeat(3).slice(0, Math.min(200, chars - total));
    lines.push(line);
    total += line.length + 1;
  }
  return lines.join('\n');
}

/** In-memory link: frames arrive in a later task, in order, like a data channel. */
function memoryLink(to: () => SyncSession | null, fromId: string): PeerLink {
  return {
    send(frame) {
      const copy = frame.slice();
      setTimeout(() => to()?.receive(fromId, copy), 0);
    },
    close() {},
  };
}

function PlainEditor({ text }: { text: string }) {
  const e = useEditor({ extensions: [StarterKit], content: text.split('\n').map((l) => `<p>${l}</p>`).join(''), shouldRerenderOnTransaction: false, editorProps: { attributes: { class: 'statement-body', 'data-testid': 'statement-body' } } });
  if (e) editor = e;
  return createElement(EditorContent, { editor: e });
}

/** TipTap with the plain Yjs binding on a private Y.Doc holding the same body: the raw library cost. */
function RawYjsEditor({ fragment }: { fragment: Y.XmlFragment }) {
  const e = useEditor({ extensions: [StarterKit.configure({ undoRedo: false }), Collaboration.configure({ fragment })], shouldRerenderOnTransaction: false, editorProps: { attributes: { class: 'statement-body', 'data-testid': 'statement-body' } } });
  if (e) editor = e;
  return createElement(EditorContent, { editor: e });
}

const latency = { work: [] as number[], frame: [] as number[], on: false };
document.addEventListener(
  'beforeinput',
  () => {
    if (!latency.on) return;
    const t0 = performance.now();
    // Work: input handling, the Yjs write, the sync send and layout, done in this task.
    setTimeout(() => {
      void document.body.offsetHeight;
      latency.work.push(performance.now() - t0);
    }, 0);
    // Frame: the first animation frame after the input, with layout forced inside it.
    requestAnimationFrame(() => {
      void document.body.offsetHeight;
      latency.frame.push(performance.now() - t0);
    });
  },
  true,
);

const slab = {
  /** A fresh document; `seedChars` > 0 creates the statement here (others receive it by sync). */
  init(o: { roomKey: string; seedChars: number }): void {
    doc = new Y.Doc();
    roomKey = o.roomKey;
    if (o.seedChars > 0) createStatement(doc, { title: '初步聲明', kind: 'holding', language: 'zh-TW', by: 'lab', body: filler(o.seedChars) }, 'user');
  },
  /** The product's sync over WebRTC. */
  connect(o: { workspaceId: string; signaling: string[]; name: string }): void {
    handle = startSync({ workspaceId: o.workspaceId, doc, signaling: o.signaling, iceServers: [], user: { name: o.name, color: '#0369a1' }, publish: false, password: roomKey });
  },
  /** `n` other peers in this page, each with its own document and sync session, linked to ours. */
  inpagePeers(n: number, workspaceId: string): void {
    mainSession ??= new SyncSession({ doc, workspaceId });
    for (let i = 0; i < n; i++) {
      const peer = { doc: new Y.Doc(), session: null as unknown as SyncSession };
      peer.session = new SyncSession({ doc: peer.doc, workspaceId });
      const id = `p${inpage.length}`;
      mainSession.addPeer(id, memoryLink(() => peer.session, 'main'));
      peer.session.addPeer('main', memoryLink(() => mainSession, id));
      inpage.push(peer);
    }
    if (timers.length === 0) timers.push(window.setInterval(() => [mainSession, ...inpage.map((p) => p.session)].forEach((s) => s?.tick()), 200));
  },
  peers(): number {
    if (handle) return handle.session.status().peers.filter((p) => p.connected && p.inSync).length;
    if (mainSession) return mainSession.status().peers.filter((p) => p.connected && p.inSync).length;
    return 0;
  },
  hasStatement(): boolean {
    return listStatements(doc).length > 0;
  },
  /**
   * Renders the statement: `full` = the whole studio page (editor, status bar, checks, panels),
   * `studio` = the studio's editor component alone, `yjs` = TipTap + the plain Yjs binding on a
   * private document (no sync, no studio), `plain` = TipTap without Yjs on the same text.
   */
  mount(kind: 'full' | 'studio' | 'yjs' | 'plain' = 'studio'): void {
    root?.unmount();
    editor = null;
    root = createRoot(document.getElementById('root')!);
    if (kind === 'full') {
      initI18n();
      root.render(createElement(StatementStudio, { doc, wsId: 'lab', id: String(statement().get('id')) }));
      return;
    }
    if (kind === 'yjs') {
      const raw = new Y.Doc();
      const fragment = raw.getXmlFragment('body');
      write(raw, 'system', () => replaceBody(fragment, bodyToJson(requireBody(statement()))));
      root.render(createElement(RawYjsEditor, { fragment }));
      return;
    }
    if (kind === 'plain') {
      root.render(createElement(PlainEditor, { text: bodyText(requireBody(statement())) }));
      return;
    }
    root.render(createElement(StatementEditor, { fragment: requireBody(statement()), editable: true, analysedText: null, highlights: [], ariaLabel: 'statement', onReady: (e: Editor) => (editor = e) }));
  },
  /** Puts the caret at a plain-text offset of the body. */
  caret(offset: number): void {
    // The full studio does not hand out its editor: TipTap keeps it on its DOM node.
    editor ??= (document.querySelector('[data-testid="statement-body"]') as (HTMLElement & { editor?: Editor }) | null)?.editor ?? null;
    if (!editor) throw new Error('no editor');
    const pos = buildTextMap(editor.state.doc).posAt(offset);
    editor.commands.focus();
    editor.commands.setTextSelection(pos);
  },
  text(): string {
    return bodyText(requireBody(statement()));
  },
  hash(): string {
    return contentHash(requireBody(statement()));
  },
  comment(from: number, to: number, text: string, by: string): string {
    return addComment(statement(), { from, to, text, by });
  },
  comments(): { id: string; text: string; quote: string; now: string | null; approximate: boolean }[] {
    const t = slab.text();
    return listComments(statement()).map((c) => ({ id: c.id, text: c.text, quote: c.quote, now: c.from === null ? null : t.slice(c.from, c.to!), approximate: c.approximate }));
  },
  latencyStart(): void {
    latency.work = [];
    latency.frame = [];
    latency.on = true;
  },
  latencyStop(): { work: number[]; frame: number[] } {
    latency.on = false;
    return { work: latency.work.slice(), frame: latency.frame.slice() };
  },
  /** Text length each in-page peer holds (they must keep up). */
  peerLengths(): number[] {
    return inpage.map((p) => {
      const rec = listStatements(p.doc)[0];
      return rec ? bodyText(requireBody(rec)).length : -1;
    });
  },
};

declare global {
  interface Window {
    slab: typeof slab;
  }
}
window.slab = slab;
document.getElementById('state')!.textContent = 'ready';
