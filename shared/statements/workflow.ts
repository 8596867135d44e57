import type * as Y from 'yjs';
import { addRecord, newId as newRecordId, type YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { keyFingerprint } from '../governance/fingerprint.js';
import { deriveGovernance, type Governance } from '../governance/governance.js';
import { deriveOverrides, OVERRIDABLE_GATES, releaseGates, type GateReport } from '../governance/gates.js';
import type { Gate, SignedEntry, UnsignedPayload } from '../governance/entries.js';
import { parseLogItem, serializeEntry } from '../governance/entries.js';
import type { Signer } from '../governance/keys.js';
import { appendEntry, signEntry } from '../governance/log.js';
import { APPROVER_ROLE, RELEASE_ROLE, type MemberRole } from '../governance/roles.js';
import { readApprovals, requiredRolesOf, signOffOf, statementGovernance } from './approval.js';
import { bodyToJson, flattenBody } from './body.js';
import { isDrillStatement } from './drill.js';
import { measureGateFlags } from './gateFlags.js';
import { contentHash } from './hash.js';
import { addVersion } from './history.js';
import { createStatement, getStatement, nestedOf, readStatement, requireBody } from './store.js';
import { REVIEWER_ROLES, ReleaseRecord, StatementRecord, type FrozenApproval, type ReviewerRole } from './types.js';

/**
 * The statement workflow: draft → in review → (approved, derived) → released → superseded.
 * Sign-off is signed: approving, overriding a release gate and releasing each sign a governance
 * entry with this laptop's device key (shared/governance) and append it to the workspace's log,
 * after checking — at the moment the step runs — the signer's roles in the verified roster, the
 * text's hash, separation of duties and the release gates. Errors carry a stable `code` the UI
 * translates; refusals that concern gates also carry the blocking gates.
 */

export type WorkflowErrorCode =
  | 'notFound'
  | 'wrongStage'
  | 'notApproved'
  | 'noName'
  | 'badRole'
  | 'readOnly'
  | 'changed'
  | 'noRoster'
  | 'verifying'
  | 'notMember'
  | 'lacksRole'
  | 'authorCannotApprove'
  | 'gateBlocked'
  | 'drill'
  | 'notOwner'
  | 'notOverridable'
  | 'noReason';

export class WorkflowError extends Error {
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
    /** For `gateBlocked`: the gates that block the step. */
    readonly gates: readonly Gate[] = [],
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
  if (!name) throw new WorkflowError('noName', 'Set up your profile first: every step records who took it');
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
    StatementRecord.set(rec, 'stage', 'in_review', origin);
    addVersion(rec, { by: name, reason: 'status', label: VERSION_LABELS.submitted }, origin);
  });
}

/** in review → draft (approvals stay on record; they count again only for the exact same text). */
export function returnToDraft(doc: Y.Doc, id: string, by: string, origin: Origin = 'user'): void {
  const rec = need(doc, id);
  const name = needName(by);
  if (readStatement(rec).stage !== 'in_review') throw new WorkflowError('wrongStage', 'Only a statement in review can go back to draft');
  write(doc, origin, () => {
    StatementRecord.set(rec, 'stage', 'draft', origin);
    addVersion(rec, { by: name, reason: 'status', label: VERSION_LABELS.returned }, origin);
  });
}

// ---- Signed steps ----

/** Who takes a signed step, and the governance they take it under. */
export interface SignedStepContext {
  /** The workspace's current governance derivation (roster verified on this laptop). */
  gov: Governance | null;
  /** This laptop's device keys. */
  signer: Signer;
  /** Display name from the profile (recorded on versions and the release copy). */
  name: string;
  origin?: Origin;
  /** Signing time (default now). */
  at?: number;
  /**
   * The document whose governance log the signed entry goes to (default: the statement's own).
   * A statement in a restricted room (renderer/rooms) lives in the room's document, while its
   * sign-offs — ids, hash and role, never text — are signed into the workspace's log.
   */
  logDoc?: Y.Doc;
}

