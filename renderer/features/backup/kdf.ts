import { argon2idHere, type KdfParams, type PassphraseKdf } from '../../../shared/backup';

/**
 * Argon2id in a Web Worker so the page keeps answering while the passphrase is stretched; where
 * no worker can start or load, on this thread (same result).
 */
export const argon2idInWorker: PassphraseKdf = (passphrase: string, kdf: KdfParams) => {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return argon2idHere(passphrase, kdf);
  }
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ ok: true; key: Uint8Array } | { ok: false; message: string }>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.key);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      console.warn(`Backup: the key worker failed (${event.message || 'no message'}); deriving on the page instead.`);
      argon2idHere(passphrase, kdf).then(resolve, reject);
    };
    worker.postMessage({ passphrase, kdf });
  });
};
