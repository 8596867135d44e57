import { z } from 'zod';
import { reviewerRoleSchema, statementKindSchema } from '../statements/types.js';
import { base64UrlPattern } from './base64url.js';
import { isCanonicalEncoding } from './canonical.js';
import { memberRoleSchema } from './roles.js';

/**
 * Signed governance entries and their schemas. Entries come from peers, so everything read from
 * the document is checked here (a trust boundary): a malformed entry becomes a {@link LogItem}
 * with `malformed` set and a best-effort `hint` for display, never an exception.
 */

/** Kinds of signed entries. */
export const ENTRY_KINDS = [
  'roster.genesis',
  'roster.add',
  'roster.roles',
  'roster.remove',
  'policy.set',
  'approval',
  'override',
  'release',
  'incident.declare',
  'incident.severity',
  'admission.offer',
  'admission.request',
  'room.rekey',
  'compartment.create',
  'compartment.key',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Roster and policy entries: replayed in order, each judged by the roster at its point. */
export const ROSTER_KINDS: readonly EntryKind[] = ['roster.genesis', 'roster.add', 'roster.roles', 'roster.remove'];

/** Gates that must pass before approval or release (see gates.ts). */
export const GATES = ['placeholders', 'lint', 'facts', 'comments', 'drill'] as const;
export type Gate = (typeof GATES)[number];

/** Limits that keep one peer from bloating every laptop's document. */
export const LIMITS = { entryChars: 16_384, payloadChars: 8_192, name: 200, id: 200, reason: 2_000, roles: 8, seals: 48 } as const;

export const publicKeySchema = z.string().regex(base64UrlPattern(32), 'Not a 32-byte base64url key');
export const signatureSchema = z.string().regex(base64UrlPattern(64), 'Not a 64-byte base64url signature');
export const contentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 hex hash');

const nonBlank = (max: number) => z.string().max(max).refine((s) => s.trim().length > 0, 'Must not be blank');
const id = nonBlank(LIMITS.id);
const roleList = z
  .array(memberRoleSchema)
  .max(LIMITS.roles)
  .refine((r) => new Set(r).size === r.length, 'Roles repeat');

/** Id of a one-time admission (the invite that carries it names it; random, not secret). */
export const admissionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not an admission id');

/** A person as they describe themselves when asking to join (the owner who admits them picks the roles). */
export const candidateSchema = z.strictObject({
  key: publicKeySchema,
  agreementKey: publicKeySchema,
  name: nonBlank(LIMITS.name),
  unit: z.string().max(LIMITS.name),
});
export type CandidateInfo = z.infer<typeof candidateSchema>;

/** A new room key sealed to one member (roomKeys.ts): base64url of a 12-byte IV and the AES-GCM ciphertext. */
export const sealSchema = z.strictObject({
  to: publicKeySchema,
  box: z.string().regex(/^[A-Za-z0-9_-]{40,240}$/, 'Not a sealed room key'),
});

/** A member as written into the roster by genesis or an owner. */
export const memberSchema = z.strictObject({
  key: publicKeySchema,
  agreementKey: publicKeySchema,
  name: nonBlank(LIMITS.name),
  unit: z.string().max(LIMITS.name),
  roles: roleList,
});
export type MemberInfo = z.infer<typeof memberSchema>;

/** Workspace policy, set as a whole by an owner (see policy.ts). */
export const policySchema = z.strictObject({
  separationOfDuties: z.boolean(),
  requiredRoles: z.partialRecord(
    statementKindSchema,
    z
      .array(reviewerRoleSchema)
      .min(1)
      .refine((r) => new Set(r).size === r.length, 'Roles repeat'),
  ),
});
export type PolicyInput = z.infer<typeof policySchema>;

const common = {
  ws: id,
  at: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  by: publicKeySchema,
};

export const payloadSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, kind: z.literal('roster.genesis'), member: memberSchema }),
  // `admissionId`: the one-time admission this addition used (absent: added by hand).
  z.strictObject({ ...common, kind: z.literal('roster.add'), member: memberSchema, admissionId: admissionIdSchema.optional() }),
  z.strictObject({ ...common, kind: z.literal('roster.roles'), key: publicKeySchema, roles: roleList }),
  z.strictObject({ ...common, kind: z.literal('roster.remove'), key: publicKeySchema }),
  z.strictObject({ ...common, kind: z.literal('policy.set'), policy: policySchema }),
  z.strictObject({ ...common, kind: z.literal('approval'), statementId: id, hash: contentHashSchema, role: reviewerRoleSchema }),
  z.strictObject({ ...common, kind: z.literal('override'), statementId: id, gate: z.enum(GATES), reason: nonBlank(LIMITS.reason) }),
  z.strictObject({ ...common, kind: z.literal('release'), statementId: id, hash: contentHashSchema }),
  z.strictObject({ ...common, kind: z.literal('incident.declare'), incidentId: id, severity: z.int().min(1).max(10), drill: z.boolean() }),
  z.strictObject({ ...common, kind: z.literal('incident.severity'), incidentId: id, severity: z.int().min(1).max(10), reason: z.string().max(LIMITS.reason) }),
  // An owner's invite: whoever asks with this id is admitted with `role` (once, when `oneTime`).
  z.strictObject({ ...common, kind: z.literal('admission.offer'), admissionId: admissionIdSchema, role: memberRoleSchema, oneTime: z.boolean() }),
  // A person asking to join, signed with their own key (`by` must be `member.key`).
  z.strictObject({ ...common, kind: z.literal('admission.request'), member: candidateSchema, admissionId: admissionIdSchema.optional() }),
  // An owner's new room key, sealed to each remaining member's agreement key from the ephemeral key `epk`.
  z.strictObject({
    ...common,
    kind: z.literal('room.rekey'),
    rekeyId: admissionIdSchema,
    epk: publicKeySchema,
    seals: z
      .array(sealSchema)
      .min(1)
      .max(LIMITS.seals)
      .refine((s) => new Set(s.map((x) => x.to)).size === s.length, 'Sealed twice to one member'),
  }),
  // Restricted rooms (compartments.ts): an owner names a room; its key is sealed to each member of it.
  z.strictObject({ ...common, kind: z.literal('compartment.create'), compartmentId: admissionIdSchema, name: nonBlank(LIMITS.name) }),
  z.strictObject({
    ...common,
    kind: z.literal('compartment.key'),
    compartmentId: admissionIdSchema,
    keyId: admissionIdSchema,
    epk: publicKeySchema,
    seals: z
      .array(sealSchema)
      .min(1)
      .max(LIMITS.seals)
      .refine((s) => new Set(s.map((x) => x.to)).size === s.length, 'Sealed twice to one member'),
  }),
]);

