import type { RiskAssessment } from './types.js';

/**
 * Severity suggestion from the three risk factors the handbooks name: likelihood, size of loss and
 * the feasibility of a response. The result is a level on a four-step scale (1 = most severe);
 * `fitToLevels` maps it onto the levels the workspace's playbook actually defines. The team may
 * override it, with a reason (see incidents.ts).
 */
export const SUGGESTION_SCALE = 4;

/** Risk score bands (likelihood × loss, 1…25) → base level. First band whose minimum is met wins. */
export const RISK_BANDS: readonly { minScore: number; level: number }[] = [
  { minScore: 16, level: 1 },
  { minScore: 9, level: 2 },
  { minScore: 4, level: 3 },
  { minScore: 1, level: 4 },
];

function checkScore(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 5) throw new RangeError(`${name} must be a whole number from 1 to 5 (got ${value})`);
}

/**
 * Suggested severity level (1…4) for a risk assessment.
 * - base level from the risk score bands;
 * - a response that is hard to mount (feasibility 1–2) makes it one level more severe,
 *   an easy and effective one (4–5) one level less severe;
 * - a catastrophic loss (5) is never rated below level 2, whatever the other factors.
 * @throws RangeError when a factor is not a whole number 1…5.
 */
export function suggestSeverity(risk: RiskAssessment): number {
  checkScore('likelihood', risk.likelihood);
  checkScore('loss', risk.loss);
  checkScore('feasibility', risk.feasibility);
  const score = risk.likelihood * risk.loss;
  let level = RISK_BANDS.find((b) => score >= b.minScore)!.level;
  if (risk.feasibility <= 2) level -= 1;
  else if (risk.feasibility >= 4) level += 1;
  level = Math.max(1, Math.min(SUGGESTION_SCALE, level));
  if (risk.loss === 5) level = Math.min(level, 2);
  return level;
}

/**
 * Maps a level on the four-step suggestion scale onto the levels a playbook defines (its
 * `level` numbers, 1 = most severe), keeping the relative position. With no levels defined the
 * suggestion is returned unchanged.
 */
export function fitToLevels(suggested: number, levels: readonly number[]): number {
  const sorted = [...new Set(levels.filter((l) => Number.isInteger(l) && l >= 1))].sort((a, b) => a - b);
  if (sorted.length === 0) return suggested;
  if (sorted.length === 1) return sorted[0]!;
  const pos = (Math.max(1, Math.min(SUGGESTION_SCALE, suggested)) - 1) / (SUGGESTION_SCALE - 1);
  return sorted[Math.round(pos * (sorted.length - 1))]!;
}

/** Why a chosen severity needs a reason: it differs from the suggestion. */
export function overrideNeedsReason(chosen: number, suggested: number): boolean {
  return chosen !== suggested;
}
