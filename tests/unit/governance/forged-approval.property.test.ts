import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { deriveApprovals } from '../../../shared/governance/approvals';
import { fromBase64Url, toBase64Url } from '../../../shared/governance/base64url';
import type { SignedEntry } from '../../../shared/governance/entries';
import { deriveGovernance } from '../../../shared/governance/governance';
import type { DeviceKeys } from '../../../shared/governance/keys';
import { appendEntry, governanceLog, readLog } from '../../../shared/governance/log';
import { SignatureCache, type VerifyFn } from '../../../shared/governance/verifier';
import { memberOf, NOW, people, signed, T0, textHash, WS } from './helpers';

/**
 * Forged sign-off never counts. 2–4 peers (separate Y.Docs) append genuine and forged approvals
 * for one statement while the text is edited; their updates are delivered late, out of order
 * and twice. After every step, on every peer, each approval derived as valid must be one the
 * harness knows is genuine and made over the current text (an oracle the harness keeps itself);
 * once everything is delivered and verified, every such genuine approval is valid everywhere.
 */

const ATTACKS = [
  'nonMember', // an outsider signs as themselves
  'impersonate', // an outsider signs a payload that names the legal approver as signer
  'lacksRole', // the editor (a member) signs a legal approval
  'wrongRole', // the executive approver signs as legal
  'removed', // a removed legal approver signs now
  'removedBackdated', // … and dates it before the removal
  'otherHash', // the legal approver signs over another statement's hash
  'otherWorkspace', // a genuine signature for another workspace
  'flipSignature', // one bit of a genuine entry's signature flipped
  'flipPayload', // one bit of a genuine entry's payload flipped
] as const;
type Attack = (typeof ATTACKS)[number];

type Op =
  | { t: 'genuine'; peer: number; role: 'legal' | 'executive' }
  | { t: 'attack'; peer: number; attack: Attack; bit: number }
  | { t: 'replay'; peer: number; pick: number }
  | { t: 'edit' }
  | { t: 'deliver'; link: number; pick: number; dup: boolean }
  | { t: 'settle'; peer: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('genuine' as const), peer: fc.nat(3), role: fc.constantFrom('legal' as const, 'executive' as const) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('attack' as const), peer: fc.nat(3), attack: fc.constantFrom(...ATTACKS), bit: fc.nat(100_000) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('replay' as const), peer: fc.nat(3), pick: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('edit' as const) }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('deliver' as const), link: fc.nat(11), pick: fc.nat(20), dup: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('settle' as const), peer: fc.nat(3) }) },
);

const S1 = 'stmt-1';
const hashOf = (version: number) => textHash(`初步聲明 v${version}`);
const OTHER_HASH = textHash('另一份聲明');

let K: Record<'owner' | 'legal' | 'exec' | 'editor' | 'gone' | 'outsider', DeviceKeys>;
let roster: SignedEntry[];

beforeAll(async () => {
  K = await people('owner', 'legal', 'exec', 'editor', 'gone', 'outsider');
  roster = [
    await signed(K.owner, { kind: 'roster.genesis', at: T0, member: memberOf(K.owner, '林雅婷', ['owner']) }),
    await signed(K.owner, { kind: 'roster.add', at: T0 + 1, member: memberOf(K.legal, '陳律師', ['legal_approver']) }),
    await signed(K.owner, { kind: 'roster.add', at: T0 + 2, member: memberOf(K.exec, '王總', ['executive_approver']) }),
    await signed(K.owner, { kind: 'roster.add', at: T0 + 3, member: memberOf(K.editor, '小李', ['editor']) }),
    await signed(K.owner, { kind: 'roster.add', at: T0 + 4, member: memberOf(K.gone, '前法務', ['legal_approver']) }),
    await signed(K.owner, { kind: 'roster.remove', at: T0 + 50, key: K.gone.publicKey }),
  ];
});

const flipBit = (text: string, bit: number): string => {
  const pos = Math.floor(bit / 7) % text.length;
  return text.slice(0, pos) + String.fromCharCode(text.charCodeAt(pos) ^ (1 << bit % 7)) + text.slice(pos + 1);
};

interface Stats {
  validSeen: number;
}