/** The signer's roster entry, or a refusal: no roster, still verifying, not a member, role missing. */
function standingMember(gov: Governance | null, key: string, roles: readonly MemberRole[], what: string) {
  if (!gov || !gov.roster.genesis) throw new WorkflowError('noRoster', 'This workspace has no verified roster on this laptop: sign-off needs members');
  if (!gov.roster.settled) throw new WorkflowError('verifying', 'The roster is still being verified: try again in a moment');
  const me = gov.roster.byKey.get(key);
  if (!me || me.removed) throw new WorkflowError('notMember', 'You are not a member of this workspace’s roster');
  if (!me.roles.some((r) => roles.includes(r))) throw new WorkflowError('lacksRole', `Your roles in the roster do not allow you to ${what}`);
  return me;
}

/** The release gates of a statement's current text, measured now. */
export function currentGates(doc: Y.Doc, rec: YRecord, gov: Governance | null): GateReport {
  const id = readStatement(rec).id;
  const required = requiredRolesOf(rec, gov);
  const overrides = gov ? deriveOverrides(statementGovernance(gov, id), id) : [];
  return releaseGates(measureGateFlags(doc, rec, required, gov), overrides);
}

/** `gov` with one more entry this laptop just signed (it knows its own signature is good). */
/** Whether the statement's sign-off is met over `hash` counting `entry` (this laptop's approval, just appended and not verified yet). */
export function metWithOwnApproval(rec: YRecord, gov: Governance, entry: SignedEntry, hash: string): boolean {
  return signOffOf(rec, withOwnEntry(gov, entry), hash).met;
}

function withOwnEntry(gov: Governance, entry: SignedEntry): Governance {
  const own = parseLogItem(serializeEntry(entry), gov.input.log.length);
  const verdict = gov.input.verdict;
  return deriveGovernance({
    ...gov.input,
    log: [...gov.input.log, own],
    verdict: (e) => (e.s === entry.s && e.p === entry.p ? 'valid' : verdict(e)),
  });
}

/** Signs a payload as the context's signer (time from the context). */
function signAs(ctx: SignedStepContext, payload: UnsignedPayload): Promise<SignedEntry> {
  return signEntry(ctx.signer, { ...payload, ...(ctx.at !== undefined ? { at: ctx.at } : {}) } as UnsignedPayload);
}

/**
 * Approves the current text as `role`: checks that the signer holds the role's approver role in
 * the verified roster, that the text is the one they read (`expectedHash`: a peer's edit that
 * arrived in between refuses the approval), separation of duties for the legal sign-off (the
 * author of the last change cannot give it) and the release gates; then signs an `approval`
 * entry over the text's hash and appends it. When it completes the required sign-offs a version
 * is saved ("approved"). Returns the signed entry.
 */
export async function approve(doc: Y.Doc, id: string, role: ReviewerRole, ctx: SignedStepContext & { expectedHash?: string }): Promise<SignedEntry> {
  const origin = ctx.origin ?? 'user';
  const name = needName(ctx.name);
  if (!(REVIEWER_ROLES as readonly string[]).includes(role)) throw new WorkflowError('badRole', `Unknown reviewer role: ${String(role)}`);
  const check = () => {
    const rec = need(doc, id);
    if (readStatement(rec).stage !== 'in_review') throw new WorkflowError('wrongStage', 'Send the statement for review before approving it');
    const hash = contentHash(requireBody(rec));
    if (ctx.expectedHash !== undefined && ctx.expectedHash !== hash) throw new WorkflowError('changed', 'The text changed while you were reviewing it: read it again before approving');
    return { rec, hash };
  };
  const { rec, hash } = check();
  const gov = ctx.gov;
  standingMember(gov, ctx.signer.publicKey, [APPROVER_ROLE[role]], `approve as ${role}`);
  const fields = readStatement(rec);
  if (role === 'legal' && gov!.policy.policy.separationOfDuties && fields.lastEditorKey === ctx.signer.publicKey) {
    throw new WorkflowError('authorCannotApprove', 'You made the last change to this text: someone else must give the legal approval');
  }
  const gates = currentGates(doc, rec, gov);
  if (gates.blocksApproval.length > 0) throw new WorkflowError('gateBlocked', `Approval is blocked by: ${gates.blocksApproval.join(', ')}`, gates.blocksApproval);

  const entry = await signAs(ctx, { ws: gov!.input.workspaceId, kind: 'approval', statementId: id, hash, role });
  // Signing took a moment: the text must still be the one signed.
  const after = check();
  if (after.hash !== hash) throw new WorkflowError('changed', 'The text changed while you were approving it: read it again before approving');
  write(doc, origin, () => {
    appendEntry(ctx.logDoc ?? doc, entry, origin);
    if (signOffOf(after.rec, withOwnEntry(gov!, entry), hash).met) {
      addVersion(after.rec, { by: name, reason: 'status', label: VERSION_LABELS.approved, ...(ctx.at !== undefined ? { at: ctx.at } : {}) }, origin);
    }
  });
  return entry;
}

