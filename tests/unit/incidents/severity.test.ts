import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitToLevels, suggestSeverity } from '../../../shared/incidents/severity';

const score = fc.integer({ min: 1, max: 5 });

describe('severity suggestion table', () => {
  // likelihood, loss, feasibility → level (1 = most severe), worked out by hand from the rules.
  const table: [number, number, number, number][] = [
    [5, 5, 3, 1], // score 25
    [4, 4, 3, 1], // 16: top band
    [3, 5, 3, 2], // 15: second band
    [3, 3, 3, 2], // 9
    [2, 4, 3, 3], // 8
    [2, 2, 3, 3], // 4
    [1, 3, 3, 4], // 3
    [1, 1, 3, 4],
    [3, 3, 1, 1], // hard response → one level up
    [2, 2, 2, 2],
    [3, 3, 5, 3], // easy response → one level down
    [1, 1, 5, 4], // already lowest
    [4, 4, 1, 1], // already highest
    [1, 5, 5, 2], // catastrophic loss: never below level 2 (base 3, +1 → 4, capped to 2)
    [5, 5, 5, 2], // 25 → 1, easy response → 2
    [2, 5, 3, 2], // 10 → 2
  ];
  it.each(table)('likelihood %i, loss %i, feasibility %i → level %i', (likelihood, loss, feasibility, level) => {
    expect(suggestSeverity({ likelihood, loss, feasibility })).toBe(level);
  });

  it('never rates more likely or bigger losses as less severe, nor an easier response as more severe', () => {
    fc.assert(
      fc.property(score, score, score, (l, s, f) => {
        const at = suggestSeverity({ likelihood: l, loss: s, feasibility: f });
        if (l < 5) expect(suggestSeverity({ likelihood: l + 1, loss: s, feasibility: f })).toBeLessThanOrEqual(at);
        if (s < 5) expect(suggestSeverity({ likelihood: l, loss: s + 1, feasibility: f })).toBeLessThanOrEqual(at);
        if (f < 5) expect(suggestSeverity({ likelihood: l, loss: s, feasibility: f + 1 })).toBeGreaterThanOrEqual(at);
        expect(at).toBeGreaterThanOrEqual(1);
        expect(at).toBeLessThanOrEqual(4);
      }),
    );
  });

  it('rejects factors outside 1…5', () => {
    expect(() => suggestSeverity({ likelihood: 0, loss: 3, feasibility: 3 })).toThrow(/likelihood/);
    expect(() => suggestSeverity({ likelihood: 3, loss: 6, feasibility: 3 })).toThrow(/loss/);
    expect(() => suggestSeverity({ likelihood: 3, loss: 3, feasibility: 2.5 })).toThrow(/feasibility/);
  });

  it('fits the four-step suggestion onto the levels a playbook defines', () => {
    expect([1, 2, 3, 4].map((s) => fitToLevels(s, [1, 2, 3, 4]))).toEqual([1, 2, 3, 4]);
    expect([1, 2, 3, 4].map((s) => fitToLevels(s, [3, 1, 2]))).toEqual([1, 2, 2, 3]);
    expect(fitToLevels(2, [])).toBe(2);
    expect(fitToLevels(4, [2])).toBe(2);
  });
});
