import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { write } from '../../../shared/doc/origins';
import { bodyText } from '../../../shared/statements/body';
import { addComment, listComments, setCommentResolved } from '../../../shared/statements/comments';
import { getStatement, requireBody } from '../../../shared/statements/store';
import { docWithStatement, exchange, typeInto } from './helpers';

const quoteOf = (doc: Y.Doc, id: string, c: { from: number | null; to: number | null }) => bodyText(requireBody(getStatement(doc, id)!)).slice(c.from!, c.to!);

describe('review comments', () => {
  it('anchors to a range and returns it with its quote', () => {
    const { rec } = docWithStatement();
    addComment(rec, { from: 6, to: 9, text: '請改成「第二部分」', by: '林律師' }); // "\n第二" spans the paragraph break
    addComment(rec, { from: 0, to: 3, text: '用詞', by: '林律師' });
    const cs = listComments(rec);
    expect(cs.map((c) => c.quote)).toEqual(['第一段', '\n第二']);
    // A range that starts on a paragraph break is anchored to the next paragraph's first character.
    expect(cs.map((c) => [c.from, c.to])).toEqual([
      [0, 3],
      [7, 9],
    ]);
    expect(() => addComment(rec, { from: 2, to: 2, text: 'x', by: 'a' })).toThrow(/Select/);
    expect(() => addComment(rec, { from: 0, to: 2, text: '  ', by: 'a' })).toThrow(/text/);
  });

  it('keeps the range on its words through concurrent edits on two laptops', () => {
    const { doc: a, id, rec } = docWithStatement();
    const b = new Y.Doc();
    exchange(a, b);
    addComment(rec, { from: 2, to: 5, text: '請確認', by: '林律師' }); // "段文字" in paragraph 1
    addComment(rec, { from: 9, to: 12, text: '第二段', by: '陳經理' }); // "段文字" in paragraph 2
    // Concurrently: A types before the first range, B types inside paragraph 2 and at a range edge.
    typeInto(a, id, 0, 0, '【更新】');
    typeInto(b, id, 1, 0, '以及');
    typeInto(b, id, 0, 5, '們'); // right after the first range's end: must not grow it
    exchange(a, b);
    for (const d of [a, b]) {
      const cs = listComments(getStatement(d, id)!);
      expect(cs).toHaveLength(2);
      expect(cs.map((c) => quoteOf(d, id, c))).toEqual(['段文字', '段文字']);
      expect(cs.every((c) => !c.approximate)).toBe(true);
    }
    expect(bodyText(requireBody(getStatement(b, id)!))).toBe('【更新】第一段文字們。\n以及第二段文字。');
  });

  it('re-finds a comment by its quote when its paragraph was merged, and reports deleted text', () => {
    const { doc, id, rec } = docWithStatement();
    addComment(rec, { from: 9, to: 12, text: 'x', by: 'a' });
    const body = requireBody(rec);
    // Merge paragraph 2 into paragraph 1 as an editor would (the second element is removed).
    write(doc, 'user', () => {
      const p1 = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      p1.insert(p1.length, '第二段文字。');
      body.delete(1, 1);
    });
    const [c] = listComments(rec);
    expect(c!.approximate).toBe(true);
    expect(quoteOf(doc, id, c!)).toBe('段文字');
    write(doc, 'user', () => body.delete(0, body.length));
    const [gone] = listComments(rec);
    expect([gone!.from, gone!.to]).toEqual([null, null]);
    expect(gone!.quote).toBe('段文字');
  });

  it('resolves and reopens, and the state syncs', () => {
    const { doc: a, id, rec } = docWithStatement();
    const cid = addComment(rec, { from: 0, to: 2, text: '?', by: 'a' });
    setCommentResolved(rec, cid, true, '林律師');
    const b = new Y.Doc();
    exchange(a, b);
    expect(listComments(getStatement(b, id)!)[0]).toMatchObject({ resolved: true, resolvedBy: '林律師' });
    setCommentResolved(getStatement(b, id)!, cid, false, '林律師');
    exchange(a, b);
    expect(listComments(rec)[0]!.resolved).toBe(false);
  });
});
