import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deriveGate } from '../../../shared/statements/approval';
import { approve, submitForReview } from '../../../shared/statements/workflow';
import { governanceLog } from '../../../shared/governance/log';
import { getStatement } from '../../../shared/statements/store';
import { signedTeam, statementBy } from '../statements/signoff-helpers';

const MARKER = 'PRIVILEGED-和解金額-4410';

describe('sign-off of a statement in a restricted room', () => {
  it('signs into the workspace log (id, hash, role only), not into the room document, and counts there', async () => {
    const t = await signedTeam();
    const room = new Y.Doc();
    // Written by the owner, in the room's document; the legal approver approves.
    const { id } = statementBy(t, 'owner', { body: `第一段。\n${MARKER}` }, room);
    submitForReview(room, id, '王小明');
    const before = governanceLog(t.doc).length;
    await approve(room, id, 'legal', { ...(await t.as('legal')), logDoc: t.doc });
    expect(governanceLog(room).length).toBe(0);
    expect(governanceLog(t.doc).length).toBe(before + 1);
    const raw = governanceLog(t.doc).get(before) as string;
    const payload = JSON.parse((JSON.parse(raw) as { p: string }).p) as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(['at', 'by', 'hash', 'kind', 'role', 'statementId', 'ws']);
    expect(raw).not.toContain(MARKER);
    expect(raw).not.toContain('第一段');
    // The approval counts for the statement in the room, judged against the workspace's roster.
    expect(deriveGate(getStatement(room, id)!, { gov: await t.gov() }).status).toBe('approved');
    // Without `logDoc` (as before the fix) the entry would land in the room's document instead.
    const { id: id2 } = statementBy(t, 'owner', { body: '另一份' }, room);
    submitForReview(room, id2, '王小明');
    await approve(room, id2, 'legal', await t.as('legal'));
    expect(governanceLog(room).length).toBe(1);
  });
});
