import { z } from 'zod';
import { readSet } from '../doc/sets.js';
import { defineRecord, type RecordFields } from '../doc/typedRecord.js';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../languages.js';
import { CHANNEL_KEYS } from './channels.js';

/**
 * Plain shapes of the statement studio's records. In the workspace Y.Doc a statement is a record
 * (Y.Map) of the `statements` root collection; its fields are below, its body is a Y.XmlFragment
 * under `body` (written by the TipTap editor through its Yjs binding), and approvals, releases,
 * versions, comments and facts are nested collections (see ../doc/collection.ts).
 */

/** What a statement is for. A holding statement is the first, short public message. */
export const STATEMENT_KINDS = ['holding', 'press', 'social', 'customer', 'internal', 'qa'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/**
 * The workflow step a person moved the statement to (stored). "approved" is never stored: it is
 * derived from the approvals and the current text (see approval.ts), so a change made on another
 * laptop can never leave a stale "approved" behind.
 */
export const STATEMENT_STAGES = ['draft', 'in_review', 'released', 'superseded'] as const;
export type StatementStage = (typeof STATEMENT_STAGES)[number];

/** The status a person sees: the stage, with "approved" derived. */
export const DISPLAYED_STATUSES = ['draft', 'in_review', 'approved', 'released', 'superseded'] as const;
export type DisplayedStatus = (typeof DISPLAYED_STATUSES)[number];

/** Who signs off: legal, an executive, the PR lead. */
export const REVIEWER_ROLES = ['legal', 'executive', 'pr'] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

/**
 * Sign-offs a statement needs by default, per kind. A holding statement must leave within the
 * first hour, so only legal gates it (PR drafts it); what speaks for the company at length also
 * needs an executive and the PR lead. Teams change this per statement.
 */
export const DEFAULT_REQUIRED_ROLES: Record<StatementKind, readonly ReviewerRole[]> = {
  holding: ['legal'],
  press: ['legal', 'executive', 'pr'],
  social: ['legal', 'pr'],
  customer: ['legal', 'pr'],
  internal: ['executive'],
  qa: ['legal', 'pr'],
};

/**
 * An unsigned sign-off as recorded before sign-off was signed (the nested `approvals`
 * collection). Kept readable, shown as "legacy, unsigned — not counted"; it never makes text
 * approved. Signed approvals live in the governance log (shared/governance, kind `approval`).
 */
export interface Approval {
  id: string;
  role: ReviewerRole;
  /** Display name of the person who approved. */
  by: string;
  /** Epoch milliseconds. */
  at: number;
  /** Content hash of the body at the moment of approval (see hash.ts). */
  hash: string;
}

/**
 * A verified approval as frozen into a release: who signed (name, unit, key and its
 * fingerprint as the roster showed them at release), for which role, when, over which text, and
 * the signed entry itself (serialized), so any laptop can check the signature again.
 */
export interface FrozenApproval {
  role: ReviewerRole;
  name: string;
  unit: string;
  /** Signer's public key (base64url). */
  key: string;
  /** Key fingerprint, hex groups (governance/fingerprint.ts). */
  fingerprint: string;
  at: number;
  hash: string;
  /** The signed governance entry, as stored in the log (`{"p":…,"s":…}`). */
  entry: string;
}

/** A frozen, read-only copy made at release (a record of the statement's `releases`). */
export type Release = RecordFields<typeof ReleaseRecord>;

export const VERSION_REASONS = ['status', 'manual', 'restore'] as const;
export type VersionReason = (typeof VERSION_REASONS)[number];

/**
 * A saved version of the body (a record of the statement's `versions`), as history.ts
 * `listVersions` reads it: text and body JSON rebuilt when it is stored as a delta.
 */
export type StatementVersion = Omit<RecordFields<typeof VersionRecord>, 'delta'> & {
  /** Stored as a delta that cannot be rebuilt here (its base missing, or not matching its hash). */
  unreadable?: true;
};

/** A review comment anchored to a range of the body (a record of the statement's `comments`). */
export type StatementComment = RecordFields<typeof CommentRecord>;

export const FACT_KINDS = ['number', 'date', 'name', 'model'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/**
 * A key fact the team has confirmed (facts sheet of an incident, or of a statement): the fields of
 * `FactRecord`, keywords left out when there are none.
 */
export type Fact = Omit<RecordFields<typeof FactRecord>, 'keywords'> & {
  /** Extra words that mark a mention of this fact, comma separated (optional). */
  keywords?: string;
};

/**
 * The primitive fields of a statement record, defined once (../doc/typedRecord.ts): read leniently
 * from the document, validated strictly when written. Channels and required roles are sets
 * (Y.Map since schema 2), read as arrays.
 */
export const StatementRecord = defineRecord('statement', (f) => ({
  id: f.id(),
  title: f.text(500),
  kind: f.oneOf(STATEMENT_KINDS, 'holding'),
  language: f.oneOf(LANGUAGES, DEFAULT_LANGUAGE),
  /** Target channels (channel keys, see channels.ts). */
  channels: f.setOf(CHANNEL_KEYS),
  ownerUnitId: f.ref(),
  crisisTypeId: f.ref(),
  /** Incident this statement belongs to; '' when none. */
  incidentId: f.ref(),
  stage: f.oneOf(STATEMENT_STAGES, 'draft'),
  /** Roles whose sign-off is needed (read: never empty, see parseRequiredRoles). */
  requiredRoles: f.setOf(REVIEWER_ROLES),
  /** Template the draft started from ('' when written from scratch). */
  templateId: f.ref(),
  /** Id of the statement this one replaces when released ('' when none). */
  supersedesId: f.ref(),
  /** Id of the statement that replaced this one once released ('' when none). */
  supersededById: f.ref(),
  /** Written in a drill. Informational: the record's key prefix is what counts (store.ts). */
  drill: f.bool(false),
  createdAt: f.number({ min: 0 }, 0),
  createdBy: f.text(200),
  /** Public key of the member who created it ('' when unknown: made before device keys). */
  createdByKey: f.text(100),
  /**
   * Public key of the member whose laptop made the latest change to the body ('' when unknown).
   * Written by the app when this laptop's person edits the body; separation of duties reads it.
   * Edits are not signed, so it is only as good as the app's knowledge (see governance CONTEXT).
   */
  lastEditorKey: f.text(100),
}));

/** The primitive fields of a statement record. */
export type StatementFields = RecordFields<typeof StatementRecord>;

// ---- The nested records of a statement (approvals stay on approvalSchema: see below) ----

/** Longest snapshot (a version's or release's text or body JSON): only stops a runaway write. */
const SNAPSHOT_MAX = 10_000_000;
/** A signed governance entry as stored (governance/entries.ts LIMITS.entryChars; that file imports this one). */
const ENTRY_MAX = 16_384;
/**
 * A person's display name in a nested record. Generous: versions are written inside workflow
 * steps after their signed entry, where a refusal would leave the step half done.
 */
const NAME_MAX = 2_000;
const KEY_MAX = 100;
/** A content hash (hash.ts: SHA-256 hex); older or foreign values are read, not refused. */
const HASH_MAX = 100;

/** A saved version of the body, defined once (see StatementRecord). */
export const VersionRecord = defineRecord('version', (f) => ({
  id: f.id(),
  /** Epoch milliseconds. */
  at: f.number({ min: 0 }, 0),
  by: f.text(NAME_MAX),
  reason: f.oneOf(VERSION_REASONS, 'manual'),
  /** Short description, e.g. the status it was taken at or the person's note. */
  label: f.text(500),
  /** Plain text (versions before deltas; newer ones derive it from the body). */
  text: f.text(SNAPSHOT_MAX),
  /** Body as JSON (body.ts BodyNode), when stored in full; '' when stored as a delta. */
  bodyJson: f.text(SNAPSHOT_MAX),
  /** SHA-256 of the body (hash.ts contentHash): what a delta must rebuild exactly. */
  hash: f.text(HASH_MAX),
  /**
   * The body as a change to an earlier version of the same statement (history.ts): JSON
   * `[base version id, kept prefix, kept suffix, inserted text]` of the body JSON; '' when in full.
   */
  delta: f.text(SNAPSHOT_MAX),
}));

/** A release copy, defined once. Written once and never edited (its fields are not signed: the entry is). */
export const ReleaseRecord = defineRecord('release', (f) => ({
  id: f.id(),
  at: f.number({ min: 0 }, 0),
  by: f.text(NAME_MAX),
  /** Public key of the spokesperson who released it ('' for a legacy, unsigned release). */
  byKey: f.text(KEY_MAX),
  title: f.text(500),
  /** Plain text of the released body. */
  text: f.text(SNAPSHOT_MAX),
  /** Body as JSON (see body.ts BodyNode), for printing with its formatting. */
  bodyJson: f.text(SNAPSHOT_MAX),
  hash: f.text(HASH_MAX),
  /**
   * The approvals that made it releasable, as JSON: FrozenApproval[] (signed), or the legacy
   * Approval[] of releases made before sign-off was signed. One signed entry per reviewer role.
   */
  approvalsJson: f.text(REVIEWER_ROLES.length * (ENTRY_MAX + 2_000), '[]'),
  /** The signed `release` entry, as stored in the log ('' for a legacy release). */
  releaseEntry: f.text(ENTRY_MAX),
}));

/** A review comment, defined once. */
export const CommentRecord = defineRecord('comment', (f) => ({
  id: f.id(),
  by: f.text(NAME_MAX),
  /** Commenter's public key ('' for comments made before device keys). */
  byKey: f.text(KEY_MAX),
  at: f.number({ min: 0 }, 0),
  text: f.text(20_000),
  /** Encoded Y.RelativePosition (JSON) of the range start / end. */
  start: f.text(2_000),
  end: f.text(2_000),
  /** The text the comment was made on, kept for when the text is deleted. */
  quote: f.text(SNAPSHOT_MAX),
  resolved: f.bool(false),
  resolvedBy: f.text(NAME_MAX),
  resolvedAt: f.number({ min: 0 }, 0),
}));

/**
 * A key fact, defined once. The same records live in an incident's facts sheet, which the
 * incidents module writes with the same field names and kinds (../incidents/types.ts).
 */
export const FactRecord = defineRecord('fact', (f) => ({
  id: f.id(),
  label: f.text(200),
  value: f.text(500),
  kind: f.oneOf(FACT_KINDS, 'number'),
  /** Extra words that mark a mention of this fact, comma separated ('' for none). */
  keywords: f.text(500),
}));

// ---- Schemas for what crosses a trust boundary (peers' data, imports, form input) ----

export const statementKindSchema = z.enum(STATEMENT_KINDS);
export const reviewerRoleSchema = z.enum(REVIEWER_ROLES);
export const languageSchema = z.enum(LANGUAGES);
export const factKindSchema = z.enum(FACT_KINDS);

/**
 * A legacy approval record (nested `approvals`). Not a defineRecord kind: no code writes these any
 * more, and a record whose hash is not a SHA-256 hex hash must be left out, not read with a
 * default (the kit has no pattern field), so it stays a strict schema read as before.
 */
export const approvalSchema = z.object({
  id: z.string().min(1),
  role: reviewerRoleSchema,
  by: z.string(),
  at: z.number(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

/** A frozen approval read back from a release record (it came from a peer). */
export const frozenApprovalSchema = z.object({
  role: reviewerRoleSchema,
  name: z.string().max(200),
  unit: z.string().max(200),
  key: z.string().max(100),
  fingerprint: z.string().max(40),
  at: z.number(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  entry: z.string().max(16_384),
});

/** A new fact as the facts panel enters it (validated by FactRecord, see factsheet.ts addFact). */
export interface FactInput {
  label: string;
  value: string;
  kind: FactKind;
  keywords?: string;
}

/** The distinct, non-empty items of a list field: a set (Y.Map, schema 2) or a comma list (schema 1). */
export function splitList(value: unknown): string[] {
  return readSet(value);
}

/** Required roles of a statement record's field; never empty (an empty gate would approve anything). */
export function parseRequiredRoles(value: unknown, kind: StatementKind = 'holding'): ReviewerRole[] {
  // In the canonical order (a set has none of its own).
  const listed = new Set(splitList(value));
  const roles = REVIEWER_ROLES.filter((r) => listed.has(r));
  return roles.length > 0 ? roles : [...DEFAULT_REQUIRED_ROLES[kind]];
}

export function isStatementKind(value: unknown): value is StatementKind {
  return typeof value === 'string' && (STATEMENT_KINDS as readonly string[]).includes(value);
}

export function isStage(value: unknown): value is StatementStage {
  return typeof value === 'string' && (STATEMENT_STAGES as readonly string[]).includes(value);
}
