import { describe, expect, it } from 'vitest';
import { decideInvite, sameHosts, type LocalWorkspace } from '../../../renderer/sync/inviteDecision';
import type { Invite } from '../../../shared/sync/invite';

const K = (n: number) => Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 7 + n) & 255)).toString('base64url');
const invite: Invite = {
  hosts: ['ws://192.168.1.20:4444/signal'],
  workspaceId: 'ws-1',
  workspaceName: 'Recall',
  roomKey: 'roomKey-AAAAAAAAAAAAAAAAAAAA',
  genesisKey: K(1),
  inviter: K(2),
};
const here: LocalWorkspace = { exists: true, hosts: ['ws://192.168.1.20:4444/signal'], roomKey: invite.roomKey, anchor: invite.genesisKey };

describe('what an invite may change on this laptop', () => {
  it('creates a workspace that is not here', () => {
    expect(decideInvite({ exists: false, hosts: [], roomKey: null, anchor: null }, invite, 'unknown')).toEqual({ kind: 'create' });
  });

  it('only adds a join request when nothing would change (hosts in another order are the same hosts)', () => {
    expect(decideInvite(here, invite, 'owner')).toEqual({ kind: 'rejoin' });
    const two = { ...invite, hosts: ['ws://a:4444/signal', 'ws://b:4444/signal'] };
    expect(decideInvite({ ...here, hosts: ['ws://b:4444/signal', 'ws://a:4444/signal'] }, two, 'owner')).toEqual({ kind: 'rejoin' });
    expect(sameHosts(['ws://a/'], ['ws://a/', 'ws://b/'])).toBe(false);
  });

  it('never changes the hosts of a workspace here without a choice: shows old and new hosts and who signed', () => {
    const other = { ...invite, hosts: ['ws://10.66.6.6:4444/signal'] };
    const d = decideInvite(here, other, 'notMember');
    expect(d).toEqual({
      kind: 'review',
      review: {
        workspaceId: 'ws-1',
        workspaceName: 'Recall',
        hosts: { before: ['ws://192.168.1.20:4444/signal'], after: ['ws://10.66.6.6:4444/signal'], changed: true },
        keyChanged: false,
        anchor: null,
        signer: { key: K(2), standing: 'notMember' },
        choices: ['hosts'],
      },
    });
    // A workspace here without configured hosts gets hosts only by choice too.
    expect(decideInvite({ ...here, hosts: [] }, invite, 'owner').kind).toBe('review');
  });

  it('treats another room key as the suspicious case: only "keep" or, deliberately, "take key, hosts and creator key"', () => {
    const d = decideInvite(here, { ...invite, roomKey: 'roomKey-BBBBBBBBBBBBBBBBBBBB' }, 'owner');
    expect(d.kind === 'review' && d.review).toMatchObject({ keyChanged: true, hosts: { changed: false }, choices: ['all'] });
    // A workspace made before rooms existed has no key of its own: taking the invite's is no change of room.
    expect(decideInvite({ ...here, roomKey: null }, invite, 'owner')).toEqual({ kind: 'rejoin' });
  });

  it('never takes another creator key silently, also for a workspace since deleted from this laptop', () => {
    const d = decideInvite(here, { ...invite, genesisKey: K(9) }, 'unknown');
    expect(d.kind === 'review' && d.review).toMatchObject({ anchor: { trusted: K(1), offered: K(9) }, keyChanged: false, choices: ['all'] });
    const gone = decideInvite({ exists: false, hosts: [], roomKey: null, anchor: K(1) }, { ...invite, genesisKey: K(9) }, 'unknown');
    expect(gone.kind === 'review' && gone.review).toMatchObject({ anchor: { trusted: K(1), offered: K(9) }, hosts: { changed: false }, keyChanged: false });
    expect(decideInvite({ exists: false, hosts: [], roomKey: null, anchor: K(1) }, invite, 'unknown')).toEqual({ kind: 'create' });
  });
});
