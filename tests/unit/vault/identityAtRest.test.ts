import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIdentity, loadIdentity, localRoomKey, setLocalRoomKey, trustGenesisKey, trustedGenesisKey, useIdentity } from '../../../renderer/identity/identity';
import { installTestVault } from './testVault';

beforeAll(async () => {
  await installTestVault();
});

async function rawStore(store: string): Promise<unknown[]> {
  const idb = await new Promise<IDBDatabase>((res, rej) => {
    const r = indexedDB.open('crisis-room-identity');
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const rows = await new Promise<unknown[]>((res) => {
    const r = idb.transaction(store).objectStore(store).getAll();
    r.onsuccess = () => res(r.result as unknown[]);
  });
  idb.close();
  return rows;
}

const dump = (v: unknown): string =>
  v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v && typeof v === 'object' ? Object.entries(v).map(([k, x]) => `${k}=${dump(x)}`).join('|') : String(v);

describe('identity at rest', () => {
  it('stores the profile, the device keys, trust anchors and room keys only sealed; reads them back', async () => {
    await createIdentity({ name: '王小明 Wang Secret', unit: '法務 Legal', phone: '0912-345-678', email: 'wang@example.com' });
    const keys = useIdentity.getState().keys!;
    expect((keys.signing.privateKey as CryptoKey).extractable).toBe(false);
    await trustGenesisKey('ws-a', 'GENESIS-KEY-abc');
    await setLocalRoomKey('ws-a', { roomKey: 'ROOMKEY-very-secret-123', rekeyId: null });

    const device = await rawStore('device');
    expect(Object.keys(device[0] as object).sort()).toEqual(['c', 'id']);
    const text = dump(device) + dump(await rawStore('trust')) + dump(await rawStore('rooms'));
    for (const secret of ['王小明', 'Wang', 'Legal', '0912', 'wang@example', 'GENESIS-KEY', 'ROOMKEY', 'privateKey']) expect(text).not.toContain(secret);

    // A fresh load (as after a restart) gets the same person and keys back.
    useIdentity.setState({ status: 'loading', profile: null, keys: null });
    await loadIdentity();
    expect(useIdentity.getState().profile?.name).toBe('王小明 Wang Secret');
    expect(useIdentity.getState().keys?.publicKey).toBe(keys.publicKey);
    expect(await trustedGenesisKey('ws-a')).toBe('GENESIS-KEY-abc');
    expect(await localRoomKey('ws-a')).toEqual({ roomKey: 'ROOMKEY-very-secret-123', rekeyId: null });
  });
});
