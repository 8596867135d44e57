import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRecord, type YRecord } from '../../../shared/doc/collection';
import { readReleases } from '../../../shared/statements/approval';
import { addComment, listComments, setCommentResolved } from '../../../shared/statements/comments';
import { addFact, readFacts } from '../../../shared/statements/factsheet';
import { addVersion, listVersions } from '../../../shared/statements/history';
import { addCustomPhrase, effectivePhrases, isShippedPhraseEnabled, phraseSettingsOf, PhraseSettingRecord, setShippedPhraseEnabled } from '../../../shared/statements/lint';
import { DEFAULT_RISKY_PHRASES } from '../../../shared/statements/phrases';
import { nestedOf } from '../../../shared/statements/store';
import { CommentRecord, FactRecord, ReleaseRecord, VersionRecord } from '../../../shared/statements/types';
import { docWithStatement } from '../statements/helpers';
import { plainReadersAgreeWithZod, rawRecord, refusedWithoutWriting } from './recordChecks';

/** The fields a record stores, sorted (the shape peers on the previous version read). */
const storedKeys = (rec: YRecord) => [...rec.keys()].sort();



describe('statement versions', () => {
  it('round trip: a first version stores its body JSON in full (no text copy), read back typed', () => {
    const { rec } = docWithStatement();
    const id = addVersion(rec, { by: '王小明', reason: 'manual', label: '給法務看之前', at: 1_000 }, 'user');
    const stored = nestedOf(rec, 'versions').get(id)!;
    // The fields an older release reads (its versionText derives the text from bodyJson).
    expect(storedKeys(stored)).toEqual(['at', 'bodyJson', 'by', 'hash', 'label', 'order', 'reason']);
    // check() is strict: it names the fields left out (as for tasks and members), nothing else.
    expect(VersionRecord.check(stored).map((p) => p.split(':')[0])).toEqual(['text', 'delta']);
    expect(listVersions(rec)).toEqual([{ id, at: 1_000, by: '王小明', reason: 'manual', label: '給法務看之前', text: '第一段文字。\n第二段文字。', bodyJson: stored.get('bodyJson'), hash: stored.get('hash') }]);
  });

  it('round trip: a later version stores a delta instead of the body, read back as a full version', () => {
    const { rec } = docWithStatement();
    const first = addVersion(rec, { by: '王小明', reason: 'manual', label: 'v1', at: 1_000 }, 'user');
    const id = addVersion(rec, { by: '王小明', reason: 'status', label: 'status:in_review', at: 2_000 }, 'user');
    const stored = nestedOf(rec, 'versions').get(id)!;
    expect(storedKeys(stored)).toEqual(['at', 'by', 'delta', 'hash', 'label', 'order', 'reason']);
    expect(VersionRecord.check(stored).map((p) => p.split(':')[0])).toEqual(['text', 'bodyJson']);
    expect(JSON.parse(stored.get('delta') as string)).toEqual([first, expect.any(Number), expect.any(Number), '']);
    const [v1, v2] = listVersions(rec);
    expect(v2).toEqual({ id, at: 2_000, by: '王小明', reason: 'status', label: 'status:in_review', text: v1!.text, bodyJson: v1!.bodyJson, hash: v1!.hash });
  });

  it('a bad version is refused with its field named, and nothing is written', () => {
    const { doc, rec } = docWithStatement();
    refusedWithoutWriting(doc, /version\.label/, () => addVersion(rec, { by: '王小明', reason: 'manual', label: '長'.repeat(501) }, 'user'));
    refusedWithoutWriting(doc, /version\.reason/, () => addVersion(rec, { by: '王小明', reason: 'autosave' as never, label: '' }, 'user'));
    expect(listVersions(rec)).toEqual([]);
  });

  it('reads a damaged or older version with defaults, in the order it was added', () => {
    const { rec } = docWithStatement();
    const coll = nestedOf(rec, 'versions');
    rawRecord(coll, { id: 'old', order: 1, at: 'yesterday', reason: 'autosave', label: 7, text: '舊文字' });
    addVersion(rec, { by: '王小明', reason: 'status', label: 'status:submitted', at: 5 }, 'user');
    const [old, next] = listVersions(rec);
    expect(old).toEqual({ id: 'old', at: 0, by: '', reason: 'manual', label: '', text: '舊文字', bodyJson: '', hash: '' });
    expect(next).toMatchObject({ at: 5, reason: 'status' });
  });
});

