import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCustomPhrase, compilePhrase, customPhrases, effectivePhrases, isShippedPhraseEnabled, lintText, removeCustomPhrase, setShippedPhraseEnabled } from '../../../shared/statements/lint';
import { DEFAULT_RISKY_PHRASES, RISK_CATEGORIES } from '../../../shared/statements/phrases';
import type { Language } from '../../../shared/languages';

const shipped = (language: Language) => DEFAULT_RISKY_PHRASES.filter((p) => p.language === language);
const categories = (text: string, language: Language) => lintText(text, shipped(language)).map((f) => f.category);

describe('risky-phrase lint', () => {
  it('ships every category for every language', () => {
    for (const lang of ['zh-TW', 'zh-CN', 'en'] as const) {
      expect(new Set(shipped(lang).map((p) => p.category))).toEqual(new Set(RISK_CATEGORIES));
      for (const p of shipped(lang)) expect(() => compilePhrase(p)).not.toThrow();
    }
  });

  it('finds each kind of risk in zh-TW text without spaces, with exact ranges', () => {
    const text = '這次事件完全是我們的錯，可能是因為顧客使用不當所致，我們保證不會再發生，網路上的說法都是造謠，其餘無可奉告。';
    const found = lintText(text, shipped('zh-TW'));
    expect(found.map((f) => f.category)).toEqual(expect.arrayContaining(['liability', 'speculation', 'blame', 'absolute', 'defamation', 'noComment']));
    for (const f of found) expect(text.slice(f.from, f.to)).toBe(f.match);
    const noComment = found.find((f) => f.category === 'noComment')!;
    expect(noComment.match).toBe('無可奉告');
    expect(noComment.from).toBe(text.indexOf('無可奉告'));
  });

  it('finds the zh-CN forms', () => {
    expect(categories('我们将承担全部责任，初步推测原因是供电问题，消费者误解了说明，对此不予置评。', 'zh-CN')).toEqual(
      expect.arrayContaining(['liability', 'speculation', 'blame', 'noComment']),
    );
    expect(categories('产品绝对安全，竞争对手恶意抹黑。', 'zh-CN')).toEqual(expect.arrayContaining(['absolute', 'defamation']));
  });

  it('finds English phrases as whole words, any case', () => {
    expect(categories('No comment. It was entirely our fault. Probably caused by customer misuse.', 'en')).toEqual(['noComment', 'liability', 'speculation', 'blame']);
    expect(categories('The product is 100% safe and this will never happen again; those trolls spread malicious rumours.', 'en')).toEqual(
      expect.arrayContaining(['absolute', 'defamation']),
    );
    // "no comment" inside other words is no finding.
    expect(lintText('Economic commentary: no commentator agreed.', shipped('en'))).toEqual([]);
  });

  it('leaves a careful statement alone', () => {
    expect(lintText('我們向受影響的顧客致歉，已暫停銷售並提供退款，檢測結果將於24小時內公布。', shipped('zh-TW'))).toEqual([]);
    expect(lintText('We apologise to affected customers, have paused sales and offer refunds; results follow within 24 hours.', shipped('en'))).toEqual([]);
  });

  it('keeps the team’s list in the document: switch off, add, remove', () => {
    const doc = new Y.Doc();
    const first = shipped('zh-TW').find((p) => p.pattern === '無可奉告')!;
    expect(isShippedPhraseEnabled(doc, first.id)).toBe(true);
    setShippedPhraseEnabled(doc, first.id, false);
    expect(lintText('無可奉告', effectivePhrases(doc, 'zh-TW'))).toEqual([]);
    setShippedPhraseEnabled(doc, first.id, true);
    expect(lintText('無可奉告', effectivePhrases(doc, 'zh-TW'))).toHaveLength(1);

    const id = addCustomPhrase(doc, { language: 'zh-TW', category: 'absolute', pattern: '萬無一失', isRegex: false, reason: '不要做無法兌現的承諾' });
    const hit = lintText('本產品萬無一失', effectivePhrases(doc, 'zh-TW'));
    expect(hit).toMatchObject([{ from: 3, to: 7, category: 'absolute', reason: '不要做無法兌現的承諾' }]);
    expect(customPhrases(doc).map((p) => p.id)).toEqual([id]);
    // The settings travel to a peer with the document.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc), 'remote');
    expect(lintText('本產品萬無一失', effectivePhrases(peer, 'zh-TW'))).toHaveLength(1);
    removeCustomPhrase(doc, id);
    expect(lintText('本產品萬無一失', effectivePhrases(doc, 'zh-TW'))).toEqual([]);
  });

  it('rejects an invalid pattern with a clear message and skips one that reached the doc', () => {
    const doc = new Y.Doc();
    expect(() => addCustomPhrase(doc, { language: 'en', category: 'blame', pattern: '(unclosed', isRegex: true, reason: '' })).toThrow(/Invalid pattern/);
    const bad = { id: 'x', language: 'en' as const, category: 'blame' as const, pattern: '(unclosed', isRegex: true, reason: '' };
    expect(lintText('(unclosed no comment', [bad, ...shipped('en')]).map((f) => f.category)).toEqual(['noComment']);
  });

  it('escapes literal phrases', () => {
    const lit = { id: 'l', language: 'zh-TW' as const, category: 'absolute' as const, pattern: '100%(保證)', isRegex: false, reason: '' };
    expect(lintText('我們100%(保證)', [lit])).toHaveLength(1);
    expect(lintText('我們100保證', [lit])).toHaveLength(0);
  });
});
