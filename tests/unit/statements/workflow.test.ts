import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromBase64Url, toBase64Url } from '../../../shared/governance/base64url';
import { parseLogItem } from '../../../shared/governance/entries';
import { appendEntry, readLog, signEntry } from '../../../shared/governance/log';
import { verifySignature } from '../../../shared/governance/keys';
import { signingBytes } from '../../../shared/governance/canonical';
import { deriveGate, frozenApprovals, readReleases, statementGovernance } from '../../../shared/statements/approval';
import { bodyText } from '../../../shared/statements/body';
import { contentHash } from '../../../shared/statements/hash';
import { listVersions } from '../../../shared/statements/history';
import { addRecord, childrenOf } from '../../../shared/doc/collection';
import { getStatement, nestedOf, readStatement, requireBody } from '../../../shared/statements/store';
import { deriveApprovals } from '../../../shared/governance/approvals';
import { approve, isEditable, noteLastEditor, release, returnToDraft, setRequiredRoles, startRevision, submitForReview, WorkflowError } from '../../../shared/statements/workflow';
import { exchange, typeInto } from './helpers';
import { appendSigned, signedTeam, statementBy, WS } from './signoff-helpers';

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (err) {
    if (err instanceof WorkflowError) return err.code;
    throw err;
  }
  return 'ok';
};