/**
 * Overrides a failing release gate of a statement: only an owner, only with a written reason,
 * never the drill gate. Signs an `override` entry and appends it; the gate then no longer blocks
 * (for as long as the owner keeps the owner role). Returns the signed entry.
 */
export async function overrideGate(doc: Y.Doc, id: string, gate: Gate, reason: string, ctx: SignedStepContext): Promise<SignedEntry> {
  const origin = ctx.origin ?? 'user';
  need(doc, id);
  if (!OVERRIDABLE_GATES.includes(gate)) throw new WorkflowError('notOverridable', 'A drill statement can never be released as real: this gate has no override');
  const why = reason.trim();
  if (!why) throw new WorkflowError('noReason', 'An override needs a written reason');
  const gov = ctx.gov;
  try {
    standingMember(gov, ctx.signer.publicKey, ['owner'], 'override a release gate');
  } catch (err) {
    if (err instanceof WorkflowError && err.code === 'lacksRole') throw new WorkflowError('notOwner', 'Only an owner can override a release gate');
    throw err;
  }
  const entry = await signAs(ctx, { ws: gov!.input.workspaceId, kind: 'override', statementId: id, gate, reason: why.slice(0, 2000) });
  need(doc, id);
  appendEntry(ctx.logDoc ?? doc, entry, origin);
  return entry;
}

/** The verified approvals that make the current text releasable, frozen for the release copy. */
function freeze(rec: YRecord, gov: Governance, hash: string): FrozenApproval[] {
  return signOffOf(rec, gov, hash).roles.flatMap((r): FrozenApproval[] => {
    const a = r.approval;
    if (!a?.payload || !a.item.entry) return [];
    const signer = a.signer;
    return [
      {
        role: r.role,
        name: signer?.name ?? '',
        unit: signer?.unit ?? '',
        key: a.payload.by,
        fingerprint: signer?.fingerprint.hex ?? keyFingerprint(a.payload.by).hex,
        at: a.payload.at,
        hash: a.payload.hash,
        entry: serializeEntry(a.item.entry),
      },
    ];
  });
}

/**
 * Releases an approved statement: only a spokesperson, never a drill's, only when every required
 * role has a verified approval of the current text and no release gate blocks. Signs a `release`
 * entry over the text's hash, freezes a read-only copy (text, body, hash, the verified approvals
 * with their signed entries, the release entry) and marks the statement it replaces (if any)
 * superseded. `expectedHash`: the text the spokesperson confirmed. Returns the release id.
 */
