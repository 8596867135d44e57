import QRCode from 'qrcode';
import type * as Y from 'yjs';
import { metaOf } from '../../shared/doc/workspaceDoc';
import { decodeInvite, encodeInvite, type Invite } from '../../shared/sync/invite';
import { decideInvite, type InviteChoice, type InviteReview } from './inviteDecision';
import { readLocalWorkspace } from './inviteLocal';
import { signEntry, type MemberRole } from '../../shared/governance';
import type { Language } from '../../shared/languages';
import { appendToWorkspace, createWorkspace } from '../workspace/workspaceService';
import { useCurrentWorkspace } from '../workspace/useWorkspace';
import { getDb } from '../workspace/db';
import { setLocalRoomKey, trustedGenesisKey, trustGenesisKey, useIdentity } from '../identity/identity';
import { currentGovernanceView, signAndAppend } from '../identity/useGovernance';
import { useSyncSettings } from './syncSettings';
import { useLanHost } from './lanHostStore';
import { ensureLocalRoomKey } from './roomKeyLocal';
import { rememberInviter } from './joinedInvites';

/** Host addresses others can use: this computer's LAN host, then the workspace's configured hosts. */
export function shareableHosts(workspaceId: string): string[] {
  const lan = useLanHost.getState().status;
  const configured = useSyncSettings.getState().hosts[workspaceId] ?? [];
  const all = [...(lan.running ? lan.urls : []), ...configured];
  // Loopback addresses mean "this computer" and are useless to anyone else.
  return [...new Set(all.filter((u) => !/^wss?:\/\/(127\.|localhost|\[::1\])/i.test(u)))].slice(0, 4);
}

/** A random admission id (128 bits, base64url). Not secret: the room key in the same code is. */
export function newAdmissionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Whether this laptop's person is an active owner of the open workspace (roster verified). */
export function isOwnerHere(): boolean {
  const keys = useIdentity.getState().keys;
  const gov = currentGovernanceView()?.getSnapshot();
  const me = keys && gov?.roster.settled ? gov.roster.byKey.get(keys.publicKey) : undefined;
  return Boolean(me && !me.removed && me.roles.includes('owner'));
}

/**
 * The invite code of the open workspace. With `role`, made by an owner: also signs an
 * `admission.offer` for a fresh one-time admission with that role, which the code carries (the
 * owner's laptop then admits whoever asks with it first). Throws `Error('invite.errors.noHost')`
 * when there is no host address to put in it, `invite.errors.noAnchor` when this laptop trusts no
 * creator key for the workspace (claim it or join it by invite first), `invite.errors.notOwner`
 * when `role` is given by someone who is not an owner.
 */
export async function makeInvite(workspaceId: string, doc: Y.Doc, role?: MemberRole): Promise<string> {
  const keys = useIdentity.getState().keys;
  if (!keys) throw new Error('invite.errors.noIdentity');
  const hosts = shareableHosts(workspaceId);
  if (hosts.length === 0) throw new Error('invite.errors.noHost');
  const genesisKey = await trustedGenesisKey(workspaceId);
  if (!genesisKey) throw new Error('invite.errors.noAnchor');
  const name = String(metaOf(doc).get('name') ?? '').trim() || workspaceId;
  let admission: Invite['admission'];
  if (role) {
    if (!isOwnerHere()) throw new Error('invite.errors.notOwner');
    admission = { id: newAdmissionId(), role };
    await signAndAppend({ ws: workspaceId, kind: 'admission.offer', admissionId: admission.id, role, oneTime: true });
  }
  // The key this laptop syncs with (its own; after a rotation, the one sealed to it).
  const roomKey = await ensureLocalRoomKey(workspaceId, doc);
  // Signed with this laptop's device key; the MAC is keyed by the room key (shared/sync/inviteAuth.ts).
  return encodeInvite({ hosts, workspaceId, workspaceName: name.slice(0, 120), roomKey, genesisKey, ...(admission ? { admission } : {}) }, keys);
}

