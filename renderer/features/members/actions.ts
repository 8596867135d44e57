import { admitPayload, type CandidateInfo, type MemberRole } from '../../../shared/governance';
import { trustGenesisKey, useIdentity } from '../../identity/identity';
import { signAndAppend } from '../../identity/useGovernance';
import { removeFromRooms } from '../../rooms/actions';

/**
 * What the Members page does: every roster change is an entry signed with this laptop's key
 * (origin 'user'); the roster replay decides whether it counts.
 */

/**
 * Makes this person the first owner of a workspace created before members existed: signs a
 * genesis naming themselves and trusts their own key as its anchor. The page offers it only when
 * the log has no genesis and this laptop trusts no creator key.
 */
export async function claimWorkspace(workspaceId: string): Promise<void> {
  const { keys, profile } = useIdentity.getState();
  if (!keys || !profile) throw new Error('This laptop has no identity yet');
  await signAndAppend({
    ws: workspaceId,
    kind: 'roster.genesis',
    member: { key: keys.publicKey, agreementKey: keys.agreementKey, name: profile.name, unit: profile.unit, roles: ['owner'] },
  });
  await trustGenesisKey(workspaceId, keys.publicKey);
}

/** Trusts a creator key found in the log, after the person compared its fingerprint. */
export function trustCreator(workspaceId: string, key: string): Promise<void> {
  return trustGenesisKey(workspaceId, key);
}

/** Admits a join request with `role` (marking the admission it names as used, when given). */
export function admit(workspaceId: string, candidate: CandidateInfo, role: MemberRole, admissionId?: string): Promise<void> {
  return signAndAppend(admitPayload(workspaceId, candidate, [role], admissionId));
}

export function changeRoles(workspaceId: string, key: string, roles: MemberRole[]): Promise<void> {
  return signAndAppend({ ws: workspaceId, kind: 'roster.roles', key, roles });
}

/** Removes a member: first their restricted rooms get fresh keys without them (renderer/rooms), then the roster entry. */
export async function removeMember(workspaceId: string, key: string): Promise<void> {
  await removeFromRooms(workspaceId, key);
  await signAndAppend({ ws: workspaceId, kind: 'roster.remove', key });
}
