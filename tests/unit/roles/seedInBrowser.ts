/**
 * Puts a prepared workspace document into the app's storage without clicking it together, so
 * browser tests and bench P7 can open a large map. Since issue 12 the app stores every row
 * encrypted, so the document is written the way a laptop from before encryption kept it — the
 * plaintext database `crisis-room` (the row in `workspaces`, the document as one V2 update in
 * `$workspaces.doc_updates`) — and the page is reloaded and unlocked: the app moves it into its
 * encrypted store and deletes the plaintext one (renderer/workspace/migrate.ts). The app must
 * have been opened (and its first start completed) in the page.
 */
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { unlock } from '../../e2e/helpers';

export async function putWorkspace(page: Page, doc: Y.Doc, id: string, name: string): Promise<void> {
  const update = Array.from(Y.encodeStateAsUpdateV2(doc));
  await page.evaluate(
    async ({ id, name, update }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        // Dexie's version 1 of the old schema is IndexedDB version 10.
        const req = indexedDB.open('crisis-room', 10);
        req.onupgradeneeded = () => {
          const ws = req.result.createObjectStore('workspaces', { keyPath: 'id' });
          ws.createIndex('name', 'name');
          ws.createIndex('updatedAt', 'updatedAt');
          req.result.createObjectStore('$workspaces.doc_updates', { keyPath: 'i', autoIncrement: true }).createIndex('k', 'k');
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        const tx = db.transaction(['workspaces', '$workspaces.doc_updates'], 'readwrite');
        const now = Date.now();
        tx.objectStore('workspaces').put({ id, name, createdAt: now, updatedAt: now, deletedAt: null });
        tx.objectStore('$workspaces.doc_updates').add({ k: id, u: new Uint8Array(update), f: 1 });
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { id, name, update },
  );
  await page.reload();
  await unlock(page);
}
