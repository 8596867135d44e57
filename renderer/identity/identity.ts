import { useEffect } from 'react';
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

interface RoomRow extends LocalRoomKey {
  workspaceId: string;
  at: number;
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

/**
 * Trust anchors read or written in this session (workspace id → creator key, null: none), so
 * the UI learns at once when a workspace gets its anchor (created, joined, claimed).
 */
export const useTrustAnchors = create<{ byWorkspace: Readonly<Record<string, string | null>> }>(() => ({ byWorkspace: {} }));

const remember = (workspaceId: string, key: string | null): void =>
  useTrustAnchors.setState((s) => (s.byWorkspace[workspaceId] === key ? s : { byWorkspace: { ...s.byWorkspace, [workspaceId]: key } }));

/** The creator key this laptop trusts for a workspace, if any. */
export async function trustedGenesisKey(workspaceId: string): Promise<string | null> {
  const key = (await idb().trust.get(workspaceId))?.genesisKey ?? null;
  remember(workspaceId, key);
  return key;
}

/**
 * Records which creator key this laptop trusts for a workspace. An existing, different anchor is
 * never replaced silently: the caller must pass `replace` after the person chose to.
 */
export async function trustGenesisKey(workspaceId: string, genesisKey: string, replace = false): Promise<void> {
  const existing = await idb().trust.get(workspaceId);
  if (existing && existing.genesisKey !== genesisKey && !replace) throw new Error('This workspace is already anchored to another creator key');
  await idb().trust.put({ workspaceId, genesisKey, at: Date.now() });
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
    const row = await idb().rooms.get(workspaceId);
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
  await idb().rooms.put({ workspaceId, ...key, at: Date.now() });
  rememberRoom(workspaceId, key);
}

/** The profile the old free-text name field left behind, to pre-fill the first-start form. */
export function legacyName(): string {
  return useSession.getState().userName.trim().slice(0, 80);
}
