import type * as Y from 'yjs';
import { DexieYProvider } from 'y-dexie';
import { GovernanceView, SignatureCache } from '../../shared/governance';
import { readRoomKey } from '../../shared/sync/room';
import { getDb } from '../workspace/db';
import { useCurrentWorkspace } from '../workspace/useWorkspace';
import { localRoomKey, trustedGenesisKey } from '../identity/identity';
import { useSyncSettings } from './syncSettings';
import type { LocalWorkspace, SignerStanding } from './inviteDecision';

/**
 * What this laptop holds for a workspace an invite names (inviteDecision.ts decides with it):
 * its hosts, the room key it syncs with, its trusted creator key, and where the invite's signer
 * stands in the roster this laptop has. Reads the open workspace's document, or loads the stored
 * one for the moment and releases it.
 */

/** Runs `fn` on the workspace's document: the open one, or the stored one loaded for the call. */
async function withStoredDoc<T>(workspaceId: string, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T | null> {
  const open = useCurrentWorkspace.getState().current;
  if (open?.id === workspaceId) return fn(open.doc);
  const row = await getDb().workspaces.get(workspaceId);
  if (!row) return null;
  const provider = DexieYProvider.load(row.doc);
  try {
    await provider.whenLoaded;
    return await fn(row.doc);
  } finally {
    DexieYProvider.release(row.doc);
  }
}

/** The signer's standing in a roster derived with every signature checked. */
async function standingIn(doc: Y.Doc, workspaceId: string, anchor: string, signer: string): Promise<SignerStanding> {
  const view = new GovernanceView(doc, { workspaceId, trustedGenesisKey: anchor, cache: new SignatureCache() });
  try {
    view.getSnapshot();
    await view.cache.settled();
    const { roster } = view.getSnapshot();
    if (!roster.settled) return 'unknown';
    const member = roster.byKey.get(signer);
    if (!member) return 'notMember';
    if (member.removed) return 'removed';
    return member.roles.includes('owner') ? 'owner' : 'member';
  } finally {
    view.dispose();
  }
}

/** This laptop's state for `workspaceId` and the standing of `signer` in its roster. */
export async function readLocalWorkspace(workspaceId: string, signer: string): Promise<{ local: LocalWorkspace; signer: SignerStanding }> {
  const row = await getDb().workspaces.get(workspaceId);
  const anchor = await trustedGenesisKey(workspaceId);
  const hosts = useSyncSettings.getState().hosts[workspaceId] ?? [];
  if (!row) return { local: { exists: false, hosts, roomKey: null, anchor }, signer: 'unknown' };
  const own = (await localRoomKey(workspaceId).catch(() => null))?.roomKey ?? null;
  const read = await withStoredDoc(workspaceId, async (doc) => ({
    roomKey: own ?? readRoomKey(doc),
    standing: anchor ? await standingIn(doc, workspaceId, anchor, signer) : ('unknown' as const),
  }));
  return { local: { exists: true, hosts, roomKey: read?.roomKey ?? own, anchor }, signer: read?.standing ?? 'unknown' };
}
