import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GovernanceView } from '../../../shared/governance/view';
import { appendEntry } from '../../../shared/governance/log';
import { SignatureCache } from '../../../shared/governance/verifier';
import { deriveApprovals } from '../../../shared/governance/approvals';
import { NOW, signed, T0, team, textHash, WS } from './helpers';

describe('GovernanceView', () => {
  it('does nothing until asked, then keeps one snapshot until the log or the verdicts change', async () => {
    const { keys, entries } = await team({ legal: ['legal_approver'] });
    const doc = new Y.Doc();
    for (const e of entries) appendEntry(doc, e, 'system');
    const cache = new SignatureCache({ yieldToUi: () => Promise.resolve() });
    const view = new GovernanceView(doc, { workspaceId: WS, trustedGenesisKey: keys.owner!.publicKey, cache, clock: () => NOW });
    expect(cache.busy).toBe(false); // constructing verifies nothing
    let heard = 0;
    const stop = view.subscribe(() => heard++);

    const first = view.getSnapshot();
    expect(view.getSnapshot()).toBe(first);
    expect(first.roster.settled).toBe(false); // verdicts not in yet
    await cache.settled();
    expect(heard).toBeGreaterThan(0);
    const settled = view.getSnapshot();
    expect(settled).not.toBe(first);
    expect(settled.roster.members.map((m) => m.name)).toEqual(['林雅婷', 'legal']);

    const approval = await signed(keys.legal!, { kind: 'approval', at: T0 + 10, statementId: 's', hash: textHash('t'), role: 'legal' });
    const before = heard;
    appendEntry(doc, approval, 'user');
    expect(heard).toBe(before + 1);
    expect(deriveApprovals(view.getSnapshot(), { statementId: 's', hash: textHash('t') })[0]!.reason).toBe('verifying');
    await cache.settled();
    expect(deriveApprovals(view.getSnapshot(), { statementId: 's', hash: textHash('t') })[0]!.valid).toBe(true);

    stop();
    view.dispose();
    const after = heard;
    appendEntry(doc, approval, 'user');
    expect(heard).toBe(after);
  });
});
