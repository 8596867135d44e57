import { REVIEWER_ROLES, type ReviewerRole, type StatementKind } from '../statements/types.js';
import type { LogItem, PayloadOf, ValidItem } from './entries.js';
import { authorityReason, basicReason, type Governance, type Judged } from './governance.js';
import type { ApprovalReason } from './reasons.js';
import { APPROVER_ROLE, RELEASE_ROLE } from './roles.js';
import type { Member } from './roster.js';

/**
 * Signed sign-off. An approval counts only if its signature verifies, it was made for this
 * workspace and statement, over the current text's hash, by a member who held the matching
 * role from signing until now (roles.ts APPROVER_ROLE), and — for the legal sign-off, while
 * the policy keeps separation of duties — not by the author of the statement's last change.
 */

export type ApprovalPayload = PayloadOf<'approval'>;

/** An approval with its standing. `reason` is set exactly when `valid` is false. */
export interface DerivedApproval extends Judged<ApprovalPayload> {
  reason?: ApprovalReason;
  /** The signer's roster entry, when they are (or were) a member. */
  signer?: Member;
}

/** What an approval is checked against. */
export interface ApprovalTarget {
  statementId: string;
  /** Hash of the statement's current text (statements/hash.ts contentHash). */
  hash: string;
  /**
   * Public key of the member who made the statement's last change, when known. Supplied by the
   * caller (edits are not signed): separation of duties is as good as this answer.
   */
  lastEditorKey?: string;
}

/** Judges one approval entry against a statement (any log item; non-approvals are `malformed`). */
export function evaluateApproval(gov: Governance, item: LogItem, target: ApprovalTarget): DerivedApproval {
  const pl = item.payload;
  if (!pl || pl.kind !== 'approval') return { item, valid: false, reason: 'malformed' };
  const signer = gov.roster.byKey.get(pl.by);
  const out = (reason?: ApprovalReason): DerivedApproval => ({
    item,
    payload: pl,
    valid: reason === undefined,
    ...(reason ? { reason } : {}),
    ...(signer ? { signer } : {}),
  });
  const basic = basicReason(gov, item as ValidItem);
  if (basic) return out(basic as ApprovalReason);
  if (pl.statementId !== target.statementId) return out('otherStatement');
  const authority = authorityReason(gov, item as ValidItem, [APPROVER_ROLE[pl.role]]);
  if (authority) return out(authority as ApprovalReason);
  if (pl.hash !== target.hash) return out('textChanged');
  if (pl.role === 'legal' && gov.policy.policy.separationOfDuties && target.lastEditorKey !== undefined && pl.by === target.lastEditorKey) {
    return out('authorCannotApprove');
  }
  return out();
}

/**
 * Every approval recorded for a statement, in replay order, each with its standing (malformed
 * entries that name the statement included, as `malformed`).
 */
export function deriveApprovals(gov: Governance, target: ApprovalTarget): DerivedApproval[] {
  const out: DerivedApproval[] = [];
  for (const item of gov.ordered) {
    if (item.payload.kind === 'approval' && item.payload.statementId === target.statementId) out.push(evaluateApproval(gov, item, target));
  }
  for (const item of gov.malformed) {
    if (item.hint?.kind === 'approval' && item.hint.statementId === target.statementId) out.push({ item, valid: false, reason: 'malformed' });
  }
  return out;
}

/** One required sign-off's standing. */
export interface RoleSignOff {
  role: ReviewerRole;
  /** The latest valid approval for the role, if any. */
  approval?: DerivedApproval;
  /** Every approval given for the role (valid or not), in replay order. */
  approvals: DerivedApproval[];
}

export interface SignOffState {
  /** Roles that must sign: the policy's for the statement kind, plus any the statement adds. */
  required: ReviewerRole[];
  roles: RoleSignOff[];
  /** Every required role has a valid approval over the current text. */
  met: boolean;
  /** Something this depends on is still being verified (show "checking"). */
  pending: boolean;
}

/**
 * Whether a statement's current text has every required sign-off. The policy sets the floor
 * per kind; `statementRoles` (the statement's own, unsigned field) can add roles, never remove.
 */
export function requiredRolesMet(gov: Governance, target: ApprovalTarget & { kind: StatementKind; statementRoles?: readonly ReviewerRole[] }): SignOffState {
  const floor = gov.policy.policy.requiredRoles[target.kind];
  const required = REVIEWER_ROLES.filter((r) => floor.includes(r) || (target.statementRoles ?? []).includes(r));
  const all = deriveApprovals(gov, target);
  const roles = required.map((role): RoleSignOff => {
    const approvals = all.filter((a) => a.payload?.role === role);
    const approval = [...approvals].reverse().find((a) => a.valid);
    return { role, approvals, ...(approval ? { approval } : {}) };
  });
  return {
    required,
    roles,
    met: required.length > 0 && roles.every((r) => r.approval),
    pending: !gov.roster.settled || gov.unread > 0 || all.some((a) => a.reason === 'verifying'),
  };
}

export type ReleasePayload = PayloadOf<'release'>;

/** Release records of a statement: valid when signed by a spokesperson (from then until now). */
export function deriveReleases(gov: Governance, statementId: string): Judged<ReleasePayload>[] {
  const out: Judged<ReleasePayload>[] = [];
  for (const item of gov.ordered) {
    const pl = item.payload;
    if (pl.kind !== 'release' || pl.statementId !== statementId) continue;
    const reason = basicReason(gov, item) ?? authorityReason(gov, item, [RELEASE_ROLE]);
    out.push({ item, payload: pl, valid: !reason, ...(reason ? { reason } : {}) });
  }
  return out;
}
