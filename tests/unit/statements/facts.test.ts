import { describe, expect, it } from 'vitest';
import { checkFacts, factKeywords } from '../../../shared/statements/facts';
import { findDates, findNumbers, findQuantities, parseChineseNumeral } from '../../../shared/statements/mentions';
import type { Fact } from '../../../shared/statements/types';

const fact = (label: string, value: string, kind: Fact['kind'], keywords?: string): Fact => ({ id: label, label, value, kind, ...(keywords ? { keywords } : {}) });

describe('number, date and model mentions', () => {
  it('reads Chinese numerals', () => {
    expect(parseChineseNumeral('一千二百')).toBe(1200);
    expect(parseChineseNumeral('一千兩百')).toBe(1200);
    expect(parseChineseNumeral('十二')).toBe(12);
    expect(parseChineseNumeral('二十一')).toBe(21);
    expect(parseChineseNumeral('一百零五')).toBe(105);
    expect(parseChineseNumeral('三十萬')).toBe(300000);
    expect(parseChineseNumeral('一萬兩千')).toBe(12000);
    expect(parseChineseNumeral('二〇二六')).toBe(2026);
    expect(parseChineseNumeral('abc')).toBeNaN();
  });

  it('reads numbers with separators and multipliers', () => {
    expect(findNumbers('共1,200名、1，500位、1.2萬件、3 million、2k').map((n) => n.value)).toEqual([1200, 1500, 12000, 3e6, 2000]);
  });

  it('reads dates in zh and en formats', () => {
    const d = findDates('於2026年11月21日、11月22日、2026-11-23、十一月二十四日、November 25, 2026 and 26 Nov');
    expect(d.map((x) => [x.year, x.month, x.day])).toEqual([
      [2026, 11, 21],
      [undefined, 11, 22],
      [2026, 11, 23],
      [undefined, 11, 24],
      [2026, 11, 25],
      [undefined, 11, 26],
    ]);
  });

  it('does not count dates, times, phone numbers or models as quantities', () => {
    expect(findQuantities('11月21日 14:30 來電 0800-123-456 型號XR-200 共30台').map((n) => n.value)).toEqual([30]);
  });
});

