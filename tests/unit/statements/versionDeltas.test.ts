import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { write } from '../../../shared/doc/origins';
import { bodyText, bodyToJson, plainTextToJson, replaceBody } from '../../../shared/statements/body';
import { addVersion, applyDelta, deltaOf, listVersions, MAX_CHAIN, restoreVersion } from '../../../shared/statements/history';
import { nestedOf, requireBody } from '../../../shared/statements/store';
import { cjkText, rng } from '../../../bench/lib/generateWorkspace';
import { docWithStatement, exchange, typeInto } from './helpers';

/** Replaces the whole body with `text` (paragraphs split on \n), as a person's edit. */
function setBody(doc: Y.Doc, rec: Y.Map<unknown>, text: string): void {
  write(doc, 'user', () => replaceBody(requireBody(rec), plainTextToJson(text)));
}

const stored = (rec: Y.Map<unknown>, id: string) => nestedOf(rec, 'versions').get(id)!;
const v2Bytes = (doc: Y.Doc) => Y.encodeStateAsUpdateV2(doc).length;

describe('versions as deltas (issue 14: snapshots, not copies)', () => {
  it('a status change without an edit costs a few dozen bytes, not two copies of the text', () => {
    const { doc, rec } = docWithStatement();
    setBody(doc, rec, cjkText(rng(3), 1500));
    addVersion(rec, { by: '王小明', reason: 'manual', label: 'v1' }, 'user');
    const bodyJsonBytes = new TextEncoder().encode(listVersions(rec)[0]!.bodyJson).length;
    const before = v2Bytes(doc);
    for (const label of ['status:in_review', 'status:approved', 'status:released']) addVersion(rec, { by: '王小明', reason: 'status', label }, 'user');
    const grown = v2Bytes(doc) - before;
    // Each of the three: its label, author, time, hash and a delta like ["<id>",4321,0,""] —
    // where a version used to hold a copy of the text and one of its body JSON (4,500+ bytes each).
    expect(grown).toBeLessThan(3 * 300);
    expect(bodyJsonBytes).toBeGreaterThan(4_500);
    const vs = listVersions(rec);
    expect(new Set(vs.map((v) => v.bodyJson)).size).toBe(1);
    expect(vs.every((v) => v.text === bodyText(requireBody(rec)))).toBe(true);
  });

  it('an edit stores only the changed middle; every version reads back what was saved, also after a Yjs round trip', () => {
    const { doc, id, rec } = docWithStatement();
    setBody(doc, rec, cjkText(rng(5), 1500));
    const saved: string[] = [];
    for (let i = 0; i < 6; i++) {
      typeInto(doc, id, 0, 200 + i * 50, `（更正${i}）`);
      saved.push(JSON.stringify(bodyToJson(requireBody(rec))));
      addVersion(rec, { by: '王小明', reason: 'manual', label: `v${i}` }, 'user');
    }
    const copy = new Y.Doc();
    Y.applyUpdateV2(copy, Y.encodeStateAsUpdateV2(doc), 'remote');
    const copyRec = (copy.getMap('statements').get(id) as Y.Map<unknown>)!;
    expect(listVersions(copyRec).map((v) => v.bodyJson)).toEqual(saved);
    const deltas = listVersions(rec).slice(1).map((v) => JSON.parse(stored(rec, v.id).get('delta') as string) as [string, number, number, string]);
    // The inserted part spans from the first to the last change: here one edit of 5 characters.
    expect(deltas.every(([, , , insert]) => insert.length < 20)).toBe(true);
  });

  it('restores a version stored as a delta, as a new version', () => {
    const { doc, id, rec } = docWithStatement();
    addVersion(rec, { by: '王小明', reason: 'manual', label: 'v1' }, 'user');
    typeInto(doc, id, 1, 0, '補充：');
    const v2 = addVersion(rec, { by: '王小明', reason: 'manual', label: 'v2' }, 'user');
    expect(stored(rec, v2).get('delta')).toBeTruthy();
    typeInto(doc, id, 0, 0, '錯字');
    restoreVersion(rec, v2, '王小明', 'restore:v2');
    expect(bodyText(requireBody(rec))).toBe('第一段文字。\n補充：第二段文字。');
  });

  it(`keeps chains short: the version after ${MAX_CHAIN} deltas is stored in full, and so is a rewrite`, () => {
    const { doc, id, rec } = docWithStatement();
    for (let i = 0; i <= MAX_CHAIN + 1; i++) {
      typeInto(doc, id, 0, 0, '改');
      addVersion(rec, { by: '王小明', reason: 'manual', label: `v${i}` }, 'user');
    }
    const kinds = listVersions(rec).map((v) => (stored(rec, v.id).get('delta') ? 'delta' : 'full'));
    expect(kinds).toEqual(['full', ...Array<string>(MAX_CHAIN).fill('delta'), 'full']);
    const rewritten = cjkText(rng(9), 200);
    setBody(doc, rec, rewritten);
    const rewrite = addVersion(rec, { by: '王小明', reason: 'manual', label: 'rewrite' }, 'user');
    expect(stored(rec, rewrite).get('delta')).toBeUndefined();
    expect(listVersions(rec).at(-1)!.text).toBe(rewritten);
  });

  it('a version whose base is missing or whose delta does not rebuild its hash reads as unreadable, and is not restored', () => {
    const { doc, id, rec } = docWithStatement();
    const v1 = addVersion(rec, { by: '王小明', reason: 'manual', label: 'v1' }, 'user');
    typeInto(doc, id, 0, 0, '新');
    const v2 = addVersion(rec, { by: '王小明', reason: 'manual', label: 'v2' }, 'user');
    const v3 = addVersion(rec, { by: '王小明', reason: 'manual', label: 'v3' }, 'user');
    // A tampered delta: its hash no longer matches what it rebuilds.
    const [base, keep, tail] = JSON.parse(stored(rec, v3).get('delta') as string) as [string, number, number, string];
    write(nestedOf(rec, 'versions').doc!, 'user', () => stored(rec, v3).set('delta', JSON.stringify([base, keep, tail, '惡意'])));
    // A base that is gone (e.g. not synced yet).
    write(nestedOf(rec, 'versions').doc!, 'user', () => nestedOf(rec, 'versions').delete(v1));
    const byId = new Map(listVersions(rec).map((v) => [v.id, v]));
    for (const v of [v2, v3]) expect(byId.get(v)).toMatchObject({ bodyJson: '', text: '', unreadable: true });
    const bodyBefore = bodyText(requireBody(rec));
    const versionsBefore = nestedOf(rec, 'versions').size;
    expect(() => restoreVersion(rec, v3, '王小明', 'restore')).toThrow(/cannot be read on this laptop.*nothing was restored/);
    expect(bodyText(requireBody(rec))).toBe(bodyBefore);
    expect(nestedOf(rec, 'versions').size).toBe(versionsBefore);
  });

  it('a cycle of deltas reads as unreadable instead of looping', () => {
    const { doc, id, rec } = docWithStatement();
    addVersion(rec, { by: '王小明', reason: 'manual', label: 'v1' }, 'user');
    typeInto(doc, id, 0, 0, '一');
    const a = addVersion(rec, { by: '王小明', reason: 'manual', label: 'a' }, 'user');
    typeInto(doc, id, 0, 0, '二');
    const b = addVersion(rec, { by: '王小明', reason: 'manual', label: 'b' }, 'user');
    write(nestedOf(rec, 'versions').doc!, 'user', () => {
      stored(rec, a).set('delta', JSON.stringify([b, 0, 0, '']));
      stored(rec, b).set('delta', JSON.stringify([a, 0, 0, '']));
    });
    const byId = new Map(listVersions(rec).map((v) => [v.id, v]));
    expect(byId.get(a)).toMatchObject({ bodyJson: '', unreadable: true });
    expect(byId.get(b)).toMatchObject({ bodyJson: '', unreadable: true });
    // The intact first version is not marked.
    expect(listVersions(rec)[0]!.unreadable).toBeUndefined();
  });

  it('versions two laptops save offline on the same base both read back after they merge', () => {
    const { doc: a, id, rec } = docWithStatement();
    addVersion(rec, { by: '王小明', reason: 'manual', label: 'v1' }, 'user');
    const b = new Y.Doc();
    exchange(a, b);
    const recB = b.getMap('statements').get(id) as Y.Map<unknown>;
    typeInto(a, id, 0, 0, '甲');
    const va = addVersion(rec, { by: '王小明', reason: 'manual', label: 'A' }, 'user');
    typeInto(b, id, 1, 0, '乙');
    const vb = addVersion(recB, { by: '李大華', reason: 'manual', label: 'B' }, 'user');
    exchange(a, b);
    for (const doc of [a, b]) {
      const r = doc.getMap('statements').get(id) as Y.Map<unknown>;
      const byId = new Map(listVersions(r).map((v) => [v.id, v.text]));
      expect(byId.get(va)).toBe('甲第一段文字。\n第二段文字。');
      expect(byId.get(vb)).toBe('第一段文字。\n乙第二段文字。');
    }
  });

  it('deltas never split a surrogate pair (the inserted text survives Yjs UTF-8 encoding)', () => {
    for (const [before, after] of [
      ['聲明😀結尾', '聲明😁結尾'],
      ['😀', '😁'],
      ['a😀b', 'a😀😀b'],
      ['𠀀𠀁', '𠀀𠀂'],
      ['', '新'],
      ['相同', '相同'],
    ] as const) {
      const d = deltaOf(before, after);
      expect(applyDelta(before, d.keep, d.tail, d.insert)).toBe(after);
      expect(new TextDecoder().decode(new TextEncoder().encode(d.insert))).toBe(d.insert);
    }
  });

  it('random edit sequences: every version reads back exactly the body it saved (seeded)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const r = rng(seed);
      const { doc, rec } = docWithStatement();
      setBody(doc, rec, cjkText(r, 300));
      const saved = new Map<string, string>();
      for (let step = 0; step < 40; step++) {
        const text = bodyText(requireBody(rec));
        const at = Math.floor(r() * (text.length + 1));
        const cut = Math.floor(r() * 8);
        const kind = r();
        const next = kind < 0.1 ? cjkText(r, 200) : text.slice(0, at) + (kind < 0.6 ? cjkText(r, Math.floor(r() * 12)) : kind < 0.7 ? '😀\n' : '') + text.slice(at + cut);
        setBody(doc, rec, next);
        if (r() < 0.5) saved.set(addVersion(rec, { by: '王小明', reason: 'manual', label: `s${step}` }, 'user'), JSON.stringify(bodyToJson(requireBody(rec))));
      }
      const copy = new Y.Doc();
      Y.applyUpdateV2(copy, Y.encodeStateAsUpdateV2(doc), 'remote');
      const id = [...copy.getMap('statements').keys()][0]!;
      const read = new Map(listVersions(copy.getMap('statements').get(id) as Y.Map<unknown>).map((v) => [v.id, v.bodyJson]));
      expect(read, `seed ${seed}`).toEqual(saved);
    }
  });
});
