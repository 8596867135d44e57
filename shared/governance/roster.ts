import { DEFAULT_REQUIRED_ROLES, type ReviewerRole, type StatementKind } from '../statements/types.js';
import type { MemberInfo, PayloadOf, SignedEntry, ValidItem, LogItem } from './entries.js';
import { isWellFormed, ROSTER_KINDS } from './entries.js';
import { keyFingerprint, type KeyFingerprint } from './fingerprint.js';
import type { EntryReason } from './reasons.js';
import type { MemberRole } from './roles.js';
import type { Verdict } from './verifier.js';

/**
 * The roster and policy, replayed from the signed log. Replay order is `at`, then signature
 * text, then payload text — the same on every laptop whatever order the entries arrived in.
 * The trust anchor is the creator's key, which the verifier is given (stored when the workspace
 * was made, or taken from the invite): a genesis entry counts only if signed by it. Every other
 * roster or policy entry counts only if its signer is an owner at that point of the replay.
 * Entries that do not count are kept in `rejected` with a reason, for the UI to show as such.
 */

/** What every derivation is given. */
export interface GovernanceInput {
  workspaceId: string;
  /** Public key of the workspace's creator (base64url), from local storage or the invite. */
  trustedGenesisKey: string;
  /** The log as read by readLog(). */
  log: readonly LogItem[];
  /** Signature verdicts (SignatureCache.verdict, or a stub in tests). */
  verdict: (entry: SignedEntry) => Verdict;
  /** Current time (ms); entries dated well after it are flagged in the audit trail. */
  now: number;
}

/** A member's roles and presence from one point of the replay on. */
export interface MemberState {
  at: number;
  roles: readonly MemberRole[];
  active: boolean;
}

/** A member as the roster shows them. */
export interface Member {
  key: string;
  agreementKey: string;
  name: string;
  unit: string;
  /** Roles now (for a removed member: the roles held when removed). */
  roles: readonly MemberRole[];
  removed: boolean;
  /** Key of the owner who (last) added them; the creator's own key for the creator. */
  addedBy: string;
  addedAt: number;
  fingerprint: KeyFingerprint;
  /** Every change to the member, in replay order. */
  history: readonly MemberState[];
}

/** An entry that does not count, with why. */
export interface Rejected {
  item: LogItem;
  reason: EntryReason;
}

export interface Roster {
  /** Members in the order they were first added (removed ones included, flagged). */
  members: readonly Member[];
  byKey: ReadonlyMap<string, Member>;
  /** Roster entries that counted, in replay order. */
  accepted: readonly ValidItem[];
  rejected: readonly Rejected[];
  /** False while a roster or policy entry awaits its signature check (the roster may still change). */
  settled: boolean;
  /** The genesis entry that counted, if any. */
  genesis?: ValidItem;
}

/** What the team agreed on, set by owners. */
export interface Policy {
  /** The author of a statement's last change cannot give its legal approval. */
  separationOfDuties: boolean;
  /** Sign-offs each kind of statement needs at least. */
  requiredRoles: Readonly<Record<StatementKind, readonly ReviewerRole[]>>;
}

export const DEFAULT_POLICY: Policy = { separationOfDuties: true, requiredRoles: DEFAULT_REQUIRED_ROLES };

export interface PolicyState {
  policy: Policy;
  /** The entry that set it (absent: defaults). */
  setBy?: ValidItem;
  accepted: readonly ValidItem[];
  rejected: readonly Rejected[];
}

