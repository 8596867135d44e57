import { z } from 'zod';
import { admissionIdSchema, publicKeySchema } from '../governance/entries.js';
import { memberRoleSchema } from '../governance/roles.js';
import type { Signer } from '../governance/keys.js';
import { checkInviteMac, checkInviteSignature, inviteMac, signInvite } from './inviteAuth.js';
import { RoomKeySchema, WorkspaceIdSchema } from './room.js';
import { SignalingUrlSchema } from './settings.js';

/**
 * Invite codes for members outside the room (PR agency, law firm): one line of text (also shown
 * as a QR code) carrying the host address(es), the workspace and its room key, the workspace
 * creator's public key (the joiner's trust anchor for the roster), the inviting member's device
 * key and, when an owner made it, a one-time admission (its id and the proposed role; the owner
 * signed an `admission.offer` for it). Whoever holds the code can read the workspace: it travels
 * like a password.
 *
 * Format: `CR3.<base64url JSON>.<signature>.<mac>` (inviteAuth.ts):
 * - `signature`: the inviter's device key (Ed25519) over `CR3.<body>`; the body names that key
 *   (`i`), so a code re-signed by someone else names someone else. Whether the key belongs to a
 *   member is for the joiner to check against the roster (inviteService).
 * - `mac`: HMAC-SHA256, keyed by HKDF-SHA256 of the room key, over everything before it. Any change
 *   to any field (hosts, key, workspace, anchor, admission, signer) or a code cut short fails it.
 * The MAC is keyed by the room key the code itself carries, so on its own it shows only that the
 * code is whole and was made by someone who held that key: for a workspace already on this laptop
 * it counts only when it checks out under *this laptop's* key (then the maker knew the room key).
 * `CR1` and `CR2` codes (unauthenticated checksums) are refused as `outdated`.
 */

export const INVITE_PREFIX = 'CR3';
const OUTDATED_PREFIXES = ['CR1', 'CR2'];

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
  /** Device key (Ed25519) of the member who made the code; the code is signed with it. */
  inviter: publicKeySchema,
  /** The owner's one-time admission; absent when a member who is not an owner made the code. */
  admission: InviteAdmissionSchema.optional(),
});
/** What an invite carries. */
export type Invite = z.infer<typeof InviteSchema>;
/** What the maker of an invite fills in (the inviter is the signer). */
export type InviteContent = Omit<Invite, 'inviter'>;

/** Why a code could not be read; each is an i18n key under `sync:invite.errors`. */
export type InviteError = 'empty' | 'format' | 'outdated' | 'content' | 'mac' | 'signature';

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

/** The JSON body of a code (short field names keep the QR code small). */
export function inviteBody(invite: Invite): string {
  const v = InviteSchema.parse(invite);
  const short = { h: v.hosts, w: v.workspaceId, n: v.workspaceName, k: v.roomKey, g: v.genesisKey, i: v.inviter, ...(v.admission ? { a: v.admission.id, r: v.admission.role } : {}) };
  return toBase64Url(JSON.stringify(short));
}

/** Puts a signed body and its MAC together (exported so tests can make codes a bad client would). */
export async function sealInvite(body: string, signature: string, roomKey: string): Promise<string> {
  const signedAndSig = `${INVITE_PREFIX}.${body}.${signature}`;
  return `${signedAndSig}.${await inviteMac(roomKey, signedAndSig)}`;
}

/** Makes the invite code for `invite` (validated first), signed by `signer`'s device key. */
export async function encodeInvite(invite: InviteContent, signer: Signer): Promise<string> {
  const body = inviteBody({ ...invite, inviter: signer.publicKey });
  const signature = await signInvite(signer, `${INVITE_PREFIX}.${body}`);
  return sealInvite(body, signature, invite.roomKey);
}

/** Short field names in the code. */
const INVITE_FIELDS = new Set(['h', 'w', 'n', 'k', 'g', 'i', 'a', 'r']);
const B64 = /^[A-Za-z0-9_-]+$/;

/** The parts of a code, split and parsed but not yet authenticated. */
interface InviteParts {
  invite: Invite;
  /** `CR3.<body>`: what the inviter signed. */
  signed: string;
  signature: string;
  mac: string;
}

function split(code: string): InviteParts {
  const compact = code.replace(/\s+/g, '');
  if (!compact) throw new InviteDecodeError('empty');
  const parts = compact.split('.');
  if (OUTDATED_PREFIXES.includes(parts[0]!) && parts.length >= 3) throw new InviteDecodeError('outdated');
  if (parts[0] !== INVITE_PREFIX || parts.length < 3) throw new InviteDecodeError('format');
  // A code cut short (or with its last part lost) fails authentication, not the format check.
  if (parts.length !== 4 || !parts.slice(1).every((p) => B64.test(p))) throw new InviteDecodeError(parts.length === 4 ? 'format' : 'mac');
  const [, body, signature, mac] = parts as [string, string, string, string];
  let raw: unknown;
  try {
    raw = JSON.parse(fromBase64Url(body));
  } catch {
    // A damaged body usually does not decode at all: say it was damaged, not that it is a foreign format.
    throw new InviteDecodeError('mac');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new InviteDecodeError('content');
  const r = raw as Record<string, unknown>;
  if (Object.keys(r).some((k) => !INVITE_FIELDS.has(k)) || (r.a === undefined) !== (r.r === undefined)) throw new InviteDecodeError('content');
  const admission = r.a === undefined ? {} : { admission: { id: r.a, role: r.r } };
  const parsed = InviteSchema.safeParse({ hosts: r.h, workspaceId: r.w, workspaceName: r.n, roomKey: r.k, genesisKey: r.g, inviter: r.i, ...admission });
  if (!parsed.success) throw new InviteDecodeError('content');
  return { invite: parsed.data, signed: `${INVITE_PREFIX}.${body}`, signature, mac };
}

/**
 * Reads and authenticates an invite code (whitespace and line breaks from copy-paste are
 * ignored): the MAC under the room key it carries, then the inviter's signature. Throws
 * {@link InviteDecodeError}: `mac` when any part was changed or the code is damaged or cut short,
 * `signature` when the signature is not the named inviter's.
 */
export async function decodeInvite(code: string): Promise<Invite> {
  const { invite, signed, signature, mac } = split(code);
  if (!(await checkInviteMac(invite.roomKey, `${signed}.${signature}`, mac))) throw new InviteDecodeError('mac');
  if (!(await checkInviteSignature(invite.inviter, signed, signature))) throw new InviteDecodeError('signature');
  return invite;
}

/**
 * Whether a code's MAC checks out under `roomKey` (e.g. the key this laptop already syncs the
 * workspace with): true means its maker knew that key. False for a code that cannot be read.
 */
export async function inviteMacMatches(code: string, roomKey: string): Promise<boolean> {
  try {
    const { signed, signature, mac } = split(code);
    return await checkInviteMac(roomKey, `${signed}.${signature}`, mac);
  } catch {
    return false;
  }
}
