import type { Member, RoleMap, RoleUnit } from './types.js';

/** Contact details confirmed within this many days count as fresh. */
export const FRESH_DAYS = 90;
/** A fresh contact whose review falls due within this many days is flagged as due soon. */
export const DUE_SOON_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

export type FreshnessStatus = 'fresh' | 'dueSoon' | 'stale' | 'never';

export interface Freshness {
  status: FreshnessStatus;
  /** Whole days since the last review (null when never reviewed). */
  daysSince: number | null;
  /** Whole days until the review falls due (negative when overdue; null when never reviewed). */
  daysLeft: number | null;
}

/**
 * How fresh a member's contact details are at `now`. A review dated in the future (a peer's
 * clock running ahead) counts as made now.
 */
export function freshnessOf(reviewedAt: number | null, now: number): Freshness {
  if (reviewedAt === null) return { status: 'never', daysSince: null, daysLeft: null };
  const age = Math.max(0, now - reviewedAt);
  const daysSince = Math.floor(age / DAY_MS);
  const daysLeft = Math.ceil((FRESH_DAYS * DAY_MS - age) / DAY_MS);
  if (age > FRESH_DAYS * DAY_MS) return { status: 'stale', daysSince, daysLeft };
  return { status: daysLeft <= DUE_SOON_DAYS ? 'dueSoon' : 'fresh', daysSince, daysLeft };
}

/** Whether the member's details need a review now (stale or never reviewed). */
export function needsReview(member: Pick<Member, 'reviewedAt'>, now: number): boolean {
  const s = freshnessOf(member.reviewedAt, now).status;
  return s === 'stale' || s === 'never';
}

/** Where to find a member: their unit and record. */
export interface MemberRef {
  unit: RoleUnit;
  member: Member;
}

/** Index of every member by id, across units. */
export function memberIndex(map: Pick<RoleMap, 'units'>): Map<string, MemberRef> {
  const out = new Map<string, MemberRef>();
  for (const unit of map.units) for (const member of unit.members) out.set(member.id, { unit, member });
  return out;
}

/**
 * Who must confirm a member's details: the named reviewer if they are still in the map, else
 * the unit's first key person other than the member, else the unit's first key person (the
 * member reviews themselves). Null when nobody is named — the warning then says so.
 */
export function reviewerOf(member: Member, unit: RoleUnit, index: Map<string, MemberRef>): MemberRef | null {
  if (member.reviewerMemberId) {
    const named = index.get(member.reviewerMemberId);
    if (named) return named;
  }
  const keyPeople = unit.members.filter((m) => m.isKey);
  const other = keyPeople.find((m) => m.id !== member.id);
  if (other) return { unit, member: other };
  if (keyPeople[0]) return { unit, member: keyPeople[0] };
  return null;
}