/** Well-formed entries in replay order, with repeats of the same signed entry set apart. */
export function replayOrder(log: readonly LogItem[]): { ordered: ValidItem[]; duplicates: ValidItem[] } {
  const items = log.filter(isWellFormed);
  items.sort((a, b) => a.payload.at - b.payload.at || cmp(a.entry.s, b.entry.s) || cmp(a.entry.p, b.entry.p) || a.index - b.index);
  const ordered: ValidItem[] = [];
  const duplicates: ValidItem[] = [];
  let prev: ValidItem | undefined;
  for (const item of items) {
    if (prev && prev.entry.s === item.entry.s && prev.entry.p === item.entry.p) duplicates.push(item);
    else ordered.push((prev = item));
  }
  return { ordered, duplicates };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Draft {
  info: MemberInfo;
  roles: MemberRole[];
  removed: boolean;
  addedBy: string;
  addedAt: number;
  history: MemberState[];
}

function policyOf(p: PayloadOf<'policy.set'>['policy']): Policy {
  return { separationOfDuties: p.separationOfDuties, requiredRoles: { ...DEFAULT_REQUIRED_ROLES, ...p.requiredRoles } };
}

/**
 * Replays roster and policy entries (`ordered` from {@link replayOrder}). Exported for
 * deriveGovernance; most callers want deriveRoster / derivePolicy.
 */
export function replayRoster(input: GovernanceInput, ordered: readonly ValidItem[]): { roster: Roster; policy: PolicyState } {
  const drafts = new Map<string, Draft>();
  const accepted: ValidItem[] = [];
  const rejected: Rejected[] = [];
  const policyAccepted: ValidItem[] = [];
  const policyRejected: Rejected[] = [];
  let policy = DEFAULT_POLICY;
  let setBy: ValidItem | undefined;
  let genesis: ValidItem | undefined;
  // Once an entry is pending, later decisions that depend on the roster are provisional.
  let settled = true;

  const active = (key: string): Draft | undefined => {
    const d = drafts.get(key);
    return d && !d.removed ? d : undefined;
  };
  const owners = (): number => [...drafts.values()].filter((d) => !d.removed && d.roles.includes('owner')).length;
  const record = (d: Draft, at: number): void => {
    d.history.push({ at, roles: [...d.roles], active: !d.removed });
  };

  for (const item of ordered) {
    const pl = item.payload;
    const isPolicy = pl.kind === 'policy.set';
    if (!isPolicy && !ROSTER_KINDS.includes(pl.kind)) continue;
    const reject = (reason: EntryReason, authority = false): void => {
      // A refusal that depends on earlier entries is not final while one of those is unchecked.
      const r = authority && !settled ? 'verifying' : reason;
      (isPolicy ? policyRejected : rejected).push({ item, reason: r });
    };
    const v = input.verdict(item.entry);
    if (v === 'pending') {
      settled = false;
      reject('verifying');
      continue;
    }
    if (v === 'invalid') {
      reject('badSignature');
      continue;
    }
    if (pl.ws !== input.workspaceId) {
      reject('otherWorkspace');
      continue;
    }
    if (pl.kind === 'roster.genesis') {
      if (pl.by !== input.trustedGenesisKey || pl.member.key !== pl.by) reject('untrustedGenesis');
      else if (genesis) reject('duplicateGenesis');
      else {
        genesis = item;
        const roles: MemberRole[] = pl.member.roles.includes('owner') ? [...pl.member.roles] : ['owner', ...pl.member.roles];
        const d: Draft = { info: pl.member, roles, removed: false, addedBy: pl.by, addedAt: pl.at, history: [] };
        drafts.set(pl.member.key, d);
        record(d, pl.at);
        accepted.push(item);
      }
      continue;
    }
    if (!active(pl.by)?.roles.includes('owner')) {
      reject('notOwner', true);
      continue;
    }
    switch (pl.kind) {
      case 'policy.set':
        policy = policyOf(pl.policy);
        setBy = item;
        policyAccepted.push(item);
        break;
      case 'roster.add': {
        const existing = drafts.get(pl.member.key);
        if (existing && !existing.removed) {
          reject('alreadyMember', true);
          break;
        }
        // A new member, or a removed one coming back (with the details of this entry).
        const d: Draft = existing ?? { info: pl.member, roles: [], removed: false, addedBy: pl.by, addedAt: pl.at, history: [] };
        Object.assign(d, { info: pl.member, roles: [...pl.member.roles], removed: false, addedBy: pl.by, addedAt: pl.at });
        drafts.set(pl.member.key, d);
        record(d, pl.at);
        accepted.push(item);
        break;
      }
      case 'roster.roles': {
        const d = active(pl.key);
        if (!d) reject('unknownMember', true);
        else if (d.roles.includes('owner') && !pl.roles.includes('owner') && owners() === 1) reject('lastOwner', true);
        else {
          d.roles = [...pl.roles];
          record(d, pl.at);
          accepted.push(item);
        }
        break;
      }
      case 'roster.remove': {
        const d = active(pl.key);
        if (!d) reject('unknownMember', true);
        else if (d.roles.includes('owner') && owners() === 1) reject('lastOwner', true);
        else {
          d.removed = true;
          record(d, pl.at);
          accepted.push(item);
        }
        break;
      }
    }
  }

  const members: Member[] = [...drafts.values()].map((d) => ({
    key: d.info.key,
    agreementKey: d.info.agreementKey,
    name: d.info.name,
    unit: d.info.unit,
    roles: d.roles,
    removed: d.removed,
    addedBy: d.addedBy,
    addedAt: d.addedAt,
    fingerprint: keyFingerprint(d.info.key),
    history: d.history,
  }));
  const roster: Roster = { members, byKey: new Map(members.map((m) => [m.key, m])), accepted, rejected, settled, ...(genesis ? { genesis } : {}) };
  return { roster, policy: { policy, ...(setBy ? { setBy } : {}), accepted: policyAccepted, rejected: policyRejected } };
}

/** The roster, replayed from the log (see the module comment for the rules). */
export function deriveRoster(input: GovernanceInput): Roster {
  return replayRoster(input, replayOrder(input.log).ordered).roster;
}

/** The policy in force: the last `policy.set` by an owner at its point of the replay, else defaults. */
export function derivePolicy(input: GovernanceInput): PolicyState {
  return replayRoster(input, replayOrder(input.log).ordered).policy;
}

/** A signer's standing for an entry signed at `at` that needs one of `roles`. */
export type Standing = 'ok' | 'notMember' | 'removed' | 'lacksRole';

/**
 * Whether `key` was an active member holding one of `roles` at `at` and has been without a
 * break ever since. A removal — even one later undone by a re-add — voids what was signed
 * before it, and so does losing the role for a while: re-adding someone does not revive
 * sign-offs their removal was meant to cancel.
 */
export function standingOf(roster: Roster, key: string, roles: readonly MemberRole[], at: number): Standing {
  const m = roster.byKey.get(key);
  if (!m) return 'notMember';
  const h = m.history;
  let i = -1;
  while (i + 1 < h.length && h[i + 1]!.at <= at) i++;
  if (i < 0) return m.removed ? 'removed' : 'notMember';
  for (let j = i; j < h.length; j++) if (!h[j]!.active) return 'removed';
  for (let j = i; j < h.length; j++) if (!h[j]!.roles.some((r) => roles.includes(r))) return 'lacksRole';
  return 'ok';
}
