import { describe, expect, it } from 'vitest';
import { deriveApprovals, deriveReleases, evaluateApproval, requiredRolesMet } from '../../../shared/governance/approvals';
import { canonicalJson } from '../../../shared/governance/canonical';
import { fromBase64Url, toBase64Url } from '../../../shared/governance/base64url';
import type { SignedEntry } from '../../../shared/governance/entries';
import { memberOf, people, settledGov, signed, T0, team, textHash } from './helpers';

const H = textHash('我們已暫停該批次產品的銷售。');
const H2 = textHash('我們已暫停該批次產品的銷售，並全面檢驗。');
const S = 'stmt-holding-1';

async function fixture() {
  const t = await team({ legal: ['legal_approver', 'editor'], exec: ['executive_approver'], pr: ['spokesperson'], editor: ['editor'], gone: ['legal_approver'] });
  const { outsider } = await people('outsider');
  const removeGone = await signed(t.keys.owner!, { kind: 'roster.remove', at: T0 + 100, key: t.keys.gone!.publicKey });
  return { ...t, outsider, base: [...t.entries, removeGone] };
}

describe('approvals', () => {
  it('gives each approval its standing and reason', async () => {
    const { keys, outsider, base } = await fixture();
    const at = T0 + 1000;
    const approve = (k: keyof typeof keys | 'outsider', extra: Partial<{ statementId: string; hash: string; role: 'legal' | 'executive' | 'pr'; ws: string; at: number }> = {}) =>
      signed(k === 'outsider' ? outsider : keys[k]!, { kind: 'approval', at, statementId: S, hash: H, role: 'legal', ...extra });
    const genuine = await approve('legal');
    const flipped = (() => {
      const sig = fromBase64Url(genuine.s)!;
      sig[0]! ^= 1;
      return { p: genuine.p, s: toBase64Url(sig) };
    })();
    const cases: Array<[string, SignedEntry]> = [
      ['valid', genuine],
      ['valid', await approve('exec', { role: 'executive' })],
      ['valid', await approve('pr', { role: 'pr' })],
      ['notMember', await approve('outsider')],
      ['lacksRole', await approve('editor')],
      ['lacksRole', await approve('exec')],
      ['lacksRole', await approve('legal', { role: 'executive' })],
      ['removed', await approve('gone')],
      ['removed', await approve('gone', { at: T0 + 50 })], // back-dated to before the removal
      ['notMember', await approve('legal', { at: T0 - 10 })], // back-dated to before joining
      ['textChanged', await approve('legal', { hash: H2 })],
      ['otherWorkspace', await approve('legal', { ws: 'another-workspace' })],
      ['badSignature', flipped],
      // A non-member signs as the legal approver.
      ['badSignature', { p: canonicalJson({ ...JSON.parse(genuine.p), at: at + 1 }), s: (await approve('outsider')).s }],
    ];
    const gov = await settledGov([...base, ...cases.map((c) => c[1])], { genesisKey: keys.owner!.publicKey });
    const derived = deriveApprovals(gov, { statementId: S, hash: H, lastEditorKey: keys.editor!.publicKey });
    const bySig = new Map(derived.map((d) => [d.item.entry!.s + d.item.entry!.p, d]));
    for (const [want, entry] of cases) {
      const d = bySig.get(entry.s + entry.p)!;
      expect(d, want).toBeDefined();
      expect(d.reason ?? 'valid', `${want} ${entry.p}`).toBe(want);
      expect(d.valid).toBe(want === 'valid');
    }
    expect(derived.find((d) => d.reason === 'removed')!.signer?.name).toBe('gone');
    // An approval judged against another statement.
    expect(evaluateApproval(gov, derived[0]!.item, { statementId: 'other', hash: H }).reason).toBe('otherStatement');
  });

  it('keeps the last editor from giving the legal approval while the policy says so', async () => {
    const { keys, base } = await fixture();
    const legal = await signed(keys.legal!, { kind: 'approval', at: T0 + 1000, statementId: S, hash: H, role: 'legal' });
    const target = { statementId: S, hash: H, lastEditorKey: keys.legal!.publicKey };
    const gov = await settledGov([...base, legal], { genesisKey: keys.owner!.publicKey });
    expect(deriveApprovals(gov, target)[0]).toMatchObject({ valid: false, reason: 'authorCannotApprove' });
    expect(deriveApprovals(gov, { ...target, lastEditorKey: keys.editor!.publicKey })[0]!.valid).toBe(true);
    // The executive sign-off is not restricted.
    const exec = await signed(keys.exec!, { kind: 'approval', at: T0 + 1000, statementId: S, hash: H, role: 'executive' });
    const gov2 = await settledGov([...base, exec], { genesisKey: keys.owner!.publicKey });
    expect(deriveApprovals(gov2, { ...target, lastEditorKey: keys.exec!.publicKey })[0]!.valid).toBe(true);
    // Owners can turn separation of duties off.
    const off = await signed(keys.owner!, { kind: 'policy.set', at: T0 + 500, policy: { separationOfDuties: false, requiredRoles: {} } });
    const gov3 = await settledGov([...base, off, legal], { genesisKey: keys.owner!.publicKey });
    expect(deriveApprovals(gov3, target)[0]!.valid).toBe(true);
  });

  it('does not revive a removed member’s approvals when they are added again', async () => {
    const { keys, base } = await fixture();
    const before = await signed(keys.gone!, { kind: 'approval', at: T0 + 60, statementId: S, hash: H, role: 'legal' });
    const readd = await signed(keys.owner!, { kind: 'roster.add', at: T0 + 200, member: memberOf(keys.gone!, 'gone', ['legal_approver']) });
    const after = await signed(keys.gone!, { kind: 'approval', at: T0 + 300, statementId: S, hash: H, role: 'legal' });
    const gov = await settledGov([...base, before, readd, after], { genesisKey: keys.owner!.publicKey });
    expect(deriveApprovals(gov, { statementId: S, hash: H }).map((a) => a.reason ?? 'valid')).toEqual(['removed', 'valid']);
  });

  it('says "verifying" until the signature and the roster are checked', async () => {
    const { keys, base } = await fixture();
    const a = await signed(keys.legal!, { kind: 'approval', at: T0 + 1000, statementId: S, hash: H, role: 'legal' });
    const own = await settledGov([...base, a], { genesisKey: keys.owner!.publicKey, verdict: (e) => (e.s === a.s ? 'pending' : 'valid') });
    expect(deriveApprovals(own, { statementId: S, hash: H })[0]!.reason).toBe('verifying');
    // The approval checks out, but a roster entry is still unchecked: it might be the approver's removal.
    const roster = await settledGov([...base, a], { genesisKey: keys.owner!.publicKey, verdict: (e) => (e.s === base.at(-1)!.s ? 'pending' : 'valid') });
    expect(deriveApprovals(roster, { statementId: S, hash: H })[0]!.reason).toBe('verifying');
    expect(requiredRolesMet(roster, { statementId: S, hash: H, kind: 'holding' })).toMatchObject({ met: false, pending: true });
  });
});

