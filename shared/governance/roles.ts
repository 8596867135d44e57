import { z } from 'zod';
import { REVIEWER_ROLES, type ReviewerRole } from '../statements/types.js';

/**
 * Roles a member can hold in a workspace's roster (DESIGN.md §5). A member may hold several;
 * none is implied by another (an owner who is also in-house counsel holds both `owner` and
 * `legal_approver`), so what a member may do is always visible in their list of roles.
 */
export const MEMBER_ROLES = [
  'owner',
  'coordinator',
  'legal_approver',
  'executive_approver',
  'spokesperson',
  'editor',
  'external_partner',
  'observer',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const memberRoleSchema = z.enum(MEMBER_ROLES);

/**
 * The member role that may give each statement sign-off (the statement studio's reviewer roles,
 * shared/statements/types.ts). The PR lead's sign-off is given by the spokesperson: the roster
 * has no separate PR role, and the spokesperson is who speaks the statement.
 */
export const APPROVER_ROLE: Readonly<Record<ReviewerRole, MemberRole>> = {
  legal: 'legal_approver',
  executive: 'executive_approver',
  pr: 'spokesperson',
};

/** Reviewer roles a member with `roles` may sign as. */
export function reviewerRolesOf(roles: readonly MemberRole[]): ReviewerRole[] {
  return REVIEWER_ROLES.filter((r) => roles.includes(APPROVER_ROLE[r]));
}

/** Member roles that may declare an incident or change its severity. */
export const INCIDENT_ROLES: readonly MemberRole[] = ['coordinator', 'owner'];

/** Member role that may release a statement to the public. */
export const RELEASE_ROLE: MemberRole = 'spokesperson';
