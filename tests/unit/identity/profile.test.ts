import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkProfile, ProfileSchema } from '../../../renderer/identity/identity';

const blank = { name: '', unit: '', phone: '', email: '' };

describe('profile', () => {
  it('needs a name; unit, phone and e-mail are optional; everything is trimmed', () => {
    expect(checkProfile({ ...blank, name: '  林雅婷 ' })).toEqual({ ok: true, profile: { ...blank, name: '林雅婷' } });
    const full = { name: 'Alex Wang', unit: ' 公關部 ', phone: '0912-345-678', email: ' alex@example.com ' };
    expect(checkProfile(full)).toEqual({ ok: true, profile: { name: 'Alex Wang', unit: '公關部', phone: '0912-345-678', email: 'alex@example.com' } });
  });

  it('names every refused field with a translatable code', () => {
    expect(checkProfile(blank)).toEqual({ ok: false, errors: { name: 'nameRequired' } });
    expect(checkProfile({ ...blank, name: '   ' })).toEqual({ ok: false, errors: { name: 'nameRequired' } });
    expect(checkProfile({ name: 'x'.repeat(81), unit: 'u'.repeat(81), phone: '1'.repeat(41), email: 'not-an-address' })).toEqual({
      ok: false,
      errors: { name: 'nameTooLong', unit: 'unitTooLong', phone: 'phoneTooLong', email: 'emailInvalid' },
    });
    expect(checkProfile({ ...blank, name: 'A', email: `${'a'.repeat(120)}@example.com` })).toEqual({ ok: false, errors: { email: 'emailTooLong' } });
  });

  it('refuses fields it does not know (the stored profile has exactly these four)', () => {
    expect(ProfileSchema.safeParse({ ...blank, name: 'A', role: 'owner' }).success).toBe(false);
  });
});