describe('required sign-offs', () => {
  it('needs every role of the policy for the kind, plus any the statement adds', async () => {
    const { keys, base } = await fixture();
    const legal = await signed(keys.legal!, { kind: 'approval', at: T0 + 1000, statementId: S, hash: H, role: 'legal' });
    const exec = await signed(keys.exec!, { kind: 'approval', at: T0 + 1001, statementId: S, hash: H, role: 'executive' });
    const stale = await signed(keys.exec!, { kind: 'approval', at: T0 + 1002, statementId: S, hash: H2, role: 'executive' });
    const gov = await settledGov([...base, legal, exec, stale], { genesisKey: keys.owner!.publicKey });
    const target = { statementId: S, hash: H, lastEditorKey: keys.editor!.publicKey };

    const holding = requiredRolesMet(gov, { ...target, kind: 'holding' });
    expect(holding).toMatchObject({ required: ['legal'], met: true, pending: false });
    expect(holding.roles[0]!.approval?.payload?.by).toBe(keys.legal!.publicKey);

    const plus = requiredRolesMet(gov, { ...target, kind: 'holding', statementRoles: ['executive'] });
    expect(plus).toMatchObject({ required: ['legal', 'executive'], met: true });
    expect(plus.roles[1]!.approvals.map((a) => a.reason ?? 'valid')).toEqual(['valid', 'textChanged']);

    const press = requiredRolesMet(gov, { ...target, kind: 'press', statementRoles: [] });
    expect(press.required).toEqual(['legal', 'executive', 'pr']);
    expect(press.met).toBe(false);
    expect(press.roles.find((r) => r.role === 'pr')!.approval).toBeUndefined();

    // After an edit nothing counts any more.
    expect(requiredRolesMet(gov, { ...target, hash: textHash('edited'), kind: 'holding' }).met).toBe(false);
  });
});

describe('releases', () => {
  it('count when signed by a spokesperson who still is one', async () => {
    const { keys, base } = await fixture();
    const ok = await signed(keys.pr!, { kind: 'release', at: T0 + 2000, statementId: S, hash: H });
    const notPr = await signed(keys.legal!, { kind: 'release', at: T0 + 2001, statementId: S, hash: H });
    const gov = await settledGov([...base, ok, notPr], { genesisKey: keys.owner!.publicKey });
    expect(deriveReleases(gov, S).map((r) => r.reason ?? 'valid')).toEqual(['valid', 'lacksRole']);
    expect(deriveReleases(gov, 'other')).toEqual([]);
  });
});
