import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collectionOf } from '../../../shared/doc/workspaceDoc';
import { addRecord } from '../../../shared/doc/collection';
import { deriveGate } from '../../../shared/statements/approval';
import { addComment, setCommentResolved } from '../../../shared/statements/comments';
import { isDrillStatement } from '../../../shared/statements/drill';
import { measureGateFlags } from '../../../shared/statements/gateFlags';
import { factsCollectionFor } from '../../../shared/statements/factsheet';
import { lintErrors, lintText } from '../../../shared/statements/lint';
import { DEFAULT_RISKY_PHRASES } from '../../../shared/statements/phrases';
import { getStatement, readStatement } from '../../../shared/statements/store';
import { approve, currentGates, noteLastEditor, overrideGate, release, startRevision, submitForReview, WorkflowError } from '../../../shared/statements/workflow';
import { signedTeam, statementBy, type SignedTeam } from './signoff-helpers';

async function refusal(p: Promise<unknown>): Promise<{ code: string; gates: readonly string[] }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WorkflowError) return { code: err.code, gates: err.gates };
    throw err;
  }
  return { code: 'ok', gates: [] };
}

async function inReview(t: SignedTeam, body: string, init = {}) {
  const s = statementBy(t, 'owner', { body, ...init });
  submitForReview(t.doc, s.id, '林雅婷');
  return s;
}

describe('release gates on approval and release', () => {
  it('refuses approval while a template placeholder is unfilled; an owner overrides it with a reason', async () => {
    const t = await signedTeam();
    const { id, rec } = await inReview(t, '{company}於今日接獲反映，我們誠摯致歉。');
    expect(await refusal(approve(t.doc, id, 'legal', await t.as('legal')))).toEqual({ code: 'gateBlocked', gates: ['placeholders'] });
    // Not an owner: refused. No reason: refused.
    expect((await refusal(overrideGate(t.doc, id, 'placeholders', '公司名稱稍後由法務補上', await t.as('legal')))).code).toBe('notOwner');
    expect((await refusal(overrideGate(t.doc, id, 'placeholders', '   ', await t.as('owner')))).code).toBe('noReason');
    await overrideGate(t.doc, id, 'placeholders', '公司名稱稍後由法務補上', await t.as('owner'));
    const gate = deriveGate(rec, { gov: await t.gov(), flags: measureGateFlags(t.doc, rec, ['legal'], await t.gov()) });
    const ph = gate.gates!.gates.find((g) => g.gate === 'placeholders')!;
    expect(ph.failing).toBe(true);
    expect(ph.override?.payload?.reason).toBe('公司名稱稍後由法務補上');
    expect(ph.override?.valid).toBe(true);
    expect(gate.gates!.blocksApproval).toEqual([]);
    await approve(t.doc, id, 'legal', await t.as('legal'));
    expect(deriveGate(rec, { gov: await t.gov() }).status).toBe('approved');
  });

  it('refuses approval and release on error-level wording, not on warnings', async () => {
    expect(lintErrors(lintText('這是我們的疏失導致的，我們負全責。', DEFAULT_RISKY_PHRASES)).length).toBeGreaterThan(0);
    expect(lintErrors(lintText('我們保證不會再發生。', DEFAULT_RISKY_PHRASES))).toEqual([]);
    const t = await signedTeam();
    const warned = await inReview(t, '我們保證不會再發生。');
    await approve(t.doc, warned.id, 'legal', await t.as('legal'));
    const bad = await inReview(t, '這是我們的疏失導致的，我們負全責。');
    expect(await refusal(approve(t.doc, bad.id, 'legal', await t.as('legal')))).toEqual({ code: 'gateBlocked', gates: ['lint'] });
  });

  it('refuses on a facts conflict and on an open comment from a required reviewer only', async () => {
    const t = await signedTeam();
    const { id, rec } = await inReview(t, '目前約有1,500名顧客受到影響。');
    addRecord(factsCollectionFor(t.doc, rec, 'user'), { label: '受影響顧客', value: '1,200', kind: 'number' }, 'user');
    expect(await refusal(approve(t.doc, id, 'legal', await t.as('legal')))).toEqual({ code: 'gateBlocked', gates: ['facts'] });
    const fixed = await inReview(t, '目前約有1,200名顧客受到影響。', { incidentId: '' });
    addRecord(factsCollectionFor(t.doc, fixed.rec, 'user'), { label: '受影響顧客', value: '1,200', kind: 'number' }, 'user');
    // An editor's comment does not gate; legal's open comment does, until resolved.
    addComment(fixed.rec, { from: 0, to: 4, text: '措辭再想想', by: '王小明', byKey: t.keys.editor.publicKey });
    expect(currentGates(t.doc, fixed.rec, await t.gov()).blocksApproval).toEqual([]);
    const c = addComment(fixed.rec, { from: 0, to: 4, text: '請改為「約」', by: '林律師', byKey: t.keys.legal.publicKey });
    expect(await refusal(approve(t.doc, fixed.id, 'legal', await t.as('legal')))).toEqual({ code: 'gateBlocked', gates: ['comments'] });
    setCommentResolved(fixed.rec, c, true, '林律師');
    await approve(t.doc, fixed.id, 'legal', await t.as('legal'));
    // A gate failing after approval blocks release (until an owner overrides it).
    addComment(fixed.rec, { from: 0, to: 4, text: '再確認一次', by: '林律師', byKey: t.keys.legal.publicKey });
    expect(await refusal(release(t.doc, fixed.id, await t.as('owner')))).toEqual({ code: 'gateBlocked', gates: ['comments'] });
    await overrideGate(t.doc, fixed.id, 'comments', '法務已口頭確認', await t.as('owner'));
    await release(t.doc, fixed.id, await t.as('owner'));
    expect(deriveGate(fixed.rec, { gov: await t.gov() }).status).toBe('released');
  });

  it('an override by someone later removed as owner stops counting', async () => {
    const t = await signedTeam(['owner', 'legal', 'exec']);
    // exec becomes a second owner, overrides, then loses the owner role.
    const { appendSigned } = await import('./signoff-helpers');
    await appendSigned(t, 'owner', { ws: 'ws-signoff-test', kind: 'roster.roles', key: t.keys.exec.publicKey, roles: ['owner', 'executive_approver'] });
    const { id, rec } = await inReview(t, '{company}今日致歉。');
    await overrideGate(t.doc, id, 'placeholders', '稍後補上', await t.as('exec'));
    expect(currentGates(t.doc, rec, await t.gov()).blocksApproval).toEqual([]);
    await appendSigned(t, 'owner', { ws: 'ws-signoff-test', kind: 'roster.roles', key: t.keys.exec.publicKey, roles: ['executive_approver'] });
    expect(currentGates(t.doc, rec, await t.gov()).blocksApproval).toEqual(['placeholders']);
  });
});

