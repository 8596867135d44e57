import type { YRecord } from '../doc/collection.js';
import { readChildren, recordId } from '../doc/collection.js';
import type { Governance } from '../governance/governance.js';
import { deriveApprovals, deriveReleases, requiredRolesMet, type DerivedApproval, type ReleasePayload, type SignOffState } from '../governance/approvals.js';
import { deriveOverrides, releaseGates, type DerivedOverride, type GateFlags, type GateReport } from '../governance/gates.js';
import type { LogItem, ValidItem } from '../governance/entries.js';
import type { Judged } from '../governance/governance.js';
import { isDrillStatement } from './drill.js';
import { contentHash } from './hash.js';
import { bodyOf, readStatement } from './store.js';
import {
  REVIEWER_ROLES,
  ReleaseRecord,
  approvalSchema,
  frozenApprovalSchema,
  parseRequiredRoles,
  type Approval,
  type DisplayedStatus,
  type FrozenApproval,
  type Release,
  type ReviewerRole,
  type StatementStage,
} from './types.js';

/**
 * The approval gate, derived. Nothing here is stored as truth: "approved" is computed every time
 * it is shown from the current text's hash and the workspace's signed governance log — only
 * approvals whose signature verifies, signed by a member who holds the matching role (and, for
 * the legal sign-off, who did not make the last change), over exactly this text, count. However
 * edits, approvals and roster changes from different laptops interleave, text that the required
 * reviewers did not sign is never shown as approved (R6). Unsigned approvals recorded before
 * sign-off was signed stay readable as "legacy" and never count.
 */

/** One required role's standing. */
export interface RoleStanding {
  role: ReviewerRole;
  /** The policy requires it for this kind of statement (it cannot be dropped per statement). */
  fromPolicy: boolean;
  /** The latest approval that counts, if any. */
  approval?: DerivedApproval;
  /** Every signed approval given for the role (valid or not), newest first. */
  approvals: DerivedApproval[];
}

/** Where the latest release's own signature stands. */
export type ReleaseCheck = 'verified' | 'verifying' | 'invalid' | 'legacy';

/** What the status bar, the approval panel, the list and the print view show. */
export interface GateState {
  status: DisplayedStatus;
  stage: StatementStage;
  /** Hash of the current body. */
  hash: string;
  /** Roles that must sign: the policy's for the kind, plus any the statement adds. */
  requiredRoles: ReviewerRole[];
  /** The policy's floor for this kind. */
  policyRoles: ReviewerRole[];
  roles: RoleStanding[];
  /** Every signed approval of the statement, newest first, each with its standing. */
  approvals: DerivedApproval[];
  /** Roles whose latest approval was for other text (and which have none for this text). */
  voided: DerivedApproval[];
  /** Unsigned approvals from before signed sign-off: shown, never counted. */
  legacy: Approval[];
  /** Something is still being verified: "checking", never "approved" on its strength. */
  pending: boolean;
  /** The workspace has a verified roster on this laptop (without one nothing can count). */
  governed: boolean;
  /** Written in a drill: it can never be released as real. */
  drill: boolean;
  /** Release gates, when the caller measured the text (see gateFlags.ts). */
  gates: GateReport | null;
  /** Overrides recorded for the statement (valid or not). */
  overrides: DerivedOverride[];
  /** Latest release, when released or superseded. */
  release?: Release;
  /** The latest release's signed `release` entry (for a release). */
  releaseCheck?: ReleaseCheck;
  /** True when the live text differs from the released copy (an edit raced the release). */
  changedSinceRelease: boolean;
}