describe('facts conflict check', () => {
  const customers = fact('受影響顧客', '1,200', 'number');

  it('derives Chinese keywords from the label’s endings and the value’s unit', () => {
    expect(factKeywords(customers)).toEqual(expect.arrayContaining(['受影響顧客', '影響顧客', '顧客']));
    expect(factKeywords(fact('受傷人數', '3 人', 'number'))).toEqual(expect.arrayContaining(['受傷']));
    expect(factKeywords(fact('affected customers', '1,200', 'number'))).toEqual(expect.arrayContaining(['affected customers', 'customers']));
  });

  it('flags a different number for the same fact (zh-TW)', () => {
    const text = '本次事件影響約1,500名顧客，我們已逐一聯繫。';
    const c = checkFacts(text, [customers]);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ found: '1,500', expected: '1,200', label: '受影響顧客' });
    expect(text.slice(c[0]!.from, c[0]!.to)).toBe('1,500');
  });

  it('accepts the same number written differently, and numbers about other things', () => {
    expect(checkFacts('共有1200名顧客受到影響，已關閉3家門市。', [customers])).toEqual([]);
    expect(checkFacts('受影響顧客一千二百位。', [customers])).toEqual([]);
    expect(checkFacts('受影響顧客：1,200。另有 15 件退貨。', [customers])).toEqual([]);
  });

  it('reads label-then-number and zh-CN text', () => {
    const c = checkFacts('受影响顾客共计1,300人。', [fact('受影响顾客', '1,200', 'number')]);
    expect(c.map((x) => x.found)).toEqual(['1,300']);
  });

  it('respects approximations ("over", "about")', () => {
    expect(checkFacts('逾1,000名顧客受影響', [customers])).toEqual([]);
    expect(checkFacts('1,000多名顧客', [customers])).toEqual([]);
    expect(checkFacts('約1,150名顧客', [customers])).toEqual([]);
    expect(checkFacts('逾2,000名顧客', [customers])).toHaveLength(1);
    expect(checkFacts('about 1,150 affected customers', [fact('affected customers', '1,200', 'number')])).toEqual([]);
  });

  it('flags numbers in English by the label and by the unit', () => {
    const f = fact('affected customers', '1,200', 'number');
    expect(checkFacts('Affected customers: 1,500.', [f]).map((c) => c.found)).toEqual(['1,500']);
    expect(checkFacts('We have contacted 1,500 customers.', [f]).map((c) => c.found)).toEqual(['1,500']);
    expect(checkFacts('We have contacted 1,200 customers and closed 3 stores.', [f])).toEqual([]);
  });

  it('flags a different date in any zh format', () => {
    const f = fact('事發日期', '2026-11-20', 'date', '發現,發生');
    for (const text of ['本公司於11月21日發現異常', '事發於2026年11月21日', '2026-11-21發生的事件']) {
      const c = checkFacts(text, [f]);
      expect(c, text).toHaveLength(1);
      expect(c[0]!.expected).toBe('2026-11-20');
    }
    expect(checkFacts('本公司於11月20日發現異常，預計11月25日完成檢測', [f])).toEqual([]);
    expect(checkFacts('本公司於十一月二十日發現異常', [f])).toEqual([]);
  });

  it('flags a different date in English', () => {
    const f = fact('incident date', '2026-11-20', 'date', 'discovered');
    expect(checkFacts('The issue was discovered on November 21, 2026.', [f])).toHaveLength(1);
    expect(checkFacts('The issue was discovered on 20 November.', [f])).toEqual([]);
  });

  it('flags a different product model of the same line, but not another fact’s model', () => {
    const f = fact('產品型號', 'XR-200', 'model');
    expect(checkFacts('受影響的產品為XR-300咖啡機', [f]).map((c) => c.found)).toEqual(['XR-300']);
    expect(checkFacts('受影響的產品為XR200與xr-200', [f])).toEqual([]);
    expect(checkFacts('產品型號 ZK-1 與 XR-200', [f]).map((c) => c.found)).toEqual(['ZK-1']);
    expect(checkFacts('XR-300 不受影響', [f, fact('other', 'XR-300', 'model')])).toEqual([]);
  });

  it('flags a different spokesperson name (zh and en)', () => {
    const f = fact('發言人', '王大明', 'name');
    expect(checkFacts('本公司發言人李小華表示，已暫停銷售。', [f]).map((c) => c.found)).toEqual(['李小華']);
    expect(checkFacts('本公司發言人王大明表示', [f])).toEqual([]);
    expect(checkFacts('發言人將於今晚說明', [f])).toEqual([]);
    const e = fact('spokesperson', 'Jane Doe', 'name');
    expect(checkFacts('Our spokesperson John Smith said', [e]).map((c) => c.found)).toEqual(['John Smith']);
    expect(checkFacts('Our spokesperson Jane Doe said; the spokesperson will update you', [e])).toEqual([]);
  });
});

describe('facts sheet location', () => {
  it('uses the incident’s sheet when the statement belongs to an incident, its own otherwise', async () => {
    const { addRecord } = await import('../../../shared/doc/collection');
    const { collectionOf } = await import('../../../shared/doc/workspaceDoc');
    const { addFact, factsFor, incidentOf, removeFact } = await import('../../../shared/statements/factsheet');
    const { createStatement, getStatement } = await import('../../../shared/statements/store');
    const Y = await import('yjs');
    const doc = new Y.Doc();
    const incId = addRecord(collectionOf(doc, 'incidents'), { id: 'inc-1', title: '咖啡機加熱異常', facts: [{ label: '受影響顧客', value: '1,200', kind: 'number' }] }, 'user');
    const linked = getStatement(doc, createStatement(doc, { title: 'a', kind: 'holding', language: 'zh-TW', by: 'x', incidentId: incId }, 'user'))!;
    const alone = getStatement(doc, createStatement(doc, { title: 'b', kind: 'press', language: 'zh-TW', by: 'x' }, 'user'))!;
    expect(incidentOf(doc, linked)?.get('title')).toBe('咖啡機加熱異常');
    expect(factsFor(doc, linked).map((f) => f.value)).toEqual(['1,200']);
    expect(factsFor(doc, alone)).toEqual([]);
    const fid = addFact(doc, linked, { label: '產品型號', value: 'XR-200', kind: 'model' });
    // Shared by every statement of the incident.
    const other = getStatement(doc, createStatement(doc, { title: 'c', kind: 'social', language: 'zh-TW', by: 'x', incidentId: incId }, 'user'))!;
    expect(factsFor(doc, other).map((f) => f.label)).toEqual(['受影響顧客', '產品型號']);
    addFact(doc, alone, { label: '發言人', value: '王大明', kind: 'name' });
    expect(factsFor(doc, alone).map((f) => f.label)).toEqual(['發言人']);
    expect(() => addFact(doc, alone, { label: ' ', value: '1', kind: 'number' })).toThrow(/label/);
    removeFact(doc, linked, fid);
    expect(factsFor(doc, other)).toHaveLength(1);
  });
});
