import type { Invite } from '../../shared/sync/invite';

/**
 * What an invite may change on this laptop, decided without side effects (unit-tested):
 * an invite for a workspace that is not here creates it; one for a workspace already here that
 * changes nothing but adds a join request goes ahead; one that would change the workspace's
 * hosts, room key or trusted creator key changes nothing until the person has seen what would
 * change and chosen explicitly.
 *
 * A different room key for a workspace already here is the suspicious case: applied, it would
 * move this laptop — and everything it holds of the workspace — into the room of whoever made
 * the code. A legitimate new key arrives through the roster instead (an owner's rotation, sealed
 * to this laptop's key: renderer/identity/roomKeyService.ts), never through an invite, so the
 * person is offered only "keep everything" or, deliberately, "take the invite's key, hosts and
 * creator key" (for a laptop that was left out of a rotation and was re-invited), with who signed
 * the code shown next to it.
 */

/** Where the signer of an invite stands in this laptop's copy of the roster. */
export type SignerStanding = 'owner' | 'member' | 'removed' | 'notMember' | 'unknown';

/** What this laptop has for the invite's workspace. */
export interface LocalWorkspace {
  exists: boolean;
  /** Configured signaling hosts for the workspace on this laptop. */
  hosts: readonly string[];
  /** The room key this laptop syncs the workspace with (its own, else the document's), if any. */
  roomKey: string | null;
  /** The creator key this laptop trusts for the workspace, if any. */
  anchor: string | null;
}

/** An explicit choice in the review: `hosts` takes only the invite's hosts, `all` its key, hosts and creator key. */
export type InviteChoice = 'hosts' | 'all';

/** What the person sees before anything changes. */
export interface InviteReview {
  workspaceId: string;
  workspaceName: string;
  hosts: { before: readonly string[]; after: readonly string[]; changed: boolean };
  keyChanged: boolean;
  /** Set when the invite names another creator key than the one trusted here. */
  anchor: { trusted: string; offered: string } | null;
  signer: { key: string; standing: SignerStanding };
  /** The choices offered besides keeping everything as it is. */
  choices: readonly InviteChoice[];
}

export type InviteDecision = { kind: 'create' } | { kind: 'rejoin' } | { kind: 'review'; review: InviteReview };

/** Same hosts in any order (the order only says which to try first). */
export function sameHosts(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((h) => sb.has(h));
}

/** Decides what an authenticated invite may do on this laptop (see the module comment). */
export function decideInvite(local: LocalWorkspace, invite: Invite, signer: SignerStanding): InviteDecision {
  // Another creator key than the one trusted here is never taken silently, even for a workspace since deleted.
  const anchor = local.anchor !== null && local.anchor !== invite.genesisKey ? { trusted: local.anchor, offered: invite.genesisKey } : null;
  if (!local.exists && !anchor) return { kind: 'create' };
  const hostsChanged = local.exists && !sameHosts(local.hosts, invite.hosts);
  // A workspace without a key of its own yet (made before rooms existed) takes the invite's: that is no change of room.
  const keyChanged = local.exists && local.roomKey !== null && local.roomKey !== invite.roomKey;
  if (!hostsChanged && !keyChanged && !anchor) return { kind: 'rejoin' };
  return {
    kind: 'review',
    review: {
      workspaceId: invite.workspaceId,
      workspaceName: invite.workspaceName,
      hosts: { before: [...local.hosts], after: [...invite.hosts], changed: hostsChanged },
      keyChanged,
      anchor,
      signer: { key: invite.inviter, standing: signer },
      choices: keyChanged || anchor ? ['all'] : ['hosts'],
    },
  };
}
