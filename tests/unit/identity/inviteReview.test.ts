import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { installTestVault } from '../vault/testVault';
import { createIdentity, loadIdentity, localRoomKey, trustedGenesisKey, useIdentity } from '../../../renderer/identity/identity';
import { createWorkspace, openWorkspace } from '../../../renderer/workspace/workspaceService';
import { joinByInvite } from '../../../renderer/sync/inviteService';
import { useSyncSettings } from '../../../renderer/sync/syncSettings';
import { getDb } from '../../../renderer/workspace/db';
import { encodeInvite } from '../../../shared/sync/invite';
import { generateRoomKey } from '../../../shared/sync/room';
import { generateDeviceKeys, type DeviceKeys } from '../../../shared/governance';

// The service side of the change-of-host/key warning: an invite for a workspace already on this
// laptop that would change its hosts or room key changes nothing until the person chooses.

let me: DeviceKeys;
beforeAll(async () => {
  await installTestVault();
  await loadIdentity();
  await createIdentity({ name: 'Mei Lin', unit: 'PR', phone: '', email: '' });
  me = useIdentity.getState().keys!;
});

const HOME = 'ws://192.168.1.20:4444/signal';
const ELSEWHERE = 'ws://10.66.6.6:4444/signal';

async function myWorkspace() {
  const id = await createWorkspace({ name: 'Recall', language: 'en', creator: { keys: me, name: 'Mei Lin', unit: 'PR' } });
  const ws = await openWorkspace(id);
  // The room key stays on this laptop, never in the document.
  const roomKey = (await localRoomKey(id))!.roomKey;
  ws.close();
  useSyncSettings.getState().setHosts(id, [HOME]);
  return { id, roomKey };
}
const stored = (id: string) => getDb().table('$workspaces.doc_updates').where('k').equals(id).count();
const snapshot = async (id: string) => ({ hosts: useSyncSettings.getState().hosts[id], key: await localRoomKey(id), anchor: await trustedGenesisKey(id), updates: await stored(id) });

describe('an invite for a workspace already on this laptop', () => {
  it('with other hosts: changes nothing, says what would change and who signed; then only what was chosen', async () => {
    const { id, roomKey } = await myWorkspace();
    const before = await snapshot(id);
    const code = await encodeInvite({ hosts: [ELSEWHERE], workspaceId: id, workspaceName: 'Recall', roomKey, genesisKey: me.publicKey }, me);
    const res = await joinByInvite(code, 'en');
    expect(res).toMatchObject({
      status: 'review',
      review: { hosts: { before: [HOME], after: [ELSEWHERE], changed: true }, keyChanged: false, anchor: null, signer: { key: me.publicKey, standing: 'owner' }, choices: ['hosts'] },
    });
    expect(await snapshot(id)).toEqual(before);

    const applied = await joinByInvite(code, 'en', { choice: 'hosts' });
    expect(applied).toMatchObject({ status: 'joined', existed: true, applied: 'hosts' });
    const after = await snapshot(id);
    expect(after).toMatchObject({ hosts: [ELSEWHERE], key: { roomKey, rekeyId: null }, anchor: me.publicKey });
    expect(after.updates).toBe(before.updates + 1); // the join request
  });

  it('with another room key, signed by a key not in the roster: only the deliberate "take it all" choice applies it', async () => {
    const { id } = await myWorkspace();
    const stranger = await generateDeviceKeys();
    const theirs = generateRoomKey();
    const code = await encodeInvite({ hosts: [ELSEWHERE], workspaceId: id, workspaceName: 'Recall', roomKey: theirs, genesisKey: me.publicKey }, stranger);
    const before = await snapshot(id);
    const res = await joinByInvite(code, 'en');
    expect(res).toMatchObject({ status: 'review', review: { keyChanged: true, hosts: { changed: true }, signer: { standing: 'notMember' }, choices: ['all'] } });
    await expect(joinByInvite(code, 'en', { choice: 'hosts' })).rejects.toThrow('invite.errors.choice');
    expect(await snapshot(id)).toEqual(before);

    await joinByInvite(code, 'en', { choice: 'all' });
    expect(await snapshot(id)).toMatchObject({ hosts: [ELSEWHERE], key: { roomKey: theirs, rekeyId: null }, anchor: me.publicKey });
  });

  it('that changes nothing only adds the join request', async () => {
    const { id, roomKey } = await myWorkspace();
    const before = await snapshot(id);
    const code = await encodeInvite({ hosts: [HOME], workspaceId: id, workspaceName: 'Recall', roomKey, genesisKey: me.publicKey }, me);
    expect(await joinByInvite(code, 'en')).toMatchObject({ status: 'joined', applied: 'rejoin' });
    expect(await snapshot(id)).toEqual({ ...before, updates: before.updates + 1 });
  });
});