describe('release copies', () => {
  const release = (at: number) => ({ id: `r${at}`, at, by: '發言人', byKey: 'k'.repeat(43), title: '聲明', text: '正文', bodyJson: '{"type":"doc"}', hash: 'a'.repeat(64), approvalsJson: '[]', releaseEntry: '{"p":"x","s":"y"}' });

  it('round trip: a release copy is stored with the fields releases always had', () => {
    const { rec } = docWithStatement();
    const id = addRecord(nestedOf(rec, 'releases'), ReleaseRecord.init(release(10)), 'user');
    const stored = nestedOf(rec, 'releases').get(id)!;
    expect(storedKeys(stored)).toEqual(['approvalsJson', 'at', 'bodyJson', 'by', 'byKey', 'hash', 'order', 'releaseEntry', 'text', 'title']);
    expect(readReleases(rec)).toEqual([release(10)]);
  });

  it('a bad release copy is refused before anything is written', () => {
    const { doc } = docWithStatement();
    refusedWithoutWriting(doc, /release\.releaseEntry/, () => ReleaseRecord.init({ ...release(1), releaseEntry: 'x'.repeat(20_000) }));
    refusedWithoutWriting(doc, /release\.at/, () => ReleaseRecord.init({ ...release(1), at: Number.NaN }));
  });

  it('reads a legacy (unsigned) release with defaults and leaves out one without text or hash', () => {
    const { rec } = docWithStatement();
    const coll = nestedOf(rec, 'releases');
    rawRecord(coll, { id: 'legacy', order: 1, at: 3, by: '公關', title: '聲明', text: '正文', hash: 'b'.repeat(64) });
    rawRecord(coll, { id: 'half', order: 2, at: 4, by: '公關', title: '聲明', hash: 'c'.repeat(64) });
    expect(readReleases(rec)).toEqual([{ id: 'legacy', at: 3, by: '公關', byKey: '', title: '聲明', text: '正文', bodyJson: '', hash: 'b'.repeat(64), approvalsJson: '[]', releaseEntry: '' }]);
  });
});

describe('review comments', () => {
  it('round trip: a comment is stored with the fields comments always had and resolves with typed writes', () => {
    const { doc, rec } = docWithStatement();
    const id = addComment(rec, { from: 0, to: 5, text: '請確認', by: '林律師', byKey: 'key-1', at: 42 });
    const stored = nestedOf(rec, 'comments').get(id)!;
    expect(storedKeys(stored)).toEqual(['at', 'by', 'byKey', 'end', 'order', 'quote', 'resolved', 'resolvedAt', 'resolvedBy', 'start', 'text']);
    expect(listComments(rec)).toEqual([expect.objectContaining({ id, by: '林律師', byKey: 'key-1', at: 42, text: '請確認', quote: '第一段文字', resolved: false, resolvedBy: '', from: 0, to: 5 })]);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    setCommentResolved(rec, id, true, '王小明', 'user');
    expect(origins).toEqual(['user']);
    expect(CommentRecord.read(stored)).toMatchObject({ resolved: true, resolvedBy: '王小明' });
    expect(CommentRecord.read(stored).resolvedAt).toBeGreaterThan(0);
  });

  it('a bad comment or resolution is refused with its field named, and nothing is written', () => {
    const { doc, rec } = docWithStatement();
    refusedWithoutWriting(doc, /comment\.text/, () => addComment(rec, { from: 0, to: 5, text: '長'.repeat(20_001), by: '林律師' }));
    const id = addComment(rec, { from: 0, to: 5, text: '請確認', by: '林律師' });
    refusedWithoutWriting(doc, /comment\.resolvedBy/, () => setCommentResolved(rec, id, true, '名'.repeat(2_001), 'user'));
    expect(listComments(rec)[0]).toMatchObject({ resolved: false, resolvedBy: '' });
  });

  it('reads a comment made before device keys, or damaged, with defaults', () => {
    const { rec } = docWithStatement();
    rawRecord(nestedOf(rec, 'comments'), { id: 'c-old', order: 1, by: '林律師', at: '3', text: '舊意見', start: 'not json', end: '', quote: '第二段', resolved: 'yes' });
    const [comment] = listComments(rec);
    expect(comment).toMatchObject({ id: 'c-old', byKey: '', at: 0, resolved: false, resolvedBy: '', resolvedAt: 0, approximate: true, from: 7, to: 10 });
  });
});

