import { describe, expect, it } from 'vitest';
import { deriveRoster, derivePolicy, DEFAULT_POLICY, standingOf } from '../../../shared/governance/roster';
import { deriveGovernance } from '../../../shared/governance/governance';
import { keyFingerprint } from '../../../shared/governance/fingerprint';
import { DEFAULT_REQUIRED_ROLES } from '../../../shared/statements/types';
import type { SignedEntry } from '../../../shared/governance/entries';
import { logOf, memberOf, NOW, people, settledGov, signed, T0, team, WS } from './helpers';

const rejectedKinds = (gov: Awaited<ReturnType<typeof settledGov>>) => gov.roster.rejected.map((r) => `${r.item.payload?.kind}:${r.reason}`);

describe('roster replay', () => {
  it('starts from the genesis signed by the trusted key and adds members by owners', async () => {
    const { keys, entries } = await team({ legal: ['legal_approver'], pr: ['spokesperson', 'editor'] });
    const gov = await settledGov(entries, { genesisKey: keys.owner!.publicKey });
    expect(gov.roster.settled).toBe(true);
    expect(gov.roster.rejected).toEqual([]);
    expect(gov.roster.members.map((m) => [m.name, m.roles, m.removed])).toEqual([
      ['林雅婷', ['owner'], false],
      ['legal', ['legal_approver'], false],
      ['pr', ['spokesperson', 'editor'], false],
    ]);
    const legal = gov.roster.byKey.get(keys.legal!.publicKey)!;
    expect(legal).toMatchObject({ agreementKey: keys.legal!.agreementKey, addedBy: keys.owner!.publicKey, addedAt: T0 + 1, unit: '' });
    expect(legal.fingerprint).toEqual(keyFingerprint(keys.legal!.publicKey));
    expect(gov.roster.members[0]!.unit).toBe('公關部');
  });

  it('ignores a forged genesis: another key, or a genesis that names someone else', async () => {
    const { owner, mallory } = await people('owner', 'mallory');
    const real = await signed(owner, { kind: 'roster.genesis', at: T0 + 5, member: memberOf(owner, 'Owner', ['owner']) });
    const forged = await signed(mallory, { kind: 'roster.genesis', at: T0, member: memberOf(mallory, 'Mallory', ['owner']) });
    const namesOther = await signed(owner, { kind: 'roster.genesis', at: T0 + 1, member: memberOf(mallory, 'Mallory', ['owner']) });
    const malloryAdds = await signed(mallory, { kind: 'roster.add', at: T0 + 2, member: memberOf(mallory, 'M2', ['legal_approver']) });
    const gov = await settledGov([forged, namesOther, malloryAdds, real], { genesisKey: owner.publicKey });
    expect(gov.roster.members.map((m) => m.name)).toEqual(['Owner']);
    expect(rejectedKinds(gov)).toEqual(['roster.genesis:untrustedGenesis', 'roster.genesis:untrustedGenesis', 'roster.add:notOwner']);
    // The same log judged with Mallory's key as the anchor (a peer that trusted the wrong invite).
    expect(deriveRoster({ ...gov.input, trustedGenesisKey: mallory.publicKey }).members.map((m) => m.name)).toEqual(['Mallory']);
  });

  it('counts only the first genesis by the creator', async () => {
    const { owner } = await people('owner');
    const g1 = await signed(owner, { kind: 'roster.genesis', at: T0, member: memberOf(owner, 'First', ['owner']) });
    const g2 = await signed(owner, { kind: 'roster.genesis', at: T0 + 1, member: memberOf(owner, 'Second', ['owner']) });
    const gov = await settledGov([g2, g1], { genesisKey: owner.publicKey });
    expect(gov.roster.members.map((m) => m.name)).toEqual(['First']);
    expect(gov.roster.genesis?.entry).toEqual(g1);
    expect(rejectedKinds(gov)).toEqual(['roster.genesis:duplicateGenesis']);
  });

  it('makes the creator an owner even if the genesis forgot the role', async () => {
    const { owner } = await people('owner');
    const g = await signed(owner, { kind: 'roster.genesis', at: T0, member: memberOf(owner, 'O', ['legal_approver']) });
    const gov = await settledGov([g], { genesisKey: owner.publicKey });
    expect(gov.roster.members[0]!.roles).toEqual(['owner', 'legal_approver']);
  });

  it('ignores a non-owner adding someone or promoting themselves', async () => {
    const { keys, entries } = await team({ editor: ['editor'] });
    const { friend } = await people('friend');
    const add = await signed(keys.editor!, { kind: 'roster.add', at: T0 + 10, member: memberOf(friend, 'Friend', ['legal_approver']) });
    const promote = await signed(keys.editor!, { kind: 'roster.roles', at: T0 + 11, key: keys.editor!.publicKey, roles: ['owner', 'editor'] });
    const remove = await signed(keys.editor!, { kind: 'roster.remove', at: T0 + 12, key: keys.owner!.publicKey });
    const policy = await signed(keys.editor!, { kind: 'policy.set', at: T0 + 13, policy: { separationOfDuties: false, requiredRoles: {} } });
    const gov = await settledGov([...entries, add, promote, remove, policy], { genesisKey: keys.owner!.publicKey });
    expect(gov.roster.members.map((m) => [m.name, m.roles])).toEqual([
      ['林雅婷', ['owner']],
      ['editor', ['editor']],
    ]);
    expect(rejectedKinds(gov)).toEqual(['roster.add:notOwner', 'roster.roles:notOwner', 'roster.remove:notOwner']);
    expect(gov.policy.rejected.map((r) => r.reason)).toEqual(['notOwner']);
    expect(gov.policy.policy).toEqual(DEFAULT_POLICY);
  });

  it('lets a promoted owner change the roster from that point on, not before', async () => {
    const { keys, entries } = await team({ deputy: ['coordinator'] });
    const { newbie, early } = await people('newbie', 'early');
    const tooEarly = await signed(keys.deputy!, { kind: 'roster.add', at: T0 + 5, member: memberOf(early, 'Early', ['editor']) });
    const promote = await signed(keys.owner!, { kind: 'roster.roles', at: T0 + 10, key: keys.deputy!.publicKey, roles: ['owner', 'coordinator'] });
    const add = await signed(keys.deputy!, { kind: 'roster.add', at: T0 + 20, member: memberOf(newbie, 'Newbie', ['editor']) });
    const gov = await settledGov([add, promote, ...entries, tooEarly], { genesisKey: keys.owner!.publicKey });
    expect(gov.roster.members.map((m) => m.name)).toEqual(['林雅婷', 'deputy', 'Newbie']);
    expect(gov.roster.byKey.get(newbie.publicKey)!.addedBy).toBe(keys.deputy!.publicKey);
    expect(rejectedKinds(gov)).toEqual(['roster.add:notOwner']);
  });

  it('handles removal then re-add, and rejects changes to someone not in the roster', async () => {
    const { keys, entries } = await team({ legal: ['legal_approver'] });
    const { stranger } = await people('stranger');
    const o = keys.owner!;
    const rest: SignedEntry[] = [
      await signed(o, { kind: 'roster.remove', at: T0 + 10, key: keys.legal!.publicKey }),
      await signed(o, { kind: 'roster.remove', at: T0 + 11, key: keys.legal!.publicKey }),
      await signed(o, { kind: 'roster.roles', at: T0 + 12, key: keys.legal!.publicKey, roles: ['editor'] }),
      await signed(o, { kind: 'roster.roles', at: T0 + 13, key: stranger.publicKey, roles: ['editor'] }),
    ];
    const removed = await settledGov([...entries, ...rest], { genesisKey: o.publicKey });
    expect(removed.roster.byKey.get(keys.legal!.publicKey)).toMatchObject({ removed: true, roles: ['legal_approver'] });
    expect(rejectedKinds(removed)).toEqual(['roster.remove:unknownMember', 'roster.roles:unknownMember', 'roster.roles:unknownMember']);

    const readd = await signed(o, { kind: 'roster.add', at: T0 + 20, member: memberOf(keys.legal!, '陳律師', ['legal_approver', 'editor'], '法務部') });
    const again = await signed(o, { kind: 'roster.add', at: T0 + 21, member: memberOf(keys.legal!, 'x', ['editor']) });
    const back = await settledGov([...entries, ...rest, readd, again], { genesisKey: o.publicKey });
    const m = back.roster.byKey.get(keys.legal!.publicKey)!;
    expect(m).toMatchObject({ removed: false, name: '陳律師', unit: '法務部', roles: ['legal_approver', 'editor'], addedAt: T0 + 20 });
    expect(m.history.map((h) => [h.at - T0, h.active])).toEqual([
      [1, true],
      [10, false],
      [20, true],
    ]);
    expect(rejectedKinds(back).at(-1)).toBe('roster.add:alreadyMember');
    expect(back.roster.members).toHaveLength(2);
  });

  it('never leaves the workspace without an owner', async () => {
    const { keys, entries } = await team({ second: ['editor'] });
    const o = keys.owner!;
    const demoteSelf = await signed(o, { kind: 'roster.roles', at: T0 + 10, key: o.publicKey, roles: ['editor'] });
    const removeSelf = await signed(o, { kind: 'roster.remove', at: T0 + 11, key: o.publicKey });
    const promote = await signed(o, { kind: 'roster.roles', at: T0 + 12, key: keys.second!.publicKey, roles: ['owner'] });
    const removeNow = await signed(o, { kind: 'roster.remove', at: T0 + 13, key: o.publicKey });
    const gov = await settledGov([...entries, demoteSelf, removeSelf, promote, removeNow], { genesisKey: o.publicKey });
    expect(rejectedKinds(gov)).toEqual(['roster.roles:lastOwner', 'roster.remove:lastOwner']);
    expect(gov.roster.byKey.get(o.publicKey)!.removed).toBe(true);
    expect(gov.roster.byKey.get(keys.second!.publicKey)!.roles).toEqual(['owner']);
  });

  it('rejects entries with a bad signature or for another workspace', async () => {
    const { keys, entries } = await team({});
    const { x, y } = await people('x', 'y');
    const o = keys.owner!;
    const good = await signed(o, { kind: 'roster.add', at: T0 + 10, member: memberOf(x, 'X', ['legal_approver']) });
    const tampered = { p: good.p.replace('"legal_approver"', '"owner"'), s: good.s };
    const elsewhere = await signed(o, { kind: 'roster.add', ws: 'other-ws', at: T0 + 11, member: memberOf(y, 'Y', ['owner']) });
    const gov = await settledGov([...entries, tampered, elsewhere], { genesisKey: o.publicKey });
    expect(rejectedKinds(gov)).toEqual(['roster.add:badSignature', 'roster.add:otherWorkspace']);
    expect(gov.roster.members).toHaveLength(1);
  });

  it('replays in the same order whatever order the log holds, ties broken by signature', async () => {
    const { keys, entries } = await team({ a: ['editor'] });
    const o = keys.owner!;
    // Same millisecond: the remove and the role change are ordered by their signature text.
    const t = T0 + 50;
    const remove = await signed(o, { kind: 'roster.remove', at: t, key: keys.a!.publicKey });
    const roles = await signed(o, { kind: 'roster.roles', at: t, key: keys.a!.publicKey, roles: ['legal_approver'] });
    const all = [...entries, remove, roles];
    const first = await settledGov(all, { genesisKey: o.publicKey });
    const second = await settledGov([...all].reverse(), { genesisKey: o.publicKey });
    const view = (g: typeof first) => g.roster.members.map((m) => [m.key, m.roles, m.removed]);
    expect(view(second)).toEqual(view(first));
    const removeFirst = remove.s < roles.s;
    expect(first.roster.byKey.get(keys.a!.publicKey)!.removed).toBe(true);
    expect(rejectedKinds(first)).toEqual(removeFirst ? ['roster.roles:unknownMember'] : []);
  });

  it('is provisional while roster entries are unchecked, and says so', async () => {
    const { keys, entries } = await team({ legal: ['legal_approver'] });
    const genesisPending = await settledGov(entries, { genesisKey: keys.owner!.publicKey, verdict: (e) => (e.s === entries[0]!.s ? 'pending' : 'valid') });
    expect(genesisPending.roster.settled).toBe(false);
    expect(genesisPending.roster.members).toEqual([]);
    expect(genesisPending.roster.rejected.map((r) => r.reason)).toEqual(['verifying', 'verifying']);
    const log = logOf(entries);
    const none = deriveGovernance({ workspaceId: WS, trustedGenesisKey: keys.owner!.publicKey, log, verdict: () => 'pending', now: NOW });
    expect(none.roster.settled).toBe(false);
  });

  it('answers a signer’s standing at a time and since', async () => {
    const { keys, entries } = await team({ legal: ['legal_approver'] });
    const o = keys.owner!;
    const L = keys.legal!.publicKey;
    const demote = await signed(o, { kind: 'roster.roles', at: T0 + 10, key: L, roles: ['editor'] });
    const regrant = await signed(o, { kind: 'roster.roles', at: T0 + 20, key: L, roles: ['legal_approver'] });
    const gov = await settledGov([...entries, demote, regrant], { genesisKey: o.publicKey });
    expect(standingOf(gov.roster, L, ['legal_approver'], T0)).toBe('notMember'); // before being added
    expect(standingOf(gov.roster, L, ['legal_approver'], T0 + 5)).toBe('lacksRole'); // lost it for a while since
    expect(standingOf(gov.roster, L, ['legal_approver'], T0 + 15)).toBe('lacksRole');
    expect(standingOf(gov.roster, L, ['legal_approver'], T0 + 25)).toBe('ok');
    expect(standingOf(gov.roster, 'nobody', ['owner'], T0 + 25)).toBe('notMember');
  });
});

