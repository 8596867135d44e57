import type { YRecord } from '../doc/collection.js';
import { readChildren } from '../doc/collection.js';
import { contentHash } from './hash.js';
import { bodyOf, readStatement } from './store.js';
import {
  REVIEWER_ROLES,
  approvalSchema,
  parseRequiredRoles,
  type Approval,
  type DisplayedStatus,
  type Release,
  type ReviewerRole,
  type StatementStage,
} from './types.js';

/**
 * The approval gate, derived. Nothing here is stored as truth: "approved" is computed from the
 * current text's hash and the recorded approvals every time it is shown, so however edits and
 * approvals from different laptops interleave, text that no one approved is never shown as
 * approved (requirement R6).
 */

/** One required role's standing. */
export interface RoleStanding {
  role: ReviewerRole;
  /** Latest approval for this role that matches the current text, if any. */
  valid?: Approval;
  /** Latest approval for this role made on different text (void), if it is newer than `valid`. */
  voided?: Approval;
}

/** What the status bar shows. */
export interface GateState {
  status: DisplayedStatus;
  stage: StatementStage;
  /** Hash of the current body. */
  hash: string;
  requiredRoles: ReviewerRole[];
  roles: RoleStanding[];
  /** Approvals voided by a later change ("changed since approval by X at T"). */
  voided: Approval[];
  /** Latest release, when released or superseded. */
  release?: Release;
  /** True when the live text differs from the released copy (an edit raced the release). */
  changedSinceRelease: boolean;
}

/** Approvals recorded on a statement, valid-shaped ones only, oldest first. */
export function readApprovals(rec: YRecord): Approval[] {
  const out: Approval[] = [];
  for (const child of readChildren(rec, 'approvals')) {
    const parsed = approvalSchema.safeParse(Object.fromEntries(child.entries()));
    if (parsed.success) out.push(parsed.data);
  }
  // Stable sort: approvals made in the same millisecond keep the collection's order (which every
  // peer agrees on), not the random order of their ids.
  return out.sort((a, b) => a.at - b.at);
}

/** Releases of a statement, oldest first. */
export function readReleases(rec: YRecord): Release[] {
  const out: Release[] = [];
  for (const child of readChildren(rec, 'releases')) {
    const r = Object.fromEntries(child.entries());
    if (typeof r.hash !== 'string' || typeof r.text !== 'string') continue;
    out.push({
      id: String(r.id),
      at: Number(r.at) || 0,
      by: String(r.by ?? ''),
      title: String(r.title ?? ''),
      text: r.text,
      bodyJson: String(r.bodyJson ?? ''),
      hash: r.hash,
      approvalsJson: String(r.approvalsJson ?? '[]'),
    });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Pure core of the gate: given the required roles, the approvals and the current hash, each
 * role's standing and whether all are met.
 */
export function evaluateApprovals(requiredRoles: readonly ReviewerRole[], approvals: readonly Approval[], hash: string): { roles: RoleStanding[]; allApproved: boolean; voided: Approval[] } {
  const roles = requiredRoles.map((role): RoleStanding => {
    const mine = approvals.filter((a) => a.role === role);
    const valid = [...mine].reverse().find((a) => a.hash === hash);
    const latest = mine[mine.length - 1];
    const voided = latest && latest.hash !== hash && (!valid || latest.at >= valid.at) ? latest : undefined;
    return { role, ...(valid ? { valid } : {}), ...(voided ? { voided } : {}) };
  });
  const allApproved = requiredRoles.length > 0 && roles.every((r) => r.valid !== undefined);
  // A role's approval is reported void only while that role has no valid approval.
  const voided = roles.filter((r) => !r.valid && r.voided).map((r) => r.voided!);
  return { roles, allApproved, voided };
}

/** The displayed status and everything the approval panel shows, for a statement record. */
export function deriveGate(rec: YRecord, hash?: string): GateState {
  const fields = readStatement(rec);
  const body = bodyOf(rec);
  const current = hash ?? (body ? contentHash(body) : '');
  const requiredRoles = parseRequiredRoles(rec.get('requiredRoles'), fields.kind);
  const { roles, allApproved, voided } = evaluateApprovals(requiredRoles, readApprovals(rec), current);
  const releases = readReleases(rec);
  const release = releases[releases.length - 1];
  const stage = fields.stage;
  let status: DisplayedStatus;
  if (stage === 'superseded') status = 'superseded';
  else if (stage === 'released' && release) status = 'released';
  else if (stage === 'draft') status = 'draft';
  else status = body && allApproved ? 'approved' : 'in_review';
  return {
    status,
    stage,
    hash: current,
    requiredRoles,
    roles,
    voided,
    ...(release && (status === 'released' || status === 'superseded') ? { release } : {}),
    changedSinceRelease: !!release && (status === 'released' || status === 'superseded') && release.hash !== current,
  };
}

/** All reviewer roles, for pickers. */
export const ALL_ROLES: readonly ReviewerRole[] = REVIEWER_ROLES;