/** Legacy, unsigned approvals recorded on a statement (valid-shaped ones only), oldest first. */
export function readApprovals(rec: YRecord): Approval[] {
  const out: Approval[] = [];
  for (const child of readChildren(rec, 'approvals')) {
    const parsed = approvalSchema.safeParse({ ...Object.fromEntries(child.entries()), id: recordId(child) });
    if (parsed.success) out.push(parsed.data);
  }
  // Stable sort: approvals made in the same millisecond keep the collection's order.
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Releases of a statement, oldest first. A record without its text or hash (a peer's
 * half-written one) is left out: it cannot stand for what was released.
 */
export function readReleases(rec: YRecord): Release[] {
  const out: Release[] = [];
  for (const child of readChildren(rec, 'releases')) {
    if (typeof child.get('hash') !== 'string' || typeof child.get('text') !== 'string') continue;
    out.push(ReleaseRecord.read(child));
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The approvals frozen into a release: signed ones, and the unsigned ones of a legacy release. */
export function frozenApprovals(release: Pick<Release, 'approvalsJson'>): { signed: FrozenApproval[]; legacy: Approval[] } {
  const signed: FrozenApproval[] = [];
  const legacy: Approval[] = [];
  let data: unknown;
  try {
    data = JSON.parse(release.approvalsJson);
  } catch {
    return { signed, legacy };
  }
  if (!Array.isArray(data)) return { signed, legacy };
  for (const a of data) {
    const f = frozenApprovalSchema.safeParse(a);
    if (f.success) {
      signed.push(f.data);
      continue;
    }
    const l = approvalSchema.safeParse(a);
    if (l.success) legacy.push(l.data);
  }
  return { signed, legacy };
}

// ---- Per-statement slices of the governance log ----

const slices = new WeakMap<Governance, Map<string, Governance>>();

/**
 * The governance derivation narrowed to one statement's entries (approvals, overrides, releases
 * and malformed entries naming it), with the same roster and policy. Derivations over it give the
 * same answers as over the whole log, without walking every entry of the workspace per statement:
 * the list of statements asks for each. Cached per derivation.
 */
export function statementGovernance(gov: Governance, statementId: string): Governance {
  let byId = slices.get(gov);
  if (!byId) {
    const ordered = new Map<string, ValidItem[]>();
    const malformed = new Map<string, LogItem[]>();
    for (const item of gov.ordered) {
      const pl = item.payload;
      if (pl.kind !== 'approval' && pl.kind !== 'override' && pl.kind !== 'release') continue;
      const list = ordered.get(pl.statementId);
      if (list) list.push(item);
      else ordered.set(pl.statementId, [item]);
    }
    for (const item of gov.malformed) {
      const sid = item.hint?.statementId;
      if (sid === undefined) continue;
      const list = malformed.get(sid);
      if (list) list.push(item);
      else malformed.set(sid, [item]);
    }
    byId = new Map();
    for (const id of new Set([...ordered.keys(), ...malformed.keys()])) {
      byId.set(id, { ...gov, ordered: ordered.get(id) ?? [], malformed: malformed.get(id) ?? [], duplicates: [] });
    }
    slices.set(gov, byId);
  }
  return byId.get(statementId) ?? { ...gov, ordered: [], malformed: [], duplicates: [] };
}

/** What a gate is derived with. */
export interface GateContext {
  /** The workspace's governance (null: this laptop has no verified roster for it). */
  gov: Governance | null;
  /** Hash of the current body (computed here when absent). */
  hash?: string;
  /** Measured release-gate flags (gateFlags.ts); without them `gates` is null. */
  flags?: GateFlags | null;
  /** Whether the statement is a drill's (computed here when absent). */
  drill?: boolean;
}

const newestFirst = (a: DerivedApproval, b: DerivedApproval): number => (b.payload?.at ?? 0) - (a.payload?.at ?? 0);

/** Roles that must sign a statement: the policy's floor for its kind plus the statement's own. */
export function requiredRolesOf(rec: YRecord, gov: Governance | null): ReviewerRole[] {
  const fields = readStatement(rec);
  const own = parseRequiredRoles(rec.get('requiredRoles'), fields.kind);
  const floor = gov ? gov.policy.policy.requiredRoles[fields.kind] : [];
  return REVIEWER_ROLES.filter((r) => floor.includes(r) || own.includes(r));
}

/** The statement's sign-off against its current text, from the signed log. */
export function signOffOf(rec: YRecord, gov: Governance, hash: string): SignOffState {
  const fields = readStatement(rec);
  return requiredRolesMet(statementGovernance(gov, fields.id), {
    statementId: fields.id,
    hash,
    kind: fields.kind,
    statementRoles: parseRequiredRoles(rec.get('requiredRoles'), fields.kind),
    ...(fields.lastEditorKey ? { lastEditorKey: fields.lastEditorKey } : {}),
  });
}

function releaseCheckOf(gov: Governance | null, statementId: string, release: Release): ReleaseCheck {
  if (!release.releaseEntry) return 'legacy';
  if (!gov) return 'verifying';
  const mine = deriveReleases(statementGovernance(gov, statementId), statementId).filter((r: Judged<ReleasePayload>) => r.payload?.hash === release.hash && r.item.raw === release.releaseEntry);
  if (mine.some((r) => r.valid)) return 'verified';
  if (mine.some((r) => r.reason === 'verifying')) return 'verifying';
  // Not in the log, or signed by someone who may not release: the record alone proves nothing.
  return 'invalid';
}

/** The displayed status and everything the approval panel shows, for a statement record. */
export function deriveGate(rec: YRecord, ctx: GateContext): GateState {
  const fields = readStatement(rec);
  const body = bodyOf(rec);
  const hash = ctx.hash ?? (body ? contentHash(body) : '');
  const gov = ctx.gov;
  const statementRoles = parseRequiredRoles(rec.get('requiredRoles'), fields.kind);
  const drill = ctx.drill ?? isDrillStatement(rec.doc, rec, gov);
  let signOff: SignOffState | null = null;
  let approvals: DerivedApproval[] = [];
  let overrides: DerivedOverride[] = [];
  let policyRoles: ReviewerRole[];
  if (gov) {
    const sgov = statementGovernance(gov, fields.id);
    const target = { statementId: fields.id, hash, ...(fields.lastEditorKey ? { lastEditorKey: fields.lastEditorKey } : {}) };
    signOff = requiredRolesMet(sgov, { ...target, kind: fields.kind, statementRoles });
    approvals = deriveApprovals(sgov, target).sort(newestFirst);
    overrides = deriveOverrides(sgov, fields.id);
    policyRoles = REVIEWER_ROLES.filter((r) => gov.policy.policy.requiredRoles[fields.kind].includes(r));
  } else {
    policyRoles = [];
  }
  const requiredRoles = signOff ? signOff.required : REVIEWER_ROLES.filter((r) => statementRoles.includes(r));
  const roles = requiredRoles.map((role): RoleStanding => {
    const mine = approvals.filter((a) => a.payload?.role === role);
    const approval = signOff?.roles.find((r) => r.role === role)?.approval;
    return { role, fromPolicy: policyRoles.includes(role), approvals: mine, ...(approval ? { approval } : {}) };
  });
  const voided = roles.flatMap((r) => {
    if (r.approval) return [];
    const latest = r.approvals[0];
    return latest && latest.reason === 'textChanged' ? [latest] : [];
  });
  const releases = readReleases(rec);
  const release = releases[releases.length - 1];
  const stage = fields.stage;
  let status: DisplayedStatus;
  if (stage === 'superseded') status = 'superseded';
  else if (stage === 'released' && release) status = 'released';
  else if (stage === 'draft') status = 'draft';
  else status = body && signOff?.met ? 'approved' : 'in_review';
  const shownRelease = release && (status === 'released' || status === 'superseded') ? release : undefined;
  return {
    status,
    stage,
    hash,
    requiredRoles,
    policyRoles,
    roles,
    approvals,
    voided,
    legacy: readApprovals(rec).reverse(),
    pending: gov ? signOff!.pending : false,
    governed: gov !== null && gov.roster.genesis !== undefined,
    drill,
    gates: ctx.flags ? releaseGates(ctx.flags, overrides) : null,
    overrides,
    ...(shownRelease ? { release: shownRelease, releaseCheck: releaseCheckOf(gov, fields.id, shownRelease) } : {}),
    changedSinceRelease: !!shownRelease && shownRelease.hash !== hash,
  };
}

/** All reviewer roles, for pickers. */
export const ALL_ROLES: readonly ReviewerRole[] = REVIEWER_ROLES;
