import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { readStatement, requireBody } from '../../../shared/statements/store';
import { trackLastEditor } from '../../../renderer/features/statements/lastEditor';
import { docWithStatement, exchange } from './helpers';

const ME = 'A'.repeat(43);

/** Inserts into the first paragraph with a given transaction origin. */
function edit(doc: Y.Doc, id: string, origin: unknown, text = '改'): void {
  const rec = doc.getMap('statements').get(id) as Y.Map<unknown>;
  const t = (requireBody(rec).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  doc.transact(() => t.insert(0, text), origin);
}

describe('last editor tracking (separation of duties input)', () => {
  it('notes this laptop’s person for the editor binding’s writes and the studio’s own edits only', () => {
    const { doc, id, rec } = docWithStatement({ byKey: 'B'.repeat(43) });
    const stop = trackLastEditor(rec, ME);
    edit(doc, id, 'system'); // the app's own normalization
    expect(readStatement(rec).lastEditorKey).toBe('B'.repeat(43));
    edit(doc, id, ySyncPluginKey); // typing through the editor binding
    expect(readStatement(rec).lastEditorKey).toBe(ME);
    doc.transact(() => rec.set('lastEditorKey', 'C'.repeat(43)), 'remote');
    edit(doc, id, 'user'); // e.g. a restored version
    expect(readStatement(rec).lastEditorKey).toBe(ME);
    stop();
    doc.transact(() => rec.set('lastEditorKey', 'C'.repeat(43)), 'remote');
    edit(doc, id, ySyncPluginKey);
    expect(readStatement(rec).lastEditorKey).toBe('C'.repeat(43));
  });

  it('never takes a peer’s edit for this person’s, and the peer sees edit and author together', () => {
    const { doc: a, id, rec } = docWithStatement({ byKey: 'B'.repeat(43) });
    const b = new Y.Doc();
    exchange(a, b);
    const recB = b.getMap('statements').get(id) as Y.Map<unknown>;
    const stop = trackLastEditor(recB, ME);
    const updates: Uint8Array[] = [];
    a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && updates.push(u));
    edit(a, id, ySyncPluginKey);
    for (const u of updates) Y.applyUpdate(b, u, 'remote');
    expect(readStatement(recB).lastEditorKey).toBe('B'.repeat(43));
    // On A (no tracker there) the author stays; on B, B's own typing makes B the last editor and
    // the author note leaves in the update right after the edit's.
    const out: Uint8Array[] = [];
    b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && out.push(u));
    edit(b, id, ySyncPluginKey, '再');
    expect(out).toHaveLength(2);
    for (const u of out) Y.applyUpdate(a, u, 'remote');
    expect(readStatement(rec).lastEditorKey).toBe(ME);
    stop();
  });
});
