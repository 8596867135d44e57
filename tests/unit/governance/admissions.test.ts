import { describe, expect, it } from 'vitest';
import { admitPayload, autoAdmissions, deriveAdmissions } from '../../../shared/governance/admissions';
import { auditTrail } from '../../../shared/governance/audit';
import { signEntry } from '../../../shared/governance/log';
import type { DeviceKeys } from '../../../shared/governance/keys';
import type { SignedEntry, UnsignedPayload } from '../../../shared/governance/entries';
import { people, settledGov, signed, T0, team, WS } from './helpers';

const candidate = (k: DeviceKeys, name: string, unit = '') => ({ key: k.publicKey, agreementKey: k.agreementKey, name, unit });
const request = (k: DeviceKeys, name: string, at: number, admissionId?: string) =>
  signed(k, { kind: 'admission.request', at, member: candidate(k, name, '律師事務所'), ...(admissionId ? { admissionId } : {}) });
const offer = (k: DeviceKeys, admissionId: string, at: number, role: 'legal_approver' | 'editor' = 'legal_approver', oneTime = true) =>
  signed(k, { kind: 'admission.offer', at, admissionId, role, oneTime });
/** What the owner's laptop signs for an auto-admission (at a fixed time). */
const signAll = (k: DeviceKeys, payloads: UnsignedPayload[], at: number): Promise<SignedEntry[]> => Promise.all(payloads.map((p, i) => signEntry(k, { ...p, at: at + i })));

const ADM = 'adm-0123456789abcdef';

