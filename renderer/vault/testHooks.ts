import type { Vault } from './vault';
import { aeadImplementation } from './aead';
import { testHooksEnabled } from '../platform/testHooksEnabled';

declare global {
  interface Window {
    __crisisRoomVaultTest?: VaultTestHooks;
  }
}

export interface VaultTestHooks {
  /** A workspace's stored updates as the app reads them (decrypted), oldest first. */
  storedUpdates(workspaceId: string): Promise<number[][]>;
  /** The keyring as stored: which scopes have a (wrapped) data key, which were shredded, where it lives. */
  keyring(): { scopes: string[]; wrapped: Record<string, string>; shredded: string[]; store: string | null } | null;
  /** Which cipher implementation seals rows now (libsodium once its WebAssembly loaded under the CSP). */
  cipher(): 'libsodium' | 'noble';
}

/**
 * End-to-end test hooks, only with `localStorage['crisis-room.test-hooks'] === '1'` (set by the
 * test before the app loads): read what the app stores through the app's own (decrypting) path,
 * and see the keyring's wrapped keys. Nothing here gives a key out.
 */
export function installVaultTestHooks(vault: Vault): void {
  if (!testHooksEnabled()) return;
  window.__crisisRoomVaultTest = {
    async storedUpdates(workspaceId) {
      const { getDb, UPDATES_TABLE } = await import('../workspace/db');
      const rows = (await getDb().table(UPDATES_TABLE).where('k').equals(workspaceId).toArray()) as Array<{ u: Uint8Array }>;
      return rows.map((r) => Array.from(r.u));
    },
    keyring() {
      const f = vault.keyringSnapshot();
      if (!f) return null;
      return { scopes: Object.keys(f.keys), wrapped: { ...f.keys }, shredded: [...f.shredded], store: vault.storeKind };
    },
    cipher: aeadImplementation,
  };
}
