import { describe, expect, it } from 'vitest';
import { FRESH_DAYS, freshnessOf, memberIndex, needsReview, reviewerOf } from '../../../shared/roles/freshness';
import type { Member, RoleUnit } from '../../../shared/roles/types';
import { DAY, NOW } from './fixture';

const member = (id: string, patch: Partial<Member> = {}): Member => ({
  id,
  name: id,
  title: '',
  phone: '',
  email: '',
  handle: '',
  isKey: false,
  keyRoleName: '',
  backupMemberId: '',
  reviewedAt: null,
  reviewerMemberId: '',
  ...patch,
});
const unit = (id: string, members: Member[]): RoleUnit => ({ id, key: '', name: id, abbr: '', kind: 'internal', duties: '', members });

describe('contact freshness', () => {
  it('is fresh up to 90 days, due soon in the last two weeks, stale after', () => {
    expect(freshnessOf(NOW - 10 * DAY, NOW)).toEqual({ status: 'fresh', daysSince: 10, daysLeft: 80 });
    expect(freshnessOf(NOW - 80 * DAY, NOW).status).toBe('dueSoon');
    expect(freshnessOf(NOW - FRESH_DAYS * DAY, NOW)).toMatchObject({ status: 'dueSoon', daysLeft: 0 });
    expect(freshnessOf(NOW - FRESH_DAYS * DAY - 1, NOW).status).toBe('stale');
    expect(freshnessOf(NOW - 200 * DAY, NOW)).toMatchObject({ status: 'stale', daysSince: 200 });
    expect(freshnessOf(null, NOW)).toEqual({ status: 'never', daysSince: null, daysLeft: null });
  });

  it('treats a review dated in the future as made now', () => {
    expect(freshnessOf(NOW + 5 * DAY, NOW)).toMatchObject({ status: 'fresh', daysSince: 0 });
  });

  it('needs a review when stale or never reviewed', () => {
    expect(needsReview(member('a', { reviewedAt: NOW - 91 * DAY }), NOW)).toBe(true);
    expect(needsReview(member('a'), NOW)).toBe(true);
    expect(needsReview(member('a', { reviewedAt: NOW - 89 * DAY }), NOW)).toBe(false);
  });

  it('names who must review: the named reviewer, else another key person, else the key person', () => {
    const lead = member('lead', { isKey: true });
    const deputy = member('deputy', { isKey: true });
    const staff = member('staff', { reviewerMemberId: 'hr' });
    const hr = member('hr');
    const u = unit('u', [lead, deputy, staff]);
    const other = unit('other', [hr]);
    const index = memberIndex({ units: [u, other] });
    expect(reviewerOf(staff, u, index)?.member.id).toBe('hr');
    expect(reviewerOf(lead, u, index)?.member.id).toBe('deputy');
    const solo = unit('solo', [member('only', { isKey: true })]);
    expect(reviewerOf(solo.members[0]!, solo, memberIndex({ units: [solo] }))?.member.id).toBe('only');
    // A reviewer who left the map falls back to the unit's key person; nobody → null.
    expect(reviewerOf(member('x', { reviewerMemberId: 'gone' }), u, index)?.member.id).toBe('lead');
    const none = unit('none', [member('y')]);
    expect(reviewerOf(none.members[0]!, none, memberIndex({ units: [none] }))).toBeNull();
  });
});
