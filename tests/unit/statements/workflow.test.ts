import { describe, expect, it } from 'vitest';
import { deriveGate, evaluateApprovals, readReleases } from '../../../shared/statements/approval';
import { bodyText } from '../../../shared/statements/body';
import { listVersions } from '../../../shared/statements/history';
import { getStatement, readStatement, requireBody } from '../../../shared/statements/store';
import { approve, isEditable, release, returnToDraft, setRequiredRoles, startRevision, submitForReview, WorkflowError } from '../../../shared/statements/workflow';
import { docWithStatement, exchange, typeInto } from './helpers';
import * as Y from 'yjs';

describe('statement workflow and approval gate', () => {
  it('creates a draft with body, default reviewers and nested collections', () => {
    const { rec } = docWithStatement();
    const f = readStatement(rec);
    expect(f.stage).toBe('draft');
    expect(f.requiredRoles).toBe('legal');
    expect(bodyText(requireBody(rec))).toBe('第一段文字。\n第二段文字。');
    for (const key of ['approvals', 'releases', 'versions', 'comments', 'facts']) expect(rec.get(key)).toBeInstanceOf(Y.Map);
    expect(deriveGate(rec).status).toBe('draft');
  });

  it('goes draft → in review → approved → released, with a version at each step', () => {
    const { doc, id, rec } = docWithStatement({ requiredRoles: ['legal', 'pr'] });
    expect(() => approve(doc, id, 'legal', '林律師')).toThrow(WorkflowError);
    submitForReview(doc, id, '王小明');
    expect(deriveGate(rec).status).toBe('in_review');
    approve(doc, id, 'legal', '林律師');
    expect(deriveGate(rec).status).toBe('in_review');
    expect(() => release(doc, id, '王小明')).toThrow(/approved by every required reviewer/);
    approve(doc, id, 'pr', '陳經理');
    expect(deriveGate(rec).status).toBe('approved');
    release(doc, id, '王小明');
    const gate = deriveGate(rec);
    expect(gate.status).toBe('released');
    expect(gate.release!.text).toBe('第一段文字。\n第二段文字。');
    expect(JSON.parse(gate.release!.approvalsJson).map((a: { by: string }) => a.by).sort()).toEqual(['林律師', '陳經理']);
    expect(isEditable(rec)).toBe(false);
    expect(listVersions(rec).map((v) => v.label)).toEqual(['status:in_review', 'status:approved', 'status:released']);
  });

  it('voids an approval when one character changes, and shows who and when', () => {
    const { doc, id, rec } = docWithStatement();
    submitForReview(doc, id, '王小明');
    approve(doc, id, 'legal', '林律師', 'user', 1_700_000_000_000);
    expect(deriveGate(rec).status).toBe('approved');
    typeInto(doc, id, 0, 2, '的');
    const gate = deriveGate(rec);
    expect(gate.status).toBe('in_review');
    expect(gate.voided).toHaveLength(1);
    expect(gate.voided[0]).toMatchObject({ role: 'legal', by: '林律師', at: 1_700_000_000_000 });
    approve(doc, id, 'legal', '林律師');
    expect(deriveGate(rec).status).toBe('approved');
    expect(deriveGate(rec).voided).toHaveLength(0);
  });

  it('counts an old approval again when the text returns to exactly what was approved', () => {
    const { doc, id, rec } = docWithStatement();
    submitForReview(doc, id, '王小明');
    approve(doc, id, 'legal', '林律師');
    typeInto(doc, id, 0, 0, 'X');
    expect(deriveGate(rec).status).toBe('in_review');
    const t = (requireBody(rec).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    doc.transact(() => t.delete(0, 1), 'user');
    expect(deriveGate(rec).status).toBe('approved');
  });

  it('shows a statement moved back to draft as draft, whatever its approvals', () => {
    const { doc, id, rec } = docWithStatement();
    submitForReview(doc, id, '王小明');
    approve(doc, id, 'legal', '林律師');
    returnToDraft(doc, id, '王小明');
    expect(deriveGate(rec).status).toBe('draft');
  });

  it('never treats an empty reviewer list as approved', () => {
    expect(evaluateApprovals([], [], 'h').allApproved).toBe(false);
    const { doc, id, rec } = docWithStatement();
    expect(() => setRequiredRoles(rec, [])).toThrow(/At least one/);
    // A damaged or hostile field falls back to the kind's defaults.
    doc.transact(() => rec.set('requiredRoles', ''), 'remote');
    submitForReview(doc, id, '王小明');
    expect(deriveGate(rec).requiredRoles).toEqual(['legal']);
    expect(deriveGate(rec).status).toBe('in_review');
  });

  it('requires a name for every step', () => {
    const { doc, id } = docWithStatement();
    expect(() => submitForReview(doc, id, '  ')).toThrow(/name/);
  });

  it('flags an edit that raced a release, and keeps the released copy intact', () => {
    const { doc: a, id, rec } = docWithStatement();
    const b = new Y.Doc();
    exchange(a, b);
    submitForReview(a, id, '王小明');
    approve(a, id, 'legal', '林律師');
    exchange(a, b);
    release(a, id, '王小明'); // on laptop A
    typeInto(b, id, 1, 0, '改'); // at the same time on laptop B
    exchange(a, b);
    for (const d of [a, b]) {
      const gate = deriveGate(getStatement(d, id)!);
      expect(gate.status).toBe('released');
      expect(gate.changedSinceRelease).toBe(true);
      expect(gate.release!.text).toBe('第一段文字。\n第二段文字。');
    }
    expect(readReleases(rec)).toHaveLength(1);
  });

  it('revises a released statement and supersedes it on release', () => {
    const { doc, id } = docWithStatement();
    submitForReview(doc, id, '王小明');
    approve(doc, id, 'legal', '林律師');
    release(doc, id, '王小明');
    const next = startRevision(doc, id, '王小明', '更新聲明');
    const nextRec = getStatement(doc, next)!;
    expect(bodyText(requireBody(nextRec))).toBe('第一段文字。\n第二段文字。');
    typeInto(doc, next, 1, 0, '更新：');
    submitForReview(doc, next, '王小明');
    approve(doc, next, 'legal', '林律師');
    release(doc, next, '王小明');
    expect(deriveGate(getStatement(doc, id)!).status).toBe('superseded');
    expect(deriveGate(nextRec).status).toBe('released');
  });
});

describe('approving what the reviewer saw', () => {
  it('refuses an approval when the text changed after the reviewer last saw it', async () => {
    const { contentHash } = await import('../../../shared/statements/hash');
    const { doc, id, rec } = docWithStatement();
    submitForReview(doc, id, '王小明');
    const seen = contentHash(requireBody(rec));
    typeInto(doc, id, 0, 0, '新'); // a peer's edit lands before the click
    expect(() => approve(doc, id, 'legal', '林律師', 'user', Date.now(), seen)).toThrow(/changed while you were reviewing/);
    expect(deriveGate(rec).voided).toEqual([]);
    approve(doc, id, 'legal', '林律師', 'user', Date.now(), contentHash(requireBody(rec)));
    expect(deriveGate(rec).status).toBe('approved');
  });
});
