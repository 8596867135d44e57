import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { write } from '../../../shared/doc/origins';
import { createStatement, getStatement, requireBody, type NewStatement } from '../../../shared/statements/store';
import type { BodyNode } from '../../../shared/statements/body';

/** The editor's schema (same extensions as the studio's editor). */
export const editorSchema = getSchema([StarterKit]);

/** A workspace doc with one statement; returns doc, id and record. */
export function docWithStatement(init: Partial<NewStatement> = {}) {
  const doc = new Y.Doc();
  const id = createStatement(doc, { title: '初步聲明', kind: 'holding', language: 'zh-TW', by: '王小明', body: '第一段文字。\n第二段文字。', ...init }, 'user');
  return { doc, id, rec: getStatement(doc, id)! };
}

/** Writes ProseMirror JSON into a statement body as the editor binding would. */
export function writeAsEditor(doc: Y.Doc, fragment: Y.XmlFragment, json: BodyNode): void {
  write(doc, 'user', () => {
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(editorSchema, json, fragment);
  });
}

/** Inserts text at a plain offset within the first paragraph's text run. */
export function typeInto(doc: Y.Doc, id: string, paragraph: number, index: number, text: string): void {
  const body = requireBody(getStatement(doc, id)!);
  const el = body.get(paragraph) as Y.XmlElement;
  const t = el.get(0) as Y.XmlText;
  write(doc, 'user', () => t.insert(Math.min(index, t.length), text));
}

/** Connects docs both ways with immediate update exchange (tests that need manual flushing build their own). */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
}
