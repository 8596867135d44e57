import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64UrlPattern, fromBase64Url, toBase64Url } from '../../../shared/governance/base64url';
import { deviceKeysOf, generateDeviceKeys, sign, verifySignature } from '../../../shared/governance/keys';

describe('base64url', () => {
  it('round-trips any bytes and matches the length pattern', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
        expect(base64UrlPattern(bytes.length).test(text)).toBe(true);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      }),
    );
  });

  it('accepts only the one canonical spelling', () => {
    const key = toBase64Url(new Uint8Array(32).fill(7));
    expect(fromBase64Url(`${key}=`)).toBeUndefined();
    expect(fromBase64Url(key.replace(/.$/, '+'))).toBeUndefined();
    expect(fromBase64Url('A')).toBeUndefined();
    // Same bytes, non-zero trailing bits: a lenient decoder would accept it.
    const last = key[key.length - 1]!;
    const sibling = key.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) + 1);
    expect(Buffer.from(sibling, 'base64url')).toEqual(Buffer.from(key, 'base64url'));
    expect(fromBase64Url(sibling)).toBeUndefined();
    expect(base64UrlPattern(32).test(sibling)).toBe(false);
  });
});

describe('device keys', () => {
  it('generates Ed25519 + X25519 pairs with non-extractable private keys and raw public keys', async () => {
    const keys = await generateDeviceKeys();
    expect(keys.signing.privateKey.extractable).toBe(false);
    expect(keys.agreement.privateKey.extractable).toBe(false);
    expect(keys.signing.privateKey.algorithm.name).toBe('Ed25519');
    expect(keys.agreement.privateKey.algorithm.name).toBe('X25519');
    expect(fromBase64Url(keys.publicKey)?.length).toBe(32);
    expect(fromBase64Url(keys.agreementKey)?.length).toBe(32);
    await expect(crypto.subtle.exportKey('pkcs8', keys.signing.privateKey)).rejects.toThrow();
    // Rebuilt from stored key pairs (as the app does after reading IndexedDB): same public keys.
    const again = await deviceKeysOf(keys.signing, keys.agreement);
    expect(again.publicKey).toBe(keys.publicKey);
    expect(again.agreementKey).toBe(keys.agreementKey);
  });

  it('signs and verifies; a changed byte, another key or a damaged signature fails without throwing', async () => {
    const a = await generateDeviceKeys();
    const b = await generateDeviceKeys();
    const msg = new TextEncoder().encode('法務審查 OK');
    const sig = await sign(a.signing.privateKey, msg);
    expect(sig).toMatch(base64UrlPattern(64));
    expect(await verifySignature(a.publicKey, msg, sig)).toBe(true);
    expect(await verifySignature(b.publicKey, msg, sig)).toBe(false);
    const changed = msg.slice();
    changed[0]! ^= 1;
    expect(await verifySignature(a.publicKey, changed, sig)).toBe(false);
    const raw = fromBase64Url(sig)!;
    raw[10]! ^= 0x80;
    expect(await verifySignature(a.publicKey, msg, toBase64Url(raw))).toBe(false);
    expect(await verifySignature('not a key', msg, sig)).toBe(false);
    expect(await verifySignature(a.publicKey.slice(0, 20), msg, sig)).toBe(false);
    expect(await verifySignature(a.publicKey, msg, 'short')).toBe(false);
    expect(await verifySignature(toBase64Url(new Uint8Array(32)), msg, sig)).toBe(false);
  });
});
