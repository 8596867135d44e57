import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { write } from '../../../shared/doc/origins';
import { deriveGate } from '../../../shared/statements/approval';
import { canonicalBody } from '../../../shared/statements/body';
import { sha256Hex } from '../../../shared/statements/hash';
import { createStatement, getStatement, requireBody } from '../../../shared/statements/store';
import { approve, release, returnToDraft, setRequiredRoles, submitForReview } from '../../../shared/statements/workflow';
import { REVIEWER_ROLES, type ReviewerRole } from '../../../shared/statements/types';

/**
 * R6: for random interleavings of edits, approvals and workflow steps on 2–3 peers whose updates
 * are delivered late, out of order and twice, no peer ever shows text as approved that each
 * required reviewer did not approve — checked against an oracle the harness keeps itself (the
 * exact bodies each role approved), not against the code's own hash bookkeeping.
 */

type Op =
  | { t: 'edit'; peer: number; para: number; pos: number; del: boolean; ch: string }
  | { t: 'approve'; peer: number; role: ReviewerRole }
  | { t: 'submit'; peer: number }
  | { t: 'draft'; peer: number }
  | { t: 'roles'; peer: number; roles: ReviewerRole[] }
  | { t: 'release'; peer: number }
  | { t: 'deliver'; link: number; pick: number; dup: boolean };

const role = fc.constantFrom(...REVIEWER_ROLES);
const op = (peers: number): fc.Arbitrary<Op> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ t: fc.constant('edit' as const), peer: fc.nat(peers - 1), para: fc.nat(1), pos: fc.nat(12), del: fc.boolean(), ch: fc.constantFrom('的', '不', 'a', '1', '。') }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('approve' as const), peer: fc.nat(peers - 1), role }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('submit' as const), peer: fc.nat(peers - 1) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('draft' as const), peer: fc.nat(peers - 1) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('roles' as const), peer: fc.nat(peers - 1), roles: fc.subarray([...REVIEWER_ROLES], { minLength: 1 }) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('release' as const), peer: fc.nat(peers - 1) }) },
    { weight: 5, arbitrary: fc.record({ t: fc.constant('deliver' as const), link: fc.nat(5), pick: fc.nat(20), dup: fc.boolean() }) },
  );

interface RunResult {
  approvedChecks: number;
  releases: number;
  final: ReturnType<typeof deriveGate>[];
}

