/**
 * Where the keyring (wrapped data keys) lives. Deleting a data key must really delete it, so the
 * keyring is one file in the Origin Private File System, rewritten whole on every change
 * (`createWritable` writes a swap file and replaces the old file on close). IndexedDB (whose
 * LevelDB keeps old values until it compacts) is used only where OPFS is unavailable.
 */
export interface KeyringStore {
  readonly kind: 'opfs' | 'indexeddb' | 'memory';
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

export const KEYRING_FILE = 'crisis-room-keyring.json';

export function opfsStore(root: FileSystemDirectoryHandle): KeyringStore {
  return {
    kind: 'opfs',
    async read() {
      try {
        const handle = await root.getFileHandle(KEYRING_FILE);
        const text = await (await handle.getFile()).text();
        return text.length > 0 ? text : null;
      } catch (err) {
        if ((err as { name?: string }).name === 'NotFoundError') return null;
        throw err;
      }
    },
    async write(text) {
      const handle = await root.getFileHandle(KEYRING_FILE, { create: true });
      const w = await handle.createWritable({ keepExistingData: false });
      await w.write(text);
      await w.close();
    },
  };
}

const IDB_NAME = 'crisis-room-keyring';

function idbStore(idb: IDBFactory): KeyringStore {
  const withStore = <T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> =>
    new Promise((resolve, reject) => {
      const req = idb.open(IDB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('keyring');
      req.onerror = () => reject(req.error ?? new Error('the keyring database does not open'));
      req.onsuccess = () => {
        const db = req.result;
        const tx = db.transaction('keyring', mode);
        const r = f(tx.objectStore('keyring'));
        tx.oncomplete = () => {
          db.close();
          resolve(r ? r.result : undefined);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(tx.error ?? new Error('the keyring could not be stored'));
        };
      };
    });
  return {
    kind: 'indexeddb',
    async read() {
      const v = await withStore<unknown>('readonly', (s) => s.get('keyring'));
      return typeof v === 'string' ? v : null;
    },
    async write(text) {
      await withStore('readwrite', (s) => void s.put(text, 'keyring'));
    },
  };
}

export function memoryStore(initial: string | null = null): KeyringStore & { text: string | null } {
  const store = {
    kind: 'memory' as const,
    text: initial,
    read: async () => store.text,
    write: async (t: string) => {
      store.text = t;
    },
  };
  return store;
}

/** OPFS where the browser has it, else IndexedDB. */
export async function browserKeyringStore(): Promise<KeyringStore> {
  try {
    const root = await navigator.storage.getDirectory();
    return opfsStore(root);
  } catch {
    return idbStore(indexedDB);
  }
}