/** A signed payload of any kind. */
export type Payload = z.infer<typeof payloadSchema>;
export type PayloadOf<K extends EntryKind> = Extract<Payload, { kind: K }>;
/** What a caller gives {@link signEntry}: the payload without the signer's key (and `at` optional). */
export type UnsignedPayload = Payload extends infer P ? (P extends Payload ? Omit<P, 'by' | 'at'> & { at?: number } : never) : never;

/** A signed entry: canonical payload text and the signer's signature over it. */
export interface SignedEntry {
  /** Canonical JSON of the payload (canonical.ts). */
  p: string;
  /** Ed25519 signature, base64url, over `SIGNING_DOMAIN + p`. */
  s: string;
}

const entrySchema = z.strictObject({ p: z.string().max(LIMITS.payloadChars), s: signatureSchema });

/** Why an entry could not be read. */
export type MalformedReason = 'notText' | 'tooLarge' | 'notJson' | 'badShape' | 'notCanonical' | 'badPayload';

/** Loosely read fields of an entry that failed validation, for display and grouping. */
export interface EntryHint {
  kind?: string;
  at?: number;
  by?: string;
  statementId?: string;
  incidentId?: string;
}

/** One element of the governance log as read from the document. */
export interface LogItem {
  /** Position in the document's array. */
  index: number;
  /** The stored value, as read. */
  raw: unknown;
  /** Present when the entry is well formed. */
  entry?: SignedEntry;
  payload?: Payload;
  /** Present when the entry is not well formed. */
  malformed?: MalformedReason;
  hint?: EntryHint;
}

