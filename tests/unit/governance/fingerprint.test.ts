import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toBase64Url } from '../../../shared/governance/base64url';
import { keyFingerprint } from '../../../shared/governance/fingerprint';
import { generateDeviceKeys } from '../../../shared/governance/keys';

describe('key fingerprint', () => {
  it('is the first 8 bytes of SHA-256 of the raw key, as hex groups and as digit groups', () => {
    const raw = new Uint8Array(32).map((_, i) => i);
    const expected = createHash('sha256').update(raw).digest().subarray(0, 8);
    const fp = keyFingerprint(toBase64Url(raw));
    expect(fp.hex).toBe(expected.toString('hex').toUpperCase().match(/.{4}/g)!.join('-'));
    expect(fp.digits).toBe(expected.readBigUInt64BE().toString().padStart(20, '0').match(/.{5}/g)!.join(' '));
    // Pinned: a change here breaks every printed roster and every comparison made in a room.
    expect(fp).toEqual({ hex: '630D-CD29-66C4-3366', digits: '07137 58656 21535 91654' });
  });

  it('is deterministic, well formed, and tells keys apart', async () => {
    const a = await generateDeviceKeys();
    const b = await generateDeviceKeys();
    const fa = keyFingerprint(a.publicKey);
    expect(keyFingerprint(a.publicKey)).toEqual(fa);
    expect(fa.hex).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(fa.digits).toMatch(/^\d{5} \d{5} \d{5} \d{5}$/);
    expect(keyFingerprint(b.publicKey).hex).not.toBe(fa.hex);
  });

  it('spells the same 64 bits both ways', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (raw) => {
        const fp = keyFingerprint(toBase64Url(raw));
        expect(BigInt(`0x${fp.hex.replaceAll('-', '')}`)).toBe(BigInt(fp.digits.replaceAll(' ', '')));
      }),
    );
  });

  it('refuses what is not a key', () => {
    expect(() => keyFingerprint('not base64url!')).toThrow();
    expect(() => keyFingerprint('')).toThrow();
  });
});
