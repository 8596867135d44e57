import type { OsKeySource } from './vault';

/**
 * Electron: the master key kept by main, wrapped with the OS key store (safeStorage), through the
 * `vaultMasterKey` IPC route. Null in a browser, and when main says the OS store is unavailable
 * (or is Linux's plain-text fallback): the passphrase protects the key then.
 */
export function electronKeySource(host: { crisisRoom?: Window['crisisRoom'] } = globalThis as { crisisRoom?: Window['crisisRoom'] }): OsKeySource | null {
  const api = host.crisisRoom;
  if (!api || typeof api.vaultMasterKey !== 'function') return null;
  return {
    async masterKey(create) {
      const r = await api.vaultMasterKey({ create });
      if (r.status === 'ok') return { status: 'ok', key: new Uint8Array(r.key) };
      return { status: r.status, reason: r.reason };
    },
  };
}
