import type { LogItem, Payload, ValidItem } from './entries.js';
import type { EntryReason } from './reasons.js';
import type { MemberRole } from './roles.js';
import { replayOrder, replayRoster, standingOf, type GovernanceInput, type PolicyState, type Roster } from './roster.js';

/**
 * One derivation of a workspace's governance state, from which the per-statement and
 * per-incident views are read. Derive it again whenever the log or the verdicts change (the
 * SignatureCache's `version` says when); it is pure and synchronous.
 */
export interface Governance {
  input: GovernanceInput;
  /** Well-formed entries in replay order (each signed entry once). */
  ordered: readonly ValidItem[];
  /** Repeats of an entry already in `ordered`. */
  duplicates: readonly ValidItem[];
  /** Entries that could not be read. */
  malformed: readonly LogItem[];
  roster: Roster;
  policy: PolicyState;
  /**
   * Stored entries not read yet (GovernanceView reads approvals, releases, overrides and incident
   * entries in the background after a workspace opens). While any are unread, sign-off states are
   * `pending`: an entry not read yet could be a sign-off, never a roster or policy change.
   */
  unread: number;
}

/** Replay order of a log, as deriveGovernance computes it (pass it back to skip the sort when only verdicts changed). */
export type ReplayOrder = ReturnType<typeof replayOrder>;

export function deriveGovernance(input: GovernanceInput, order: ReplayOrder = replayOrder(input.log), unread = 0): Governance {
  const { ordered, duplicates } = order;
  const { roster, policy } = replayRoster(input, ordered);
  return { input, ordered, duplicates, malformed: input.log.filter((i) => !i.payload), roster, policy, unread };
}

/** An entry judged by a derivation: it counts (`valid`) or it does not, with a reason. */
export interface Judged<P extends Payload = Payload> {
  item: LogItem;
  /** The payload, when the entry is well formed. */
  payload?: P;
  valid: boolean;
  reason?: EntryReason;
}

/** Checks every entry kind shares: signature verdict and workspace. */
export function basicReason(gov: Governance, item: ValidItem): EntryReason | undefined {
  const v = gov.input.verdict(item.entry);
  if (v === 'pending') return 'verifying';
  if (v === 'invalid') return 'badSignature';
  if (item.payload.ws !== gov.input.workspaceId) return 'otherWorkspace';
  return undefined;
}

/**
 * Whether the signer held one of `roles` from the entry's time until now. While the roster
 * itself is still being checked no entry is counted on its signer's authority (a pending
 * removal could change the answer), so the reason is `verifying`.
 */
export function authorityReason(gov: Governance, item: ValidItem, roles: readonly MemberRole[]): EntryReason | undefined {
  if (!gov.roster.settled) return 'verifying';
  const standing = standingOf(gov.roster, item.payload.by, roles, item.payload.at);
  return standing === 'ok' ? undefined : standing;
}

export const judged = <P extends Payload>(item: LogItem, payload: P | undefined, reason: EntryReason | undefined): Judged<P> => ({
  item,
  ...(payload ? { payload } : {}),
  valid: reason === undefined,
  ...(reason ? { reason } : {}),
});
