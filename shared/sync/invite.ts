import { z } from 'zod';
import { admissionIdSchema, publicKeySchema } from '../governance/entries.js';
import { memberRoleSchema } from '../governance/roles.js';
import { hashBytes } from './docState.js';
import { RoomKeySchema, WorkspaceIdSchema } from './room.js';
import { SignalingUrlSchema } from './settings.js';

/**
 * Invite codes for members outside the room (PR agency, law firm): one line of text (also shown
 * as a QR code) carrying the host address(es), the workspace and its room key, the workspace
 * creator's public key (the joiner's trust anchor for the roster) and, when an owner made it, a
 * one-time admission (its id and the proposed role; the owner signed an `admission.offer` for
 * it). Whoever holds the code can read the workspace: it travels like a password.
 *
 * Format: `CR2.<base64url JSON>.<checksum>`; the checksum catches a code cut short or mistyped.
 * `CR1` codes (before members existed) carry no trust anchor and are refused as `outdated`.
 */

export const INVITE_PREFIX = 'CR2';
const OUTDATED_PREFIXES = ['CR1'];

/** A one-time admission an owner attached to an invite. */
export const InviteAdmissionSchema = z.strictObject({
  id: admissionIdSchema,
  role: memberRoleSchema,
});

/** What an invite carries. */
export const InviteSchema = z.strictObject({
  /** Signaling URLs of the LAN host(s), e.g. `ws://192.168.1.20:4444/signal`. */
  hosts: z.array(SignalingUrlSchema).min(1).max(4),
  workspaceId: WorkspaceIdSchema,
  workspaceName: z.string().min(1).max(120),
  roomKey: RoomKeySchema,
  /** Public key of the workspace's creator (Ed25519, base64url): the roster's trust anchor. */
  genesisKey: publicKeySchema,
  /** The owner's one-time admission; absent when a member who is not an owner made the code. */
  admission: InviteAdmissionSchema.optional(),
});
/** What an invite carries. */
export type Invite = z.infer<typeof InviteSchema>;

/** Why a code could not be read; each is an i18n key under `sync:invite.errors`. */
export type InviteError = 'empty' | 'format' | 'outdated' | 'checksum' | 'content';

/** A failed decode, with the reason as an i18n key suffix. */
export class InviteDecodeError extends Error {
  constructor(readonly reason: InviteError) {
    super(`invite.errors.${reason}`);
  }
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(b64: string): string {
  const bin = atob(b64.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The checksum of an invite body (8 hex digits). */
export function inviteChecksum(body: string): string {
  return hashBytes(new TextEncoder().encode(`${INVITE_PREFIX}.${body}`)).padStart(14, '0').slice(-8);
}

/** Makes the invite code for `invite` (validated first). */
export function encodeInvite(invite: Invite): string {
  const valid = InviteSchema.parse(invite);
  const short = { h: valid.hosts, w: valid.workspaceId, n: valid.workspaceName, k: valid.roomKey, g: valid.genesisKey, ...(valid.admission ? { a: valid.admission.id, r: valid.admission.role } : {}) };
  const body = toBase64Url(JSON.stringify(short));
  return `${INVITE_PREFIX}.${body}.${inviteChecksum(body)}`;
}

/** Short field names in the code (kept short for the QR code). */
const INVITE_FIELDS = new Set(['h', 'w', 'n', 'k', 'g', 'a', 'r']);

/** Reads an invite code (whitespace and line breaks from copy-paste are ignored). Throws {@link InviteDecodeError}. */
export function decodeInvite(code: string): Invite {
  const compact = code.replace(/\s+/g, '');
  if (!compact) throw new InviteDecodeError('empty');
  const parts = compact.split('.');
  if (parts.length === 3 && OUTDATED_PREFIXES.includes(parts[0]!)) throw new InviteDecodeError('outdated');
  if (parts.length !== 3 || parts[0] !== INVITE_PREFIX || !/^[A-Za-z0-9_-]+$/.test(parts[1]!)) throw new InviteDecodeError('format');
  const [, body, sum] = parts as [string, string, string];
  if (sum.toLowerCase() !== inviteChecksum(body)) throw new InviteDecodeError('checksum');
  let raw: unknown;
  try {
    raw = JSON.parse(fromBase64Url(body));
  } catch {
    throw new InviteDecodeError('format');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new InviteDecodeError('content');
  const r = raw as Record<string, unknown>;
  if (Object.keys(r).some((k) => !INVITE_FIELDS.has(k)) || (r.a === undefined) !== (r.r === undefined)) throw new InviteDecodeError('content');
  const admission = r.a === undefined ? {} : { admission: { id: r.a, role: r.r } };
  const parsed = InviteSchema.safeParse({ hosts: r.h, workspaceId: r.w, workspaceName: r.n, roomKey: r.k, genesisKey: r.g, ...admission });
  if (!parsed.success) throw new InviteDecodeError('content');
  return parsed.data;
}
