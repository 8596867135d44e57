/**
 * The at-rest vault (issue 12). Every document stored in CrisisRoomDb (workspaces and any other
 * table of Y.Docs, e.g. restricted rooms) is encrypted with the data key of its row id ("scope");
 * data keys are wrapped by this laptop profile's master key (vault.ts, keyring.ts).
 */
import { useStore } from 'zustand';
import { Vault, type VaultState } from './vault';
import { browserKeyringStore } from './keyringStore';
import { answerOtherTabs, askOtherTabs } from './handoff';
import { electronKeySource } from './osKey';
import { installVaultTestHooks } from './testHooks';

export { Vault, type VaultState, type VaultStatus, type OsKeySource } from './vault';
export { VaultError, type VaultErrorCode } from './errors';
export { MIN_PASSPHRASE_LENGTH } from './kdf';
export { vaultMiddleware, sealUpdateRow, sealSpecFor, openedUpdate, type SealSpec, DB_SCOPE } from './middleware';

/** The scope of what identifies this laptop's person (profile, device keys). */
export const IDENTITY_SCOPE = '$identity';

let vault: Vault | null = null;

/** The vault of this page (created on first use; the app starts it before anything is read). */
export function getVault(): Vault {
  if (!vault) {
    const v = new Vault({ store: browserKeyringStore, osKey: electronKeySource(), askOtherTabs: () => askOtherTabs() });
    void v.whenUnlocked().then(() => answerOtherTabs(v));
    installVaultTestHooks(v);
    vault = v;
  }
  return vault;
}

/** Tests: use `v` as the page's vault. */
export function setVault(v: Vault | null): void {
  vault = v;
}

export function useVaultState<T>(select: (s: VaultState) => T): T {
  return useStore(getVault().state, select);
}

/** Makes sure a data key exists for `scopeId` (a stored document's row id) before its row is written. */
export async function ensureDataKey(scopeId: string): Promise<void> {
  await getVault().ensureDataKey(scopeId);
}

/** Destroys the data key of `scopeId` (crypto-shredding) — call before deleting its rows. */
export async function shredDataKey(scopeId: string): Promise<void> {
  await getVault().shredDataKey(scopeId);
}

/** Seals `plain` with the data key of `scope` (synchronous; throws when locked or unknown scope). */
export function sealFor(scope: string, aad: string, plain: Uint8Array): Uint8Array {
  return getVault().sealFor(scope, aad, plain);
}

export function openFor(scope: string, aad: string, sealed: Uint8Array): Uint8Array {
  return getVault().openFor(scope, aad, sealed);
}
