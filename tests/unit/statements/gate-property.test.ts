import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { write } from '../../../shared/doc/origins';
import { fromBase64Url, toBase64Url } from '../../../shared/governance/base64url';
import { appendEntry, signEntry } from '../../../shared/governance/log';
import { generateDeviceKeys } from '../../../shared/governance/keys';
import { deriveGate, frozenApprovals, type GateState } from '../../../shared/statements/approval';
import { canonicalBody } from '../../../shared/statements/body';
import { sha256Hex } from '../../../shared/statements/hash';
import { getStatement, readStatement, requireBody } from '../../../shared/statements/store';
import { approve, noteLastEditor, release, returnToDraft, setRequiredRoles, submitForReview, WorkflowError } from '../../../shared/statements/workflow';
import { REVIEWER_ROLES, type ReviewerRole } from '../../../shared/statements/types';
import { signedTeam, statementBy, TEAM, WS, type Person, type SignedTeam } from './signoff-helpers';

/**
 * R6 with signed sign-off: for random interleavings of edits, approvals (genuine, by people
 * lacking the role, by the author of the last change, forged and bit-flipped), workflow steps
 * and releases on 2–3 peers whose updates arrive late, out of order and twice, no peer ever shows
 * text as approved unless, for every required role, someone holding that role genuinely signed
 * exactly that text — and, for the legal sign-off, someone other than the last editor. Checked
 * against an oracle the harness keeps itself (the bodies each person signed), not against the
 * code's own bookkeeping.
 */

/** Who works on each peer's laptop. */
const PEOPLE: Person[] = ['owner', 'legalEditor', 'legal'];

type Op =
  | { t: 'edit'; peer: number; para: number; pos: number; del: boolean; ch: string }
  | { t: 'approve'; peer: number; role: ReviewerRole }
  | { t: 'forge'; peer: number; how: 'outsider' | 'flipped' }
  | { t: 'submit'; peer: number }
  | { t: 'draft'; peer: number }
  | { t: 'roles'; peer: number; roles: ReviewerRole[] }
  | { t: 'release'; peer: number }
  | { t: 'deliver'; link: number; pick: number; dup: boolean }
  | { t: 'sync' };

const role = fc.constantFrom(...REVIEWER_ROLES);
const op = (peers: number): fc.Arbitrary<Op> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ t: fc.constant('edit' as const), peer: fc.nat(peers - 1), para: fc.nat(1), pos: fc.nat(12), del: fc.boolean(), ch: fc.constantFrom('的', '不', 'a', '1', '。') }) },
    { weight: 4, arbitrary: fc.record({ t: fc.constant('approve' as const), peer: fc.nat(peers - 1), role }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('forge' as const), peer: fc.nat(peers - 1), how: fc.constantFrom('outsider' as const, 'flipped' as const) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('submit' as const), peer: fc.nat(peers - 1) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('draft' as const), peer: fc.nat(peers - 1) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('roles' as const), peer: fc.nat(peers - 1), roles: fc.subarray([...REVIEWER_ROLES], { minLength: 1 }) }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('release' as const), peer: fc.nat(peers - 1) }) },
    { weight: 5, arbitrary: fc.record({ t: fc.constant('deliver' as const), link: fc.nat(5), pick: fc.nat(20), dup: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('sync' as const) }) },
  );

interface RunResult {
  approvedChecks: number;
  releases: number;
  final: GateState[];
}

/** Member roles that may sign each reviewer role (the oracle's own copy of the rule). */
const MAY_SIGN: Record<ReviewerRole, string> = { legal: 'legal_approver', executive: 'executive_approver', pr: 'spokesperson' };

