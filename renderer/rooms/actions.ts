import { compartmentRecipients, createCompartmentPayload, deriveCompartments, sealCompartmentKey } from '../../shared/governance';
import { generateRoomId, generateRoomSecret } from '../../shared/rooms/items';
import { useIdentity } from '../identity/identity';
import { currentGovernanceView, signAndAppend } from '../identity/useGovernance';
import { roomsSettled } from './roomService';

/**
 * Owners' actions on restricted rooms: each signs entries into the workspace's log
 * (shared/governance/compartments.ts); the room service on every laptop follows. Every change of
 * membership is a fresh key sealed to exactly the new members, so someone taken out finds no box
 * (and their laptop deletes its copy), and the list of who can see a room is always who holds
 * its key in force.
 */

function ownerGov() {
  const keys = useIdentity.getState().keys;
  const gov = currentGovernanceView()?.getSnapshot();
  if (!keys || !gov) throw new Error('rooms.errors.noWorkspace');
  const me = gov.roster.byKey.get(keys.publicKey);
  if (!gov.roster.settled || !me || me.removed || !me.roles.includes('owner')) throw new Error('rooms.errors.notOwner');
  return { keys, gov };
}

async function publishKey(workspaceId: string, roomId: string, memberKeys: readonly string[]): Promise<void> {
  const { gov } = ownerGov();
  const recipients = compartmentRecipients(gov, memberKeys);
  if (recipients.length === 0) throw new Error('rooms.errors.noMembers');
  const payload = await sealCompartmentKey({ workspaceId, compartmentId: roomId, keyId: generateRoomId(), roomKey: generateRoomSecret(), recipients });
  await signAndAppend(payload);
}

/** Creates a room named `name` with `memberKeys` (this owner always included). Returns its id. */
export async function createRoom(workspaceId: string, name: string, memberKeys: readonly string[]): Promise<string> {
  const { keys } = ownerGov();
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) throw new Error('rooms.errors.nameRequired');
  if (clean.length > 200) throw new Error('rooms.errors.nameTooLong');
  const id = generateRoomId();
  await signAndAppend(createCompartmentPayload({ workspaceId, compartmentId: id, name: clean }));
  await publishKey(workspaceId, id, [...new Set([keys.publicKey, ...memberKeys])]);
  await roomsSettled();
  return id;
}

/**
 * Sets a room's members to `memberKeys` with a fresh key (a rotation): everyone left out stops
 * receiving the room from the moment their laptop or the members' laptops see the new key entry.
 */
export async function setRoomMembers(workspaceId: string, roomId: string, memberKeys: readonly string[]): Promise<void> {
  const { gov } = ownerGov();
  if (!deriveCompartments(gov).byId.has(roomId)) throw new Error('rooms.errors.unknownRoom');
  await publishKey(workspaceId, roomId, [...new Set(memberKeys)]);
  await roomsSettled();
}

/**
 * Before an owner removes `memberKey` from the workspace: every restricted room whose key they
 * hold gets a fresh key without them (a removed member would otherwise keep syncing the rooms
 * with the members still holding that key). Returns how many rooms were rotated.
 */
export async function removeFromRooms(workspaceId: string, memberKey: string): Promise<number> {
  const { gov } = ownerGov();
  const rooms = deriveCompartments(gov).rooms.filter((r) => r.members.includes(memberKey));
  for (const room of rooms) {
    const rest = room.members.filter((k) => k !== memberKey);
    // A room left with nobody keeps its last key (no one else holds it); nothing to rotate to.
    if (rest.length > 0) await publishKey(workspaceId, room.id, rest);
  }
  return rooms.length;
}
