import { useEffect } from 'react';
import { Dexie, type EntityTable } from 'dexie';
import { create } from 'zustand';
import { z } from 'zod';
import { deviceKeysOf, keyFingerprint, type DeviceKeys, type KeyFingerprint } from '../../shared/governance';
import { useSession } from '../session/sessionStore';
import { ensureDataKey, getVault, IDENTITY_SCOPE } from '../vault';
import { legacyDbExists, migrateLegacyDb } from '../workspace/migrate';
import { makeDeviceSecrets, importDeviceSecrets, openJson, sealJson, type DeviceSecrets } from './identityCrypto';

/**
 * Who uses this laptop: the person's profile and the device's key pairs (Ed25519 to sign, X25519
 * for key agreement). Everything is stored encrypted (renderer/vault): the profile and the
 * private keys (PKCS#8, sealed with the '$identity' data key) in one field; at unlock the private
 * keys are imported as non-extractable WebCrypto keys, which the renderer can use, never read
 * out. (Keys made before encryption were stored by the browser as non-extractable CryptoKey
 * objects; they cannot be exported, so they stay as they are — their profile is encrypted.)
 * The profile is set at first start and changed only in Settings; no other form changes who you are.
 * Also keeps, per workspace, the key this laptop trusts as the workspace's creator (the anchor
 * of its roster), taken when it created the workspace or from the invite it joined with.
 */

export const ProfileSchema = z.strictObject({
  name: z.string().trim().min(1, 'nameRequired').max(80, 'nameTooLong'),
  unit: z.string().trim().max(80, 'unitTooLong'),
  phone: z.string().trim().max(40, 'phoneTooLong'),
  email: z
    .string()
    .trim()
    .max(120, 'emailTooLong')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'emailInvalid'),
});
/** Why a profile field was refused: each is an i18n key under `app:profile.errors`. */
export type ProfileError = 'nameRequired' | 'nameTooLong' | 'unitTooLong' | 'phoneTooLong' | 'emailTooLong' | 'emailInvalid';
export type ProfileField = keyof z.infer<typeof ProfileSchema>;

/** Checks a profile as typed: the cleaned profile, or one error code per field that failed. */
export function checkProfile(input: Record<ProfileField, string>): { ok: true; profile: Profile } | { ok: false; errors: Partial<Record<ProfileField, ProfileError>> } {
  const r = ProfileSchema.safeParse(input);
  if (r.success) return { ok: true, profile: r.data };
  const errors: Partial<Record<ProfileField, ProfileError>> = {};
  for (const issue of r.error.issues) {
    const field = issue.path[0] as ProfileField;
    errors[field] ??= (PROFILE_ERRORS as readonly string[]).includes(issue.message) ? (issue.message as ProfileError) : FALLBACK_ERROR[field];
  }
  return { ok: false, errors };
}
const PROFILE_ERRORS: readonly ProfileError[] = ['nameRequired', 'nameTooLong', 'unitTooLong', 'phoneTooLong', 'emailTooLong', 'emailInvalid'];
const FALLBACK_ERROR: Record<ProfileField, ProfileError> = { name: 'nameRequired', unit: 'unitTooLong', phone: 'phoneTooLong', email: 'emailInvalid' };
export type Profile = z.infer<typeof ProfileSchema>;

/** What the device row holds, sealed (`c`). */
interface DeviceSecret {
  profile: Profile;
  createdAt: number;
  keys?: DeviceSecrets;
}

interface DeviceRow {
  id: 'self';
  /** Sealed {@link DeviceSecret}. */
  c?: Uint8Array;
  /** Keys from before encryption (non-extractable CryptoKeys, cannot be sealed). */
  signing?: CryptoKeyPair;
  agreement?: CryptoKeyPair;
  /** Before encryption only. */
  profile?: Profile;
  createdAt?: number;
}

/** Trust and room rows: the workspace id in clear, the rest sealed with the workspace's data key. */
interface SealedRow {
  workspaceId: string;
  c?: Uint8Array;
}
interface TrustRow extends SealedRow {
  genesisKey?: string;
  at?: number;
}

/**
 * The room key this laptop uses for a workspace instead of the one in the workspace's meta:
 * taken from an invite, or opened from a rotation sealed to this laptop. A rotation keeps the
 * new key here and never writes it to the shared document, which a removed member may still
 * be receiving while the others move.
 */
export interface LocalRoomKey {
  roomKey: string;
  /** The rotation it came from (null: from an invite). */
  rekeyId: string | null;
}

interface RoomRow extends SealedRow, Partial<LocalRoomKey> {
  at?: number;
}

