import { gcm } from '@noble/ciphers/aes.js';
import { afterEach, describe, expect, it } from 'vitest';
import { aeadImplementation, loadFastAead, resetAeadForTests } from '../../../renderer/vault/aead';
import { open, randomBytes, seal, SealError } from '../../../renderer/vault/seal';

const text = new TextEncoder().encode('聲明草稿 draft statement');

describe('sealed bytes', () => {
  afterEach(() => resetAeadForTests());

  it('libsodium (WebAssembly) and noble (JavaScript) read each other: rows sealed before libsodium loaded still open', async () => {
    const key = randomBytes(32);
    const sizes = [0, 1, 63, 64, 65, 4096, 300_001];
    const plain = (n: number) => new Uint8Array(n).map((_, j) => (j * 31) & 0xff);
    const byNoble = sizes.map((n) => seal(key, `row|${n}`, plain(n)));
    expect(aeadImplementation()).toBe('noble');
    expect(await loadFastAead()).toBe('libsodium');
    sizes.forEach((n, i) => expect(open(key, `row|${n}`, byNoble[i]!)).toEqual(plain(n)));
    const bySodium = seal(key, 'aad', text);
    expect(() => open(key, 'other', bySodium)).toThrow(SealError);
    resetAeadForTests();
    expect(aeadImplementation()).toBe('noble');
    expect(open(key, 'aad', bySodium)).toEqual(text);
  });

  it('writes XChaCha20-Poly1305 (layout 2) and opens it only with the same key and associated data', () => {
    const key = randomBytes(32);
    const sealed = seal(key, 'updates|ws-1', text);
    expect(sealed[0]).toBe(2);
    expect(sealed.length).toBe(1 + 24 + text.length + 16);
    expect(open(key, 'updates|ws-1', sealed)).toEqual(text);
    expect(() => open(key, 'updates|ws-2', sealed)).toThrow(SealError);
    expect(() => open(randomBytes(32), 'updates|ws-1', sealed)).toThrow(SealError);
    const flipped = sealed.slice();
    flipped[30] = flipped[30]! ^ 1;
    expect(() => open(key, 'updates|ws-1', flipped)).toThrow(SealError);
  });

  it('still opens rows sealed with AES-256-GCM before (layout 1), and refuses unknown layouts', () => {
    const key = randomBytes(32);
    const nonce = randomBytes(12);
    const body = gcm(key, nonce, new TextEncoder().encode('aad')).encrypt(text);
    const old = new Uint8Array([1, ...nonce, ...body]);
    expect(open(key, 'aad', old)).toEqual(text);
    expect(() => open(key, 'other', old)).toThrow(SealError);
    const unknown = seal(key, 'aad', text);
    unknown[0] = 3;
    expect(() => open(key, 'aad', unknown)).toThrow('not sealed data');
    expect(() => open(key, 'aad', new Uint8Array([2, 1, 2]))).toThrow('not sealed data');
  });
});