export async function release(doc: Y.Doc, id: string, ctx: SignedStepContext & { expectedHash?: string }): Promise<string> {
  const origin = ctx.origin ?? 'user';
  const name = needName(ctx.name);
  const check = () => {
    const rec = need(doc, id);
    if (readStatement(rec).stage !== 'in_review') throw new WorkflowError('wrongStage', 'Only a statement in review can be released');
    const body = requireBody(rec);
    const json = bodyToJson(body);
    const hash = contentHash(json);
    if (ctx.expectedHash !== undefined && ctx.expectedHash !== hash) throw new WorkflowError('changed', 'The text changed after you confirmed it: read it again before releasing');
    return { rec, body, json, hash };
  };
  const { rec, hash } = check();
  const gov = ctx.gov;
  if (isDrillStatement(doc, rec, gov)) throw new WorkflowError('drill', 'This statement belongs to a drill: it can never be released as real');
  standingMember(gov, ctx.signer.publicKey, [RELEASE_ROLE], 'release statements');
  const signOff = signOffOf(rec, gov!, hash);
  if (!signOff.met) {
    if (signOff.pending) throw new WorkflowError('verifying', 'Approvals are still being verified: try again in a moment');
    throw new WorkflowError('notApproved', 'Only text approved by every required reviewer can be released');
  }
  const gates = currentGates(doc, rec, gov);
  if (gates.blocksRelease.length > 0) throw new WorkflowError('gateBlocked', `Release is blocked by: ${gates.blocksRelease.join(', ')}`, gates.blocksRelease);

  const entry = await signAs(ctx, { ws: gov!.input.workspaceId, kind: 'release', statementId: id, hash });
  const after = check();
  if (after.hash !== hash) throw new WorkflowError('changed', 'The text changed while you were releasing it: read it again before releasing');
  const approvals = freeze(after.rec, gov!, hash);
  if (approvals.length === 0) throw new WorkflowError('notApproved', 'Only text approved by every required reviewer can be released');
  const at = ctx.at ?? Date.now();
  const fields = readStatement(after.rec);
  // Validated before anything is written: a refused field leaves no entry without its copy.
  const copy = ReleaseRecord.init({
    id: newRecordId(),
    at,
    by: name,
    byKey: ctx.signer.publicKey,
    title: fields.title,
    text: flattenBody(after.body).text,
    bodyJson: JSON.stringify(after.json),
    hash,
    approvalsJson: JSON.stringify(approvals),
    releaseEntry: serializeEntry(entry),
  });
  return write(doc, origin, () => {
    appendEntry(ctx.logDoc ?? doc, entry, origin);
    const releaseId = addRecord(nestedOf(after.rec, 'releases'), copy, origin);
    StatementRecord.set(after.rec, 'stage', 'released', origin);
    addVersion(after.rec, { by: name, reason: 'status', label: VERSION_LABELS.released, at }, origin);
    const older = fields.supersedesId ? getStatement(doc, fields.supersedesId) : undefined;
    if (older && readStatement(older).stage === 'released') {
      StatementRecord.set(older, 'stage', 'superseded', origin);
      StatementRecord.set(older, 'supersededById', fields.id, origin);
      addVersion(older, { by: name, reason: 'status', label: VERSION_LABELS.superseded, at }, origin);
    }
    return releaseId;
  });
}

/**
 * Starts a revision of a released statement: a new draft with the same settings and the
 * released text, which supersedes the old one when it is itself released. The reviser is its
 * author (and last editor). A drill statement's revision is a drill statement.
 */
export function startRevision(doc: Y.Doc, id: string, by: string, title: string, origin: Origin = 'user', byKey?: string): string {
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
        ...(byKey ? { byKey } : {}),
        ...(isDrillStatement(doc, rec) ? { drill: true } : {}),
        channels: f.channels,
        ownerUnitId: f.ownerUnitId,
        crisisTypeId: f.crisisTypeId,
        incidentId: f.incidentId,
        requiredRoles: f.requiredRoles,
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

/**
 * Sets which roles must sign off (at least one). The workspace policy's roles for the kind are a
 * floor the statement cannot drop (requiredRolesMet adds them whatever this field says).
 */
export function setRequiredRoles(rec: YRecord, roles: ReviewerRole[], origin: Origin = 'user'): void {
  const valid = REVIEWER_ROLES.filter((r) => roles.includes(r));
  if (valid.length === 0) throw new WorkflowError('badRole', 'At least one reviewer must sign off');
  if (!isEditable(rec)) throw new WorkflowError('readOnly', 'A released statement cannot change its reviewers');
  if (!rec.doc) throw new WorkflowError('notFound', 'This statement is not part of a workspace document');
  StatementRecord.set(rec, 'requiredRoles', valid, origin);
}

/**
 * Records that this laptop's person changed the statement's body (separation of duties reads
 * it). Writes only when the recorded last editor differs, so typing costs one map read.
 */
export function noteLastEditor(rec: YRecord, key: string, origin: Origin = 'user'): boolean {
  if (!key || rec.get('lastEditorKey') === key) return false;
  if (!rec.doc) return false;
  StatementRecord.set(rec, 'lastEditorKey', key, origin);
  return true;
}

/** Legacy, unsigned approvals of a statement, newest first (shown as not counted). */
export function legacyApprovalLog(rec: YRecord) {
  return readApprovals(rec).reverse();
}
