import { describe, expect, it } from 'vitest';
import { openBackup, readPayload, writeBackup, type Progress } from '../../../shared/backup';
import { manifestFor, PASS, TEST_KDF, workspaceDoc } from './helpers';

/** A large file: chunked with progress and a pause after every chunk; throughput printed. */
describe('a 24 MiB payload', () => {
  it('encrypts and decrypts in 1 MiB chunks, reporting progress and yielding after each', async () => {
    const size = 24 * 1024 * 1024;
    const payload = new Uint8Array(size);
    for (let i = 0; i < size; i += 65536) crypto.getRandomValues(payload.subarray(i, i + 65536));
    const doc = workspaceDoc();
    let pauses = 0;
    const pause = async () => {
      pauses++;
      await new Promise((r) => setTimeout(r, 0));
    };
    const progress: Progress[] = [];
    const t0 = performance.now();
    const bytes = await writeBackup({ manifest: manifestFor(doc), payload, protection: { passphrase: PASS, kdf: TEST_KDF }, onProgress: (p) => progress.push(p), pause });
    const t1 = performance.now();
    const opened = await openBackup(bytes, { passphrase: PASS });
    const t2 = performance.now();
    const read: Progress[] = [];
    const back = await readPayload(opened, (p) => read.push(p), pause);
    const t3 = performance.now();
    expect(Buffer.compare(Buffer.from(back.buffer, back.byteOffset, back.byteLength), Buffer.from(payload.buffer))).toBe(0);
    expect(opened.manifest.payload.chunks).toBe(24);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 24 }, (_, i) => (i + 1) * 1024 * 1024));
    expect(read.length).toBe(25);
    expect(read.at(-1)?.phase).toBe("verify");
    expect(pauses).toBe(48);
    const mb = size / 1024 / 1024;
    console.log(
      `[backup large] ${mb} MiB: encrypt ${((t1 - t0) / 1000).toFixed(2)} s (${(mb / ((t1 - t0) / 1000)).toFixed(1)} MiB/s), ` +
        `open ${((t2 - t1) / 1000).toFixed(2)} s, decrypt+verify ${((t3 - t2) / 1000).toFixed(2)} s (${(mb / ((t3 - t2) / 1000)).toFixed(1)} MiB/s), file ${(bytes.length / 1024 / 1024).toFixed(2)} MiB`,
    );
  }, 120_000);
});