describe('policy', () => {
  it('defaults to separation of duties and the statement studio’s required roles', async () => {
    const { keys, entries } = await team({});
    const gov = await settledGov(entries, { genesisKey: keys.owner!.publicKey });
    expect(gov.policy.policy).toEqual({ separationOfDuties: true, requiredRoles: DEFAULT_REQUIRED_ROLES });
    expect(DEFAULT_POLICY.requiredRoles.holding).toEqual(['legal']);
    expect(DEFAULT_POLICY.requiredRoles.press).toEqual(expect.arrayContaining(['legal', 'executive']));
    expect(gov.policy.setBy).toBeUndefined();
  });

  it('takes the latest owner-signed policy, with unset kinds at their defaults', async () => {
    const { keys, entries } = await team({ owner2: ['owner'], editor: ['editor'] });
    const p1 = await signed(keys.owner!, { kind: 'policy.set', at: T0 + 10, policy: { separationOfDuties: false, requiredRoles: { holding: ['legal', 'executive'] } } });
    const p2 = await signed(keys.owner2!, { kind: 'policy.set', at: T0 + 20, policy: { separationOfDuties: true, requiredRoles: { internal: ['legal'] } } });
    const p3 = await signed(keys.editor!, { kind: 'policy.set', at: T0 + 30, policy: { separationOfDuties: false, requiredRoles: {} } });
    const gov = await settledGov([...entries, p3, p2, p1], { genesisKey: keys.owner!.publicKey });
    expect(gov.policy.policy).toEqual({ separationOfDuties: true, requiredRoles: { ...DEFAULT_REQUIRED_ROLES, internal: ['legal'] } });
    expect(gov.policy.setBy?.entry).toEqual(p2);
    expect(gov.policy.accepted).toHaveLength(2);
    expect(gov.policy.rejected.map((r) => r.reason)).toEqual(['notOwner']);
    expect(derivePolicy(gov.input).policy).toEqual(gov.policy.policy);
  });
});