describe('statement workflow with signed sign-off', () => {
  it('creates a draft with body, default reviewers, its author as creator and last editor', async () => {
    const t = await signedTeam();
    const { rec } = statementBy(t, 'owner');
    const f = readStatement(rec);
    expect(f.stage).toBe('draft');
    expect(f.requiredRoles).toEqual(['legal']);
    expect(f.createdByKey).toBe(t.keys.owner.publicKey);
    expect(f.lastEditorKey).toBe(t.keys.owner.publicKey);
    expect(bodyText(requireBody(rec))).toBe('第一段文字。\n第二段文字。');
    for (const key of ['approvals', 'releases', 'comments', 'facts']) expect(rec.get(key)).toBeInstanceOf(Y.Map);
    // The version history is in the statement's part (shared/doc/parts.ts), made with it.
    expect(rec.has('versions')).toBe(false);
    expect(childrenOf(rec, 'versions')).toBeInstanceOf(Y.Map);
    expect(deriveGate(rec, { gov: await t.gov() }).status).toBe('draft');
  });

  it('PR drafts; legal approves on its own key; the spokesperson releases; the copy keeps the verified approvals', async () => {
    const t = await signedTeam();
    const { id, rec } = statementBy(t, 'owner', { requiredRoles: ['legal', 'executive'] });
    expect(await codeOf(approve(t.doc, id, 'legal', await t.as('legal')))).toBe('wrongStage');
    submitForReview(t.doc, id, '林雅婷');
    expect(deriveGate(rec, { gov: await t.gov() }).status).toBe('in_review');
    await approve(t.doc, id, 'legal', await t.as('legal'));
    let gate = deriveGate(rec, { gov: await t.gov() });
    expect(gate.status).toBe('in_review');
    expect(gate.roles.find((r) => r.role === 'legal')!.approval?.signer?.name).toBe('林律師');
    expect(await codeOf(release(t.doc, id, await t.as('owner')))).toBe('notApproved');
    await approve(t.doc, id, 'executive', await t.as('exec'));
    gate = deriveGate(rec, { gov: await t.gov() });
    expect(gate.status).toBe('approved');
    // Only a spokesperson releases.
    expect(await codeOf(release(t.doc, id, await t.as('legal')))).toBe('lacksRole');
    await release(t.doc, id, await t.as('owner'));
    gate = deriveGate(rec, { gov: await t.gov() });
    expect(gate.status).toBe('released');
    expect(gate.releaseCheck).toBe('verified');
    expect(gate.release!.text).toBe('第一段文字。\n第二段文字。');
    const frozen = frozenApprovals(gate.release!);
    expect(frozen.legacy).toEqual([]);
    expect(frozen.signed.map((a) => [a.role, a.name]).sort()).toEqual([
      ['executive', '陳總經理'],
      ['legal', '林律師'],
    ]);
    const legal = frozen.signed.find((a) => a.role === 'legal')!;
    expect(legal.key).toBe(t.keys.legal.publicKey);
    expect(legal.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(legal.hash).toBe(gate.release!.hash);
    // The frozen entry is the signed one: its signature verifies on its own.
    const item = parseLogItem(legal.entry, 0);
    expect(await verifySignature(legal.key, signingBytes(item.entry!.p), item.entry!.s)).toBe(true);
    expect(isEditable(rec)).toBe(false);
    expect(listVersions(rec).map((v) => v.label)).toEqual(['status:in_review', 'status:approved', 'status:released']);
  });

  it('refuses a role the signer does not hold, a non-member, and a removed member', async () => {
    const t = await signedTeam();
    const { id } = statementBy(t, 'editor');
    submitForReview(t.doc, id, '王小明');
    expect(await codeOf(approve(t.doc, id, 'legal', await t.as('editor')))).toBe('lacksRole');
    expect(await codeOf(approve(t.doc, id, 'legal', await t.as('exec')))).toBe('lacksRole');
    expect(await codeOf(approve(t.doc, id, 'executive', await t.as('legal')))).toBe('lacksRole');
    const outsider = await signedTeam(['owner']);
    expect(await codeOf(approve(t.doc, id, 'legal', { ...(await t.as('legal')), signer: outsider.keys.owner }))).toBe('notMember');
    await appendSigned(t, 'owner', { ws: WS, kind: 'roster.remove', key: t.keys.legal.publicKey });
    expect(await codeOf(approve(t.doc, id, 'legal', await t.as('legal')))).toBe('notMember');
    expect(readLog(t.doc).filter((i) => i.payload?.kind === 'approval')).toHaveLength(0);
  });

  it('refuses the legal approval from the author of the last change (separation of duties), also when appended by hand', async () => {
    const t = await signedTeam();
    const { id, rec } = statementBy(t, 'legalEditor');
    submitForReview(t.doc, id, '張法務');
    expect(await codeOf(approve(t.doc, id, 'legal', await t.as('legalEditor')))).toBe('authorCannotApprove');
    // A peer that skips the check: its approval is shown as invalid, never as approved.
    const hash = contentHash(requireBody(rec));
    await appendSigned(t, 'legalEditor', { ws: WS, kind: 'approval', statementId: id, hash, role: 'legal' });
    let gate = deriveGate(rec, { gov: await t.gov() });
    expect(gate.status).toBe('in_review');
    expect(gate.approvals[0]!.reason).toBe('authorCannotApprove');
    // Someone else makes the last change: now legalEditor may give the legal approval.
    typeInto(t.doc, id, 0, 0, '更新');
    noteLastEditor(rec, t.keys.editor.publicKey);
    await approve(t.doc, id, 'legal', await t.as('legalEditor'));
    gate = deriveGate(rec, { gov: await t.gov() });
    expect(gate.status).toBe('approved');
    // Another legal approver may approve text legalEditor wrote.
    const other = statementBy(t, 'legalEditor');
    submitForReview(t.doc, other.id, '張法務');
    await approve(t.doc, other.id, 'legal', await t.as('legal'));
    expect(deriveGate(other.rec, { gov: await t.gov() }).status).toBe('approved');
  });

  it('voids an approval when one character changes, and shows whose and when', async () => {
    const t = await signedTeam();
    const { id, rec } = statementBy(t, 'owner');
    submitForReview(t.doc, id, '林雅婷');
    await approve(t.doc, id, 'legal', { ...(await t.as('legal')), at: 1_800_000_000_000 });
    expect(deriveGate(rec, { gov: await t.gov() }).status).toBe('approved');
    typeInto(t.doc, id, 0, 2, '的');
    const gate = deriveGate(rec, { gov: await t.gov() });
    expect(gate.status).toBe('in_review');
    expect(gate.voided).toHaveLength(1);
    expect(gate.voided[0]!.reason).toBe('textChanged');
    expect(gate.voided[0]!.signer?.name).toBe('林律師');
    expect(gate.voided[0]!.payload?.at).toBe(1_800_000_000_000);
    await approve(t.doc, id, 'legal', await t.as('legal'));
    expect(deriveGate(rec, { gov: await t.gov() }).status).toBe('approved');
    expect(deriveGate(rec, { gov: await t.gov() }).voided).toHaveLength(0);
  });

  it('counts an old approval again when the text returns to exactly what was signed', async () => {
    const t = await signedTeam();
    const { id, rec } = statementBy(t, 'owner');
    submitForReview(t.doc, id, '林雅婷');
    await approve(t.doc, id, 'legal', await t.as('legal'));
    typeInto(t.doc, id, 0, 0, 'X');
    expect(deriveGate(rec, { gov: await t.gov() }).status).toBe('in_review');
    const text = (requireBody(rec).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    t.doc.transact(() => text.delete(0, 1), 'user');
    expect(deriveGate(rec, { gov: await t.gov() }).status).toBe('approved');
  });

  it('refuses an approval when the text changed after the reviewer last saw it, or while signing', async () => {
    const t = await signedTeam();
    const { id, rec } = statementBy(t, 'owner');
    submitForReview(t.doc, id, '林雅婷');
    const seen = contentHash(requireBody(rec));
    typeInto(t.doc, id, 0, 0, '新'); // a peer's edit lands before the click
    expect(await codeOf(approve(t.doc, id, 'legal', { ...(await t.as('legal')), expectedHash: seen }))).toBe('changed');
    // An edit that lands while the key is signing.
    const ctx = await t.as('legal');
    const pending = approve(t.doc, id, 'legal', { ...ctx, expectedHash: contentHash(requireBody(rec)) });
    typeInto(t.doc, id, 1, 0, '又');
    expect(await codeOf(pending)).toBe('changed');
    expect(readLog(t.doc).filter((i) => i.payload?.kind === 'approval')).toHaveLength(0);
    await approve(t.doc, id, 'legal', { ...(await t.as('legal')), expectedHash: contentHash(requireBody(rec)) });
    expect(deriveGate(rec, { gov: await t.gov() }).status).toBe('approved');
  });

  it('never counts a forged, bit-flipped, role-less or other-workspace approval, and says why', async () => {
    const t = await signedTeam();
    const { id, rec } = statementBy(t, 'owner');
    submitForReview(t.doc, id, '林雅婷');
    const hash = contentHash(requireBody(rec));
    const genuine = await signEntry(t.keys.legal, { ws: WS, kind: 'approval', statementId: id, hash, role: 'legal' });
    const sig = fromBase64Url(genuine.s)!;
    sig[3]! ^= 1;
    appendEntry(t.doc, { p: genuine.p, s: toBase64Url(sig) }, 'remote');
    await appendSigned(t, 'exec', { ws: WS, kind: 'approval', statementId: id, hash, role: 'legal' });
    await appendSigned(t, 'legal', { ws: 'another-workspace', kind: 'approval', statementId: id, hash, role: 'legal' });
    const gate = deriveGate(rec, { gov: await t.gov() });
    expect(gate.status).toBe('in_review');
    expect(gate.approvals.map((a) => a.reason).sort()).toEqual(['badSignature', 'lacksRole', 'otherWorkspace']);
  });

  it('shows "checking" rather than approved while signatures are unverified', async () => {
    const t = await signedTeam();
    const { id, rec } = statementBy(t, 'owner');
    submitForReview(t.doc, id, '林雅婷');
    await approve(t.doc, id, 'legal', await t.as('legal'));
    const gov = await t.gov();
    const unverified = { ...gov, input: { ...gov.input, verdict: (e: { p: string }) => (e.p.includes('"approval"') ? ('pending' as const) : gov.input.verdict(e as never)) } };
    const gate = deriveGate(rec, { gov: statementGovernance(unverified as typeof gov, id) });
    expect(gate.status).toBe('in_review');
    expect(gate.pending).toBe(true);
    expect(gate.approvals[0]!.reason).toBe('verifying');
  });

  it('keeps unsigned approvals from before signed sign-off readable as legacy, never counted', async () => {
    const t = await signedTeam();
    const { id, rec } = statementBy(t, 'owner');
    submitForReview(t.doc, id, '林雅婷');
    const hash = contentHash(requireBody(rec));
    addRecord(nestedOf(rec, 'approvals'), { role: 'legal', by: '林律師', at: 1_700_000_000_000, hash }, 'user');
    const gate = deriveGate(rec, { gov: await t.gov() });
    expect(gate.legacy).toEqual([expect.objectContaining({ role: 'legal', by: '林律師', hash })]);
    expect(gate.status).toBe('in_review');
    // Without any verified roster nothing counts either.
    expect(deriveGate(rec, { gov: null }).status).toBe('in_review');
    expect(deriveGate(rec, { gov: null }).governed).toBe(false);
  });

  it('shows a statement moved back to draft as draft, whatever its approvals', async () => {
    const t = await signedTeam();
    const { id, rec } = statementBy(t, 'owner');
    submitForReview(t.doc, id, '林雅婷');
    await approve(t.doc, id, 'legal', await t.as('legal'));
    returnToDraft(t.doc, id, '林雅婷');
    expect(deriveGate(rec, { gov: await t.gov() }).status).toBe('draft');
  });

  it('keeps the policy roles as a floor the statement cannot drop', async () => {
    const t = await signedTeam();
    const { id, rec } = statementBy(t, 'owner');
    expect(() => setRequiredRoles(rec, [])).toThrow(/At least one/);
    setRequiredRoles(rec, ['executive']);
    // A damaged or hostile field falls back to the kind's defaults.
    t.doc.transact(() => rec.set('requiredRoles', ''), 'remote');
    submitForReview(t.doc, id, '林雅婷');
    const gov = await t.gov();
    expect(deriveGate(rec, { gov }).requiredRoles).toEqual(['legal']);
    setRequiredRoles(rec, ['executive']);
    expect(deriveGate(rec, { gov }).requiredRoles).toEqual(['legal', 'executive']);
    expect(deriveGate(rec, { gov }).policyRoles).toEqual(['legal']);
  });

  it('requires a name for every step', () => {
    const doc = new Y.Doc();
    expect(() => submitForReview(doc, 'x', '  ')).toThrow(WorkflowError);
  });

  it('flags an edit that raced a release, and keeps the released copy intact', async () => {
    const t = await signedTeam();
    const { id, rec } = statementBy(t, 'owner');
    const b = new Y.Doc();
    exchange(t.doc, b);
    submitForReview(t.doc, id, '林雅婷');
    await approve(t.doc, id, 'legal', await t.as('legal'));
    exchange(t.doc, b);
    await release(t.doc, id, await t.as('owner')); // on laptop A
    typeInto(b, id, 1, 0, '改'); // at the same time on laptop B
    exchange(t.doc, b);
    for (const d of [t.doc, b]) {
      const gate = deriveGate(getStatement(d, id)!, { gov: await t.gov(d) });
      expect(gate.status).toBe('released');
      expect(gate.releaseCheck).toBe('verified');
      expect(gate.changedSinceRelease).toBe(true);
      expect(gate.release!.text).toBe('第一段文字。\n第二段文字。');
    }
    expect(readReleases(rec)).toHaveLength(1);
  });

  it('shows a release record nobody signed as not verified', async () => {
    const t = await signedTeam();
    const { id, rec } = statementBy(t, 'owner');
    submitForReview(t.doc, id, '林雅婷');
    await approve(t.doc, id, 'legal', await t.as('legal'));
    await release(t.doc, id, await t.as('owner'));
    // A peer rewrites the release record's entry: it no longer matches a signed release.
    const r = [...(nestedOf(rec, 'releases') as Y.Map<Y.Map<unknown>>).values()][0]!;
    t.doc.transact(() => r.set('releaseEntry', '{"p":"{}","s":"x"}'), 'remote');
    expect(deriveGate(rec, { gov: await t.gov() }).releaseCheck).toBe('invalid');
    t.doc.transact(() => r.set('releaseEntry', ''), 'remote');
    expect(deriveGate(rec, { gov: await t.gov() }).releaseCheck).toBe('legacy');
  });

  it('revises a released statement and supersedes it on release; the reviser is the last editor', async () => {
    const t = await signedTeam();
    const { id } = statementBy(t, 'owner');
    submitForReview(t.doc, id, '林雅婷');
    await approve(t.doc, id, 'legal', await t.as('legal'));
    await release(t.doc, id, await t.as('owner'));
    const next = startRevision(t.doc, id, '林雅婷', '更新聲明', 'user', t.keys.owner.publicKey);
    const nextRec = getStatement(t.doc, next)!;
    expect(readStatement(nextRec).lastEditorKey).toBe(t.keys.owner.publicKey);
    expect(bodyText(requireBody(nextRec))).toBe('第一段文字。\n第二段文字。');
    typeInto(t.doc, next, 1, 0, '更新：');
    submitForReview(t.doc, next, '林雅婷');
    await approve(t.doc, next, 'legal', await t.as('legal'));
    await release(t.doc, next, await t.as('owner'));
    const gov = await t.gov();
    expect(deriveGate(getStatement(t.doc, id)!, { gov }).status).toBe('superseded');
    expect(deriveGate(nextRec, { gov }).status).toBe('released');
  });

  it('narrows the log per statement without changing any answer', async () => {
    const t = await signedTeam();
    const a = statementBy(t, 'owner');
    const b = statementBy(t, 'owner');
    for (const s of [a, b]) submitForReview(t.doc, s.id, '林雅婷');
    await approve(t.doc, a.id, 'legal', await t.as('legal'));
    await approve(t.doc, b.id, 'legal', await t.as('legal'));
    typeInto(t.doc, b.id, 0, 0, '改');
    const gov = await t.gov();
    for (const s of [a, b]) {
      const target = { statementId: s.id, hash: contentHash(requireBody(s.rec)) };
      const full = deriveApprovals(gov, target).map((d) => [d.item.index, d.reason]);
      expect(deriveApprovals(statementGovernance(gov, s.id), target).map((d) => [d.item.index, d.reason])).toEqual(full);
    }
    expect(statementGovernance(gov, a.id)).toBe(statementGovernance(gov, a.id));
  });
});