async function run(peerCount: number, ops: readonly Op[], verify: VerifyFn | undefined, stats: Stats): Promise<void> {
  const docs = Array.from({ length: peerCount }, () => new Y.Doc());
  const caches = docs.map(() => new SignatureCache({ ...(verify ? { verify } : {}), batchSize: 8, yieldToUi: () => Promise.resolve() }));
  const queues = new Map<string, Uint8Array[]>();
  const links: Array<[number, number]> = [];
  docs.forEach((_, i) => docs.forEach((__, j) => i !== j && links.push([i, j])));
  docs.forEach((d, i) =>
    d.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      for (let j = 0; j < peerCount; j++) if (j !== i) (queues.get(`${i}>${j}`) ?? queues.set(`${i}>${j}`, []).get(`${i}>${j}`)!).push(u);
    }),
  );
  // Oracle: genuine approvals (by entry) and the text version they were made over.
  const genuine = new Map<string, string>();
  const made: SignedEntry[] = [];
  const keyOf = (e: SignedEntry) => `${e.s}.${e.p}`;
  let version = 0;
  let clock = T0 + 100;

  for (const e of roster) appendEntry(docs[0]!, e, 'system');

  const derive = (peer: number) => {
    const log = readLog(docs[peer]!);
    caches[peer]!.request(log);
    const gov = deriveGovernance({ workspaceId: WS, trustedGenesisKey: K.owner.publicKey, log, verdict: caches[peer]!.verdict, now: NOW });
    return deriveApprovals(gov, { statementId: S1, hash: hashOf(version), lastEditorKey: K.editor.publicKey });
  };
  const check = (): void => {
    for (let p = 0; p < peerCount; p++) {
      for (const a of derive(p)) {
        if (!a.valid) continue;
        stats.validSeen++;
        const e = a.item.entry!;
        expect(genuine.get(keyOf(e)), `peer ${p} counts a forged or stale approval: ${e.p}`).toBe(hashOf(version));
      }
    }
  };

  for (const op of ops) {
    clock++;
    if (op.t === 'genuine' || op.t === 'attack' || op.t === 'replay') {
      const doc = docs[op.peer % peerCount]!;
      let entry: SignedEntry | undefined;
      if (op.t === 'genuine') {
        entry = await signed(op.role === 'legal' ? K.legal : K.exec, { kind: 'approval', at: clock, statementId: S1, hash: hashOf(version), role: op.role });
        genuine.set(keyOf(entry), hashOf(version));
        made.push(entry);
      } else if (op.t === 'replay') {
        entry = made[op.pick % Math.max(1, made.length)];
      } else {
        const legal = { kind: 'approval' as const, at: clock, statementId: S1, hash: hashOf(version), role: 'legal' as const };
        const real = () => signed(K.legal, legal);
        switch (op.attack) {
          case 'nonMember':
            entry = await signed(K.outsider, legal);
            break;
          case 'impersonate': {
            const mine = await signed(K.outsider, legal);
            const claimed = (await real()).p; // the payload as the legal approver would sign it
            entry = { p: claimed, s: mine.s };
            break;
          }
          case 'lacksRole':
            entry = await signed(K.editor, legal);
            break;
          case 'wrongRole':
            entry = await signed(K.exec, legal);
            break;
          case 'removed':
            entry = await signed(K.gone, legal);
            break;
          case 'removedBackdated':
            entry = await signed(K.gone, { ...legal, at: T0 + 20 });
            break;
          case 'otherHash':
            entry = await signed(K.legal, { ...legal, hash: OTHER_HASH });
            break;
          case 'otherWorkspace':
            entry = await signed(K.legal, { ...legal, ws: 'ws-other' });
            break;
          case 'flipSignature': {
            const e = await real();
            const sig = fromBase64Url(e.s)!;
            sig[Math.floor(op.bit / 8) % 64]! ^= 1 << op.bit % 8;
            entry = { p: e.p, s: toBase64Url(sig) };
            break;
          }
          case 'flipPayload': {
            const e = await real();
            entry = { p: flipBit(e.p, op.bit), s: e.s };
            break;
          }
        }
      }
      // Forged entries may be malformed; peers write them raw, as a hostile client would.
      if (entry) doc.transact(() => governanceLog(doc).push([JSON.stringify(entry)]), 'user');
    } else if (op.t === 'edit') {
      version++;
    } else if (op.t === 'deliver') {
      const [i, j] = links[op.link % links.length]!;
      const q = queues.get(`${i}>${j}`) ?? [];
      if (q.length > 0) {
        const at = op.pick % q.length;
        const u = q[at]!;
        if (!op.dup) q.splice(at, 1);
        Y.applyUpdate(docs[j]!, u, 'remote');
      }
    } else {
      await caches[op.peer % peerCount]!.settled();
    }
    check();
  }

  // Deliver everything, let every verdict arrive, and check both directions.
  for (const [i, j] of links) for (const u of queues.get(`${i}>${j}`) ?? []) Y.applyUpdate(docs[j]!, u, 'remote');
  for (let p = 0; p < peerCount; p++) {
    derive(p);
    await caches[p]!.settled();
  }
  check();
  const current = [...genuine].filter(([, h]) => h === hashOf(version)).map(([k]) => k);
  for (let p = 0; p < peerCount; p++) {
    const valid = new Set(derive(p).filter((a) => a.valid).map((a) => keyOf(a.item.entry!)));
    for (const k of current) expect(valid.has(k), `peer ${p} does not count a genuine approval`).toBe(true);
  }
}

const property = (verify: VerifyFn | undefined, stats: Stats) =>
  fc.asyncProperty(fc.integer({ min: 2, max: 4 }), fc.array(opArb, { minLength: 1, maxLength: 40 }), (n, ops) => run(n, ops, verify, stats));

describe('signed sign-off across peers', () => {
  it('forged approval: a non-member, a member without the role, a removed member, another statement’s hash, a replay after an edit or a flipped bit never counts; a genuine one always does', async () => {
    const stats: Stats = { validSeen: 0 };
    await fc.assert(property(undefined, stats), { numRuns: 60 });
    // The property is not vacuous: genuine approvals were derived valid along the way.
    expect(stats.validSeen).toBeGreaterThan(50);
  }, 60_000);

  it('forged approval: with signature verification turned off the same property finds a counterexample', async () => {
    const stats: Stats = { validSeen: 0 };
    const result = await fc.check(property(async () => true, stats), { numRuns: 300 });
    expect(result.failed).toBe(true);
    const [, ops] = result.counterexample!;
    // What slips through is exactly what only a signature can catch.
    expect(ops.some((o) => o.t === 'attack' && ['impersonate', 'flipSignature', 'flipPayload'].includes(o.attack))).toBe(true);
  }, 60_000);
});