/** The invite as a QR code (SVG markup, scalable, printable). */
export function inviteQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

export type { InviteChoice, InviteReview } from './inviteDecision';

/** What joining did. */
export type JoinResult =
  | {
      status: 'joined';
      workspaceId: string;
      /** The workspace already existed here. */
      existed: boolean;
      /** What was applied to a workspace that existed: nothing but a join request, its hosts, or its key, hosts and creator key. */
      applied: 'create' | 'rejoin' | InviteChoice;
      invite: Invite;
    }
  | {
      /**
       * Nothing was changed: the invite would change the hosts, room key or trusted creator key
       * of a workspace already on this laptop. Join again with a `choice` from `review.choices`
       * only after the person chose it.
       */
      status: 'review';
      workspaceId: string;
      invite: Invite;
      review: InviteReview;
    };

/**
 * Joins the workspace an authenticated invite describes (shared/sync/invite.ts: MAC under the
 * room key, signature by the inviter's device key). For a workspace not on this laptop: trusts the
 * invite's creator key as its anchor, creates it (empty, with the room key, filled by sync from
 * the others), signs this person's join request (naming the invite's admission, if any) into it,
 * and remembers its hosts and room key. For a workspace already here (inviteDecision.ts): when
 * the invite would change nothing but add the request, it adds the request; when it would change
 * the hosts, the room key or the trusted creator key, it changes nothing and returns the `review`
 * unless `choice` says what the person chose (`hosts`: only the hosts; `all`: key, hosts and
 * creator key). Works offline on the LAN: nothing but the host named in the invite is contacted.
 * Throws InviteDecodeError (reason as i18n key) for a bad code, `invite.errors.choice` for a
 * choice the review does not offer.
 */
export async function joinByInvite(code: string, language: Language, opts: { choice?: InviteChoice } = {}): Promise<JoinResult> {
  const invite = await decodeInvite(code);
  const { keys, profile } = useIdentity.getState();
  if (!keys || !profile) throw new Error('invite.errors.noIdentity');
  const id = invite.workspaceId;
  const { local, signer } = await readLocalWorkspace(id, invite.inviter);
  const decision = decideInvite(local, invite, signer);
  let applied: 'create' | 'rejoin' | InviteChoice = decision.kind === 'review' ? 'all' : decision.kind;
  if (decision.kind === 'review') {
    if (!opts.choice) return { status: 'review', workspaceId: id, invite, review: decision.review };
    if (!decision.review.choices.includes(opts.choice)) throw new Error('invite.errors.choice');
    applied = opts.choice;
  }
  const request = await signEntry(keys, {
    ws: id,
    kind: 'admission.request',
    member: { key: keys.publicKey, agreementKey: keys.agreementKey, name: profile.name, unit: profile.unit },
    ...(invite.admission ? { admissionId: invite.admission.id } : {}),
  });
  if (applied === 'create' || applied === 'all') await trustGenesisKey(id, invite.genesisKey, applied === 'all');
  const existing = await getDb().workspaces.get(id);
  if (existing && existing.deletedAt !== null) await getDb().workspaces.update(id, { deletedAt: null });
  if (existing) {
    const open = useCurrentWorkspace.getState().current;
    await appendToWorkspace(id, [request], 'user', open?.id === id ? open.doc : undefined);
  } else {
    await createWorkspace({ name: invite.workspaceName, language, join: { id, roomKey: invite.roomKey }, entries: [request] });
  }
  // The invite's key is the room to join (the meta's may be one rotated away since); an existing
  // workspace keeps its own key and hosts unless the person chose the invite's.
  if (applied === 'create' || applied === 'all') await setLocalRoomKey(id, { roomKey: invite.roomKey, rekeyId: null });
  if (applied !== 'rejoin') useSyncSettings.getState().setHosts(id, invite.hosts);
  rememberInviter(id, invite.inviter);
  return { status: 'joined', workspaceId: id, existed: Boolean(existing), applied, invite };
}
