import { describe, expect, it } from 'vitest';
import { deriveGate } from '../../../shared/statements/approval';
import { bodyText, bodyToJson } from '../../../shared/statements/body';
import { addVersion, diffTexts, listVersions, restoreVersion, versionText } from '../../../shared/statements/history';
import { requireBody } from '../../../shared/statements/store';
import { approve, submitForReview } from '../../../shared/statements/workflow';
import { docWithStatement, typeInto } from './helpers';
import { signedTeam, statementBy } from './signoff-helpers';

describe('version history', () => {
  it('saves manual versions with text, body and hash', () => {
    const { doc, id, rec } = docWithStatement();
    addVersion(rec, { by: '王小明', reason: 'manual', label: '給法務前' }, 'user');
    typeInto(doc, id, 0, 0, '更新：');
    addVersion(rec, { by: '王小明', reason: 'manual', label: '修改後' }, 'user');
    const vs = listVersions(rec);
    expect(vs.map((v) => v.label)).toEqual(['給法務前', '修改後']);
    expect(vs[0]!.text).toBe('第一段文字。\n第二段文字。');
    expect(vs[1]!.text).toBe('更新：第一段文字。\n第二段文字。');
    expect(vs[0]!.hash).not.toBe(vs[1]!.hash);
    expect(versionText({ ...vs[0]!, text: '' })).toBe(vs[0]!.text);
  });

  it('diffs Chinese by characters and English by words', () => {
    const zh = diffTexts('影響1,200名顧客', '影響1,500名顧客', 'zh-TW');
    expect(zh.filter((p) => p.kind !== 'same').map((p) => [p.kind, p.value])).toEqual([
      ['removed', '2'],
      ['added', '5'],
    ]);
    const en = diffTexts('We paused sales today', 'We stopped sales today', 'en');
    expect(en.filter((p) => p.kind !== 'same').map((p) => p.value)).toEqual(['paused', 'stopped']);
  });

  it('restores a version as a new version, by a person’s edit', () => {
    const { doc, id, rec } = docWithStatement();
    const v1 = addVersion(rec, { by: '王小明', reason: 'manual', label: 'v1' }, 'user');
    const before = bodyToJson(requireBody(rec));
    typeInto(doc, id, 1, 0, '錯字');
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    restoreVersion(rec, v1, '王小明', 'restore:v1');
    expect(origins).toEqual(['user']);
    expect(bodyToJson(requireBody(rec))).toEqual(before);
    const vs = listVersions(rec);
    expect(vs[vs.length - 1]).toMatchObject({ reason: 'restore', label: 'restore:v1', text: '第一段文字。\n第二段文字。' });
    expect(() => restoreVersion(rec, 'missing', '王小明', 'x')).toThrow(/no longer exists/);
  });

  it('restoring the approved text brings its signed approval back; other text does not', async () => {
    const t = await signedTeam();
    const { id, rec } = statementBy(t, 'owner');
    const doc = t.doc;
    submitForReview(doc, id, '王小明');
    await approve(doc, id, 'legal', await t.as('legal'));
    const approvedVersion = listVersions(rec).find((v) => v.label === 'status:approved')!;
    typeInto(doc, id, 0, 0, '改');
    expect(deriveGate(rec, { gov: await t.gov() }).status).toBe('in_review');
    restoreVersion(rec, approvedVersion.id, '王小明', 'restore');
    expect(bodyText(requireBody(rec))).toBe(approvedVersion.text);
    expect(deriveGate(rec, { gov: await t.gov() }).status).toBe('approved');
  });
});
