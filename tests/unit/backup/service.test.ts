import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { installTestVault } from '../vault/testVault';
import { createIdentity, loadIdentity, localRoomKey, trustedGenesisKey, useIdentity } from '../../../renderer/identity/identity';
import { createWorkspace, openWorkspace, type OpenWorkspace } from '../../../renderer/workspace/workspaceService';
import { useCurrentWorkspace } from '../../../renderer/workspace/useWorkspace';
import { getDb } from '../../../renderer/workspace/db';
import { addRecord } from '../../../shared/doc/collection';
import { metaOf, playbookOf } from '../../../shared/doc/workspaceDoc';
import { readLog } from '../../../shared/governance';
import type { AutoBackupControl } from '../../../renderer/platform';

// The platform of an Electron laptop with a backup folder, as the scheduler sees it.
const writes: Array<{ workspaceId: string; bytes: Uint8Array }> = [];
const control: AutoBackupControl = {
  settings: async () => ({ folder: '/backups', intervalMinutes: 10, keep: 24 }),
  chooseFolder: async () => ({ folder: '/backups', intervalMinutes: 10, keep: 24 }),
  configure: async () => ({ folder: '/backups', intervalMinutes: 10, keep: 24 }),
  write: async (r) => {
    writes.push(r);
    return { written: { name: `crisisroom-${r.workspaceId}-20260102T030405006.crisisroom`, workspaceId: r.workspaceId, size: r.bytes.length, at: Date.now() }, deleted: [] };
  },
  list: async () => [],
  read: async () => Promise.reject(new Error('not used')),
};
vi.mock('../../../renderer/platform', () => ({ getPlatform: () => ({ autoBackup: control }) }));

const { makeBackup, openFile, ownRecipients, restoreAsNew, needsPassphrase } = await import('../../../renderer/features/backup/backupService');
const { startAutoBackup } = await import('../../../renderer/features/backup/autoBackup');

let id: string;
let open: OpenWorkspace;

beforeAll(async () => {
  await installTestVault();
  await loadIdentity();
  await createIdentity({ name: 'Mei Lin', unit: 'Legal', phone: '', email: '' });
  const keys = useIdentity.getState().keys!;
  id = await createWorkspace({ name: 'Crisis room', language: 'en', creator: { keys, name: 'Mei Lin', unit: 'Legal' } });
  open = await openWorkspace(id);
  useCurrentWorkspace.setState({ current: open });
});
afterAll(() => open.close());

describe('backups on this laptop', () => {
  it('a backup sealed to this laptop opens without a passphrase and carries the room key', async () => {
    const { bytes } = await makeBackup(open.doc, id, { kind: 'workspace', protection: { members: ownRecipients(null) } });
    expect(needsPassphrase(bytes)).toBe(false);
    const file = await openFile(bytes, undefined);
    expect(file.manifest).toMatchObject({ kind: 'workspace', workspace: { id, name: 'Crisis room' }, exportedBy: { name: 'Mei Lin' } });
    expect(file.manifest.room?.key).toBe((await localRoomKey(id))?.roomKey);
  });

  it('restoring where the workspace exists makes a separate copy: new id, own room, own genesis', async () => {
    const { bytes } = await makeBackup(open.doc, id, { kind: 'workspace', protection: { members: ownRecipients(null) } });
    const restored = await restoreAsNew(await openFile(bytes, undefined), Date.UTC(2026, 0, 2));
    expect(restored).toMatchObject({ copy: true, name: 'Crisis room (2026-01-02)' });
    expect(restored.id).not.toBe(id);
    expect((await localRoomKey(restored.id))?.roomKey).not.toBe((await localRoomKey(id))?.roomKey);
    expect(await trustedGenesisKey(restored.id)).toBe(useIdentity.getState().keys!.publicKey);
    const copy = await openWorkspace(restored.id);
    expect(metaOf(copy.doc).get('name')).toBe('Crisis room (2026-01-02)');
    const geneses = readLog(copy.doc).filter((i) => i.payload?.kind === 'roster.genesis').map((i) => i.payload!.ws);
    expect(geneses.sort()).toEqual([id, restored.id].sort());
    copy.close();
  });

  it('restoring where it is not present keeps the original id and room key', async () => {
    const { bytes } = await makeBackup(open.doc, id, { kind: 'workspace', protection: { members: ownRecipients(null) } });
    const file = await openFile(bytes, undefined);
    const roomKey = (await localRoomKey(id))!.roomKey;
    // Another laptop: the same file, but no workspace of that id here.
    await getDb().workspaces.delete(id);
    const restored = await restoreAsNew(file);
    expect(restored).toMatchObject({ id, copy: false, name: 'Crisis room' });
    expect((await localRoomKey(id))?.roomKey).toBe(roomKey);
    expect(await getDb().workspaces.get(id)).toBeDefined();
  });
});

describe('automatic backups', () => {
  it('back up only after edits, once the interval has passed, sealed to this laptop', async () => {
    let now = 1_000_000;
    const stop = startAutoBackup(() => now, 10);
    const settle = () => new Promise((r) => setTimeout(r, 150));
    await settle();
    now += 11 * 60_000;
    await settle();
    expect(writes).toHaveLength(0); // no edits yet
    // An edit: more than the interval since the last backup (here: since the start), so now.
    addRecord(playbookOf(open.doc).principles, { text: 'Edited after the last backup' }, 'user');
    await vi.waitFor(() => expect(writes).toHaveLength(1), { timeout: 5000 });
    const file = await openFile(writes[0]!.bytes, undefined);
    expect(file.manifest.automatic).toBe(true);
    const restored = new Y.Doc();
    Y.applyUpdateV2(restored, file.payload, 'import');
    expect([...playbookOf(restored).principles.values()].some((r) => r.get('text') === 'Edited after the last backup')).toBe(true);
    // Another edit soon after: waits for the interval to pass since the last backup.
    addRecord(playbookOf(open.doc).principles, { text: 'Second edit' }, 'user');
    now += 5 * 60_000;
    await settle();
    expect(writes).toHaveLength(1);
    now += 6 * 60_000;
    await vi.waitFor(() => expect(writes).toHaveLength(2), { timeout: 5000 });
    // No edits since: no more backups.
    now += 30 * 60_000;
    await settle();
    expect(writes).toHaveLength(2);
    stop();
  });
});