function run(peerCount: number, ops: Op[]): RunResult {
  let approvedChecks = 0;
  const docs = Array.from({ length: peerCount }, () => new Y.Doc());
  const id = createStatement(docs[0]!, { title: 'T', kind: 'holding', language: 'zh-TW', by: 'A', body: '初步聲明內容\n第二段' }, 'user');
  for (const d of docs.slice(1)) Y.applyUpdate(d, Y.encodeStateAsUpdate(docs[0]!), 'remote');
  // links[i*peerCount+j]: updates from peer i waiting for peer j.
  const queues = new Map<string, Uint8Array[]>();
  docs.forEach((d, i) =>
    d.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      docs.forEach((_, j) => j !== i && (queues.get(`${i}>${j}`) ?? queues.set(`${i}>${j}`, []).get(`${i}>${j}`)!).push(u));
    }),
  );
  // Oracle: canonical bodies each role approved, recorded by the harness at approval time.
  const approvedBodies = new Map<ReviewerRole, Set<string>>(REVIEWER_ROLES.map((r) => [r, new Set<string>()]));
  const releasedBodies = new Set<string>();

  const check = (): void => {
    for (const d of docs) {
      const rec = getStatement(d, id)!;
      const canon = canonicalBody(requireBody(rec));
      const gate = deriveGate(rec);
      if (gate.status === 'approved') {
        approvedChecks++;
        expect(gate.hash).toBe(sha256Hex(canon));
        for (const r of gate.requiredRoles) expect(approvedBodies.get(r)!.has(canon)).toBe(true);
      }
      if (gate.release) {
        // A released copy is always text every one of its approvers signed.
        const approvals = JSON.parse(gate.release.approvalsJson) as { hash: string }[];
        expect(approvals.length).toBeGreaterThan(0);
        for (const a of approvals) expect(a.hash).toBe(gate.release.hash);
      }
    }
  };

  for (const o of ops) {
    const doc = docs[(o as { peer?: number }).peer ?? 0]!;
    const rec = getStatement(doc, id)!;
    try {
      switch (o.t) {
        case 'edit': {
          const p = requireBody(rec).get(o.para) as Y.XmlElement | undefined;
          const t = p?.get(0) as Y.XmlText | undefined;
          if (!t) break;
          write(doc, 'user', () => (o.del && t.length > 0 ? t.delete(Math.min(o.pos, t.length - 1), 1) : t.insert(Math.min(o.pos, t.length), o.ch)));
          break;
        }
        case 'approve': {
          const canon = canonicalBody(requireBody(rec));
          approve(doc, id, o.role, `peer${o.peer}`);
          approvedBodies.get(o.role)!.add(canon);
          break;
        }
        case 'submit':
          submitForReview(doc, id, 'p');
          break;
        case 'draft':
          returnToDraft(doc, id, 'p');
          break;
        case 'roles':
          setRequiredRoles(rec, o.roles);
          break;
        case 'release': {
          const canon = canonicalBody(requireBody(rec));
          release(doc, id, 'p');
          releasedBodies.add(canon);
          break;
        }
        case 'deliver': {
          const keys = [...queues.keys()].filter((k) => queues.get(k)!.length > 0);
          if (keys.length === 0) break;
          const key = keys[o.link % keys.length]!;
          const q = queues.get(key)!;
          const [u] = o.dup ? [q[o.pick % q.length]!] : q.splice(o.pick % q.length, 1);
          Y.applyUpdate(docs[Number(key.split('>')[1])]!, u!, 'remote');
          break;
        }
      }
    } catch (err) {
      // Refused steps (wrong stage, not approved, read-only) are part of the game.
      if (!(err instanceof Error) || !/Only|before approving|At least one|cannot change/.test(err.message)) throw err;
    }
    check();
  }

  // Everything delivered: all peers agree on text, hash and status.
  for (const [key, q] of queues) for (const u of q.splice(0)) Y.applyUpdate(docs[Number(key.split('>')[1])]!, u, 'remote');
  check();
  const gates = docs.map((d) => deriveGate(getStatement(d, id)!));
  expect(new Set(gates.map((g) => g.hash)).size).toBe(1);
  expect(new Set(gates.map((g) => g.status)).size).toBe(1);
  return { approvedChecks, releases: releasedBodies.size, final: gates };
}

describe('approval gate under concurrency (R6)', () => {
  for (const peers of [2, 3]) {
    it(`never shows unapproved text as approved, ${peers} peers`, () => {
      let approvedChecks = 0;
      let releases = 0;
      // Runs start in review with one approval half the time, so approved states are common.
      const start: Op[] = [{ t: 'submit', peer: 0 }, { t: 'approve', peer: 0, role: 'legal' }];
      fc.assert(
        fc.property(fc.boolean(), fc.array(op(peers), { minLength: 5, maxLength: 70 }), (warm, ops) => {
          const r = run(peers, warm ? [...start, ...ops] : ops);
          approvedChecks += r.approvedChecks;
          releases += r.releases;
        }),
        { numRuns: 150 },
      );
      // The property is not vacuous: approved and released states were reached and checked.
      expect(approvedChecks).toBeGreaterThan(50);
      expect(releases).toBeGreaterThan(5);
    });
  }

  it('keeps a named regression: approval on A, concurrent edit on B, release attempted after sync', () => {
    const ops: Op[] = [
      { t: 'submit', peer: 0 },
      { t: 'deliver', link: 0, pick: 0, dup: false },
      { t: 'approve', peer: 0, role: 'legal' },
      { t: 'edit', peer: 1, para: 0, pos: 3, del: false, ch: '不' },
      { t: 'deliver', link: 1, pick: 0, dup: true },
      { t: 'deliver', link: 0, pick: 0, dup: false },
      { t: 'release', peer: 0 },
    ];
    const r = run(2, ops);
    expect(r.releases).toBe(0);
    expect(r.final.map((g) => g.status)).toEqual(['in_review', 'in_review']);
    expect(r.final[0]!.voided.map((a) => a.role)).toEqual(['legal']);
  });
});