class IdentityDb extends Dexie {
  device!: EntityTable<DeviceRow, 'id'>;
  trust!: EntityTable<TrustRow, 'workspaceId'>;
  rooms!: EntityTable<RoomRow, 'workspaceId'>;
  constructor() {
    super('crisis-room-identity');
    this.version(1).stores({ device: 'id', trust: 'workspaceId' });
    this.version(2).stores({ device: 'id', trust: 'workspaceId', rooms: 'workspaceId' });
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

function publish(profile: Profile, keys: DeviceKeys): void {
  useIdentity.setState({ status: 'ready', error: null, profile, keys, fingerprint: keyFingerprint(keys.publicKey) });
  // The display name everything else shows and records comes from the profile only.
  useSession.setState({ userName: profile.name });
}

const DEVICE_AAD = 'identity|device|self';

/** The device row's content, sealed again (a row from before encryption is rewritten). */
async function readDevice(readEarlier?: DeviceRow): Promise<{ secret: DeviceSecret; row: DeviceRow } | null> {
  const row = readEarlier ?? (await idb().device.get('self'));
  if (!row) return null;
  if (row.c) return { secret: openJson<DeviceSecret>(IDENTITY_SCOPE, DEVICE_AAD, row.c), row };
  // From before encryption: seal the profile, keep the (unexportable) key objects.
  const secret: DeviceSecret = { profile: row.profile!, createdAt: row.createdAt ?? Date.now() };
  const next: DeviceRow = { id: 'self', c: sealJson(IDENTITY_SCOPE, DEVICE_AAD, secret), signing: row.signing, agreement: row.agreement };
  await idb().device.put(next);
  return { secret, row: next };
}

async function keysOf(secret: DeviceSecret, row: DeviceRow): Promise<DeviceKeys> {
  if (secret.keys) return importDeviceSecrets(secret.keys);
  if (row.signing && row.agreement) return deviceKeysOf(row.signing, row.agreement);
  throw new Error('this laptop\'s device keys are missing');
}

/** Reads this laptop's identity (call once at start; waits until the vault is unlocked). */
export async function loadIdentity(): Promise<void> {
  // What needs no key starts at once, while the vault unlocks (the first screen waits for the
  // identity; issue 14, bench P13): the identity database opened and its row read (sealed), and
  // the plaintext database of an older version looked for.
  const stored = idb().device.get('self');
  const legacy = legacyDbExists();
  // A failure is reported where they are awaited below, not as unhandled meanwhile.
  stored.catch(() => {});
  legacy.catch(() => {});
  try {
    await getVault().whenUnlocked();
    await ensureDataKey(IDENTITY_SCOPE);
    if (await legacy) await migrateLegacyDb();
    // A row read before the unlock is used as is; none then is looked for again (the first-start
    // form may have created it meanwhile: its 'none' would show the form again).
    const found = await readDevice(await stored);
    if (!found) {
      // The first-start form unlocks the vault and makes the identity at once: while it does, or
      // once it has (never step back from 'ready'), the form is not shown again.
      if (useIdentity.getState().status === 'loading' && creating === 0) useIdentity.setState({ status: 'none', error: null });
      return;
    }
    publish(found.secret.profile, await keysOf(found.secret, found.row));
  } catch (err) {
    useIdentity.setState({ status: 'error', error: (err as Error).message });
  }
}

/** createIdentity calls under way (loadIdentity leaves 'loading' to them). */
let creating = 0;

/** First start: stores the profile and makes this device's key pairs. */
export async function createIdentity(profile: Profile): Promise<void> {
  const clean = ProfileSchema.parse(profile);
  creating++;
  try {
    await ensureDataKey(IDENTITY_SCOPE);
    if (await idb().device.get('self')) throw new Error('This laptop already has an identity: change it in Settings');
    const secrets = await makeDeviceSecrets();
    const keys = await importDeviceSecrets(secrets);
    const row: DeviceRow = { id: 'self', c: sealJson(IDENTITY_SCOPE, DEVICE_AAD, { profile: clean, createdAt: Date.now(), keys: secrets } satisfies DeviceSecret) };
    await idb().device.add(row);
    publish(clean, keys);
  } catch (err) {
    // The form stays (with its error) rather than a "loading" that would never end.
    if (useIdentity.getState().status === 'loading') useIdentity.setState({ status: 'none', error: null });
    throw err;
  } finally {
    creating--;
  }
}

/** Settings: changes the profile (the keys stay). */
export async function updateProfile(profile: Profile): Promise<void> {
  const clean = ProfileSchema.parse(profile);
  const found = await readDevice();
  if (!found) throw new Error('No identity on this laptop yet');
  const next: DeviceRow = { ...found.row, c: sealJson(IDENTITY_SCOPE, DEVICE_AAD, { ...found.secret, profile: clean }) };
  await idb().device.put(next);
  publish(clean, useIdentity.getState().keys ?? (await keysOf(found.secret, found.row)));
}

/** A trust or room row's content: sealed with the workspace's data key (null: none, or shredded). */
async function readSealed<T extends object>(table: 'trust' | 'rooms', workspaceId: string): Promise<T | null> {
  const row = (await idb()[table].get(workspaceId)) as (SealedRow & Record<string, unknown>) | undefined;
  if (!row) return null;
  if (!row.c) {
    // From before encryption: seal it now.
    const { workspaceId: _id, ...plain } = row;
    void _id;
    await writeSealed(table, workspaceId, plain);
    return plain as T;
  }
  const vault = getVault();
  if (!vault.hasDataKey(workspaceId) && vault.isShredded(workspaceId)) return null;
  return openJson<T>(workspaceId, `identity|${table}|${workspaceId}`, row.c);
}

async function writeSealed(table: 'trust' | 'rooms', workspaceId: string, value: object): Promise<void> {
  await ensureDataKey(workspaceId);
  await idb()[table].put({ workspaceId, c: sealJson(workspaceId, `identity|${table}|${workspaceId}`, value) });
}

/**
 * Trust anchors read or written in this session (workspace id → creator key, null: none), so
 * the UI learns at once when a workspace gets its anchor (created, joined, claimed).
 */
export const useTrustAnchors = create<{ byWorkspace: Readonly<Record<string, string | null>> }>(() => ({ byWorkspace: {} }));

const remember = (workspaceId: string, key: string | null): void =>
  useTrustAnchors.setState((s) => (s.byWorkspace[workspaceId] === key ? s : { byWorkspace: { ...s.byWorkspace, [workspaceId]: key } }));

/** The creator key this laptop trusts for a workspace, if any. */
export async function trustedGenesisKey(workspaceId: string): Promise<string | null> {
  const key = (await readSealed<{ genesisKey: string }>('trust', workspaceId))?.genesisKey ?? null;
  remember(workspaceId, key);
  return key;
}

/**
 * Records which creator key this laptop trusts for a workspace. An existing, different anchor is
 * never replaced silently: the caller must pass `replace` after the person chose to.
 */
export async function trustGenesisKey(workspaceId: string, genesisKey: string, replace = false): Promise<void> {
  const existing = await readSealed<{ genesisKey: string }>('trust', workspaceId);
  if (existing && existing.genesisKey !== genesisKey && !replace) throw new Error('This workspace is already anchored to another creator key');
  await writeSealed('trust', workspaceId, { genesisKey, at: Date.now() });
  remember(workspaceId, genesisKey);
}

/**
 * The anchor of `workspaceId` for React: `undefined` while it is being read, `null` when this
 * laptop trusts no creator key for it.
 */
export function useTrustedGenesisKey(workspaceId: string | null): string | null | undefined {
  const known = useTrustAnchors((s) => (workspaceId ? s.byWorkspace[workspaceId] : null));
  const loaded = useTrustAnchors((s) => (workspaceId ? workspaceId in s.byWorkspace : true));
  useEffect(() => {
    if (workspaceId && !loaded) void trustedGenesisKey(workspaceId).catch(() => remember(workspaceId, null));
  }, [workspaceId, loaded]);
  return loaded ? (known ?? null) : undefined;
}

/** Local room keys read or written in this session (workspace id → key, null: none, the meta's key applies). */
export const useRoomKeys = create<{ byWorkspace: Readonly<Record<string, LocalRoomKey | null>> }>(() => ({ byWorkspace: {} }));

const rememberRoom = (workspaceId: string, key: LocalRoomKey | null): void =>
  useRoomKeys.setState((s) => ({ byWorkspace: { ...s.byWorkspace, [workspaceId]: key } }));

/** This laptop's own room key for a workspace, if it has one (else the workspace meta's applies). */
export async function localRoomKey(workspaceId: string): Promise<LocalRoomKey | null> {
  try {
    const row = await readSealed<LocalRoomKey>('rooms', workspaceId);
    const key = row ? { roomKey: row.roomKey, rekeyId: row.rekeyId } : null;
    rememberRoom(workspaceId, key);
    return key;
  } catch (err) {
    // Unreadable: fall back to the workspace's own key rather than never syncing.
    rememberRoom(workspaceId, null);
    throw err;
  }
}

/** Stores the room key this laptop uses for a workspace from now on (sync moves to its room). */
export async function setLocalRoomKey(workspaceId: string, key: LocalRoomKey): Promise<void> {
  await writeSealed('rooms', workspaceId, { ...key, at: Date.now() });
  rememberRoom(workspaceId, key);
}

/** The profile the old free-text name field left behind, to pre-fill the first-start form. */
export function legacyName(): string {
  return useSession.getState().userName.trim().slice(0, 80);
}

/** Whether this laptop already has a person's identity stored (read without the vault: is there a row). */
export async function hasStoredIdentity(): Promise<boolean> {
  if (!(await Dexie.exists('crisis-room-identity'))) return false;
  return (await idb().device.count()) > 0;
}
