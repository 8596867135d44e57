import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Node } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { flattenBody, type BodyNode } from '../../../shared/statements/body';
import { buildTextMap } from '../../../renderer/features/statements/editor/textMap';
import { statementOrigin } from '../../../renderer/features/statements/origins';
import { BodyAnalyzer } from '../../../renderer/features/statements/analysis';
import { shownGate } from '../../../renderer/features/statements/hooks';
import { deriveGate } from '../../../shared/statements/approval';
import { addFact } from '../../../shared/statements/factsheet';
import { approve, submitForReview } from '../../../shared/statements/workflow';
import { docWithStatement, editorSchema, typeInto, writeAsEditor } from './helpers';
import { signedTeam, statementBy } from './signoff-helpers';

const json: BodyNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '聲明' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '第一段' }, { type: 'text', text: '粗體', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: '換行後' }] },
    { type: 'paragraph' },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '項目一' }] }] }] },
  ],
};

describe('editor text map', () => {
  it('gives the editor the same plain text as the Yjs body, and positions for every character', () => {
    const doc = new Y.Doc();
    const frag = doc.getXmlFragment('b');
    writeAsEditor(doc, frag, json);
    const pm = Node.fromJSON(editorSchema, json);
    const map = buildTextMap(pm);
    expect(map.text).toBe(flattenBody(frag).text);
    for (let o = 0; o < map.text.length; o++) {
      if (map.text[o] === '\n') continue;
      const pos = map.posAt(o);
      expect(pm.textBetween(pos, pos + 1), `offset ${o}`).toBe(map.text[o]);
      expect(map.offsetAt(pos)).toBe(o);
    }
  });

  it('maps a range ending on a block boundary to the end of that block', () => {
    const pm = Node.fromJSON(editorSchema, json);
    const map = buildTextMap(pm);
    const end = map.text.indexOf('\n'); // end of the heading
    expect(pm.textBetween(map.posAt(0), map.posAt(end, 'end'))).toBe('聲明');
  });
});

describe('origins', () => {
  it('counts the editor binding’s writes as a person’s', () => {
    expect(statementOrigin(ySyncPluginKey)).toBe('user');
    expect(statementOrigin('remote')).toBe('remote');
    expect(statementOrigin({})).toBeNull();
  });
});

describe('studio analysis', () => {
  it('turns stale on the first edit, analyses once typing pauses, and re-runs when facts change', () => {
    vi.useFakeTimers();
    try {
      const { doc, id, rec } = docWithStatement({ body: '影響1,500名顧客' });
      const analyzer = new BodyAnalyzer(doc, rec);
      const seen: string[] = [];
      analyzer.subscribe(() => seen.push(analyzer.getSnapshot().stale ? 'stale' : 'fresh'));
      const stop = analyzer.start();
      analyzer.setInputs('zh-TW', 'x,sms', '');
      vi.advanceTimersByTime(0);
      const first = analyzer.getSnapshot();
      expect(first.stale).toBe(false);
      expect(first.analysis!.counts.map((c) => c.channel)).toEqual(['x', 'sms']);
      typeInto(doc, id, 0, 0, '約');
      typeInto(doc, id, 0, 0, '共');
      expect(seen).toEqual(['fresh', 'stale']); // one notification for the burst
      vi.advanceTimersByTime(300);
      expect(analyzer.getSnapshot()).toMatchObject({ stale: false });
      expect(analyzer.getSnapshot().analysis!.text).toBe('共約影響1,500名顧客');
      addFact(doc, rec, { label: '受影響顧客', value: '1,200', kind: 'number' });
      vi.advanceTimersByTime(300);
      expect(analyzer.getSnapshot().analysis!.conflicts.map((c) => c.found)).toEqual(['1,500']);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a burst of keystrokes arms one timer, and the analysis runs once typing pauses', () => {
    vi.useFakeTimers();
    try {
      const { doc, id, rec } = docWithStatement({ body: '聲明' });
      const analyzer = new BodyAnalyzer(doc, rec);
      const stop = analyzer.start();
      analyzer.setInputs('zh-TW', '', '');
      vi.advanceTimersByTime(0);
      const armed = vi.spyOn(globalThis, 'setTimeout');
      const cleared = vi.spyOn(globalThis, 'clearTimeout');
      for (let i = 0; i < 40; i++) {
        typeInto(doc, id, 0, 0, '字');
        vi.advanceTimersByTime(10);
      }
      // 400 ms of typing, 10 ms apart: the timer re-armed itself at most twice, never cleared.
      expect(armed.mock.calls.length).toBeLessThanOrEqual(3);
      expect(cleared).not.toHaveBeenCalled();
      expect(analyzer.getSnapshot().stale).toBe(true);
      vi.advanceTimersByTime(200);
      expect(analyzer.getSnapshot().stale).toBe(true); // 210 ms after the last key
      vi.advanceTimersByTime(60);
      expect(analyzer.getSnapshot()).toMatchObject({ stale: false });
      expect(analyzer.getSnapshot().analysis!.text).toBe('字'.repeat(40) + '聲明');
      armed.mockRestore();
      cleared.mockRestore();
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('never shows "approved" while the analysed hash may lag behind the text', async () => {
    const t = await signedTeam();
    const { id, rec } = statementBy(t, 'owner');
    submitForReview(t.doc, id, 'a');
    await approve(t.doc, id, 'legal', await t.as('legal'));
    const gate = deriveGate(rec, { gov: await t.gov() });
    expect(gate.status).toBe('approved');
    expect(shownGate(gate, true)).toMatchObject({ status: 'in_review', checking: true });
    expect(shownGate(gate, false)).toMatchObject({ status: 'approved', checking: false });
  });
});