async function run(t: SignedTeam, peerCount: number, ops: Op[]): Promise<RunResult> {
  let approvedChecks = 0;
  const outsider = await generateDeviceKeys();
  // Every run starts from the signed roster alone (t.doc holds nothing else).
  const docs = Array.from({ length: peerCount }, () => new Y.Doc());
  Y.applyUpdate(docs[0]!, Y.encodeStateAsUpdate(t.doc), 'remote');
  const { id } = statementBy(t, 'owner', { body: '初步聲明內容\n第二段' }, docs[0]!);
  for (const d of docs.slice(1)) Y.applyUpdate(d, Y.encodeStateAsUpdate(docs[0]!), 'remote');
  const queues = new Map<string, Uint8Array[]>();
  docs.forEach((d, i) =>
    d.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      docs.forEach((_, j) => j !== i && (queues.get(`${i}>${j}`) ?? queues.set(`${i}>${j}`, []).get(`${i}>${j}`)!).push(u));
    }),
  );
  // Oracle: "canonical body|signer key" pairs each reviewer role genuinely signed.
  const signed = new Map<ReviewerRole, Set<string>>(REVIEWER_ROLES.map((r) => [r, new Set<string>()]));
  const releasedBodies = new Set<string>();
  const personOf = new Map(PEOPLE.map((p) => [t.keys[p].publicKey, p]));

  const check = async (): Promise<void> => {
    for (const d of docs) {
      const rec = getStatement(d, id)!;
      const canon = canonicalBody(requireBody(rec));
      const gate = deriveGate(rec, { gov: await t.gov(d) });
      const lastEditor = readStatement(rec).lastEditorKey;
      if (gate.status === 'approved') {
        approvedChecks++;
        expect(gate.hash).toBe(sha256Hex(canon));
        for (const r of gate.requiredRoles) {
          const signers = [...signed.get(r)!].filter((s) => s.startsWith(`${canon}|`)).map((s) => s.slice(canon.length + 1));
          const eligible = signers.filter((k) => (TEAM[personOf.get(k)!].roles as readonly string[]).includes(MAY_SIGN[r]) && (r !== 'legal' || k !== lastEditor));
          expect(eligible.length, `role ${r} approved without a genuine eligible signature`).toBeGreaterThan(0);
        }
      }
      if (gate.release) {
        // A released copy always carries the verified approvals of the text it froze.
        const frozen = frozenApprovals(gate.release).signed;
        expect(frozen.length).toBeGreaterThan(0);
        for (const a of frozen) expect(a.hash).toBe(gate.release.hash);
      }
    }
  };

  for (const o of ops) {
    const peer = (o as { peer?: number }).peer ?? 0;
    const doc = docs[peer]!;
    const who = PEOPLE[peer]!;
    const rec = getStatement(doc, id)!;
    try {
      switch (o.t) {
        case 'edit': {
          const p = requireBody(rec).get(o.para) as Y.XmlElement | undefined;
          const text = p?.get(0) as Y.XmlText | undefined;
          if (!text) break;
          write(doc, 'user', () => (o.del && text.length > 0 ? text.delete(Math.min(o.pos, text.length - 1), 1) : text.insert(Math.min(o.pos, text.length), o.ch)));
          noteLastEditor(rec, t.keys[who].publicKey);
          break;
        }
        case 'approve': {
          const canon = canonicalBody(requireBody(rec));
          await approve(doc, id, o.role, await t.as(who, doc));
          signed.get(o.role)!.add(`${canon}|${t.keys[who].publicKey}`);
          break;
        }
        case 'forge': {
          const hash = sha256Hex(canonicalBody(requireBody(rec)));
          const e = await signEntry(o.how === 'outsider' ? outsider : t.keys.legal, { ws: WS, kind: 'approval', statementId: id, hash, role: 'legal' });
          if (o.how === 'flipped') {
            const sig = fromBase64Url(e.s)!;
            sig[7]! ^= 0x10;
            e.s = toBase64Url(sig);
          }
          appendEntry(doc, e, 'user');
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
          await release(doc, id, await t.as(who, doc));
          releasedBodies.add(canon);
          break;
        }
        case 'sync':
          // Everyone catches up (what a reconnect does), in link order.
          for (const [key, q] of queues) for (const u of q.splice(0)) Y.applyUpdate(docs[Number(key.split('>')[1])]!, u, 'remote');
          break;
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
      // Refused steps (wrong stage, role, author, not approved, read-only) are part of the game.
      if (!(err instanceof WorkflowError)) throw err;
    }
    await check();
  }

  // Everything delivered: all peers agree on text, hash and status.
  for (const [key, q] of queues) for (const u of q.splice(0)) Y.applyUpdate(docs[Number(key.split('>')[1])]!, u, 'remote');
  await check();
  const gates = await Promise.all(docs.map(async (d) => deriveGate(getStatement(d, id)!, { gov: await t.gov(d) })));
  expect(new Set(gates.map((g) => g.hash)).size).toBe(1);
  expect(new Set(gates.map((g) => g.status)).size).toBe(1);
  return { approvedChecks, releases: releasedBodies.size, final: gates };
}

