import { autoAdmissions, deriveAdmissions, type GovernanceView } from '../../shared/governance';
import { useCurrentWorkspace } from '../workspace/useWorkspace';
import { reportStorageError } from '../workspace/persistence';
import { trustedGenesisKey, useIdentity, useTrustAnchors } from './identity';
import { currentGovernanceView, signAndAppend } from './useGovernance';

let installed = false;

/** What the last admission pass saw (for tests' failure messages: renderer/identity/testHooks.ts). */
export interface AdmissionPass {
  at: number;
  settled: boolean;
  unread: number;
  pending: Array<{ name: string; offer: 'none' | 'used' | 'notMine' | 'notOneTime' | 'usable'; request: string; offerVerdict: string | null }>;
  signed: number;
  inFlight: number;
}
let lastPass: AdmissionPass | null = null;
export const lastAdmissionPass = (): AdmissionPass | null => lastPass;

/** A pass runs again this often while the workspace is open: a missed notification delays an admission by at most this. */
export const ADMISSION_RECHECK_MS = 3000;

/**
 * On an owner's laptop, admits join requests for that owner's own unused one-time invites
 * (shared/governance/admissions.ts autoAdmissions) by signing `roster.add` with the offered
 * role (origin 'system': the app does it, on the owner's standing instruction given when the
 * invite was made). Runs while the workspace is open here; every other request waits in the
 * Members page for an owner. Returns the disposer.
 */
export function installAdmissionService(): () => void {
  if (installed) return () => {};
  installed = true;
  let view: GovernanceView | null = null;
  let stopView = (): void => {};
  let scheduled = false;
  // Admission ids signed for in this session: an offer is used once even before its
  // `roster.add` has been verified and counted.
  const inFlight = new Set<string>();

  const admit = (): void => {
    scheduled = false;
    const keys = useIdentity.getState().keys;
    if (!view || !keys) return;
    const gov = view.getSnapshot();
    const payloads = autoAdmissions(gov, keys.publicKey, inFlight);
    lastPass = {
      at: Date.now(),
      settled: gov.roster.settled,
      unread: gov.unread,
      pending: deriveAdmissions(gov).pending.map((r) => ({
        name: r.payload.member.name,
        offer: !r.offer ? 'none' : r.offer.usedBy ? 'used' : r.offer.payload.by !== keys.publicKey ? 'notMine' : !r.offer.payload.oneTime ? 'notOneTime' : 'usable',
        request: gov.input.verdict(r.item.entry),
        offerVerdict: r.offer ? gov.input.verdict(r.offer.item.entry) : null,
      })),
      signed: payloads.length,
      inFlight: inFlight.size,
    };
    for (const payload of payloads) {
      if (payload.kind !== 'roster.add' || !payload.admissionId) continue;
      const id = payload.admissionId;
      inFlight.add(id);
      signAndAppend(payload, 'system').catch((err: unknown) => {
        inFlight.delete(id);
        reportStorageError(err);
      });
    }
  };
  // Listeners fire inside Yjs observers and verification batches: admit after them, when the page
  // is idle (reading the whole log must not sit on the path of opening a workspace), within 1 s.
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(admit, { timeout: 1000 });
    else setTimeout(admit, 0);
  };
  const rewire = (): void => {
    // Read the open workspace's anchor if nobody has yet (the store then calls rewire again).
    const current = useCurrentWorkspace.getState().current;
    if (current && !(current.id in useTrustAnchors.getState().byWorkspace)) void trustedGenesisKey(current.id).catch(reportStorageError);
    const next = useIdentity.getState().keys ? currentGovernanceView() : null;
    if (next === view) return;
    stopView();
    view = next;
    stopView = view ? view.subscribe(schedule) : () => {};
    if (view) schedule();
  };
  const stops = [useCurrentWorkspace.subscribe(rewire), useTrustAnchors.subscribe(rewire), useIdentity.subscribe(rewire)];
  rewire();
  // Also look again now and then: a request must not wait for the next change of the log if a
  // notification was missed. (The 45 s wait CI once saw was a test joining with an already-used
  // invite code, which rightly waits for an owner: tests/e2e/helpers.ts newInviteCode.)
  const recheck = setInterval(() => {
    if (view) schedule();
  }, ADMISSION_RECHECK_MS);
  return () => {
    clearInterval(recheck);
    stops.forEach((s) => s());
    stopView();
    installed = false;
  };
}
