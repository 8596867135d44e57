import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Localized } from '../../../shared/languages';
import {
  DEFAULT_CRISIS_TYPES,
  DEFAULT_PRINCIPLES,
  DEFAULT_SEVERITIES,
  DEFAULT_SIGNALS,
  DEFAULT_UNITS,
  defaultPlaybook,
} from '../../../shared/playbook/defaultPlaybook';
import { PlaybookFileSchema } from '../../../shared/playbook/schema';
import { CRISIS_TYPE_KEYS, SIGNAL_SOURCES, UNIT_KEYS } from '../../../shared/playbook/types';

/** Every shipped text with a readable location, for failure messages. */
function allTexts(): Array<[string, Localized]> {
  const out: Array<[string, Localized]> = [];
  DEFAULT_UNITS.forEach((u) => out.push([`unit ${u.key} name`, u.name], [`unit ${u.key} duties`, u.duties]));
  DEFAULT_SEVERITIES.forEach((s) =>
    out.push([`level ${s.level} name`, s.name], [`level ${s.level} criteria`, s.criteria], [`level ${s.level} decisionRights`, s.decisionRights]),
  );
  DEFAULT_CRISIS_TYPES.forEach((t) => {
    out.push([`${t.key} name`, t.name], [`${t.key} description`, t.description], [`${t.key} response`, t.response]);
    t.steps.forEach((s, i) => {
      out.push([`${t.key} step ${i} title`, s.title]);
      s.checklist.forEach((c, j) => out.push([`${t.key} step ${i} checklist ${j}`, c]));
    });
    t.escalation.forEach((e, i) => out.push([`${t.key} escalation ${i} note`, e.note]));
  });
  DEFAULT_SIGNALS.forEach((s, i) => out.push([`signal ${i} kind`, s.kind], [`signal ${i} threshold`, s.threshold]));
  DEFAULT_PRINCIPLES.forEach((p, i) => out.push([`principle ${i}`, p]));
  return out;
}

// Characters that exist only in one script (or are that script's standard form), pairwise.
const SIMPLIFIED_ONLY = '们这发应级务体个为时说对机处门问题请关产业报员动会实经质户网络资讯认调补偿损险声况单线确责负评计开现过还进运营传样长间将从众种标视订账总赔顾专项预号数据违规广团队决权层闭检验结饮药医疗费换货迟误坏谣证竞争击销议绪复录话区东车么尽让给设组织亿协变导热点亲觉带态节获虑响图内着于';
const TRADITIONAL_ONLY = '們這發應級務體個為時說對機處門問題請關產業報員動會實經質戶網絡資訊認調補償損險聲況單線確責負評計開現過還進運營傳樣長間將從眾種標視訂帳總賠顧專項預號數據違規廣團隊決權層閉檢驗結飲藥醫療費換貨遲誤壞謠證競爭擊銷議緒復錄話區東車麼盡讓給設組織億協變導熱點親覺帶態節獲慮響圖內後裡於';
// Everyday terms that give away the other region even when written in the right script.
const MAINLAND_TERMS_IN_TRADITIONAL = ['視頻', '網絡', '質量', '軟件', '營銷', '帖子', '信息', '用戶'];
const TAIWAN_TERMS_IN_SIMPLIFIED = ['网路', '软体', '资讯', '个资', '贴文', '脸书', '行销', '影片'];

const CJK = /[\u3400-\u9fff]/;

function offending(text: string, chars: string): string[] {
  return [...new Set([...text].filter((c) => chars.includes(c)))];
}

