import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { write } from '../../../shared/doc/origins';
import { bodyText, bodyToJson, canonicalBody, flattenBody, jsonText, parseBodyJson, plainTextToJson, replaceBody, type BodyNode } from '../../../shared/statements/body';
import { contentHash, sha256Hex } from '../../../shared/statements/hash';
import { editorSchema, writeAsEditor } from './helpers';
import { Node } from '@tiptap/pm/model';

const rich: BodyNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '初步聲明' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '我們已' },
        { type: 'text', text: '暫停銷售', marks: [{ type: 'bold' }] },
        { type: 'hardBreak' },
        { type: 'text', text: '詳見', marks: [] },
        { type: 'text', text: '官網', marks: [{ type: 'link', attrs: { href: 'https://example.test/a' } }] },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '退款' }] }] }, { type: 'listItem', content: [{ type: 'paragraph' }] }] },
  ],
};

function fragmentOf(json: BodyNode): { doc: Y.Doc; body: Y.XmlFragment } {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment('body');
  writeAsEditor(doc, body, json);
  return { doc, body };
}

describe('body serialization', () => {
  it('SHA-256 matches the standard test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('reads what the editor binding wrote, marks and attributes included', () => {
    const { body } = fragmentOf(rich);
    const json = bodyToJson(body);
    expect(json.content![0]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '初步聲明' }] });
    const para = json.content![1]!.content!;
    expect(para.map((n) => n.type)).toEqual(['text', 'text', 'hardBreak', 'text', 'text']);
    expect(para[1]!.marks).toEqual([{ type: 'bold' }]);
    expect(para[4]!.marks![0]!.attrs!.href).toBe('https://example.test/a');
  });

  it('flattens to the same plain text as the editor document', () => {
    const { body } = fragmentOf(rich);
    const pm = Node.fromJSON(editorSchema, rich);
    // The editor side flattens blocks with '\n' and hard breaks as '\n': the same rule.
    const editorText = pm.textBetween(0, pm.content.size, '\n', (n) => (n.type.name === 'hardBreak' ? '\n' : ''));
    expect(bodyText(body)).toBe(editorText);
    expect(bodyText(body)).toBe('初步聲明\n我們已暫停銷售\n詳見官網\n退款\n');
    expect(jsonText(bodyToJson(body))).toBe(bodyText(body));
  });

  it('maps text runs to their plain-text offsets', () => {
    const { body } = fragmentOf(rich);
    const flat = flattenBody(body);
    for (const seg of flat.segments) {
      const delta = seg.text.toDelta() as { insert: string }[];
      expect(flat.text.slice(seg.start, seg.start + seg.length)).toBe(delta.map((d) => d.insert).join(''));
    }
  });

  it('hashes equal-looking bodies equally and any visible change differently', () => {
    const a = fragmentOf(rich).body;
    const b = fragmentOf(JSON.parse(JSON.stringify(rich)) as BodyNode).body;
    expect(contentHash(a)).toBe(contentHash(b));
    const variants: ((j: BodyNode) => void)[] = [
      (j) => (j.content![0]!.content![0]!.text = '初步声明'), // one character
      (j) => (j.content![0]!.attrs!.level = 3), // heading level
      (j) => (j.content![1]!.content![1]!.marks = []), // bold removed
      (j) => (j.content![1]!.content![4]!.marks![0]!.attrs!.href = 'https://example.test/b'), // link target
      (j) => j.content!.push({ type: 'paragraph' }), // an empty paragraph
    ];
    for (const change of variants) {
      const j = JSON.parse(JSON.stringify(rich)) as BodyNode;
      change(j);
      expect(contentHash(fragmentOf(j).body)).not.toBe(contentHash(a));
    }
  });

  it('normalizes Unicode (NFC) and split runs before hashing', () => {
    const composed = plainTextToJson('Café 咖啡');
    const decomposed: BodyNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Cafe\u0301 ' }, { type: 'text', text: '咖啡' }] }] };
    expect(canonicalBody(decomposed)).toBe(canonicalBody(composed));
  });

  it('round-trips through replaceBody', () => {
    const { body } = fragmentOf(rich);
    const json = bodyToJson(body);
    const doc2 = new Y.Doc();
    const body2 = doc2.getXmlFragment('body');
    write(doc2, 'user', () => replaceBody(body2, json));
    expect(bodyToJson(body2)).toEqual(json);
    expect(contentHash(body2)).toBe(contentHash(body));
  });

  it('rejects damaged body JSON with a clear message', () => {
    expect(() => parseBodyJson('{nope')).toThrow(/damaged/);
    expect(() => parseBodyJson('{"type":"paragraph"}')).toThrow(/unknown shape/);
    expect(parseBodyJson(JSON.stringify(rich)).type).toBe('doc');
  });
});
