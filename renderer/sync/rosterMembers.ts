import type { Roster } from '../../shared/governance/roster';
import { currentGovernanceView } from '../identity/useGovernance';
import { useIdentity } from '../identity/identity';

/**
 * Which peers met here count as team members for the sync status: those whose name is an active
 * member of the verified roster other than this laptop's own person. Our own other windows (a
 * print view opened from here) sync like peers but reach nobody, so they never become a member
 * row nor make our changes count as delivered.
 *
 * The hello's name is only a claim: what makes this safe is that a stranger's claim gains nothing
 * (it can only hide "not delivered" for a member's name, which the roster already lists). Binding
 * the hello to the device key would make it exact (see the sync protocol notes).
 * Without a verified roster here (an old workspace, or the roster not read yet) everyone counts.
 */
export function rosterMemberFilter(roster: Pick<Roster, 'members'> | null, ownKey: string | null): (member: { name: string }) => boolean {
  if (!roster || roster.members.length === 0) return () => true;
  const names = new Set(roster.members.filter((m) => !m.removed && m.key !== ownKey).map((m) => m.name.trim()));
  return (member) => names.has(member.name.trim());
}

/** The filter for the open workspace, read at each status (the roster view caches its snapshot). */
export function isRosterMember(member: { id: string; name: string }): boolean {
  const view = currentGovernanceView();
  const roster = view ? view.getSnapshot().roster : null;
  return rosterMemberFilter(roster, useIdentity.getState().keys?.publicKey ?? null)(member);
}
