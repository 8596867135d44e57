import { describe, expect, it } from 'vitest';
import { CRISIS_TYPE_KEYS } from '../../../shared/playbook/types';
import { DEFAULT_RISKY_PHRASES } from '../../../shared/statements/phrases';
import { lintText } from '../../../shared/statements/lint';
import { fillPlaceholders, fillTemplate, findPlaceholders, findTemplate, formatPlaceholderTime, HOLDING_TEMPLATES, placeholdersIn, templatesFor } from '../../../shared/statements/templates/index';

describe('holding-statement library', () => {
  it('has one template per crisis type and language', () => {
    expect(HOLDING_TEMPLATES).toHaveLength(CRISIS_TYPE_KEYS.length * 3);
    for (const lang of ['zh-TW', 'zh-CN', 'en'] as const) expect(templatesFor(lang).map((t) => t.crisisType)).toEqual([...CRISIS_TYPE_KEYS]);
  });

  it('every template names the company and a contact, and passes its own language’s lint', () => {
    for (const t of HOLDING_TEMPLATES) {
      const text = t.body.join('\n');
      expect(placeholdersIn(text), t.id).toEqual(expect.arrayContaining(['company', 'contact']));
      const phrases = DEFAULT_RISKY_PHRASES.filter((p) => p.language === t.language);
      expect(lintText(text, phrases), t.id).toEqual([]);
    }
  });

  it('zh-CN templates are written in simplified characters and zh-TW in traditional', () => {
    const traditionalOnly = /[們這處聲發與為對應們會體關說經]/;
    const simplifiedOnly = /[们这处声发与为对应会体关说经]/;
    for (const t of templatesFor('zh-CN')) expect(traditionalOnly.test(t.body.join('') + t.title), t.id).toBe(false);
    for (const t of templatesFor('zh-TW')) expect(simplifiedOnly.test(t.body.join('') + t.title), t.id).toBe(false);
  });

  it('fills placeholders and reports the ones left empty', () => {
    const t = findTemplate('productDefect.zh-TW')!;
    const filled = fillTemplate(t, { company: '好食咖啡', product: 'XR-200 咖啡機', incident: '加熱異常', time: '11月21日', contact: '0800-000-123' });
    expect(filled.missing).toEqual([]);
    expect(filled.text).toContain('好食咖啡於11月21日接獲部分XR-200 咖啡機發生加熱異常的反映');
    expect(filled.text).not.toMatch(/\{/);
    const partial = fillPlaceholders('{company}：{contact}', { company: '好食', contact: '  ' });
    expect(partial).toEqual({ text: '好食：{contact}', missing: ['contact'] });
    expect(findPlaceholders(partial.text)).toEqual([{ from: 3, to: 12, key: 'contact' }]);
  });

  it('formats the time placeholder in the statement language', () => {
    const at = Date.UTC(2026, 10, 21, 7, 0);
    expect(formatPlaceholderTime(at, 'zh-TW', 'Asia/Taipei')).toMatch(/11月21日/);
    expect(formatPlaceholderTime(at, 'en', 'Asia/Taipei')).toMatch(/November 21/);
  });
});