describe('signed approval gate under concurrency (R6)', () => {
  for (const peers of [2, 3]) {
    it(`never shows text as approved that an eligible member did not sign, ${peers} peers`, async () => {
      const t = await signedTeam(PEOPLE);
      let approvedChecks = 0;
      let releases = 0;
      // Runs start in review with legal's approval half the time, so approved states are common.
      const start: Op[] = [{ t: 'submit', peer: 0 }, { t: 'sync' }, { t: 'approve', peer: 1, role: 'legal' }, { t: 'sync' }];
      await fc.assert(
        fc.asyncProperty(fc.boolean(), fc.array(op(peers), { minLength: 5, maxLength: 60 }), async (warm, ops) => {
          const r = await run(t, peers, warm ? [...start, ...ops] : ops);
          approvedChecks += r.approvedChecks;
          releases += r.releases;
        }),
        { numRuns: 80 },
      );
      // The property is not vacuous: approved and released states were reached and checked.
      expect(approvedChecks).toBeGreaterThan(50);
      expect(releases).toBeGreaterThan(3);
    }, 120_000);
  }

  it('keeps a named regression: approval on A, concurrent edit on B, release attempted after sync', async () => {
    const t = await signedTeam(PEOPLE);
    const ops: Op[] = [
      { t: 'submit', peer: 0 },
      { t: 'deliver', link: 0, pick: 0, dup: false },
      { t: 'approve', peer: 1, role: 'legal' },
      { t: 'edit', peer: 0, para: 0, pos: 3, del: false, ch: '不' },
      { t: 'deliver', link: 1, pick: 0, dup: true },
      { t: 'deliver', link: 0, pick: 0, dup: false },
      { t: 'deliver', link: 0, pick: 0, dup: false },
      { t: 'release', peer: 0 },
    ];
    const r = await run(t, 2, ops);
    expect(r.releases).toBe(0);
    expect(r.final.map((g) => g.status)).toEqual(['in_review', 'in_review']);
    expect(r.final[0]!.voided.map((a) => a.payload?.role)).toEqual(['legal']);
  });

  it('keeps a named regression: the legal approver edits, then approves their own change', async () => {
    const t = await signedTeam(PEOPLE);
    const ops: Op[] = [
      { t: 'submit', peer: 0 },
      { t: 'deliver', link: 0, pick: 0, dup: false },
      { t: 'edit', peer: 1, para: 1, pos: 0, del: false, ch: '的' },
      { t: 'approve', peer: 1, role: 'legal' },
      { t: 'forge', peer: 1, how: 'flipped' },
      { t: 'deliver', link: 0, pick: 0, dup: false },
      { t: 'deliver', link: 0, pick: 0, dup: false },
      { t: 'deliver', link: 0, pick: 0, dup: false },
      { t: 'release', peer: 0 },
    ];
    const r = await run(t, 2, ops);
    expect(r.releases).toBe(0);
    expect(r.final.map((g) => g.status)).toEqual(['in_review', 'in_review']);
  });
});
