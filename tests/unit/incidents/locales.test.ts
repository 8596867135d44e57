import { describe, expect, it } from 'vitest';
import { incidentsLocales } from '../../../renderer/features/incidents/locales';
import { drillsLocales } from '../../../renderer/features/drills/locales';

type Tree = Record<string, unknown>;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v as Tree, key)) out.set(kk, vv);
  }
  return out;
}

const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe.each([
  ['incidents', incidentsLocales],
  ['drills', drillsLocales],
])('%s strings', (_ns, bundle) => {
  const tw = flatten(bundle['zh-TW'] as Tree);
  const cn = flatten(bundle['zh-CN'] as Tree);
  const en = flatten(bundle.en as Tree);

  it('have the same keys and placeholders in every language', () => {
    expect([...cn.keys()].sort()).toEqual([...tw.keys()].sort());
    expect([...en.keys()].sort()).toEqual([...tw.keys()].sort());
    for (const [key, text] of tw) {
      expect(vars(cn.get(key)!), key).toEqual(vars(text));
      expect(vars(en.get(key)!), key).toEqual(vars(text));
    }
  });

  it('are written in the right script and never empty', () => {
    for (const [key, text] of en) {
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toMatch(/\p{Script=Han}/u);
    }
    for (const [key, text] of [...tw, ...cn]) expect(text.trim(), key).not.toBe('');
    // Traditional and simplified are separate texts: most strings with Chinese differ.
    const han = [...tw].filter(([, v]) => /\p{Script=Han}{3,}/u.test(v));
    const same = han.filter(([k, v]) => cn.get(k) === v);
    expect(same.length / han.length).toBeLessThan(0.3);
  });
});
