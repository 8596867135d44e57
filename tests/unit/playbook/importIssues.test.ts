import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuesOf } from '../../../shared/validationIssues';
import { playbookLocales } from '../../../renderer/features/playbook/locales';
import { LANGUAGES } from '../../../shared/languages';

// Issue 13, item 4: zod's English ("Invalid input: expected number, received string") reached the
// screen. Issues become codes + parameters + paths; every code has a message in every language.

const Schema = z.object({
  items: z.array(z.object({ name: z.string().max(5), minutes: z.number().int().min(0), kind: z.enum(['a', 'b']) })).max(3),
});

describe('zod issues as codes the UI words', () => {
  it('maps type, missing, range, length, enum and integer problems with their paths', () => {
    const input = { items: [{ name: 'too long name', minutes: 'soon', kind: 'c' }, { minutes: -1, kind: 'a' }, { name: 'x', minutes: 1.5, kind: 'a' }] };
    const r = Schema.safeParse(input);
    expect(r.success).toBe(false);
    const issues = issuesOf(r.error!, input).map(({ path, code, params }) => ({ path, code, params }));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'items[0].name', code: 'tooLong', params: { limit: 5 } },
        { path: 'items[0].minutes', code: 'expectedNumber', params: { expected: 'number' } },
        { path: 'items[0].kind', code: 'notOneOf', params: { values: 'a, b' } },
        { path: 'items[1].name', code: 'required', params: {} },
        { path: 'items[1].minutes', code: 'tooSmall', params: { limit: 0 } },
        { path: 'items[2].minutes', code: 'notInteger', params: { expected: 'int' } },
      ]),
    );
  });

  it('a list too long names its limit', () => {
    const input = { items: [1, 2, 3, 4].map(() => ({ name: 'a', minutes: 1, kind: 'a' })) };
    const r = Schema.safeParse(input);
    expect(issuesOf(r.error!, input).map(({ path, code, params }) => ({ path, code, params }))).toEqual([{ path: 'items', code: 'tooMany', params: { limit: 3 } }]);
  });

  it('every code has a message in zh-TW, zh-CN and en', () => {
    const codes = ['required', 'expectedNumber', 'expectedText', 'expectedList', 'expectedObject', 'expectedYesNo', 'expectedOther', 'tooSmall', 'tooBig', 'tooShort', 'tooLong', 'tooFew', 'tooMany', 'notInteger', 'notOneOf', 'badFormat', 'unknownKeys', 'duplicateId', 'unknownUnit', 'duplicateLevel', 'versionTooNew', 'notJson', 'invalid'];
    for (const lang of LANGUAGES) {
      const issues = (playbookLocales[lang] as { issues: Record<string, string> }).issues;
      for (const c of codes) expect(issues[c], `${lang} ${c}`).toBeTruthy();
    }
  });
});
