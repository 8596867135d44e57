import { GATES, type Gate, type PayloadOf } from './entries.js';
import { authorityReason, basicReason, type Governance, type Judged } from './governance.js';

/**
 * Release gates (放行條件): what must hold before a statement is approved or released. Each
 * failing gate blocks both, except `drill`, which blocks only release — a drill statement can
 * be approved as an exercise but never released as real, and no override changes that. An
 * owner can override any other gate with a signed entry that gives a reason.
 */

/** What the statement studio measures about the current text. */
export interface GateFlags {
  /** Unfilled template placeholders. */
  placeholders: number;
  /** Error-level phrase-lint findings. */
  lintErrors: number;
  /** Numbers, dates, names that contradict the facts sheet. */
  factConflicts: number;
  /** Open comments from reviewers whose sign-off is required. */
  unresolvedRequiredComments: number;
  /** The statement belongs to a drill. */
  drill: boolean;
}

export type OverridePayload = PayloadOf<'override'>;
export type DerivedOverride = Judged<OverridePayload>;

/** Gates an owner may override. */
export const OVERRIDABLE_GATES: readonly Gate[] = GATES.filter((g) => g !== 'drill');

/** Overrides recorded for a statement: valid when signed by an owner (from then until now) for an overridable gate. */
export function deriveOverrides(gov: Governance, statementId: string): DerivedOverride[] {
  const out: DerivedOverride[] = [];
  for (const item of gov.ordered) {
    const pl = item.payload;
    if (pl.kind !== 'override' || pl.statementId !== statementId) continue;
    const reason = basicReason(gov, item) ?? (OVERRIDABLE_GATES.includes(pl.gate) ? authorityReason(gov, item, ['owner']) : 'notOverridable');
    out.push({ item, payload: pl, valid: !reason, ...(reason ? { reason } : {}) });
  }
  return out;
}

/** One gate's standing. */
export interface GateStanding {
  gate: Gate;
  /** How many problems the gate found (drill: 1 when a drill). */
  count: number;
  failing: boolean;
  /** The valid override that lifts it, if any (latest). */
  override?: DerivedOverride;
  blocksApproval: boolean;
  blocksRelease: boolean;
}

export interface GateReport {
  gates: GateStanding[];
  /** Gates that keep the statement from being approved. */
  blocksApproval: Gate[];
  /** Gates that keep the statement from being released. */
  blocksRelease: Gate[];
}

/**
 * Which gates block approval and release, given the measured flags and the statement's
 * overrides (from {@link deriveOverrides}; only valid ones, for an overridable gate, count).
 */
export function releaseGates(flags: GateFlags, overrides: readonly DerivedOverride[] = []): GateReport {
  const counts: Record<Gate, number> = {
    placeholders: flags.placeholders,
    lint: flags.lintErrors,
    facts: flags.factConflicts,
    comments: flags.unresolvedRequiredComments,
    drill: flags.drill ? 1 : 0,
  };
  const gates = GATES.map((gate): GateStanding => {
    const count = Math.max(0, counts[gate] || 0);
    const failing = count > 0;
    const override = OVERRIDABLE_GATES.includes(gate) ? [...overrides].reverse().find((o) => o.valid && o.payload?.gate === gate) : undefined;
    const blocking = failing && !override;
    return { gate, count, failing, ...(override && failing ? { override } : {}), blocksApproval: blocking && gate !== 'drill', blocksRelease: blocking };
  });
  return {
    gates,
    blocksApproval: gates.filter((g) => g.blocksApproval).map((g) => g.gate),
    blocksRelease: gates.filter((g) => g.blocksRelease).map((g) => g.gate),
  };
}
