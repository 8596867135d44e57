import { describe, expect, it } from 'vitest';
import { namespaces } from '../../../renderer/i18n/resources';
import { LANGUAGES } from '../../../shared/languages';

/** Every key path of a nested locale bundle, with its string value. */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const [p, s] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(p, s);
  }
  return out;
}

describe('UI text in every language', () => {
  const names = Object.keys(namespaces);

  it('registers every feature namespace', () => {
    expect(names).toEqual(expect.arrayContaining(['app', 'playbook', 'statements', 'roles', 'incidents', 'drills', 'sync']));
  });

  it.each(names)('%s: the same keys in zh-TW, zh-CN and en, none empty', (ns) => {
    const flat = LANGUAGES.map((lang) => flatten(namespaces[ns]![lang]));
    const keys = [...flat[0]!.keys()].sort();
    expect(keys.length).toBeGreaterThan(0);
    for (const f of flat) {
      expect([...f.keys()].sort()).toEqual(keys);
      for (const [key, text] of f) expect(text.trim(), `${ns}:${key}`).not.toBe('');
    }
  });

  it.each(names)('%s: Chinese bundles are written in Chinese', (ns) => {
    for (const lang of ['zh-TW', 'zh-CN'] as const) {
      const texts = [...flatten(namespaces[ns]![lang]).values()];
      const withCjk = texts.filter((t) => /[\u4e00-\u9fff]/.test(t)).length;
      // Language names and symbols aside, nearly every string must contain Chinese.
      expect(withCjk / texts.length, `${ns} ${lang}`).toBeGreaterThan(0.8);
    }
  });
});
