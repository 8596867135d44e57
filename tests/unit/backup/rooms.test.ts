import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { installTestVault } from '../vault/testVault';
import { createIdentity, loadIdentity, useIdentity } from '../../../renderer/identity/identity';
import { createWorkspace, openWorkspace, type OpenWorkspace } from '../../../renderer/workspace/workspaceService';
import { useCurrentWorkspace } from '../../../renderer/workspace/useWorkspace';
import { getDb } from '../../../renderer/workspace/db';
import { flushEdits } from '../../../renderer/workspace/flush';
import { dropRoomDoc, openRoomDoc } from '../../../renderer/rooms/roomStore';
import { write } from '../../../shared/doc/origins';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { appendEntry, createCompartmentPayload, generateDeviceKeys, sealCompartmentKey, signEntry } from '../../../shared/governance';
import { encodeWorkspace, isBackupError, openBackup, readPayload, writeBackup, argon2idHere } from '../../../shared/backup';
import { generateRoomId, generateRoomSecret } from '../../../shared/rooms/items';
import { PASS, TEST_KDF } from './helpers';

vi.mock('../../../renderer/platform', () => ({ getPlatform: () => ({}) }));
const { makeBackup, openFile, restoreAsNew, applyImport } = await import('../../../renderer/features/backup/backupService');

/**
 * Restricted rooms in whole-workspace backups: a member restores the room; a non-member with the
 * same file and passphrase gets the workspace and not one byte of the room; an altered room
 * section is refused before anything is written; a file made before rooms existed still imports.
 */

const MARKER = 'Board-only: the acquisition talks';
const ROOM = generateRoomId();
const protection = { passphrase: PASS, kdf: TEST_KDF, derive: argon2idHere };
let id: string;
let open: OpenWorkspace | null;
let mei: NonNullable<ReturnType<typeof useIdentity.getState>['keys']>;

const roomText = async (): Promise<string | null> => {
  if (!(await getDb().compartments.get(ROOM))) return null;
  const room = await openRoomDoc(id, ROOM);
  const text = room.doc.getText('t').toString();
  room.close();
  return text;
};

/** Another laptop: neither the workspace nor the room is stored here. */
async function forgetAll(): Promise<void> {
  open?.close();
  open = null;
  useCurrentWorkspace.setState({ current: null });
  if (await getDb().compartments.get(ROOM)) await dropRoomDoc(ROOM);
  await getDb().workspaces.delete(id);
}

beforeAll(async () => {
  await installTestVault();
  await loadIdentity();
  await createIdentity({ name: 'Mei Lin', unit: 'Legal', phone: '', email: '' });
  mei = useIdentity.getState().keys!;
  id = await createWorkspace({ name: 'Crisis room', language: 'en', creator: { keys: mei, name: 'Mei Lin', unit: 'Legal' } });
  open = await openWorkspace(id);
  useCurrentWorkspace.setState({ current: open });
  // An owner's restricted room with Mei as its only member, as renderer/rooms/actions.ts signs it.
  const doc = open.doc;
  appendEntry(doc, await signEntry(mei, createCompartmentPayload({ workspaceId: id, compartmentId: ROOM, name: 'Board' })), 'user');
  const keyPayload = await sealCompartmentKey({ workspaceId: id, compartmentId: ROOM, keyId: generateRoomId(), roomKey: generateRoomSecret(), recipients: [{ key: mei.publicKey, agreementKey: mei.agreementKey }] });
  appendEntry(doc, await signEntry(mei, keyPayload), 'user');
  const room = await openRoomDoc(id, ROOM);
  write(room.doc, 'user', () => room.doc.getText('t').insert(0, MARKER));
  await flushEdits();
  room.close();
});
afterAll(() => open?.close());

const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text));

