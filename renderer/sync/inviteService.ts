import QRCode from 'qrcode';
import type * as Y from 'yjs';
import { metaOf } from '../../shared/doc/workspaceDoc';
import { decodeInvite, encodeInvite, type Invite } from '../../shared/sync/invite';
import { ensureRoomKey } from '../../shared/sync/room';
import type { Language } from '../../shared/languages';
import { createWorkspace } from '../workspace/workspaceService';
import { getDb } from '../workspace/db';
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

/**
 * The invite code of an open workspace. Throws `Error('invite.errors.noHost')` when there is no
 * host address to put in it (host on this computer or connect to a host first).
 */
export function makeInvite(workspaceId: string, doc: Y.Doc): string {
  const hosts = shareableHosts(workspaceId);
  if (hosts.length === 0) throw new Error('invite.errors.noHost');
  const name = String(metaOf(doc).get('name') ?? '').trim() || workspaceId;
  return encodeInvite({ hosts, workspaceId, workspaceName: name.slice(0, 120), roomKey: ensureRoomKey(doc) });
}

/** The invite as a QR code (SVG markup, scalable, printable). */
export function inviteQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

/** What joining did. */
export interface JoinResult {
  workspaceId: string;
  /** The workspace already existed here (only its host addresses were updated). */
  existed: boolean;
  invite: Invite;
}

/**
 * Joins the workspace an invite describes: creates it here (empty, with the room key, filled
 * by sync from the others) unless it exists here already, and remembers its host addresses.
 * Works offline on the LAN: nothing but the host named in the invite is contacted. Throws
 * InviteDecodeError (reason as i18n key) for a bad code.
 */
export async function joinByInvite(code: string, language: Language): Promise<JoinResult> {
  const invite = decodeInvite(code);
  const existing = await getDb().workspaces.get(invite.workspaceId);
  if (existing && existing.deletedAt !== null) {
    await getDb().workspaces.update(invite.workspaceId, { deletedAt: null });
  } else if (!existing) {
    await createWorkspace({ name: invite.workspaceName, language, join: { id: invite.workspaceId, roomKey: invite.roomKey } });
  }
  useSyncSettings.getState().setHosts(invite.workspaceId, invite.hosts);
  return { workspaceId: invite.workspaceId, existed: Boolean(existing), invite };
}
