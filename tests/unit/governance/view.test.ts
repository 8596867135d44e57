import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { GovernanceView } from '../../../shared/governance/view';
import { appendEntry, governanceLog } from '../../../shared/governance/log';
import { peekKind, serializeEntry, ENTRY_KINDS } from '../../../shared/governance/entries';
import { SignatureCache } from '../../../shared/governance/verifier';
import { deriveApprovals, requiredRolesMet } from '../../../shared/governance/approvals';
import { NOW, signed, T0, team, textHash, WS } from './helpers';

const immediate = () => Promise.resolve();

describe('GovernanceView', () => {
  it('does nothing until asked, then keeps one snapshot until the log or the verdicts change', async () => {
    const { keys, entries } = await team({ legal: ['legal_approver'] });
    const doc = new Y.Doc();
    for (const e of entries) appendEntry(doc, e, 'system');
    const cache = new SignatureCache({ yieldToUi: immediate });
    const view = new GovernanceView(doc, { workspaceId: WS, trustedGenesisKey: keys.owner!.publicKey, cache, clock: () => NOW, yieldToUi: immediate });
    expect(cache.busy).toBe(false); // constructing verifies nothing
    let heard = 0;
    const stop = view.subscribe(() => heard++);

    const first = view.getSnapshot();
    expect(view.getSnapshot()).toBe(first);
    expect(first.roster.settled).toBe(false); // verdicts not in yet
    await cache.settled();
    // New verdicts reach listeners (coalesced while checks run), and the next snapshot is fresh.
    await vi.waitFor(() => expect(heard).toBeGreaterThan(0));
    const settled = view.getSnapshot();
    expect(settled).not.toBe(first);
    expect(settled.roster.members.map((m) => m.name)).toEqual(['林雅婷', 'legal']);

    const approval = await signed(keys.legal!, { kind: 'approval', at: T0 + 10, statementId: 's', hash: textHash('t'), role: 'legal' });
    const before = heard;
    appendEntry(doc, approval, 'user');
    expect(heard).toBe(before + 1);
    expect(view.getSnapshot().unread).toBe(1);
    await view.readAll();
    expect(deriveApprovals(view.getSnapshot(), { statementId: 's', hash: textHash('t') })).toHaveLength(1);
    await cache.settled();
    expect(deriveApprovals(view.getSnapshot(), { statementId: 's', hash: textHash('t') })[0]!.valid).toBe(true);

    stop();
    view.dispose();
    const after = heard;
    appendEntry(doc, approval, 'user');
    expect(heard).toBe(after);
  });

  it('reads the roster at once and sign-offs in the background, showing them as checking until read', async () => {
    const { keys, entries } = await team({ legal: ['legal_approver'] });
    const doc = new Y.Doc();
    for (const e of entries) appendEntry(doc, e, 'system');
    const hash = textHash('holding statement');
    const approvals = [];
    for (let i = 0; i < 40; i++) approvals.push(await signed(keys.legal!, { kind: 'approval', at: T0 + 100 + i, statementId: i === 0 ? 's' : `other-${i}`, hash, role: 'legal' }));
    for (const a of approvals) appendEntry(doc, a, 'remote');
    // One slice parses at most what fits in its time budget; a yield that waits lets the test look in between.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const gate = () => held;
    const cache = new SignatureCache({ yieldToUi: immediate });
    const view = new GovernanceView(doc, { workspaceId: WS, trustedGenesisKey: keys.owner!.publicKey, cache, clock: () => NOW, yieldToUi: gate });

    const first = view.getSnapshot();
    expect(first.input.log.map((i) => i.payload?.kind)).toEqual(entries.map(() => expect.stringMatching(/^roster\./)));
    expect(first.unread).toBe(40);
    await cache.settled();
    const early = view.getSnapshot();
    expect(early.roster.settled).toBe(true);
    // Not read yet: never "met", always pending.
    const target = { statementId: 's', hash, kind: 'holding' as const };
    expect(requiredRolesMet(early, target)).toMatchObject({ met: false, pending: true });

    release();
    await view.readAll();
    await cache.settled();
    const read = view.getSnapshot();
    expect(read.unread).toBe(0);
    expect(read.ordered.filter((i) => i.payload.kind === 'approval')).toHaveLength(40);
    expect(requiredRolesMet(read, target)).toMatchObject({ met: true, pending: false });
    view.dispose();
  });

  it('ends with the same log as an eager read when entries arrive while it reads in the background', async () => {
    const { keys, entries } = await team({ legal: ['legal_approver'] });
    const doc = new Y.Doc();
    for (const e of entries) appendEntry(doc, e, 'system');
    const sign = (i: number) => signed(keys.legal!, { kind: 'approval', at: T0 + 100 + i, statementId: `s-${i % 7}`, hash: textHash(`t${i}`), role: 'legal' });
    for (let i = 0; i < 300; i++) appendEntry(doc, await sign(i), 'remote');
    const late = [await sign(1000), await sign(1001)];
    // Every yield lets one more thing happen: a new entry arrives (and is read) mid-way.
    let yields = 0;
    const view = new GovernanceView(doc, {
      workspaceId: WS,
      trustedGenesisKey: keys.owner!.publicKey,
      sliceMs: 0,
      yieldToUi: async () => {
        yields++;
        if (yields === 2) appendEntry(doc, late[0]!, 'remote');
        if (yields === 5) {
          appendEntry(doc, late[1]!, 'remote');
          view.getSnapshot();
        }
        await new Promise((r) => setTimeout(r, 0));
      },
    });
    expect(view.getSnapshot().unread).toBe(300);
    await view.readAll();
    const eager = new GovernanceView(doc, { workspaceId: WS, trustedGenesisKey: keys.owner!.publicKey, eager: true });
    const order = (v: GovernanceView) => v.getSnapshot().ordered.map((i) => `${i.index}:${i.entry.s}`);
    expect(yields).toBeGreaterThan(5);
    expect(view.getSnapshot().unread).toBe(0);
    expect(order(view)).toEqual(order(eager));
    expect(order(view)).toHaveLength(entries.length + 302);
    view.dispose();
    eager.dispose();
  });

  it('an eager view reads everything in its first snapshot', async () => {
    const { keys, entries } = await team({ legal: ['legal_approver'] });
    const doc = new Y.Doc();
    for (const e of entries) appendEntry(doc, e, 'system');
    appendEntry(doc, await signed(keys.legal!, { kind: 'approval', at: T0 + 5, statementId: 's', hash: textHash('x'), role: 'legal' }), 'remote');
    const view = new GovernanceView(doc, { workspaceId: WS, trustedGenesisKey: keys.owner!.publicKey, eager: true });
    expect(view.getSnapshot()).toMatchObject({ unread: 0 });
    expect(view.getSnapshot().ordered).toHaveLength(entries.length + 1);
    view.dispose();
  });
});

describe('peekKind', () => {
  it('names the kind of every well-formed entry exactly, whatever its text fields hold', async () => {
    const { keys } = await team({});
    // A reason that spells a roster kind, in the forms the stored text could take.
    const sneaky = '","kind":"roster.remove" \\"kind\\":\\"roster.remove\\" \\\\"kind\\\\":\\\\"roster.remove';
    const e = await signed(keys.owner!, { kind: 'incident.severity', at: T0, incidentId: 'i', severity: 2, reason: sneaky });
    const doc = new Y.Doc();
    appendEntry(doc, e, 'system');
    expect(peekKind(governanceLog(doc).get(0))).toBe('incident.severity');
    expect(peekKind(serializeEntry(e))).toBe('incident.severity');
    for (const kind of ENTRY_KINDS) expect(peekKind(JSON.stringify({ p: JSON.stringify({ at: 1, kind }), s: 'x' }))).toBe(kind);
    expect(peekKind(42)).toBeUndefined();
    expect(peekKind('{"p":"{}"}')).toBeUndefined();
  });
});
