import * as Y from 'yjs';
import { decodeWorkspace, openRoomSections, sealRoomSection, splitPayload, verifiedRoomMembers, type BackupManifest } from '../../../shared/backup';
import { write } from '../../../shared/doc/origins';
import { readLog } from '../../../shared/governance';
import { trustedGenesisKey, useIdentity } from '../../identity/identity';
import { openRoomDoc, storedRoomIds } from '../../rooms/roomStore';
import { useRooms } from '../../rooms/roomService';
import { useCurrentWorkspace } from '../../workspace/useWorkspace';
import { flushEdits } from '../../workspace/flush';

/**
 * Restricted rooms in whole-workspace backups on this laptop (format: shared/backup/rooms.ts).
 * Export: one section per room this laptop's person is a member of per the verified log (and
 * whose copy is stored here), sealed to the room's current members. Import: only the sections the
 * importing person can open — a member per the verified log at import time — are decrypted;
 * restoring or merging one is a CRDT merge into the room's stored document (origin 'import').
 */

/** The open document of room `id` while the room service has it open, else null. */
function liveRoomDoc(workspaceId: string, id: string): Y.Doc | null {
  const state = useRooms.getState();
  return state.workspaceId === workspaceId ? (state.rooms[id]?.doc ?? null) : null;
}

/** The key that signed the workspace's genesis entry in `doc`, if any. */
export function genesisKeyOf(doc: Y.Doc, workspaceId: string): string | undefined {
  for (const item of readLog(doc)) {
    if (item.payload?.kind === 'roster.genesis' && item.payload.ws === workspaceId) return item.payload.by;
  }
  return undefined;
}

/** Sections for the restricted rooms of `doc` this person is a member of (empty when none). */
export async function roomSectionsForExport(doc: Y.Doc, workspaceId: string): Promise<Array<{ id: string; bytes: Uint8Array }>> {
  const me = useIdentity.getState().keys?.publicKey;
  const anchor = await trustedGenesisKey(workspaceId).catch(() => null);
  if (!me || !anchor) return [];
  const members = await verifiedRoomMembers(doc, workspaceId, anchor);
  const out: Array<{ id: string; bytes: Uint8Array }> = [];
  for (const id of await storedRoomIds(workspaceId)) {
    const recipients = members.get(id) ?? [];
    if (!recipients.some((r) => r.key === me)) continue;
    let update: Uint8Array;
    const live = liveRoomDoc(workspaceId, id);
    if (live) update = Y.encodeStateAsUpdateV2(live);
    else {
      const opened = await openRoomDoc(workspaceId, id);
      update = Y.encodeStateAsUpdateV2(opened.doc);
      opened.close();
    }
    out.push({ id, bytes: await sealRoomSection(workspaceId, { id, update, recipients }) });
  }
  return out;
}

export interface OpenedRooms {
  /** The workspace part of the payload. */
  workspace: Uint8Array;
  rooms: Array<{ id: string; update: Uint8Array }>;
  /** Room sections not opened: the importing person is not a member. */
  skipped: number;
}

/**
 * Splits a payload and opens the room sections this person may open. Membership comes from the
 * verified log at import time: the file's log, with the open workspace's when it is the same
 * one, anchored at this laptop's trusted creator key (else the file's genesis signer).
 * Throws damagedRoom for an altered section: nothing is opened or written then.
 */
export async function openRoomsOf(manifest: BackupManifest, payload: Uint8Array): Promise<OpenedRooms> {
  const { workspace, sections } = splitPayload(manifest, payload);
  if (sections.length === 0) return { workspace, rooms: [], skipped: 0 };
  const wsId = manifest.workspace.id;
  const keys = useIdentity.getState().keys;
  const doc = decodeWorkspace(workspace);
  try {
    const current = useCurrentWorkspace.getState().current;
    if (current?.id === wsId) write(doc, 'import', () => Y.applyUpdateV2(doc, Y.encodeStateAsUpdateV2(current.doc), 'import'));
    const anchor = (await trustedGenesisKey(wsId).catch(() => null)) ?? genesisKeyOf(doc, wsId);
    const members = anchor ? await verifiedRoomMembers(doc, wsId, anchor) : new Map();
    const me = keys ? { key: keys.publicKey, agreementPrivateKey: keys.agreement.privateKey } : null;
    return { workspace, ...(await openRoomSections(wsId, sections, members, me)) };
  } finally {
    doc.destroy();
  }
}

/** Merges opened room states into their stored documents (created when new), origin 'import'. */
export async function mergeRooms(workspaceId: string, rooms: ReadonlyArray<{ id: string; update: Uint8Array }>): Promise<void> {
  for (const room of rooms) {
    const live = liveRoomDoc(workspaceId, room.id);
    if (live) {
      write(live, 'import', () => Y.applyUpdateV2(live, room.update, 'import'));
      continue;
    }
    const opened = await openRoomDoc(workspaceId, room.id);
    try {
      write(opened.doc, 'import', () => Y.applyUpdateV2(opened.doc, room.update, 'import'));
      await flushEdits();
    } finally {
      opened.close();
    }
  }
}
