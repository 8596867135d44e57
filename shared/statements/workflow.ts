import type * as Y from 'yjs';
import { addRecord, type YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { deriveGate, readApprovals } from './approval.js';
import { bodyToJson, flattenBody } from './body.js';
import { contentHash } from './hash.js';
import { addVersion } from './history.js';
import { createStatement, getStatement, nestedOf, readStatement, requireBody } from './store.js';
import { REVIEWER_ROLES, type ReviewerRole } from './types.js';

/**
 * The statement workflow: draft → in review → (approved, derived) → released → superseded.
 * Each step checks the derived gate at the moment it runs, writes in one transaction and saves
 * a version. Errors carry a stable `code` the UI translates.
 */

export type WorkflowErrorCode = 'notFound' | 'wrongStage' | 'notApproved' | 'noName' | 'badRole' | 'readOnly' | 'changed';

export class WorkflowError extends Error {
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkflowError';
  }
}

function need(doc: Y.Doc, id: string): YRecord {
  const rec = getStatement(doc, id);
  if (!rec) throw new WorkflowError('notFound', 'That statement no longer exists');
  return rec;
}

function needName(by: string): string {
  const name = by.trim();
  if (!name) throw new WorkflowError('noName', 'Enter your name first: every step records who took it');
  return name;
}

/** Version labels are stored as stable keys; the UI translates them. */
export const VERSION_LABELS = {
  submitted: 'status:in_review',
  returned: 'status:draft',
  approved: 'status:approved',
  released: 'status:released',
  superseded: 'status:superseded',
} as const;

/** draft → in review. */
export function submitForReview(doc: Y.Doc, id: string, by: string, origin: Origin = 'user'): void {
  const rec = need(doc, id);
  const name = needName(by);
  if (readStatement(rec).stage !== 'draft') throw new WorkflowError('wrongStage', 'Only a draft can be sent for review');
  write(doc, origin, () => {
    rec.set('stage', 'in_review');
    addVersion(rec, { by: name, reason: 'status', label: VERSION_LABELS.submitted }, origin);
  });
}

/** in review → draft (approvals stay on record; they count again only for the exact same text). */
export function returnToDraft(doc: Y.Doc, id: string, by: string, origin: Origin = 'user'): void {
  const rec = need(doc, id);
  const name = needName(by);
  if (readStatement(rec).stage !== 'in_review') throw new WorkflowError('wrongStage', 'Only a statement in review can go back to draft');
  write(doc, origin, () => {
    rec.set('stage', 'draft');
    addVersion(rec, { by: name, reason: 'status', label: VERSION_LABELS.returned }, origin);
  });
}

/**
 * Records `by`'s approval as `role`, pinned to the current text's hash. When it completes the
 * required sign-offs, a version is saved ("approved"). `expectedHash` is the hash of the text the
 * reviewer was looking at: if a peer's edit arrived in between, the approval is refused.
 */
export function approve(doc: Y.Doc, id: string, role: ReviewerRole, by: string, origin: Origin = 'user', at: number = Date.now(), expectedHash?: string): string {
  const rec = need(doc, id);
  const name = needName(by);
  if (!(REVIEWER_ROLES as readonly string[]).includes(role)) throw new WorkflowError('badRole', `Unknown reviewer role: ${String(role)}`);
  if (readStatement(rec).stage !== 'in_review') throw new WorkflowError('wrongStage', 'Send the statement for review before approving it');
  return write(doc, origin, () => {
    const hash = contentHash(requireBody(rec));
    if (expectedHash !== undefined && expectedHash !== hash) throw new WorkflowError('changed', 'The text changed while you were reviewing it: read it again before approving');
    const approvalId = addRecord(nestedOf(rec, 'approvals'), { role, by: name, at, hash }, origin);
    if (deriveGate(rec, hash).status === 'approved') {
      addVersion(rec, { by: name, reason: 'status', label: VERSION_LABELS.approved, at }, origin);
    }
    return approvalId;
  });
}

/**
 * Releases an approved statement: freezes a read-only copy (text, body, hash, approvals) and
 * marks the statement it replaces (if any) superseded. Refuses unless the current text is
 * approved by every required role.
 */
export function release(doc: Y.Doc, id: string, by: string, origin: Origin = 'user', at: number = Date.now()): string {
  const rec = need(doc, id);
  const name = needName(by);
  return write(doc, origin, () => {
    const body = requireBody(rec);
    const json = bodyToJson(body);
    const hash = contentHash(json);
    const gate = deriveGate(rec, hash);
    if (gate.status !== 'approved') throw new WorkflowError('notApproved', 'Only text approved by every required reviewer can be released');
    const approvals = gate.roles.map((r) => r.valid!);
    const fields = readStatement(rec);
    const releaseId = addRecord(
      nestedOf(rec, 'releases'),
      { at, by: name, title: fields.title, text: flattenBody(body).text, bodyJson: JSON.stringify(json), hash, approvalsJson: JSON.stringify(approvals) },
      origin,
    );
    rec.set('stage', 'released');
    addVersion(rec, { by: name, reason: 'status', label: VERSION_LABELS.released, at }, origin);
    const older = fields.supersedesId ? getStatement(doc, fields.supersedesId) : undefined;
    if (older && readStatement(older).stage === 'released') {
      older.set('stage', 'superseded');
      older.set('supersededById', fields.id);
      addVersion(older, { by: name, reason: 'status', label: VERSION_LABELS.superseded, at }, origin);
    }
    return releaseId;
  });
}

/**
 * Starts a revision of a released statement: a new draft with the same settings and the
 * released text, which supersedes the old one when it is itself released.
 */
export function startRevision(doc: Y.Doc, id: string, by: string, title: string, origin: Origin = 'user'): string {
  const rec = need(doc, id);
  const name = needName(by);
  const f = readStatement(rec);
  if (f.stage !== 'released') throw new WorkflowError('wrongStage', 'Only a released statement can be revised');
  return write(doc, origin, () => {
    const newId = createStatement(
      doc,
      {
        title,
        kind: f.kind,
        language: f.language,
        by: name,
        channels: f.channels.split(',').filter(Boolean),
        ownerUnitId: f.ownerUnitId,
        crisisTypeId: f.crisisTypeId,
        incidentId: f.incidentId,
        requiredRoles: f.requiredRoles.split(',') as ReviewerRole[],
        templateId: f.templateId,
        supersedesId: f.id,
        body: bodyToJson(requireBody(rec)),
      },
      origin,
    );
    addVersion(getStatement(doc, newId)!, { by: name, reason: 'status', label: 'status:draft' }, origin);
    return newId;
  });
}

/** Whether the body may be edited (released and superseded statements are read-only). */
export function isEditable(rec: YRecord): boolean {
  const stage = readStatement(rec).stage;
  return stage === 'draft' || stage === 'in_review';
}

/** Sets which roles must sign off (at least one). */
export function setRequiredRoles(rec: YRecord, roles: ReviewerRole[], origin: Origin = 'user'): void {
  const valid = REVIEWER_ROLES.filter((r) => roles.includes(r));
  if (valid.length === 0) throw new WorkflowError('badRole', 'At least one reviewer must sign off');
  if (!isEditable(rec)) throw new WorkflowError('readOnly', 'A released statement cannot change its reviewers');
  const doc = rec.doc;
  if (!doc) throw new WorkflowError('notFound', 'This statement is not part of a workspace document');
  write(doc, origin, () => rec.set('requiredRoles', valid.join(',')));
}

/** Approvals of a statement with the person and time, newest first (for the panel's log). */
export function approvalLog(rec: YRecord) {
  return readApprovals(rec).reverse();
}
