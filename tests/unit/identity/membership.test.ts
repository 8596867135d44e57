import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installTestVault } from '../vault/testVault';
import * as Y from 'yjs';
import { createIdentity, loadIdentity, trustedGenesisKey, trustGenesisKey, useIdentity } from '../../../renderer/identity/identity';
import { createWorkspace, openWorkspace } from '../../../renderer/workspace/workspaceService';
import { joinByInvite } from '../../../renderer/sync/inviteService';
import { getDb } from '../../../renderer/workspace/db';
import { encodeInvite } from '../../../shared/sync/invite';
import { generateRoomKey } from '../../../shared/sync/room';
import { deriveAdmissions, deriveGovernance, generateDeviceKeys, readLog, SignatureCache, type DeviceKeys } from '../../../shared/governance';

/** The governance of a workspace document, with every signature really verified. */
async function governanceOf(doc: Y.Doc, workspaceId: string, genesisKey: string) {
  const log = readLog(doc);
  const cache = new SignatureCache({ yieldToUi: () => Promise.resolve() });
  cache.request(log);
  await cache.settled();
  return deriveGovernance({ workspaceId, trustedGenesisKey: genesisKey, log, verdict: cache.verdict, now: Date.now() });
}

let me: DeviceKeys;
const opened: Array<{ close: () => void }> = [];
afterEach(() => opened.splice(0).forEach((w) => w.close()));

beforeAll(async () => {
  await installTestVault();
  await loadIdentity();
  expect(useIdentity.getState().status).toBe('none');
  await createIdentity({ name: '陳律師', unit: '外部律師事務所', phone: '', email: '' });
  expect(useIdentity.getState().status).toBe('ready');
  me = useIdentity.getState().keys!;
});

const open = async (id: string) => {
  const ws = await openWorkspace(id);
  opened.push(ws);
  return ws;
};

describe('creating a workspace', () => {
  it('writes the creator’s signed genesis with the seed and trusts the creator’s key', async () => {
    const id = await createWorkspace({ name: '產品召回 2026', language: 'zh-TW', creator: { keys: me, name: '陳律師', unit: '外部律師事務所' } });
    expect(await trustedGenesisKey(id)).toBe(me.publicKey);
    const ws = await open(id);
    const gov = await governanceOf(ws.doc, id, me.publicKey);
    expect(gov.roster.rejected).toEqual([]);
    expect(gov.roster.members.map((m) => [m.name, m.unit, m.roles, m.key])).toEqual([['陳律師', '外部律師事務所', ['owner'], me.publicKey]]);
    expect(gov.roster.genesis?.payload.ws).toBe(id);
  });

  it('without a creator (tests, imports) writes no genesis and trusts nobody', async () => {
    const id = await createWorkspace({ name: 'Legacy', language: 'en' });
    expect(await trustedGenesisKey(id)).toBeNull();
    expect(readLog((await open(id)).doc)).toEqual([]);
  });
});

describe('joining with an invite', () => {
  const inviteFor = async (id: string, genesisKey: string, admission?: { id: string; role: 'legal_approver' }, roomKey = generateRoomKey()) =>
    encodeInvite({ hosts: ['ws://10.0.0.2:4444/signal'], workspaceId: id, workspaceName: 'Recall', roomKey, genesisKey, ...(admission ? { admission } : {}) }, await generateDeviceKeys());

  it('trusts the invite’s creator key and signs a join request naming the admission', async () => {
    const owner = await generateDeviceKeys();
    const id = `ws-join-${Date.now()}`;
    const res = await joinByInvite(await inviteFor(id, owner.publicKey, { id: 'admission-0001', role: 'legal_approver' }), 'en');
    expect(res).toMatchObject({ status: 'joined', workspaceId: id, existed: false });
    expect(await trustedGenesisKey(id)).toBe(owner.publicKey);
    const ws = await open(id);
    const gov = await governanceOf(ws.doc, id, owner.publicKey);
    const adm = deriveAdmissions(gov);
    expect(adm.requests.map((r) => [r.payload.member.name, r.payload.member.unit, r.payload.member.key, r.payload.admissionId, r.state])).toEqual([
      ['陳律師', '外部律師事務所', me.publicKey, 'admission-0001', 'pending'],
    ]);
  });

  it('never replaces another trusted creator key silently: it reports the conflict and changes nothing until told to', async () => {
    const trusted = await generateDeviceKeys();
    const other = await generateDeviceKeys();
    const id = await createWorkspace({ name: 'Anchored', language: 'en' });
    await trustGenesisKey(id, trusted.publicKey);
    const code = await inviteFor(id, other.publicKey);
    const stored = () => getDb().table('$workspaces.doc_updates').where('k').equals(id).count();
    const before = await stored();
    const conflict = await joinByInvite(code, 'en');
    expect(conflict).toMatchObject({ status: 'review', workspaceId: id, review: { anchor: { trusted: trusted.publicKey, offered: other.publicKey }, choices: ['all'] } });
    expect(await trustedGenesisKey(id)).toBe(trusted.publicKey);
    expect(await stored()).toBe(before);
    await expect(trustGenesisKey(id, other.publicKey)).rejects.toThrow(/another creator key/);

    const replaced = await joinByInvite(code, 'en', { choice: 'all' });
    expect(replaced).toMatchObject({ status: 'joined', existed: true, applied: 'all' });
    expect(await trustedGenesisKey(id)).toBe(other.publicKey);
    // The request reached the stored workspace although it was not open.
    const gov = await governanceOf((await open(id)).doc, id, other.publicKey);
    expect(deriveAdmissions(gov).pending.map((r) => r.payload.member.key)).toEqual([me.publicKey]);
  });

  it('joining again with the same anchor just adds a new request', async () => {
    const owner = await generateDeviceKeys();
    const id = `ws-again-${Date.now()}`;
    const roomKey = generateRoomKey();
    await joinByInvite(await inviteFor(id, owner.publicKey, undefined, roomKey), 'en');
    const again = await joinByInvite(await inviteFor(id, owner.publicKey, undefined, roomKey), 'en');
    expect(again).toMatchObject({ status: 'joined', existed: true, applied: 'rejoin' });
    expect(readLog((await open(id)).doc)).toHaveLength(2);
  });
});
