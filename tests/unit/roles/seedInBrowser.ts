/**
 * Puts a prepared workspace document straight into the app's IndexedDB (as y-dexie stores it:
 * the row in `workspaces`, the document as one V2 update in `$workspaces.doc_updates`), so
 * browser tests and bench P7 can open a large map without clicking it together. The app must
 * have been opened once in the page (Dexie creates the database).
 */
import type { Page } from '@playwright/test';
import * as Y from 'yjs';

export async function putWorkspace(page: Page, doc: Y.Doc, id: string, name: string): Promise<void> {
  const update = Array.from(Y.encodeStateAsUpdateV2(doc));
  await page.evaluate(
    async ({ id, name, update }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('crisis-room');
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
}
