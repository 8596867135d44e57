import { policySchema, type Policy, type PolicyInput } from '../../../shared/governance';
import { REVIEWER_ROLES, STATEMENT_KINDS, type ReviewerRole, type StatementKind } from '../../../shared/statements/types';

/**
 * The policy editor's logic (pure): a draft of the workspace policy as owners edit it on the
 * Members page, and the `policy.set` payload it becomes. A policy is set as a whole (the replay
 * keeps the last one an owner signed), so the payload always names every kind, each with at
 * least one reviewer role, in a fixed order.
 */

/** A policy being edited. */
export interface PolicyDraft {
  separationOfDuties: boolean;
  requiredRoles: Record<StatementKind, ReviewerRole[]>;
}

/** A draft holding the policy in force. */
export function draftOf(policy: Policy): PolicyDraft {
  const requiredRoles = {} as Record<StatementKind, ReviewerRole[]>;
  for (const kind of STATEMENT_KINDS) requiredRoles[kind] = REVIEWER_ROLES.filter((r) => policy.requiredRoles[kind].includes(r));
  return { separationOfDuties: policy.separationOfDuties, requiredRoles };
}

/**
 * The draft with `role` required (or not) for `kind`. Taking away a kind's last role leaves the
 * draft unchanged: every kind of statement needs someone's sign-off.
 */
export function withRole(draft: PolicyDraft, kind: StatementKind, role: ReviewerRole, on: boolean): PolicyDraft {
  const current = draft.requiredRoles[kind];
  const next = REVIEWER_ROLES.filter((r) => (r === role ? on : current.includes(r)));
  if (next.length === 0) return draft;
  return { ...draft, requiredRoles: { ...draft.requiredRoles, [kind]: next } };
}

/** Whether unticking `role` for `kind` would leave the kind without any sign-off. */
export function isLastRole(draft: PolicyDraft, kind: StatementKind, role: ReviewerRole): boolean {
  const roles = draft.requiredRoles[kind];
  return roles.length === 1 && roles[0] === role;
}

/** The `policy` field of a `policy.set` entry for the draft (checked against the log's own schema). */
export function policyPayload(draft: PolicyDraft): PolicyInput {
  const requiredRoles: Partial<Record<StatementKind, ReviewerRole[]>> = {};
  for (const kind of STATEMENT_KINDS) requiredRoles[kind] = REVIEWER_ROLES.filter((r) => draft.requiredRoles[kind].includes(r));
  return policySchema.parse({ separationOfDuties: draft.separationOfDuties, requiredRoles });
}

/** What the draft changes against the policy in force (empty: saving would sign nothing new). */
export interface PolicyChanges {
  /** Separation of duties switched on (true) or off (false); undefined: unchanged. */
  separationOfDuties?: boolean;
  /** Kinds whose required roles change, with the roles before and after. */
  kinds: Array<{ kind: StatementKind; before: ReviewerRole[]; after: ReviewerRole[] }>;
}

export function policyChanges(current: Policy, draft: PolicyDraft): PolicyChanges {
  const kinds: PolicyChanges['kinds'] = [];
  for (const kind of STATEMENT_KINDS) {
    const before = REVIEWER_ROLES.filter((r) => current.requiredRoles[kind].includes(r));
    const after = REVIEWER_ROLES.filter((r) => draft.requiredRoles[kind].includes(r));
    if (before.join() !== after.join()) kinds.push({ kind, before, after });
  }
  return {
    ...(current.separationOfDuties !== draft.separationOfDuties ? { separationOfDuties: draft.separationOfDuties } : {}),
    kinds,
  };
}

export const hasChanges = (c: PolicyChanges): boolean => c.separationOfDuties !== undefined || c.kinds.length > 0;
