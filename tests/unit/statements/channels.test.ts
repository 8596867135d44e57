import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countChannels, countFor, graphemes, smsCount, weiboLength, xWeightedLength } from '../../../shared/statements/channels';

describe('channel length limits', () => {
  it('weighs X posts: Latin 1, CJK 2, emoji 2, links 23', () => {
    expect(xWeightedLength('hello')).toBe(5);
    expect(xWeightedLength('我們致歉')).toBe(8);
    expect(xWeightedLength('👍🏽')).toBe(2); // emoji with skin tone: one character to the reader
    expect(xWeightedLength('👨‍👩‍👧')).toBe(2); // family sequence
    expect(xWeightedLength('詳見 https://example.com/a/very/long/path/that/goes/on')).toBe(4 + 1 + 23);
    expect(xWeightedLength('e\u0301')).toBe(1); // NFC: é
    expect(countFor('x', '字'.repeat(140)).over).toBe(false);
    expect(countFor('x', '字'.repeat(141)).over).toBe(true);
    expect(countFor('x', 'a'.repeat(280)).over).toBe(false);
  });

  it('counts Weibo half-width characters as half', () => {
    expect(weiboLength('微博')).toBe(2);
    expect(weiboLength('abcd')).toBe(2);
    expect(weiboLength('abc')).toBe(2);
    expect(weiboLength('微博ab')).toBe(3);
  });

  it('counts user-perceived characters for LINE and Facebook', () => {
    expect(graphemes('🇹🇼台灣').length).toBe(3);
    expect(countFor('line', '🇹🇼台灣')).toMatchObject({ count: 3, limit: 5000, over: false });
  });

  it('splits graphemes exactly as Intl.Segmenter does, on mixed scripts and emoji', () => {
    const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const pieces = ['a', 'é', 'e\u0301', '字', '。', '👍', '🏽', '\u200d', '👩', '🇹', '🇼', '\ufe0f', 'ᄀ', 'ᅡ', '\n', ' ', 'ก', 'ี', '️'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 600 }), (parts) => {
        const text = parts.join('');
        expect(graphemes(text)).toEqual(Array.from(seg.segment(text), (s) => s.segment));
      }),
      { numRuns: 300 },
    );
  });

  it('switches SMS to UCS-2 (70) for any Chinese character and counts parts', () => {
    expect(smsCount('Hello')).toMatchObject({ encoding: 'gsm7', units: 5, singleLimit: 160, segments: 1 });
    expect(smsCount('a'.repeat(161)).segments).toBe(2);
    expect(smsCount('{}').units).toBe(4); // extension characters count twice
    expect(smsCount('您好')).toMatchObject({ encoding: 'ucs2', units: 2, singleLimit: 70, segments: 1 });
    expect(smsCount('字'.repeat(71)).segments).toBe(2);
    expect(smsCount('字'.repeat(135)).segments).toBe(3);
    expect(countFor('sms', '字'.repeat(71))).toMatchObject({ limit: 70, over: true, segments: 2 });
  });

  it('has no limit for press releases and skips unknown channels', () => {
    expect(countFor('press', '字'.repeat(100000))).toMatchObject({ limit: null, over: false });
    expect(countChannels(['x', 'nope', 'weibo'], '你好').map((c) => c.channel)).toEqual(['x', 'weibo']);
  });
});
