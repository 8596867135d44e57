import { deriveRoomKeyRotations, openRoomKeySeal, rekeyRecipients, sealRoomKey, type GovernanceView } from '../../shared/governance';
import { generateRoomKey } from '../../shared/sync/room';
import { useCurrentWorkspace } from '../workspace/useWorkspace';
import { currentSync } from '../sync/syncLifecycle';
import { localRoomKey, setLocalRoomKey, useIdentity, useRoomKeys, useTrustAnchors } from './identity';
import { currentGovernanceView, signAndAppend } from './useGovernance';

/**
 * Room key rotation on this laptop (shared/governance/roomKeys.ts). The service opens the seal
 * of the rotation in force when one is addressed to this laptop and moves sync to the new room
 * (the key is kept on this laptop only, never written to the shared document). `rotateRoomKey`
 * is the owner's action. Installed once from app wiring.
 */

/** Rotations this laptop is publishing itself (it switches once the others have the entry). */
const publishing = new Set<string>();
/** Longest an owner waits for the connected peers to receive a rotation before switching. */
const DELIVERY_WAIT_MS = 10_000;

let installed = false;

export function installRoomKeyService(): () => void {
  if (installed) return () => {};
  installed = true;
  let view: GovernanceView | null = null;
  let stopView = (): void => {};
  let running = false;
  let again = false;
  // Rotations whose seal for us did not open (e.g. tampered): not tried again this session.
  const failed = new Set<string>();

  const pickUp = async (): Promise<void> => {
    const { keys } = useIdentity.getState();
    const current = useCurrentWorkspace.getState().current;
    if (!view || !keys || !current) return;
    const rotation = deriveRoomKeyRotations(view.getSnapshot()).current;
    if (!rotation || publishing.has(rotation.payload.rekeyId) || failed.has(rotation.payload.rekeyId)) return;
    if (!rotation.payload.seals.some((s) => s.to === keys.publicKey)) return;
    const mine = useRoomKeys.getState().byWorkspace[current.id] ?? (await localRoomKey(current.id));
    if (mine?.rekeyId === rotation.payload.rekeyId) return;
    const roomKey = await openRoomKeySeal(rotation.payload, keys.publicKey, keys.agreement.privateKey);
    if (!roomKey) {
      failed.add(rotation.payload.rekeyId);
      return;
    }
    if (useCurrentWorkspace.getState().current?.id !== rotation.payload.ws) return;
    await setLocalRoomKey(rotation.payload.ws, { roomKey, rekeyId: rotation.payload.rekeyId });
  };
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void pickUp()
      .catch((err: unknown) => console.error('[room key] could not take up the new room key:', err))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const rewire = (): void => {
    const next = useIdentity.getState().keys ? currentGovernanceView() : null;
    if (next === view) return;
    stopView();
    view = next;
    stopView = view ? view.subscribe(run) : () => {};
    if (view) run();
  };
  const stops = [useCurrentWorkspace.subscribe(rewire), useTrustAnchors.subscribe(rewire), useIdentity.subscribe(rewire)];
  rewire();
  return () => {
    stops.forEach((s) => s());
    stopView();
    installed = false;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until every connected peer holds what we hold (so has our rotation), at most `maxMs`. */
async function waitDelivered(since: number, maxMs: number): Promise<void> {
  const until = Date.now() + maxMs;
  await sleep(300);
  while (Date.now() < until) {
    const status = currentSync()?.session.status();
    if (!status) return;
    const connected = status.peers.filter((p) => p.connected);
    if (connected.every((p) => p.inSync && (p.lastInSyncAt ?? 0) >= since)) return;
    await sleep(200);
  }
}

/**
 * Owner action: a fresh room key for the open workspace, sealed to every active member (this
 * laptop included) and published as a signed `room.rekey` entry; this laptop moves to the new
 * room once the connected members have the entry (or after DELIVERY_WAIT_MS). Members who are
 * offline meanwhile come back to the old room, where nobody hands them the entry any more: they
 * need a fresh invite (it carries the new key; joining stores it on their laptop).
 */
export async function rotateRoomKey(workspaceId: string): Promise<void> {
  const { keys } = useIdentity.getState();
  const gov = currentGovernanceView()?.getSnapshot();
  if (!keys || !gov || gov.input.workspaceId !== workspaceId) throw new Error('No workspace with a trusted roster is open');
  const me = gov.roster.byKey.get(keys.publicKey);
  if (!gov.roster.settled || !me || me.removed || !me.roles.includes('owner')) throw new Error('Only an owner can rotate the room key');
  const roomKey = generateRoomKey();
  const rekeyId = generateRoomKey();
  publishing.add(rekeyId);
  try {
    const payload = await sealRoomKey({ workspaceId, rekeyId, roomKey, recipients: rekeyRecipients(gov) });
    const since = Date.now();
    await signAndAppend(payload);
    await waitDelivered(since, DELIVERY_WAIT_MS);
    await setLocalRoomKey(workspaceId, { roomKey, rekeyId });
  } finally {
    publishing.delete(rekeyId);
  }
}
