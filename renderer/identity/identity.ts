import { Dexie, type EntityTable } from 'dexie';
import { create } from 'zustand';
import { z } from 'zod';
import { deviceKeysOf, generateDeviceKeys, keyFingerprint, type DeviceKeys, type KeyFingerprint } from '../../shared/governance';
import { useSession } from '../session/sessionStore';

/**
 * Who uses this laptop: the person's profile and the device's key pairs (Ed25519 to sign, X25519
 * for key agreement). The private keys are WebCrypto keys made non-extractable and kept in
 * IndexedDB as CryptoKey objects: the renderer can use them, never read them out. The profile is
 * set at first start and changed only in Settings; no other form changes who you are.
 * Also keeps, per workspace, the key this laptop trusts as the workspace's creator (the anchor
 * of its roster), taken when it created the workspace or from the invite it joined with.
 */

export const ProfileSchema = z.strictObject({
  name: z.string().trim().min(1, 'nameRequired').max(80, 'nameTooLong'),
  unit: z.string().trim().max(80, 'unitTooLong'),
  phone: z.string().trim().max(40, 'phoneTooLong'),
  email: z.union([z.literal(''), z.string().trim().max(120, 'emailTooLong').email('emailInvalid')]),
});
export type Profile = z.infer<typeof ProfileSchema>;

interface DeviceRow {
  id: 'self';
  signing: CryptoKeyPair;
  agreement: CryptoKeyPair;
  profile: Profile;
  createdAt: number;
}

interface TrustRow {
  workspaceId: string;
  genesisKey: string;
  at: number;
}

class IdentityDb extends Dexie {
  device!: EntityTable<DeviceRow, 'id'>;
  trust!: EntityTable<TrustRow, 'workspaceId'>;
  constructor() {
    super('crisis-room-identity');
    this.version(1).stores({ device: 'id', trust: 'workspaceId' });
  }
}

let db: IdentityDb | null = null;
const idb = () => (db ??= new IdentityDb());

export interface IdentityState {
  status: 'loading' | 'none' | 'ready' | 'error';
  error: string | null;
  profile: Profile | null;
  keys: DeviceKeys | null;
  fingerprint: KeyFingerprint | null;
}

export const useIdentity = create<IdentityState>(() => ({ status: 'loading', error: null, profile: null, keys: null, fingerprint: null }));

function publish(row: DeviceRow, keys: DeviceKeys): void {
  useIdentity.setState({ status: 'ready', error: null, profile: row.profile, keys, fingerprint: keyFingerprint(keys.publicKey) });
  // The display name everything else shows and records comes from the profile only.
  useSession.setState({ userName: row.profile.name });
}

/** Reads this laptop's identity (call once at start). */
export async function loadIdentity(): Promise<void> {
  try {
    const row = await idb().device.get('self');
    if (!row) {
      useIdentity.setState({ status: 'none', error: null });
      return;
    }
    publish(row, await deviceKeysOf(row.signing, row.agreement));
  } catch (err) {
    useIdentity.setState({ status: 'error', error: (err as Error).message });
  }
}

/** First start: stores the profile and makes this device's key pairs. */
export async function createIdentity(profile: Profile): Promise<void> {
  const clean = ProfileSchema.parse(profile);
  if (await idb().device.get('self')) throw new Error('This laptop already has an identity: change it in Settings');
  const keys = await generateDeviceKeys();
  const row: DeviceRow = { id: 'self', signing: keys.signing, agreement: keys.agreement, profile: clean, createdAt: Date.now() };
  await idb().device.add(row);
  publish(row, keys);
}

/** Settings: changes the profile (the keys stay). */
export async function updateProfile(profile: Profile): Promise<void> {
  const clean = ProfileSchema.parse(profile);
  const row = await idb().device.get('self');
  if (!row) throw new Error('No identity on this laptop yet');
  const next = { ...row, profile: clean };
  await idb().device.put(next);
  publish(next, useIdentity.getState().keys ?? (await deviceKeysOf(row.signing, row.agreement)));
}

/** The creator key this laptop trusts for a workspace, if any. */
export async function trustedGenesisKey(workspaceId: string): Promise<string | null> {
  return (await idb().trust.get(workspaceId))?.genesisKey ?? null;
}

/**
 * Records which creator key this laptop trusts for a workspace. An existing, different anchor is
 * never replaced silently: the caller must pass `replace` after the person chose to.
 */
export async function trustGenesisKey(workspaceId: string, genesisKey: string, replace = false): Promise<void> {
  const existing = await idb().trust.get(workspaceId);
  if (existing && existing.genesisKey !== genesisKey && !replace) throw new Error('This workspace is already anchored to another creator key');
  await idb().trust.put({ workspaceId, genesisKey, at: Date.now() });
}