/** A well-formed log item. */
export type ValidItem = LogItem & { entry: SignedEntry; payload: Payload };

export const isWellFormed = (item: LogItem): item is ValidItem => item.payload !== undefined;

function hintOf(p: unknown): EntryHint | undefined {
  if (typeof p !== 'string') return undefined;
  let v: unknown;
  try {
    v = JSON.parse(p);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' ? x.slice(0, LIMITS.id) : undefined);
  const hint: EntryHint = {};
  const kind = str(o.kind);
  if (kind !== undefined) hint.kind = kind;
  if (typeof o.at === 'number' && Number.isSafeInteger(o.at)) hint.at = o.at;
  const by = str(o.by);
  if (by !== undefined) hint.by = by;
  const statementId = str(o.statementId);
  if (statementId !== undefined) hint.statementId = statementId;
  const incidentId = str(o.incidentId);
  if (incidentId !== undefined) hint.incidentId = incidentId;
  return hint;
}

/** Reads one stored log value. Never throws. */
export function parseLogItem(raw: unknown, index: number): LogItem {
  const bad = (malformed: MalformedReason, p?: unknown): LogItem => {
    const hint = hintOf(p);
    return { index, raw, malformed, ...(hint ? { hint } : {}) };
  };
  if (typeof raw !== 'string') return bad('notText');
  if (raw.length > LIMITS.entryChars) return bad('tooLarge');
  let outer: unknown;
  try {
    outer = JSON.parse(raw);
  } catch {
    return bad('notJson');
  }
  const shaped = entrySchema.safeParse(outer);
  const p = (outer as { p?: unknown } | null)?.p;
  if (!shaped.success) return bad('badShape', p);
  let value: unknown;
  try {
    value = JSON.parse(shaped.data.p);
  } catch {
    return bad('notJson');
  }
  const payload = payloadSchema.safeParse(value);
  if (!payload.success) return bad('badPayload', p);
  // Schema first: it leaves only known keys and safe integers, for which the fast check is exact.
  // Duplicate keys, other key orders, spaces or escapes are refused here.
  if (!isCanonicalEncoding(payload.data, shaped.data.p)) return bad('notCanonical', p);
  return { index, raw, entry: shaped.data, payload: payload.data };
}

/** Kinds whose meaning does not change the roster, the policy or admissions: they can be read after the rest. */
export const DEFERRABLE_KINDS: readonly EntryKind[] = ['approval', 'override', 'release', 'incident.declare', 'incident.severity'];

const KIND_MARK = '\\"kind\\":\\"';

/**
 * The kind a stored entry names, found without parsing it (a few hundred nanoseconds where a
 * full read costs tens of microseconds): the text after the first `\"kind\":\"` of the stored
 * string. For an entry that {@link parseLogItem} accepts the answer is exact: its payload is
 * canonical JSON, where a string value cannot contain an unescaped quote (so `"kind":"` occurs
 * once, as the top-level key, and no nested object has a `kind` key), and the payload sits in
 * the stored JSON as one string, each of its quotes written `\"`. For anything else the answer
 * is only a guess, which is harmless: such an entry is refused when it is read, whatever its
 * guessed kind decided about when.
 */
export function peekKind(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const at = raw.indexOf(KIND_MARK);
  if (at < 0) return undefined;
  const start = at + KIND_MARK.length;
  const end = raw.indexOf('\\"', start);
  return end < 0 || end - start > 40 ? undefined : raw.slice(start, end);
}

/** The stored form of an entry (what the log's Y.Array holds). */
export function serializeEntry(entry: SignedEntry): string {
  return JSON.stringify({ p: entry.p, s: entry.s });
}
