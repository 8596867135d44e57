import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendEntry, GOVERNANCE_LOG_ROOT, observeLog, readLog } from '../../../shared/governance/log';
import type { LogItem } from '../../../shared/governance/entries';
import { memberOf, people, signed, textHash } from './helpers';

describe('the governance log in the document', () => {
  it('is a root-level array of entry strings, appended with the caller’s origin', async () => {
    const { a } = await people('a');
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    const calls: number[] = [];
    const stop = observeLog(doc, () => calls.push(1));
    const e = await signed(a, { kind: 'roster.genesis', at: 1, member: memberOf(a, 'A', ['owner']) });
    appendEntry(doc, e, 'user');
    appendEntry(doc, e, 'import');
    expect(origins).toEqual(['user', 'import']);
    expect(calls).toHaveLength(2);
    stop();
    appendEntry(doc, e, 'system');
    expect(calls).toHaveLength(2);
    const stored = doc.getArray(GOVERNANCE_LOG_ROOT).toArray();
    expect(stored).toHaveLength(3);
    expect(JSON.parse(stored[0] as string)).toEqual({ p: e.p, s: e.s });
    expect(doc.share.has(GOVERNANCE_LOG_ROOT)).toBe(true);
  });

  it('keeps both peers’ entries when they append before they ever synced', async () => {
    const { a, b } = await people('a', 'b');
    const d1 = new Y.Doc();
    const d2 = new Y.Doc();
    appendEntry(d1, await signed(a, { kind: 'approval', at: 1, statementId: 's', hash: textHash('1'), role: 'legal' }), 'user');
    appendEntry(d2, await signed(b, { kind: 'approval', at: 2, statementId: 's', hash: textHash('1'), role: 'executive' }), 'user');
    Y.applyUpdate(d1, Y.encodeStateAsUpdate(d2), 'remote');
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1), 'remote');
    for (const d of [d1, d2]) expect(readLog(d).map((i) => i.payload?.by).sort()).toEqual([a.publicKey, b.publicKey].sort());
  });

  it('parses each stored string once when given a cache', async () => {
    const { a } = await people('a');
    const doc = new Y.Doc();
    const e = await signed(a, { kind: 'roster.genesis', at: 1, member: memberOf(a, 'A', ['owner']) });
    appendEntry(doc, e, 'user');
    const cache = new Map<string, LogItem>();
    const first = readLog(doc, cache);
    expect(readLog(doc, cache)[0]).toBe(first[0]);
    appendEntry(doc, e, 'user');
    const second = readLog(doc, cache);
    expect(second.map((i) => i.index)).toEqual([0, 1]);
    expect(cache.size).toBe(1);
  });
});
