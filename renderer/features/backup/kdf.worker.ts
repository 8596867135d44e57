// Argon2id off the page's thread: hash-wasm computes it synchronously (a second or more at 64 MiB).
import { argon2idHere } from '../../../shared/backup/locks';
import type { KdfParams } from '../../../shared/backup/schemas';

self.onmessage = (event: MessageEvent<{ passphrase: string; kdf: KdfParams }>) => {
  argon2idHere(event.data.passphrase, event.data.kdf).then(
    (key) => self.postMessage({ ok: true, key }),
    (err: unknown) => self.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
};
