import * as Y from 'yjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { write } from '../../../shared/doc/origins';
import { deriveGate } from '../../../shared/statements/approval';
import * as hash from '../../../shared/statements/hash';
import { createStatement, getStatement, requireBody } from '../../../shared/statements/store';
import { cachedContentHash, listGate } from '../../../renderer/features/statements/listGates';
import { formatDateTime } from '../../../renderer/features/statements/format';
import { dateTimeFormat } from '../../../renderer/i18n/format';

vi.mock('../../../shared/statements/hash', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../shared/statements/hash')>();
  return { ...m, contentHash: vi.fn(m.contentHash) };
});
const hashCalls = vi.mocked(hash.contentHash);

/**
 * The statements list's incremental caches (renderer/features/statements/listGates.ts, issue 14
 * P16): a keystroke in one statement re-hashes and re-derives that statement only.
 */
function workspace(n: number) {
  const doc = new Y.Doc();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = createStatement(doc, { title: `聲明 ${i}`, kind: 'holding', language: 'zh-TW', by: 'Test', body: `第 ${i} 份聲明的內容，關於產品回收與致歉。` }, 'system');
    ids.push(id);
  }
  const rec = (id: string) => getStatement(doc, id)!;
  const type = (id: string, text: string) =>
    write(doc, 'remote', () => {
      const p = requireBody(rec(id)).get(0) as Y.XmlElement;
      (p.get(0) as Y.XmlText).insert(0, text);
    });
  return { doc, ids, rec, type };
}

beforeEach(() => {
  hashCalls.mockClear();
});

describe('cachedContentHash', () => {
  it('hashes a body once, and again only after that body changed', () => {
    const { ids, rec, type } = workspace(3);
    const [a, b] = [requireBody(rec(ids[0]!)), requireBody(rec(ids[1]!))];
    const ha = cachedContentHash(a);
    const hb = cachedContentHash(b);
    expect(hashCalls).toHaveBeenCalledTimes(2);
    expect(cachedContentHash(a)).toBe(ha);
    expect(cachedContentHash(b)).toBe(hb);
    expect(hashCalls).toHaveBeenCalledTimes(2);
    type(ids[0]!, '字');
    const ha2 = cachedContentHash(a);
    expect(ha2).not.toBe(ha);
    expect(cachedContentHash(b)).toBe(hb);
    // Once more for A, never again for B.
    expect(hashCalls.mock.calls.filter((c) => c[0] === b)).toHaveLength(1);
    expect(hashCalls.mock.calls.filter((c) => c[0] === a)).toHaveLength(2);
    hashCalls.mockClear();
    expect(ha2).toBe(deriveGate(rec(ids[0]!), { gov: null }).hash);
  });
});

describe('listGate', () => {
  it('derives what deriveGate derives', () => {
    const { ids, rec } = workspace(2);
    for (const id of ids) expect(listGate(rec(id), null)).toEqual(deriveGate(rec(id), { gov: null }));
  });

  it('a keystroke in statement A re-derives A only: B keeps its gate object and is not hashed again', () => {
    const { ids, rec, type } = workspace(50);
    const before = ids.map((id) => listGate(rec(id), null));
    expect(hashCalls).toHaveBeenCalledTimes(50);
    hashCalls.mockClear();
    type(ids[7]!, '更正');
    const after = ids.map((id) => listGate(rec(id), null));
    expect(hashCalls).toHaveBeenCalledTimes(1);
    expect(hashCalls.mock.calls[0]![0]).toBe(requireBody(rec(ids[7]!)));
    after.forEach((g, i) => (i === 7 ? expect(g).not.toBe(before[i]) : expect(g).toBe(before[i])));
    expect(after[7]!.hash).toBe(deriveGate(rec(ids[7]!), { gov: null }).hash);
    expect(after[7]!.hash).not.toBe(before[7]!.hash);
  });

  it('a change of a field (not the body) re-derives that statement without hashing it again', () => {
    const { doc, ids, rec } = workspace(3);
    const g0 = listGate(rec(ids[1]!), null);
    hashCalls.mockClear();
    write(doc, 'remote', () => rec(ids[1]!).set('stage', 'in_review'));
    const g1 = listGate(rec(ids[1]!), null);
    expect(g1).not.toBe(g0);
    expect(g1.stage).toBe('in_review');
    expect(hashCalls).not.toHaveBeenCalled();
  });
});

describe('formatDateTime (statements)', () => {
  it('uses one shared formatter per language: 1,000 rows build no new Intl.DateTimeFormat', () => {
    const at = Date.UTC(2026, 5, 3, 6, 5);
    const expected = new Intl.DateTimeFormat('zh-TW', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(at));
    expect(formatDateTime(at, 'zh-TW')).toBe(expected);
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    for (let i = 0; i < 1000; i++) formatDateTime(at + i * 60_000, 'zh-TW');
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('the formatter cache returns the same instance for the same language and options', () => {
    const o: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short' };
    expect(dateTimeFormat('en', o)).toBe(dateTimeFormat('en', { ...o }));
    expect(dateTimeFormat('en', o)).not.toBe(dateTimeFormat('zh-CN', o));
  });
});
