import QRCode from 'qrcode';
import type * as Y from 'yjs';
import { metaOf } from '../../shared/doc/workspaceDoc';
import { decodeInvite, encodeInvite, type Invite } from '../../shared/sync/invite';
import { ensureRoomKey } from '../../shared/sync/room';
import { signEntry, type MemberRole } from '../../shared/governance';
import type { Language } from '../../shared/languages';
import { appendToWorkspace, createWorkspace } from '../workspace/workspaceService';
import { useCurrentWorkspace } from '../workspace/useWorkspace';
import { getDb } from '../workspace/db';
import { localRoomKey, setLocalRoomKey, trustedGenesisKey, trustGenesisKey, useIdentity } from '../identity/identity';
import { currentGovernanceView, signAndAppend } from '../identity/useGovernance';
import { useSyncSettings } from './syncSettings';
import { useLanHost } from './lanHostStore';

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
  // The key this laptop syncs with: after a rotation it is no longer the one in the meta.
  const roomKey = (await localRoomKey(workspaceId))?.roomKey ?? ensureRoomKey(doc);
  return encodeInvite({ hosts, workspaceId, workspaceName: name.slice(0, 120), roomKey, genesisKey, ...(admission ? { admission } : {}) });
}

/** The invite as a QR code (SVG markup, scalable, printable). */
export function inviteQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

/** What joining did. */
export type JoinResult =
  | {
      status: 'joined';
      workspaceId: string;
      /** The workspace already existed here (its anchor was checked, its hosts updated). */
      existed: boolean;
      invite: Invite;
    }
  | {
      /**
       * Nothing was changed: this laptop already trusts another creator key for the workspace.
       * Join again with `replaceAnchor` only after the person chose to.
       */
      status: 'anchorConflict';
      workspaceId: string;
      invite: Invite;
      trusted: string;
    };

/**
 * Joins the workspace an invite describes: trusts the invite's creator key as the workspace's
 * anchor (never replacing another one unless `replaceAnchor`), creates the workspace here (empty,
 * with the room key, filled by sync from the others) unless it exists here already, signs this
 * person's join request (naming the invite's admission, if any) into it, and remembers its host
 * addresses and room key (kept on this laptop: after a rotation the invite's key is the current
 * one, not the meta's). Works offline on the LAN: nothing but the host named in the invite is
 * contacted. Throws InviteDecodeError (reason as i18n key) for a bad code.
 */
export async function joinByInvite(code: string, language: Language, opts: { replaceAnchor?: boolean } = {}): Promise<JoinResult> {
  const invite = decodeInvite(code);
  const { keys, profile } = useIdentity.getState();
  if (!keys || !profile) throw new Error('invite.errors.noIdentity');
  const id = invite.workspaceId;
  const trusted = await trustedGenesisKey(id);
  if (trusted && trusted !== invite.genesisKey && !opts.replaceAnchor) return { status: 'anchorConflict', workspaceId: id, invite, trusted };
  const request = await signEntry(keys, {
    ws: id,
    kind: 'admission.request',
    member: { key: keys.publicKey, agreementKey: keys.agreementKey, name: profile.name, unit: profile.unit },
    ...(invite.admission ? { admissionId: invite.admission.id } : {}),
  });
  await trustGenesisKey(id, invite.genesisKey, opts.replaceAnchor === true);
  const existing = await getDb().workspaces.get(id);
  if (existing && existing.deletedAt !== null) await getDb().workspaces.update(id, { deletedAt: null });
  if (existing) {
    const open = useCurrentWorkspace.getState().current;
    await appendToWorkspace(id, [request], 'user', open?.id === id ? open.doc : undefined);
  } else {
    await createWorkspace({ name: invite.workspaceName, language, join: { id, roomKey: invite.roomKey }, entries: [request] });
  }
  // The invite's key is the room to join (the meta's may be one rotated away since).
  await setLocalRoomKey(id, { roomKey: invite.roomKey, rekeyId: null });
  useSyncSettings.getState().setHosts(id, invite.hosts);
  return { status: 'joined', workspaceId: id, existed: Boolean(existing), invite };
}
