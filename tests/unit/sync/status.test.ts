import { describe, expect, it } from 'vitest';
import { changesNotReachedAnyone, headline, headlineWithKey, peerState, type PeerStatus, type SyncStatus } from '../../../shared/sync/status';

const peer = (over: Partial<PeerStatus> = {}): PeerStatus => ({
  peerId: 'p',
  clientId: 1,
  connected: true,
  inSync: true,
  lastInSyncAt: 1000,
  outOfSyncSince: null,
  lastHeardAt: 1000,
  rttMs: 2,
  transfers: [],
  ...over,
});
const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({ online: true, peers: [peer()], members: [], hasMembers: true, unreachedChanges: 0, unreachedSince: null, localChanges: 0, ...over });

describe('sync headline', () => {
  it('says the key does not match (not "waiting for others") while members are reachable with another key and nobody is connected', () => {
    const alone = status({ online: false, peers: [], unreachedChanges: 3, unreachedSince: 0 });
    expect(headlineWithKey(alone, true, 5000, true)).toBe('keyMismatch');
    expect(headlineWithKey(alone, true, 5000, false)).toBe('unreached');
    // Connected to a member (same key): the other laptop's mismatch is not ours to report.
    expect(headlineWithKey(status(), true, 5000, true)).toBe('inSync');
    expect(headlineWithKey(alone, false, 5000, true)).toBe('unreached');
  });

  it('offline, alone, in sync', () => {
    expect(headline(status({ online: false, peers: [] }), false, 0)).toBe('offline');
    expect(headline(status({ online: false, peers: [] }), true, 0)).toBe('alone');
    expect(headline(status(), true, 5000)).toBe('inSync');
  });

  it('syncing only when a peer lags for a while or a transfer runs (an edit on its way is normal)', () => {
    expect(headline(status({ peers: [peer({ inSync: false, outOfSyncSince: 4000 })] }), true, 5000)).toBe('inSync');
    expect(headline(status({ peers: [peer({ inSync: false, outOfSyncSince: 1000 })] }), true, 5000)).toBe('syncing');
    expect(headline(status({ peers: [peer({ inSync: false, lastInSyncAt: null, outOfSyncSince: 4999 })] }), true, 5000)).toBe('syncing');
    expect(headline(status({ peers: [peer({ transfers: [{ direction: 'in', doneBytes: 1, totalBytes: 10 }] })] }), true, 5000)).toBe('syncing');
  });

  it('"not reached anyone": at once when nobody is connected, after a grace period otherwise', () => {
    const offline = status({ online: false, peers: [peer({ connected: false })], unreachedChanges: 2, unreachedSince: 4900 });
    expect(changesNotReachedAnyone(offline, 5000)).toBe(true);
    expect(headline(offline, false, 5000)).toBe('unreached');
    const online = status({ unreachedChanges: 1, unreachedSince: 4500 });
    expect(changesNotReachedAnyone(online, 5000)).toBe(false);
    expect(changesNotReachedAnyone(online, 7000)).toBe(true);
    expect(changesNotReachedAnyone(status(), 7000)).toBe(false);
  });

  it('working alone (nobody ever met) is not a delivery failure', () => {
    const alone = status({ online: false, peers: [], hasMembers: false, unreachedChanges: 42, unreachedSince: 100 });
    expect(changesNotReachedAnyone(alone, 60_000)).toBe(false);
    expect(headline(alone, true, 60_000)).toBe('alone');
    expect(headline({ ...alone, hasMembers: true }, true, 60_000)).toBe('unreached');
  });

  it('a peer row and the headline use one rule', () => {
    for (const p of [peer(), peer({ inSync: false, outOfSyncSince: 4000 }), peer({ inSync: false, outOfSyncSince: 1000 }), peer({ transfers: [{ direction: 'out', doneBytes: 1, totalBytes: 2 }] })]) {
      const h = headline(status({ peers: [p] }), true, 5000);
      expect(h).toBe(peerState(p, 5000));
    }
    expect(peerState(peer({ connected: false }), 5000)).toBe('offline');
  });
});

describe('recordLabel', () => {
  it('finds a record anywhere in the workspace and names it', async () => {
    const Y = await import('yjs');
    const { addRecord, childCollection } = await import('../../../shared/doc/collection');
    const { collectionOf } = await import('../../../shared/doc/workspaceDoc');
    const { recordLabel } = await import('../../../renderer/sync/recordLabel');
    const doc = new Y.Doc();
    const types = collectionOf(doc, 'crisisTypes');
    const typeId = addRecord(types, { name: 'Data leak', steps: [] }, 'user');
    const steps = childCollection(types.get(typeId)!, 'steps', 'user');
    const stepId = addRecord(steps, { title: 'Notify the regulator' }, 'user');
    expect(recordLabel(doc, typeId)).toBe('Data leak');
    expect(recordLabel(doc, stepId)).toBe('Notify the regulator');
    expect(recordLabel(doc, 'nope')).toBeNull();
  });
});