describe('default playbook content', () => {
  const texts = allTexts();

  it('has every text in every language, none empty', () => {
    expect(texts.length).toBeGreaterThan(300);
    for (const [where, text] of texts) {
      for (const lang of LANGUAGES) {
        expect(text[lang]?.trim(), `${where} (${lang})`).toBeTruthy();
      }
    }
  });

  it('script check catches the wrong script (so it can fail)', () => {
    expect(offending('我們發布聲明', SIMPLIFIED_ONLY)).toEqual([]);
    expect(offending('我们发布声明', SIMPLIFIED_ONLY)).toEqual(['们', '发', '声']);
    expect(offending('我们发布声明', TRADITIONAL_ONLY)).toEqual([]);
    expect(offending('我們發布聲明', TRADITIONAL_ONLY)).toEqual(['們', '發', '聲']);
  });

  it('writes zh-TW in Traditional characters with Taiwan terms', () => {
    const problems = texts.flatMap(([where, t]) => {
      const chars = offending(t['zh-TW'], SIMPLIFIED_ONLY);
      const terms = MAINLAND_TERMS_IN_TRADITIONAL.filter((term) => t['zh-TW'].includes(term));
      return chars.length || terms.length ? [`${where}: ${[...chars, ...terms].join(' ')}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('writes zh-CN in Simplified characters with mainland terms', () => {
    const problems = texts.flatMap(([where, t]) => {
      const chars = offending(t['zh-CN'], TRADITIONAL_ONLY);
      const terms = TAIWAN_TERMS_IN_SIMPLIFIED.filter((term) => t['zh-CN'].includes(term));
      return chars.length || terms.length ? [`${where}: ${[...chars, ...terms].join(' ')}`] : [];
    });
    expect(problems).toEqual([]);
    const all = texts.map(([, t]) => t['zh-CN']).join('\n');
    expect(all).toContain('舆情');
    expect(all).toContain('应急');
  });

  it('is not a character conversion: zh-CN differs from zh-TW beyond the script', () => {
    const all = (lang: 'zh-TW' | 'zh-CN') => texts.map(([, t]) => t[lang]).join('\n');
    expect(all('zh-TW')).toContain('應變');
    expect(all('zh-TW')).toContain('社群');
    expect(all('zh-CN')).toContain('新媒体');
    expect(all('zh-CN')).toContain('整改');
  });

  it('keeps the three languages in their slots (zh texts Chinese, en text not)', () => {
    for (const [where, t] of texts) {
      expect(CJK.test(t['zh-TW']), `${where} zh-TW`).toBe(true);
      expect(CJK.test(t['zh-CN']), `${where} zh-CN`).toBe(true);
      expect(CJK.test(t.en), `${where} en: ${t.en}`).toBe(false);
    }
  });

  it('ships the 14 units and the 13 crisis types in key order', () => {
    expect(DEFAULT_UNITS.map((u) => u.key)).toEqual([...UNIT_KEYS]);
    expect(DEFAULT_UNITS.filter((u) => u.kind === 'external').map((u) => u.key)).toEqual(['prAgency', 'lawFirm', 'monitoringVendor']);
    expect(DEFAULT_CRISIS_TYPES.map((t) => t.key)).toEqual([...CRISIS_TYPE_KEYS]);
  });

  it('has 3–4 severity levels, each notifying known units', () => {
    expect(DEFAULT_SEVERITIES.length).toBeGreaterThanOrEqual(3);
    expect(DEFAULT_SEVERITIES.length).toBeLessThanOrEqual(4);
    expect(DEFAULT_SEVERITIES.map((s) => s.level)).toEqual(DEFAULT_SEVERITIES.map((_, i) => i + 1));
    for (const s of DEFAULT_SEVERITIES) {
      expect(s.notify.length).toBeGreaterThan(0);
      for (const n of s.notify) {
        expect(UNIT_KEYS).toContain(n.unit);
        expect(n.withinMinutes).toBeGreaterThan(0);
      }
    }
    // The most severe level reaches the executives fastest.
    const execMinutes = (level: number) => DEFAULT_SEVERITIES[level - 1]!.notify.find((n) => n.unit === 'executives')?.withinMinutes ?? Infinity;
    expect(execMinutes(1)).toBeLessThan(execMinutes(2));
  });

  it('gives every crisis type 3–5 steps in time order, 2–4 checklist items each, and a 2–4 step escalation chain', () => {
    for (const t of DEFAULT_CRISIS_TYPES) {
      expect(t.steps.length, t.key).toBeGreaterThanOrEqual(3);
      expect(t.steps.length, t.key).toBeLessThanOrEqual(5);
      const minutes = t.steps.map((s) => s.targetMinutes);
      expect(minutes, t.key).toEqual([...minutes].sort((a, b) => a - b));
      for (const s of t.steps) {
        expect(s.checklist.length, `${t.key}: ${s.title.en}`).toBeGreaterThanOrEqual(2);
        expect(s.checklist.length, `${t.key}: ${s.title.en}`).toBeLessThanOrEqual(4);
        expect(UNIT_KEYS).toContain(s.owner);
      }
      expect(t.escalation.length, t.key).toBeGreaterThanOrEqual(2);
      expect(t.escalation.length, t.key).toBeLessThanOrEqual(4);
      const esc = t.escalation.map((e) => e.withinMinutes);
      expect(esc, t.key).toEqual([...esc].sort((a, b) => a - b));
      expect(UNIT_KEYS).toContain(t.firstResponder);
    }
  });

  it('puts out a first public message within 60 minutes on every serious type', () => {
    const serious = DEFAULT_CRISIS_TYPES.filter((t) => t.serious);
    expect(serious.map((t) => t.key)).toEqual(
      expect.arrayContaining(['productDefect', 'dataLeak', 'foodSafety', 'falseAdvertising', 'overbooking', 'executiveMisconduct']),
    );
    for (const t of serious) {
      const first = t.steps.filter((s) => s.firstPublicMessage);
      expect(first.length, t.key).toBe(1);
      expect(first[0]!.targetMinutes, t.key).toBeLessThanOrEqual(60);
      expect(first[0]!.owner, t.key).toBe('pr');
    }
  });

  it('leads each differentiated response with the unit the handbooks name', () => {
    const lead = Object.fromEntries(DEFAULT_CRISIS_TYPES.map((t) => [t.key, t.firstResponder]));
    expect(lead.productDefect).toBe('product');
    expect(lead.serviceFailure).toBe('customerService');
    expect(lead.dataLeak).toBe('itSecurity');
    expect(lead.labourDispute).toBe('hr');
  });

  it('covers the four early-warning signals of the SOP plus more sources, and 8–10 principles', () => {
    expect(DEFAULT_SIGNALS.length).toBeGreaterThanOrEqual(6);
    const kinds = DEFAULT_SIGNALS.map((s) => s.kind.en.toLowerCase()).join('\n');
    for (const word of ['volume spike', 'opinion leader', 'same complaint', 'competitor']) expect(kinds).toContain(word);
    for (const s of DEFAULT_SIGNALS) {
      expect(SIGNAL_SOURCES).toContain(s.source);
      expect(s.threshold.en, s.kind.en).toMatch(/\d/);
      expect(s.threshold['zh-TW'], s.kind.en).toMatch(/\d/);
    }
    const sources = new Set(DEFAULT_SIGNALS.map((s) => s.source));
    expect(sources.size).toBeGreaterThanOrEqual(5);
    expect(DEFAULT_PRINCIPLES.length).toBeGreaterThanOrEqual(8);
    expect(DEFAULT_PRINCIPLES.length).toBeLessThanOrEqual(10);
  });

  it.each(LANGUAGES)('produces a valid playbook file in %s with units resolved', (lang) => {
    const pb = defaultPlaybook(lang);
    expect(() => PlaybookFileSchema.parse(pb)).not.toThrow();
    const unitIds = new Set(pb.units.map((u) => u.id));
    const refs = [
      ...pb.severities.flatMap((s) => s.notify.map((n) => n.who)),
      ...pb.crisisTypes.flatMap((t) => [t.firstResponderUnitId, ...t.steps.map((s) => s.ownerUnitId), ...t.escalation.map((e) => e.unitId)]),
    ];
    for (const ref of refs) expect(unitIds.has(ref)).toBe(true);
    expect(pb.crisisTypes[0]!.name).toBe(DEFAULT_CRISIS_TYPES[0]!.name[lang]);
    // Fresh ids on every call: two templates never share records.
    expect(defaultPlaybook(lang).units[0]!.id).not.toBe(pb.units[0]!.id);
  });
});
