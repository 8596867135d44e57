import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalJson } from '../../../shared/governance/canonical';
import { parseLogItem, serializeEntry, type SignedEntry } from '../../../shared/governance/entries';
import { appendEntry, governanceLog, readLog, signEntry } from '../../../shared/governance/log';
import { deriveGovernance } from '../../../shared/governance/governance';
import { deriveApprovals } from '../../../shared/governance/approvals';
import { auditTrail } from '../../../shared/governance/audit';
import { memberOf, NOW, people, signed, textHash, WS } from './helpers';

const SIG = 'A'.repeat(86);

describe('reading entries from peers (trust boundary)', () => {
  it('reads a well-formed entry', async () => {
    const { a } = await people('a');
    const e = await signed(a, { kind: 'approval', at: 10, statementId: 's1', hash: textHash('x'), role: 'legal' });
    const item = parseLogItem(serializeEntry(e), 3);
    expect(item.malformed).toBeUndefined();
    expect(item.index).toBe(3);
    expect(item.entry).toEqual(e);
    expect(item.payload).toMatchObject({ kind: 'approval', statementId: 's1', by: a.publicKey, ws: WS, at: 10 });
  });

  it('marks every kind of damage as malformed, never throws, and keeps a hint', async () => {
    const { a } = await people('a');
    const good = JSON.parse((await signed(a, { kind: 'approval', at: 10, statementId: 's1', hash: textHash('x'), role: 'legal' })).p) as Record<string, unknown>;
    const withP = (p: string, s = SIG) => JSON.stringify({ p, s });
    const cases: Array<[unknown, string]> = [
      [42, 'notText'],
      [null, 'notText'],
      [new Uint8Array(3), 'notText'],
      ['x'.repeat(20_000), 'tooLarge'],
      ['{not json', 'notJson'],
      [JSON.stringify({ p: canonicalJson(good) }), 'badShape'],
      [JSON.stringify({ p: canonicalJson(good), s: 'short' }), 'badShape'],
      [JSON.stringify({ p: canonicalJson(good), s: SIG, extra: 1 }), 'badShape'],
      [JSON.stringify([1, 2]), 'badShape'],
      [withP(JSON.stringify(good, null, 1)), 'notCanonical'],
      [withP(JSON.stringify({ ...good }).replace('"at":10', '"at":10.0')), 'notCanonical'],
      [withP(canonicalJson({ ...good, kind: 'approval.v2' })), 'badPayload'],
      [withP(canonicalJson({ ...good, extra: true })), 'badPayload'],
      [withP(canonicalJson({ ...good, hash: 'ABC' })), 'badPayload'],
      [withP(canonicalJson({ ...good, role: 'owner' })), 'badPayload'],
      [withP(canonicalJson({ ...good, by: 'someone' })), 'badPayload'],
      [withP(canonicalJson({ ...good, at: -1 })), 'badPayload'],
      [withP(canonicalJson({ ...good, statementId: '  ' })), 'badPayload'],
      [withP(canonicalJson({ ws: WS, kind: 'roster.add', at: 1, by: a.publicKey, member: { ...memberOf(a, ' ', ['editor']) } })), 'badPayload'],
      [withP(canonicalJson({ ws: WS, kind: 'roster.roles', at: 1, by: a.publicKey, key: a.publicKey, roles: ['editor', 'editor'] })), 'badPayload'],
      [withP(canonicalJson({ ws: WS, kind: 'override', at: 1, by: a.publicKey, statementId: 's1', gate: 'lint', reason: '' })), 'badPayload'],
      [withP(canonicalJson({ ws: WS, kind: 'policy.set', at: 1, by: a.publicKey, policy: { separationOfDuties: true, requiredRoles: { holding: [] } } })), 'badPayload'],
      [withP(canonicalJson({ ws: WS, kind: 'policy.set', at: 1, by: a.publicKey, policy: { separationOfDuties: true, requiredRoles: { bogus: ['legal'] } } })), 'badPayload'],
      // A key JSON.parse keeps but an object literal would turn into a prototype.
      [withP(`{"at":1,"by":"${a.publicKey}","kind":"policy.set","policy":{"requiredRoles":{"__proto__":["legal"]},"separationOfDuties":true},"ws":"${WS}"}`), 'notCanonical'],
    ];
    for (const [raw, reason] of cases) {
      const item = parseLogItem(raw, 0);
      expect(item.payload, String(raw).slice(0, 80)).toBeUndefined();
      expect(item.malformed, String(raw).slice(0, 80)).toBe(reason);
    }
    const hinted = parseLogItem(withP(canonicalJson({ ...good, hash: 'ABC' })), 0);
    expect(hinted.hint).toEqual({ kind: 'approval', at: 10, by: a.publicKey, statementId: 's1' });
  });

  it('refuses to sign or append a payload that would be malformed', async () => {
    const { a } = await people('a');
    await expect(signEntry(a, { ws: WS, kind: 'approval', at: 1, statementId: 's1', hash: 'nope', role: 'legal' })).rejects.toThrow(/hash/);
    const doc = new Y.Doc();
    expect(() => appendEntry(doc, { p: '{}', s: SIG } as SignedEntry, 'user')).toThrow(/malformed/);
    expect(governanceLog(doc).length).toBe(0);
  });

  it('shows malformed entries in approvals (when they name the statement) and in the audit trail', async () => {
    const { a } = await people('a');
    const doc = new Y.Doc();
    const ok = await signed(a, { kind: 'roster.genesis', at: 1, member: memberOf(a, 'A', ['owner']) });
    appendEntry(doc, ok, 'user');
    const badP = canonicalJson({ ws: WS, kind: 'approval', at: 2, by: a.publicKey, statementId: 's1', hash: 'zz', role: 'legal' });
    // As a modified peer would write them (they arrive as a remote update).
    doc.transact(() => governanceLog(doc).push([JSON.stringify({ p: badP, s: SIG }), 17, '{"p":']), 'remote');
    const log = readLog(doc);
    expect(log.map((i) => i.malformed ?? 'ok')).toEqual(['ok', 'badPayload', 'notText', 'notJson']);
    const gov = deriveGovernance({ workspaceId: WS, trustedGenesisKey: a.publicKey, log, verdict: () => 'valid', now: NOW });
    expect(deriveApprovals(gov, { statementId: 's1', hash: textHash('x') })).toEqual([expect.objectContaining({ valid: false, reason: 'malformed' })]);
    const rows = auditTrail(gov);
    expect(rows.map((r) => [r.verdict, r.reason ?? '-'])).toEqual([
      ['valid', '-'],
      ['malformed', 'badPayload'],
      ['malformed', 'notText'],
      ['malformed', 'notJson'],
    ]);
    expect(auditTrail(gov, { statementId: 's1' })).toHaveLength(1);
  });
});