describe('drills', () => {
  it('marks statements of a drill for good and never releases them, whatever an owner does', async () => {
    const t = await signedTeam();
    const incidents = collectionOf(t.doc, 'incidents');
    addRecord(incidents, { id: 'drill-abc', title: '演練：食安事件', drill: true }, 'user');
    addRecord(incidents, { id: 'inc-xyz', title: '真實事件', drill: false }, 'user');
    const drill = statementBy(t, 'owner', { incidentId: 'drill-abc', drill: true });
    expect(drill.id.startsWith('drill-')).toBe(true);
    expect(isDrillStatement(t.doc, drill.rec)).toBe(true);
    // Moving it to a real incident does not make it real.
    t.doc.transact(() => {
      drill.rec.set('incidentId', 'inc-xyz');
      drill.rec.set('drill', false);
    }, 'remote');
    expect(isDrillStatement(t.doc, drill.rec)).toBe(true);
    expect(readStatement(drill.rec).incidentId).toBe('inc-xyz');
    // A statement that names a drill incident is a drill too.
    const linked = statementBy(t, 'owner', { incidentId: 'drill-abc' });
    expect(isDrillStatement(t.doc, linked.rec)).toBe(true);
    expect(isDrillStatement(t.doc, statementBy(t, 'owner', { incidentId: 'inc-xyz' }).rec)).toBe(false);

    submitForReview(t.doc, drill.id, '林雅婷');
    // A drill statement can be approved (the exercise) …
    await approve(t.doc, drill.id, 'legal', await t.as('legal'));
    const gate = deriveGate(drill.rec, { gov: await t.gov(), flags: measureGateFlags(t.doc, drill.rec, ['legal'], await t.gov()) });
    expect(gate.status).toBe('approved');
    expect(gate.drill).toBe(true);
    expect(gate.gates!.blocksRelease).toEqual(['drill']);
    expect(gate.gates!.blocksApproval).toEqual([]);
    // … but never released, and the drill gate has no override.
    expect((await refusal(release(t.doc, drill.id, await t.as('owner')))).code).toBe('drill');
    expect((await refusal(overrideGate(t.doc, drill.id, 'drill', '想直接發', await t.as('owner')))).code).toBe('notOverridable');
  });

  it('keeps a revision of a drill statement a drill statement', async () => {
    const t = await signedTeam();
    const s = statementBy(t, 'owner', { drill: true });
    t.doc.transact(() => s.rec.set('stage', 'released'), 'user');
    const next = startRevision(t.doc, s.id, '林雅婷', '修訂', 'user', t.keys.owner.publicKey);
    expect(isDrillStatement(t.doc, getStatement(t.doc, next)!)).toBe(true);
  });
});

describe('last editor', () => {
  it('records the last editor only when it changes', async () => {
    const t = await signedTeam();
    const { rec } = statementBy(t, 'owner');
    const doc = rec.doc as Y.Doc;
    let writes = 0;
    doc.on('afterTransaction', () => writes++);
    expect(noteLastEditor(rec, t.keys.owner.publicKey)).toBe(false);
    expect(noteLastEditor(rec, t.keys.legal.publicKey)).toBe(true);
    expect(noteLastEditor(rec, t.keys.legal.publicKey)).toBe(false);
    expect(writes).toBe(1);
    expect(readStatement(rec).lastEditorKey).toBe(t.keys.legal.publicKey);
  });
});
