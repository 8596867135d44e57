import { describe, expect, it } from 'vitest';
import { SignatureCache, type VerifyFn } from '../../../shared/governance/verifier';
import { verifySignature } from '../../../shared/governance/keys';
import { logOf, memberOf, people, signed, textHash } from './helpers';

async function approvals(n: number) {
  const { a } = await people('a');
  const entries = [];
  for (let i = 0; i < n; i++) entries.push(await signed(a, { kind: 'approval', at: i, statementId: `s${i}`, hash: textHash(String(i)), role: 'legal' }));
  return { a, entries };
}

describe('SignatureCache', () => {
  it('answers pending at once, then valid/invalid, and tells listeners', async () => {
    const { entries } = await approvals(3);
    const forged = { p: entries[1]!.p, s: entries[0]!.s };
    const log = logOf([...entries, forged]);
    const cache = new SignatureCache({ yieldToUi: () => Promise.resolve() });
    let heard = 0;
    cache.subscribe(() => heard++);
    expect(cache.verdict(entries[0]!)).toBe('pending');
    cache.request(log);
    expect(cache.busy).toBe(true);
    expect(cache.verdict(entries[0]!)).toBe('pending'); // request never blocks
    await cache.settled();
    expect(entries.map(cache.verdict)).toEqual(['valid', 'valid', 'valid']);
    // A signature copied onto another payload is its own entry, and it is bad.
    expect(cache.verdict(forged)).toBe('invalid');
    expect(heard).toBeGreaterThan(0);
    expect(cache.version).toBe(heard);
    expect(cache.stats).toMatchObject({ verified: 4, valid: 3, invalid: 1 });
  });

  it('checks in batches, yields between them, and checks roster entries first', async () => {
    const { a, entries } = await approvals(10);
    const genesis = await signed(a, { kind: 'roster.genesis', at: 0, member: memberOf(a, 'A', ['owner']) });
    const order: string[] = [];
    const verify: VerifyFn = async (k, b, s) => {
      order.push(s);
      return verifySignature(k, b, s);
    };
    let yields = 0;
    const cache = new SignatureCache({ verify, batchSize: 4, yieldToUi: async () => void yields++ });
    cache.request(logOf([...entries, genesis]));
    cache.request(logOf(entries)); // asking twice queues nothing more
    await cache.settled();
    expect(order[0]).toBe(genesis.s);
    expect(order).toHaveLength(11);
    expect(cache.stats.batches).toBe(3);
    expect(yields).toBe(3);
  });

  it('skips malformed items, never re-checks a known entry, and treats a throwing check as invalid', async () => {
    const { entries } = await approvals(2);
    let calls = 0;
    const cache = new SignatureCache({
      verify: async (_k, _b, s) => {
        calls++;
        if (s === entries[1]!.s) throw new Error('boom');
        return true;
      },
      yieldToUi: () => Promise.resolve(),
    });
    cache.request(logOf([...entries, 'garbage', 7]));
    await cache.settled();
    cache.request(logOf(entries));
    await cache.settled();
    expect(calls).toBe(2);
    expect(entries.map(cache.verdict)).toEqual(['valid', 'invalid']);
  });

  it('stops on dispose', async () => {
    const { entries } = await approvals(6);
    const cache = new SignatureCache({ batchSize: 2, yieldToUi: () => Promise.resolve() });
    let heard = 0;
    cache.subscribe(() => {
      heard++;
      cache.dispose();
    });
    cache.request(logOf(entries));
    await cache.settled();
    expect(heard).toBe(1);
    expect(cache.stats.verified).toBe(2);
    expect(cache.verdict(entries[5]!)).toBe('pending');
  });
});

describe('SignatureCache defaults', () => {
  it('verifies with WebCrypto and yields with a timeout when no scheduler.yield exists', async () => {
    const { entries } = await approvals(3);
    const cache = new SignatureCache();
    cache.request(logOf(entries));
    await cache.settled();
    expect(entries.map(cache.verdict)).toEqual(['valid', 'valid', 'valid']);
    expect(cache.stats.longestSliceMs).toBeGreaterThanOrEqual(0);
    expect(cache.busy).toBe(false);
  });
});
