import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/governance/roster';
import { deriveGate } from '../../../shared/statements/approval';
import { STATEMENT_KINDS } from '../../../shared/statements/types';
import { submitForReview } from '../../../shared/statements/workflow';
import { draftOf, hasChanges, isLastRole, policyChanges, policyPayload, withRole } from '../../../renderer/features/members/policy';
import { appendSigned, signedTeam, statementBy, WS } from '../statements/signoff-helpers';

describe('policy editor (Members page)', () => {
  it('drafts the policy in force and signs it back whole: every kind, roles in a fixed order', () => {
    const draft = draftOf(DEFAULT_POLICY);
    expect(draft.requiredRoles.holding).toEqual(['legal']);
    expect(draft.requiredRoles.press).toEqual(['legal', 'executive', 'pr']);
    const payload = policyPayload(withRole(draft, 'holding', 'executive', true));
    expect(Object.keys(payload.requiredRoles)).toEqual([...STATEMENT_KINDS]);
    expect(payload).toEqual({ separationOfDuties: true, requiredRoles: { ...DEFAULT_POLICY.requiredRoles, holding: ['legal', 'executive'] } });
    // Ticking in another order gives the same payload (one canonical spelling of a policy).
    const other = withRole(withRole(withRole(draft, 'holding', 'legal', false), 'holding', 'executive', true), 'holding', 'legal', true);
    expect(policyPayload(other)).toEqual(payload);
  });

  it('never leaves a kind without a sign-off', () => {
    const draft = draftOf(DEFAULT_POLICY);
    expect(isLastRole(draft, 'holding', 'legal')).toBe(true);
    expect(isLastRole(draft, 'press', 'legal')).toBe(false);
    expect(withRole(draft, 'holding', 'legal', false)).toBe(draft);
    expect(() => policyPayload({ ...draft, requiredRoles: { ...draft.requiredRoles, internal: [] } })).toThrow();
  });

  it('names what a draft changes; nothing changed means nothing to sign', () => {
    const draft = draftOf(DEFAULT_POLICY);
    expect(hasChanges(policyChanges(DEFAULT_POLICY, draft))).toBe(false);
    const off = { ...withRole(draft, 'holding', 'executive', true), separationOfDuties: false };
    expect(policyChanges(DEFAULT_POLICY, off)).toEqual({ separationOfDuties: false, kinds: [{ kind: 'holding', before: ['legal'], after: ['legal', 'executive'] }] });
  });

  it('a saved policy counts from an owner and raises the floor of a statement’s gate; from anyone else it does not', async () => {
    const t = await signedTeam();
    const s = statementBy(t, 'owner');
    submitForReview(t.doc, s.id, 'x');
    const policy = policyPayload(withRole(draftOf(DEFAULT_POLICY), 'holding', 'executive', true));
    await appendSigned(t, 'legal', { ws: WS, kind: 'policy.set', policy });
    expect(deriveGate(s.rec, { gov: await t.gov() }).requiredRoles).toEqual(['legal']);
    await appendSigned(t, 'owner', { ws: WS, kind: 'policy.set', policy });
    const gov = await t.gov();
    expect(gov.policy.setBy?.payload.by).toBe(t.keys.owner.publicKey);
    expect(draftOf(gov.policy.policy)).toEqual(draftOf({ ...DEFAULT_POLICY, requiredRoles: { ...DEFAULT_POLICY.requiredRoles, holding: ['legal', 'executive'] } }));
    const gate = deriveGate(s.rec, { gov });
    expect(gate.requiredRoles).toEqual(['legal', 'executive']);
    expect(gate.policyRoles).toEqual(['legal', 'executive']);
  });
});
