import type * as Y from 'yjs';
import type { YRecord } from '../doc/collection.js';
import type { GateFlags } from '../governance/gates.js';
import type { Governance } from '../governance/governance.js';
import { APPROVER_ROLE } from '../governance/roles.js';
import { flattenBody } from './body.js';
import { listComments, type AnchoredComment } from './comments.js';
import { isDrillStatement } from './drill.js';
import { checkFacts, type FactConflict } from './facts.js';
import { factsFor } from './factsheet.js';
import { effectivePhrases, lintErrors, lintText, type LintFinding } from './lint.js';
import { requireBody, readStatement } from './store.js';
import { findPlaceholders } from './templates/index.js';
import type { ReviewerRole } from './types.js';

/**
 * What the release gates (governance/gates.ts) measure about a statement's current text:
 * unfilled template placeholders, error-level risky wording, contradictions of the facts sheet,
 * open comments from a reviewer whose sign-off is required, and whether it is a drill's.
 */

/** Checks of the text as the studio's analysis already has them. */
export interface TextChecks {
  placeholders: readonly unknown[];
  lint: readonly LintFinding[];
  conflicts: readonly FactConflict[];
}

/**
 * Open comments made by a member who may sign one of the required roles. A comment counts by
 * the commenter's key as the roster knows it, so a name typed elsewhere never makes one count
 * (comments from before device keys carry no key and do not gate).
 */
export function requiredReviewerComments(comments: readonly Pick<AnchoredComment, 'resolved' | 'byKey'>[], required: readonly ReviewerRole[], gov: Governance | null): number {
  if (!gov) return 0;
  const roles = required.map((r) => APPROVER_ROLE[r]);
  return comments.filter((c) => {
    if (c.resolved || !c.byKey) return false;
    const m = gov.roster.byKey.get(c.byKey);
    return !!m && !m.removed && m.roles.some((r) => roles.includes(r));
  }).length;
}

/** Gate flags from checks already made (the studio's analysis) and the comments. */
export function flagsFrom(checks: TextChecks, comments: readonly Pick<AnchoredComment, 'resolved' | 'byKey'>[], required: readonly ReviewerRole[], gov: Governance | null, drill: boolean): GateFlags {
  return {
    placeholders: checks.placeholders.length,
    lintErrors: lintErrors(checks.lint).length,
    factConflicts: checks.conflicts.length,
    unresolvedRequiredComments: requiredReviewerComments(comments, required, gov),
    drill,
  };
}

/** Measures the gate flags of a statement's current text now (what approve and release check). */
export function measureGateFlags(doc: Y.Doc, rec: YRecord, required: readonly ReviewerRole[], gov: Governance | null): GateFlags {
  const fields = readStatement(rec);
  const text = flattenBody(requireBody(rec)).text;
  return flagsFrom(
    { placeholders: findPlaceholders(text), lint: lintText(text, effectivePhrases(doc, fields.language)), conflicts: checkFacts(text, factsFor(doc, rec)) },
    listComments(rec),
    required,
    gov,
    isDrillStatement(doc, rec, gov),
  );
}
