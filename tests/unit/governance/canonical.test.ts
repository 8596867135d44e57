import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SIGNING_DOMAIN, canonicalJson, parseCanonicalJson, signingBytes } from '../../../shared/governance/canonical';
import { sign, verifySignature } from '../../../shared/governance/keys';
import { signEntry } from '../../../shared/governance/log';
import type { UnsignedPayload } from '../../../shared/governance/entries';
import { memberOf, people, signed, WS } from './helpers';

describe('canonical encoding', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { z: '名', y: '' }], c: { e: -3, d: 0 } })).toBe('{"a":[true,null,{"y":"","z":"名"}],"b":1,"c":{"d":0,"e":-3}}');
    expect(canonicalJson({ B: 1, a: 2, aa: 3, 'é': 4 })).toBe('{"B":1,"a":2,"aa":3,"é":4}');
    expect(canonicalJson(-0)).toBe('0');
  });

  it('is independent of key insertion order and round-trips', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))), (obj) => {
        const text = canonicalJson(obj);
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(text);
        expect(canonicalJson(parseCanonicalJson(text))).toBe(text);
      }),
    );
  });

  it('refuses values that have more than one spelling or none', () => {
    expect(() => canonicalJson(1.5)).toThrow();
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(2 ** 60)).toThrow();
    expect(() => canonicalJson({ a: undefined })).toThrow();
    expect(() => canonicalJson(new Date(0))).toThrow();
    expect(() => canonicalJson(() => 1)).toThrow();
  });

  it('reads back only canonical text', () => {
    expect(parseCanonicalJson('{"a":1,"b":2}')).toEqual({ a: 1, b: 2 });
    expect(parseCanonicalJson('{"b":2,"a":1}')).toBeUndefined();
    expect(parseCanonicalJson('{"a": 1}')).toBeUndefined();
    expect(parseCanonicalJson('{"a":1,"a":2}')).toBeUndefined();
    expect(parseCanonicalJson('{"a":1.0}')).toBeUndefined();
    expect(parseCanonicalJson('{"a":"\\u540d"}')).toBeUndefined();
    expect(parseCanonicalJson('{"a":"名"}')).toEqual({ a: '名' });
    expect(parseCanonicalJson('not json')).toBeUndefined();
  });

  it('signs the domain prefix with the payload, so a bare signature over the payload does not verify', async () => {
    const { a } = await people('a');
    const entry = await signed(a, { kind: 'roster.genesis', at: 5, member: memberOf(a, '陳律師', ['owner', 'legal_approver']) });
    expect(entry.p).toBe(canonicalJson(JSON.parse(entry.p)));
    expect(JSON.parse(entry.p)).toMatchObject({ ws: WS, kind: 'roster.genesis', at: 5, by: a.publicKey });
    expect(new TextDecoder().decode(signingBytes(entry.p))).toBe(`${SIGNING_DOMAIN}${entry.p}`);
    expect(await verifySignature(a.publicKey, signingBytes(entry.p), entry.s)).toBe(true);
    const bare = await sign(a.signing.privateKey, new TextEncoder().encode(entry.p));
    expect(await verifySignature(a.publicKey, signingBytes(entry.p), bare)).toBe(false);
  });

  it('fills the signer’s key itself and the time when not given', async () => {
    const { a, b } = await people('a', 'b');
    const before = Date.now();
    const e = await signEntry(a, { ws: WS, kind: 'roster.remove', key: b.publicKey, by: b.publicKey } as UnsignedPayload);
    const p = JSON.parse(e.p) as { by: string; at: number };
    expect(p.by).toBe(a.publicKey);
    expect(p.at).toBeGreaterThanOrEqual(before);
    expect(p.at).toBeLessThanOrEqual(Date.now());
  });
});