describe('restricted rooms in whole-workspace backups', () => {
  let bytes: Uint8Array;

  it('a member exports the room as its own sealed section and restores it on a fresh laptop', async () => {
    ({ bytes } = await makeBackup(open!.doc, id, { kind: 'workspace', protection }));
    expect(has(bytes, MARKER)).toBe(false);
    await forgetAll();
    expect(await roomText()).toBeNull();
    const file = await openFile(bytes, PASS);
    expect(file.manifest.rooms).toEqual([{ id: ROOM, bytes: expect.any(Number) }]);
    expect(file.rooms.map((r) => r.id)).toEqual([ROOM]);
    expect(file.roomsSkipped).toBe(0);
    const restored = await restoreAsNew(file);
    expect(restored).toMatchObject({ id, copy: false, rooms: 1 });
    expect(await roomText()).toBe(MARKER);
  });

  it('a non-member with the same file and passphrase gets the workspace and no room bytes', async () => {
    await forgetAll();
    const bo = await generateDeviceKeys();
    useIdentity.setState({ keys: bo });
    try {
      const file = await openFile(bytes, PASS);
      expect(file.rooms).toEqual([]);
      expect(file.roomsSkipped).toBe(1);
      // Nothing they decrypted holds the room's text: not the workspace part, not the manifest.
      expect(has(file.payload, MARKER)).toBe(false);
      expect(JSON.stringify(file.manifest)).not.toContain(MARKER);
      const ws = new Y.Doc();
      Y.applyUpdateV2(ws, file.payload, 'import');
      expect(JSON.stringify(ws.toJSON())).not.toContain(MARKER);
      ws.destroy();
      const restored = await restoreAsNew(file);
      expect(restored).toMatchObject({ id, rooms: 0 });
      expect(await getDb().workspaces.get(id)).toBeDefined();
      expect(await getDb().compartments.get(ROOM)).toBeUndefined();
      expect(await getDb().compartments.count()).toBe(0);
    } finally {
      useIdentity.setState({ keys: mei });
    }
  });

  it('an altered room section is refused with a clear error and nothing changes', async () => {
    // Someone holding the passphrase rebuilds the file around a changed room section.
    const opened = await openBackup(bytes, { passphrase: PASS, derive: argon2idHere });
    const payload = (await readPayload(opened, undefined, async () => {})).slice();
    payload[payload.length - 5]! ^= 0x01;
    const { format: _f, payload: _p, ...manifest } = opened.manifest;
    const altered = await writeBackup({ manifest, payload, protection, pause: async () => {} });
    await forgetAll();
    const before = { ws: await getDb().workspaces.count(), rooms: await getDb().compartments.count() };
    const err = await openFile(altered, PASS).catch((e: unknown) => e);
    expect(isBackupError(err) && err.code).toBe('damagedRoom');
    expect({ ws: await getDb().workspaces.count(), rooms: await getDb().compartments.count() }).toEqual(before);
    expect(await getDb().workspaces.get(id)).toBeUndefined();
  });

  it('merging a file into the open workspace merges the room as a CRDT: both edits kept', async () => {
    await forgetAll();
    await restoreAsNew(await openFile(bytes, PASS));
    open = await openWorkspace(id);
    useCurrentWorkspace.setState({ current: open });
    const room = await openRoomDoc(id, ROOM);
    write(room.doc, 'user', () => room.doc.getText('t').insert(0, 'Local: '));
    await flushEdits();
    room.close();
    // The file from before the local edit: both edits are kept.
    await applyImport(open.doc, id, await openFile(bytes, PASS));
    expect(await roomText()).toBe(`Local: ${MARKER}`);
  });

  it('a file made before restricted rooms (no rooms section) still opens, restores and merges', async () => {
    const doc = open!.doc;
    const old = await writeBackup({
      manifest: {
        kind: 'workspace',
        workspace: { id, name: String(metaOf(doc).get('name')) },
        exportedBy: { name: 'Mei Lin', key: mei.publicKey, fingerprint: 'x' },
        exportedAt: 1_760_000_000_000,
        automatic: false,
        appVersion: '0.1.0',
        schemaVersion: 1,
        counts: {},
      },
      payload: encodeWorkspace(doc),
      protection,
      pause: async () => {},
    });
    const file = await openFile(old, PASS);
    expect(file.manifest.rooms).toBeUndefined();
    expect(file).toMatchObject({ rooms: [], roomsSkipped: 0 });
    await applyImport(doc, id, file);
    await forgetAll();
    expect(await restoreAsNew(await openFile(old, PASS))).toMatchObject({ id, copy: false, rooms: 0 });
  });
});
