import type { YRecord } from '../doc/collection.js';
import type { Governance } from '../governance/governance.js';
import { reviewerRolesOf } from '../governance/roles.js';
import { requiredRolesOf, signOffOf } from './approval.js';
import { isDrillStatement } from './drill.js';
import { contentHash } from './hash.js';
import { bodyOf, readStatement } from './store.js';
import type { ReviewerRole } from './types.js';

/**
 * "Awaiting your sign-off" (待您簽核): the statements in review that the person at this laptop
 * can sign now. A statement is waiting for them when it is in review and one of its required
 * roles is a reviewer role they hold in the verified roster, has no approval that counts over the
 * current text (nor one over that text still being verified), and is not barred to them by
 * separation of duties (the legal sign-off, while the policy keeps it, cannot come from the
 * statement's last editor — the same rule as deriveGate). Release gates (placeholders, wording,
 * open comments…) are not judged here: the reviewer sees them when opening the statement.
 */

export interface PendingSignoff {
  statementId: string;
  title: string;
  /** Roles this person could sign now, in REVIEWER_ROLES order. */
  roles: ReviewerRole[];
  drill: boolean;
  /** When the statement was created (ms): the list shows the longest-waiting first. */
  createdAt: number;
}

/**
 * Whether the governance says enough to tell what waits: the roster is verified and every stored
 * entry has been read (GovernanceView reads sign-offs in the background after a workspace opens;
 * an approval not read yet would make a signed statement look as if it still waited).
 */
export function inboxSettled(gov: Governance): boolean {
  return gov.roster.settled && gov.unread === 0;
}

/** Who is asking: their public key and the roles they may sign as (empty: nothing can wait for them). */
export interface Reviewer {
  key: string;
  roles: ReviewerRole[];
}

/** The reviewer roles `key` may sign with now (none while the roster is still being verified). */
export function reviewerOf(gov: Governance | null, key: string): Reviewer {
  const m = gov && key ? gov.roster.byKey.get(key) : undefined;
  if (!gov || !gov.roster.settled || !m || m.removed) return { key, roles: [] };
  return { key, roles: reviewerRolesOf(m.roles) };
}

/**
 * Whether one statement waits for the reviewer's sign-off (null: it does not). `hashOf` lets a
 * caller reuse a hash it already has; by default the body is hashed here, and only for a
 * statement in review that needs one of the reviewer's roles. Ask only when {@link inboxSettled}.
 */
export function pendingSignoffFor(rec: YRecord, gov: Governance, reviewer: Reviewer, hashOf: (rec: YRecord) => string = defaultHash): PendingSignoff | null {
  if (reviewer.roles.length === 0) return null;
  const fields = readStatement(rec);
  if (fields.stage !== 'in_review' || !bodyOf(rec)) return null;
  const separation = gov.policy.policy.separationOfDuties;
  const candidates = requiredRolesOf(rec, gov).filter((r) => reviewer.roles.includes(r) && !(r === 'legal' && separation && fields.lastEditorKey === reviewer.key));
  if (candidates.length === 0) return null;
  const hash = hashOf(rec);
  const signOff = signOffOf(rec, gov, hash);
  const roles = candidates.filter((role) => {
    const standing = signOff.roles.find((s) => s.role === role);
    if (!standing || standing.approval) return false;
    // An approval over this very text still being verified (typically the one just signed here) is on its way to counting.
    return !standing.approvals.some((a) => a.reason === 'verifying' && a.payload?.hash === hash);
  });
  if (roles.length === 0) return null;
  return { statementId: fields.id, title: fields.title, roles, drill: isDrillStatement(rec.doc, rec, gov), createdAt: fields.createdAt };
}

const defaultHash = (rec: YRecord): string => contentHash(bodyOf(rec)!);

/** Every statement of `records` waiting for the reviewer, the longest-waiting first. */
export function pendingSignoffs(records: readonly YRecord[], gov: Governance | null, reviewer: Reviewer, hashOf?: (rec: YRecord) => string): PendingSignoff[] {
  if (!gov || !inboxSettled(gov) || reviewer.roles.length === 0) return [];
  const out: PendingSignoff[] = [];
  for (const rec of records) {
    const p = pendingSignoffFor(rec, gov, reviewer, hashOf);
    if (p) out.push(p);
  }
  return sortPending(out);
}

/** Longest-waiting first (then by id, so every laptop lists them alike). */
export function sortPending(list: PendingSignoff[]): PendingSignoff[] {
  return list.sort((a, b) => a.createdAt - b.createdAt || (a.statementId < b.statementId ? -1 : a.statementId > b.statementId ? 1 : 0));
}