describe('statement facts', () => {
  it('round trip: a fact is stored with the fields facts always had', () => {
    const { doc, rec } = docWithStatement();
    const id = addFact(doc, rec, { label: ' 受影響人數 ', value: '1,200', kind: 'number' });
    const stored = nestedOf(rec, 'facts').get(id)!;
    expect(storedKeys(stored)).toEqual(['keywords', 'kind', 'label', 'order', 'value']);
    expect(FactRecord.check(stored)).toEqual([]);
    expect(readFacts(rec)).toEqual([{ id, label: '受影響人數', value: '1,200', kind: 'number' }]);
    const withWords = addFact(doc, rec, { label: '發現日', value: '6 月 1 日', kind: 'date', keywords: '發現,發生' });
    expect(readFacts(rec).find((f) => f.id === withWords)).toEqual({ id: withWords, label: '發現日', value: '6 月 1 日', kind: 'date', keywords: '發現,發生' });
  });

  it('a bad fact is refused with its field named, and nothing is written', () => {
    const { doc, rec } = docWithStatement();
    refusedWithoutWriting(doc, /fact\.kind/, () => addFact(doc, rec, { label: '顏色', value: '紅', kind: 'color' as never }));
    refusedWithoutWriting(doc, /fact\.value/, () => addFact(doc, rec, { label: '說明', value: '字'.repeat(501), kind: 'name' }));
    expect(() => addFact(doc, rec, { label: '數量', value: '  ', kind: 'number' })).toThrow(/value/);
    expect(readFacts(rec)).toEqual([]);
  });

  it('reads an older fact leniently and leaves out one that cannot be checked against', () => {
    const { rec } = docWithStatement();
    const coll = nestedOf(rec, 'facts');
    rawRecord(coll, { id: 'f-old', order: 1, label: '型號', value: 'X-200', kind: 'model', keywords: 3 });
    rawRecord(coll, { id: 'f-kindless', order: 2, label: '人數', value: '12', kind: 'count' });
    rawRecord(coll, { id: 'f-blank', order: 3, value: '12', kind: 'number' });
    expect(readFacts(rec)).toEqual([{ id: 'f-old', label: '型號', value: 'X-200', kind: 'model' }]);
  });
});

describe("the team's phrase settings", () => {
  const shipped = DEFAULT_RISKY_PHRASES.find((p) => p.language === 'zh-TW')!;

  it('round trip: a custom phrase and an override store only the fields they always stored', () => {
    const doc = new Y.Doc();
    const id = addCustomPhrase(doc, { language: 'zh-TW', category: 'blame', pattern: ' 都是供應商 ', isRegex: false, reason: '勿卸責' });
    const custom = phraseSettingsOf(doc).get(id)!;
    expect(storedKeys(custom)).toEqual(['category', 'enabled', 'isRegex', 'language', 'order', 'overridesId', 'pattern', 'reason']);
    expect(PhraseSettingRecord.check(custom)).toEqual([]);
    expect(effectivePhrases(doc, 'zh-TW')).toContainEqual({ id, language: 'zh-TW', category: 'blame', pattern: '都是供應商', isRegex: false, reason: '勿卸責' });

    setShippedPhraseEnabled(doc, shipped.id, false);
    const override = [...phraseSettingsOf(doc).values()].find((r) => r.get('overridesId') === shipped.id)!;
    expect(storedKeys(override)).toEqual(['enabled', 'order', 'overridesId']);
    expect(isShippedPhraseEnabled(doc, shipped.id)).toBe(false);
    setShippedPhraseEnabled(doc, shipped.id, true);
    expect(isShippedPhraseEnabled(doc, shipped.id)).toBe(true);
    expect(phraseSettingsOf(doc).size).toBe(2);
  });

  it('a bad setting is refused with its field named, and nothing is written', () => {
    const doc = new Y.Doc();
    const id = addCustomPhrase(doc, { language: 'en', category: 'blame', pattern: 'their fault', isRegex: false, reason: '' });
    const rec = phraseSettingsOf(doc).get(id)!;
    refusedWithoutWriting(doc, /phrase\.category/, () => PhraseSettingRecord.set(rec, 'category', 'rude' as never, 'user'));
    // The settings form's own schema (with its messages and the pattern check) refuses first.
    const before = Y.encodeStateVector(doc);
    expect(() => addCustomPhrase(doc, { language: 'en', category: 'blame', pattern: 'fault', isRegex: false, reason: 'x'.repeat(501) })).toThrow(/reason/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('reads an older override leniently: a rewording is used, a flag that is not false keeps it on', () => {
    const doc = new Y.Doc();
    rawRecord(phraseSettingsOf(doc), { id: 'o1', order: 1, overridesId: shipped.id, enabled: 'no', pattern: '改寫', reason: 7 });
    const used = effectivePhrases(doc, 'zh-TW').find((p) => p.id === shipped.id);
    expect(used).toEqual({ ...shipped, pattern: '改寫' });
    // A custom phrase missing a stored field is left out, not defaulted.
    rawRecord(phraseSettingsOf(doc), { id: 'c1', order: 2, overridesId: '', language: 'zh-TW', category: 'blame', pattern: '不完整' });
    expect(effectivePhrases(doc).some((p) => p.id === 'c1')).toBe(false);
  });
});

describe('the plain readers agree with the lenient schemas', () => {
  it('for every nested statement record kind and every kind of bad value', () => {
    const odd: unknown[] = [undefined, null, 0, -1, 2.5, Number.NaN, '', 'x', 'manual', 'number', true, false, [], { a: 1 }];
    const compared = plainReadersAgreeWithZod([VersionRecord, ReleaseRecord, CommentRecord, FactRecord, PhraseSettingRecord], odd);
    expect(compared).toBeGreaterThan(400);
  });
});