describe('admissions', () => {
  it('the offering owner admits the first request for an unused one-time offer, with the offered role, once', async () => {
    const { keys, entries } = await team({});
    const { lin } = await people('lin');
    const o = keys.owner!;
    const log = [...entries, await offer(o, ADM, T0 + 10), await request(lin, '林律師', T0 + 20, ADM)];
    let gov = await settledGov(log, { genesisKey: o.publicKey });
    expect(deriveAdmissions(gov).pending.map((r) => r.payload.member.name)).toEqual(['林律師']);
    const todo = autoAdmissions(gov, o.publicKey);
    expect(todo).toEqual([admitPayload(WS, candidate(lin, '林律師', '律師事務所'), ['legal_approver'], ADM)]);

    log.push(...(await signAll(o, todo, T0 + 30)));
    gov = await settledGov(log, { genesisKey: o.publicKey });
    const member = gov.roster.byKey.get(lin.publicKey)!;
    expect(member).toMatchObject({ name: '林律師', unit: '律師事務所', roles: ['legal_approver'], addedBy: o.publicKey, removed: false });
    const adm = deriveAdmissions(gov);
    expect(adm.byId.get(ADM)?.usedBy).toBe(lin.publicKey);
    expect(adm.requests.map((r) => r.state)).toEqual(['member']);
    expect(adm.pending).toEqual([]);
    expect(autoAdmissions(gov, o.publicKey)).toEqual([]);

    // The code leaks: a second person asks with the same admission. It waits for an owner.
    const { eve } = await people('eve');
    log.push(await request(eve, 'Eve', T0 + 40, ADM));
    gov = await settledGov(log, { genesisKey: o.publicKey });
    expect(deriveAdmissions(gov).pending.map((r) => [r.payload.member.name, r.offer?.usedBy])).toEqual([['Eve', lin.publicKey]]);
    expect(autoAdmissions(gov, o.publicKey)).toEqual([]);
  });

  it('admits only the earliest of two requests racing for one offer, and never twice while its entry is in flight', async () => {
    const { keys, entries } = await team({});
    const { a, b } = await people('a', 'b');
    const o = keys.owner!;
    const gov = await settledGov([...entries, await offer(o, ADM, T0 + 10), await request(b, 'B', T0 + 22, ADM), await request(a, 'A', T0 + 21, ADM)], { genesisKey: o.publicKey });
    const todo = autoAdmissions(gov, o.publicKey);
    expect(todo.map((p) => (p.kind === 'roster.add' ? p.member.name : ''))).toEqual(['A']);
    expect(autoAdmissions(gov, o.publicKey, new Set([ADM]))).toEqual([]);
  });

  it('leaves requests alone on any laptop but the offering owner’s, and while the roster is unverified', async () => {
    const { keys, entries } = await team({ deputy: ['owner'], editor: ['editor'] });
    const { lin } = await people('lin');
    const o = keys.owner!;
    const log = [...entries, await offer(o, ADM, T0 + 10), await request(lin, 'Lin', T0 + 20, ADM)];
    const gov = await settledGov(log, { genesisKey: o.publicKey });
    expect(autoAdmissions(gov, keys.deputy!.publicKey)).toEqual([]);
    expect(autoAdmissions(gov, keys.editor!.publicKey)).toEqual([]);
    expect(autoAdmissions(gov, lin.publicKey)).toEqual([]);
    const pending = await settledGov(log, { genesisKey: o.publicKey, verdict: () => 'pending' });
    expect(autoAdmissions(pending, o.publicKey)).toEqual([]);
    // Reusable offers are never admitted by themselves.
    const reusable = await settledGov([...entries, await offer(o, ADM, T0 + 10, 'editor', false), await request(lin, 'Lin', T0 + 20, ADM)], { genesisKey: o.publicKey });
    expect(autoAdmissions(reusable, o.publicKey)).toEqual([]);
    expect(deriveAdmissions(reusable).pending).toHaveLength(1);
  });

  it('ignores offers by non-owners and requests signed for someone else', async () => {
    const { keys, entries } = await team({ editor: ['editor'] });
    const { lin, mallory } = await people('lin', 'mallory');
    const o = keys.owner!;
    const editorOffer = await offer(keys.editor!, ADM, T0 + 10);
    const impostor = await signed(mallory, { kind: 'admission.request', at: T0 + 20, member: candidate(lin, 'Lin'), admissionId: ADM });
    const gov = await settledGov([...entries, editorOffer, await request(lin, 'Lin', T0 + 21, ADM), impostor], { genesisKey: o.publicKey });
    const adm = deriveAdmissions(gov);
    expect(adm.offers.map((x) => [x.valid, x.reason])).toEqual([[false, 'lacksRole']]);
    expect(adm.requests.map((r) => [r.payload.member.name, r.state, r.reason ?? ''])).toEqual([
      ['Lin', 'invalid', 'notSelf'],
      ['Lin', 'pending', ''],
    ]);
    expect(adm.pending[0]!.offer).toBeUndefined();
    expect(autoAdmissions(gov, o.publicKey)).toEqual([]);
    expect(autoAdmissions(gov, keys.editor!.publicKey)).toEqual([]);
    const rows = auditTrail(gov, { kinds: ['admission.offer', 'admission.request'] });
    expect(rows.map((r) => [r.kind, r.counted, r.reason ?? '', r.subject])).toEqual([
      ['admission.offer', false, 'lacksRole', ADM],
      ['admission.request', false, 'notSelf', 'Lin'],
      ['admission.request', true, '', 'Lin'],
    ]);
    expect(rows[0]!.detail).toBe(`admission=${ADM} role=legal_approver oneTime=true`);
  });

  it('an offer lapses when its owner is removed; a removed member’s old request stays stale, a new one waits', async () => {
    const { keys, entries } = await team({ deputy: ['owner'], lin: ['editor'] });
    const o = keys.owner!;
    const log = [
      ...entries,
      await offer(keys.deputy!, ADM, T0 + 10),
      await request(keys.lin!, 'lin', T0 + 5),
      await signed(o, { kind: 'roster.remove', at: T0 + 20, key: keys.deputy!.publicKey }),
      await signed(o, { kind: 'roster.remove', at: T0 + 21, key: keys.lin!.publicKey }),
    ];
    let gov = await settledGov(log, { genesisKey: o.publicKey });
    let adm = deriveAdmissions(gov);
    expect(adm.offers.map((x) => x.reason)).toEqual(['removed']);
    expect(adm.requests.map((r) => r.state)).toEqual(['stale']);
    log.push(await request(keys.lin!, 'lin', T0 + 30), await request(keys.lin!, 'lin', T0 + 31));
    gov = await settledGov(log, { genesisKey: o.publicKey });
    adm = deriveAdmissions(gov);
    expect(adm.requests.map((r) => r.state)).toEqual(['stale', 'stale', 'pending']);
    expect(adm.pending.map((r) => r.payload.at)).toEqual([T0 + 31]);
  });

  it('roster.add keeps its rules when it names an admission: a non-owner cannot use one', async () => {
    const { keys, entries } = await team({ editor: ['editor'] });
    const { lin } = await people('lin');
    const o = keys.owner!;
    const sneaky = await signed(keys.editor!, { ...(admitPayload(WS, candidate(lin, 'Lin'), ['owner'], ADM) as Extract<UnsignedPayload, { kind: 'roster.add' }>), at: T0 + 30 });
    const gov = await settledGov([...entries, await offer(o, ADM, T0 + 10), await request(lin, 'Lin', T0 + 20, ADM), sneaky], { genesisKey: o.publicKey });
    expect(gov.roster.byKey.has(lin.publicKey)).toBe(false);
    expect(gov.roster.rejected.map((r) => r.reason)).toEqual(['notOwner']);
    expect(deriveAdmissions(gov).byId.get(ADM)?.usedBy).toBeUndefined();
    expect(autoAdmissions(gov, o.publicKey)).toHaveLength(1);
  });
});
