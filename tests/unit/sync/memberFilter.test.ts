import { describe, expect, it } from 'vitest';
import { DeliveryLedger, deliveryStatus } from '../../../shared/sync/delivery';
import { changesNotReachedAnyone, headline, type PeerStatus, type SyncStatus } from '../../../shared/sync/status';
import { rosterMemberFilter } from '../../../renderer/sync/rosterMembers';

// Issue 13, item 5: working alone showed an orange "42 項變更還沒有送達任何人", and a closed print
// window (the app's own, syncing like a peer) stayed listed as a member.

const T = 1_000_000;
const CLIENT = 7;

/** This laptop made `n` changes; the print window (another member id, same person) held them all, then closed. */
function aloneWithClosedPrintWindow(n: number, filter?: (m: { id: string; name: string }) => boolean): DeliveryLedger {
  const ledger = new DeliveryLedger();
  if (filter) ledger.memberFilter = filter;
  for (let i = 1; i <= n; i++) ledger.record(CLIENT, i, false, T + i);
  ledger.seen('print-window', 'Mei', null, T + n);
  ledger.confirm('print-window', new Map([[CLIENT, n]]), true, T + n);
  for (let i = n + 1; i <= n + 42; i++) ledger.record(CLIENT, i, false, T + i);
  return ledger;
}

function status(ledger: DeliveryLedger, peers: PeerStatus[], isMember?: (m: { id: string; name: string }) => boolean): SyncStatus {
  return { online: peers.some((p) => p.connected), peers, ...deliveryStatus(ledger, 'me', peers, isMember) };
}

// The roster: Mei (this laptop's person, key "mei-key") and Lin, an outside lawyer; Wu was removed.
const roster = {
  members: [
    { key: 'mei-key', name: 'Mei', removed: false },
    { key: 'lin-key', name: 'Lin', removed: false },
    { key: 'wu-key', name: 'Wu', removed: true },
  ],
} as unknown as Parameters<typeof rosterMemberFilter>[0];
const isMember = rosterMemberFilter(roster, 'mei-key');

describe('who counts as a member for delivery', () => {
  it('proves the bug: with every peer counted, the closed print window turns working alone into "not delivered"', () => {
    const s = status(aloneWithClosedPrintWindow(3), []);
    expect(s.members.map((m) => m.memberId)).toEqual(['print-window']);
    expect(headline(s, true, T + 100_000)).toBe('unreached');
  });

  it('the print window is not a member: no row, and 45 changes wait for someone to send them to (not "undelivered")', () => {
    const s = status(aloneWithClosedPrintWindow(3, isMember), [], isMember);
    expect(s.members).toEqual([]);
    expect(s.hasMembers).toBe(false);
    expect(s.unreachedChanges).toBe(45);
    expect(changesNotReachedAnyone(s, T + 100_000)).toBe(false);
    expect(headline(s, true, T + 100_000)).toBe('alone');
    expect(headline(s, false, T + 100_000)).toBe('offline');
  });

  it('while the print window is still open it makes nobody "in sync" with us', () => {
    const ledger = aloneWithClosedPrintWindow(3, isMember);
    const link: PeerStatus = { peerId: 'p', clientId: 9, memberId: 'print-window', connected: true, inSync: true, lastInSyncAt: T, outOfSyncSince: null, lastHeardAt: T, rttMs: 1, transfers: [] };
    const s = status(ledger, [link], isMember);
    expect(headline(s, true, T + 100_000)).toBe('alone');
    expect(changesNotReachedAnyone(s, T + 100_000)).toBe(false);
  });

  it('a real member who left is listed with what did not reach them; only members\' copies count as delivered', () => {
    const ledger = aloneWithClosedPrintWindow(3, isMember);
    ledger.seen('lin', 'Lin', '#0369a1', T);
    ledger.confirm('lin', new Map([[CLIENT, 2]]), false, T + 2);
    const s = status(ledger, [], isMember);
    expect(s.members.map((m) => [m.name, m.undelivered])).toEqual([['Lin', 43]]);
    expect(s.hasMembers).toBe(true);
    expect(s.unreachedChanges).toBe(43);
    expect(headline(s, true, T + 100_000)).toBe('unreached');
  });

  it('the roster filter: other active members only; no roster here means everyone counts', () => {
    expect(isMember({ name: 'Lin' })).toBe(true);
    expect(isMember({ name: ' Lin ' })).toBe(true);
    expect(isMember({ name: 'Mei' })).toBe(false);
    expect(isMember({ name: 'Wu' })).toBe(false);
    expect(isMember({ name: 'Stranger' })).toBe(false);
    expect(rosterMemberFilter(null, null)({ name: 'Anyone' })).toBe(true);
  });
});
