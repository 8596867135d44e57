import type { CandidateInfo, MemberInfo, PayloadOf, UnsignedPayload, ValidItem } from './entries.js';
import { authorityReason, basicReason, type Governance } from './governance.js';
import type { EntryReason } from './reasons.js';
import type { MemberRole } from './roles.js';

/**
 * Admissions: how a person gets from an invite into the roster without anyone typing keys.
 * An owner making an invite signs an `admission.offer` (an id, the proposed role, one-time);
 * the invite carries the id. The joiner signs an `admission.request` with their own key, naming
 * themselves and the id. On the offering owner's laptop, a valid request for that owner's unused
 * one-time offer is admitted by signing `roster.add` with the offered role and the id — the
 * roster's rules are unchanged (only owners' `roster.add` entries count). Any other request
 * waits for an owner to admit it by hand. An offer is used once an accepted `roster.add` names
 * its id, on every laptop alike.
 */

export type OfferPayload = PayloadOf<'admission.offer'>;
export type RequestPayload = PayloadOf<'admission.request'>;

export interface AdmissionOffer {
  item: ValidItem;
  payload: OfferPayload;
  /** Signed by an owner who still is one (a removed owner's offers lapse). */
  valid: boolean;
  reason?: EntryReason;
  /** Key of the member whose accepted `roster.add` used this offer. */
  usedBy?: string;
}

/** Where a join request stands. */
export type RequestState =
  /** Valid, and its signer is not an active member: an owner can admit it. */
  | 'pending'
  /** Its signer is an active member now. */
  | 'member'
  /** Made before its signer was last removed, or superseded by a newer request of the same key. */
  | 'stale'
  /** Does not count (see `reason`). */
  | 'invalid';

export interface AdmissionRequest {
  item: ValidItem;
  payload: RequestPayload;
  state: RequestState;
  reason?: EntryReason;
  /** The valid offer it names, if any. */
  offer?: AdmissionOffer;
}

export interface Admissions {
  /** Offers in replay order. */
  offers: readonly AdmissionOffer[];
  byId: ReadonlyMap<string, AdmissionOffer>;
  /** Requests in replay order. */
  requests: readonly AdmissionRequest[];
  /** Requests an owner can admit, oldest first (one per person: their latest). */
  pending: readonly AdmissionRequest[];
}

/** Why an offer does not count (undefined: it counts). */
export function offerReason(gov: Governance, item: ValidItem): EntryReason | undefined {
  return basicReason(gov, item) ?? authorityReason(gov, item, ['owner']);
}

/** Why a join request does not count (undefined: it counts). */
export function requestReason(gov: Governance, item: ValidItem): EntryReason | undefined {
  const pl = item.payload;
  if (pl.kind !== 'admission.request') return undefined;
  return basicReason(gov, item) ?? (pl.by === pl.member.key ? undefined : 'notSelf');
}

/** Offers and join requests of a workspace, judged. Pure and synchronous. */
export function deriveAdmissions(gov: Governance): Admissions {
  const usedBy = new Map<string, string>();
  for (const item of gov.roster.accepted) {
    const pl = item.payload;
    if (pl.kind === 'roster.add' && pl.admissionId && !usedBy.has(pl.admissionId)) usedBy.set(pl.admissionId, pl.member.key);
  }
  const offers: AdmissionOffer[] = [];
  const byId = new Map<string, AdmissionOffer>();
  const requests: AdmissionRequest[] = [];
  for (const item of gov.ordered) {
    const pl = item.payload;
    if (pl.kind === 'admission.offer') {
      const reason = offerReason(gov, item);
      const used = usedBy.get(pl.admissionId);
      const offer: AdmissionOffer = { item, payload: pl, valid: !reason, ...(reason ? { reason } : {}), ...(used ? { usedBy: used } : {}) };
      offers.push(offer);
      // The first valid offer with an id is the one that counts (ids are random; a copy is noise).
      if (offer.valid && !byId.has(pl.admissionId)) byId.set(pl.admissionId, offer);
    }
  }
  const latest = new Map<string, AdmissionRequest>();
  for (const item of gov.ordered) {
    const pl = item.payload;
    if (pl.kind !== 'admission.request') continue;
    const reason = requestReason(gov, item);
    const offer = pl.admissionId ? byId.get(pl.admissionId) : undefined;
    const req: AdmissionRequest = { item, payload: pl, state: 'invalid', ...(reason ? { reason } : {}), ...(offer ? { offer } : {}) };
    requests.push(req);
    if (reason) continue;
    const m = gov.roster.byKey.get(pl.member.key);
    if (m && !m.removed) req.state = 'member';
    else if (m?.removed && pl.at <= lastChangeAt(m.history)) req.state = 'stale';
    else {
      req.state = 'pending';
      const before = latest.get(pl.member.key);
      if (before) before.state = 'stale';
      latest.set(pl.member.key, req);
    }
  }
  return { offers, byId, requests, pending: requests.filter((r) => r.state === 'pending') };
}

const lastChangeAt = (history: readonly { at: number }[]): number => history[history.length - 1]?.at ?? 0;

/** The roster entry that admits `candidate` with `roles` (from an admission, when given). */
export function admitPayload(workspaceId: string, candidate: CandidateInfo, roles: readonly MemberRole[], admissionId?: string): UnsignedPayload {
  const member: MemberInfo = { key: candidate.key, agreementKey: candidate.agreementKey, name: candidate.name, unit: candidate.unit, roles: [...roles] };
  return { ws: workspaceId, kind: 'roster.add', member, ...(admissionId ? { admissionId } : {}) };
}

/**
 * What the laptop of owner `ownerKey` admits by itself now: for each of its own valid, unused
 * one-time offers, the earliest pending request naming it. Nothing while the roster is still
 * being verified, or when `ownerKey` is not an active owner. `inFlight` holds admission ids
 * this laptop has already signed for but not yet seen counted (so an offer is used once).
 */
export function autoAdmissions(gov: Governance, ownerKey: string, inFlight: ReadonlySet<string> = new Set()): UnsignedPayload[] {
  if (!gov.roster.settled) return [];
  const me = gov.roster.byKey.get(ownerKey);
  if (!me || me.removed || !me.roles.includes('owner')) return [];
  const adm = deriveAdmissions(gov);
  const out: UnsignedPayload[] = [];
  const taken = new Set<string>();
  for (const req of adm.pending) {
    const offer = req.offer;
    if (!offer || offer.usedBy || !offer.payload.oneTime || offer.payload.by !== ownerKey) continue;
    const id = offer.payload.admissionId;
    if (inFlight.has(id) || taken.has(id) || taken.has(req.payload.member.key)) continue;
    if (gov.input.verdict(req.item.entry) !== 'valid' || gov.input.verdict(offer.item.entry) !== 'valid') continue;
    taken.add(id);
    taken.add(req.payload.member.key);
    out.push(admitPayload(gov.input.workspaceId, req.payload.member, [offer.payload.role], id));
  }
  return out;
}
