/**
 * The design tokens at the top of renderer/styles.css meet WCAG AA in both themes: every text
 * colour on each surface it is used on reaches 4.5:1, the focus ring 3:1 (a non-text indicator),
 * and each severity level's text reaches 4.5:1 on its own background and on the page. axe in the
 * e2e tests sees only the colours a page happens to show; this checks every pair, including
 * severity levels no test incident has.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(__dirname, '../../../renderer/styles.css'), 'utf8');

/** The literal colour tokens declared in the first rule whose selector is exactly `selector`. */
function tokens(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule ${selector}`);
  const body = css.slice(start, css.indexOf('\n}', start));
  return new Map([...body.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const light = tokens(':root');
const themes = { light, dark: new Map([...light, ...tokens("[data-theme='dark']")]) };

/** [foreground, background, minimum ratio] */
const PAIRS: Array<[string, string, number]> = [
  ...['--color-text', '--color-muted', '--color-accent', '--color-danger', '--color-warning', '--color-success', '--color-highlight', '--color-info', '--color-violet', '--color-violet-fg', '--color-teal'].flatMap((fg): Array<[string, string, number]> => [
    [fg, '--color-bg', 4.5],
    [fg, '--color-surface', 4.5],
  ]),
  ['--color-text', '--color-surface-sunken', 4.5],
  ['--color-accent-fg', '--color-accent', 4.5],
  ['--color-danger', '--color-danger-bg', 4.5],
  ['--color-warning-fg', '--color-warning-bg', 4.5],
  ['--color-success', '--color-success-bg', 4.5],
  ['--color-chrome-fg', '--color-chrome', 4.5],
  // Body text on the tinted fills it sits on (banners, anchors, highlighted rows and cells).
  ...['--color-danger-bg', '--color-warning-bg', '--color-success-bg', '--color-info-bg', '--color-info-bg-strong', '--color-danger-soft', '--color-warning-soft', '--color-surface-deep', '--color-conflict-bg', '--color-violet-bg'].map((bg): [string, string, number] => ['--color-text', bg, 4.5]),
  ['--color-muted', '--color-surface-deep', 4.5],
  ['--color-muted', '--color-surface-sunken', 4.5],
  ['--color-info-fg', '--color-info-bg', 4.5],
  ['--color-info', '--color-info-bg', 4.5],
  ['--color-surface', '--color-violet', 4.5],
  ['--color-bg', '--color-text', 4.5],
  ['--color-drill-fg', '--color-drill-bg', 4.5],
  // The top bar and the print toolbar.
  ['--color-chrome-fg', '--color-chrome-raised', 4.5],
  ['--color-chrome-muted', '--color-chrome', 4.5],
  ['--color-chrome-danger', '--color-chrome', 4.5],
  ['--color-chrome-highlight', '--color-chrome', 4.5],
  ['--color-chrome', '--color-chrome-highlight', 4.5],
  ['--color-chrome-fg', '--color-chrome-warning-bg', 4.5],
  ['--color-focus', '--color-bg', 3],
  ['--color-focus', '--color-surface', 3],
  ...[1, 2, 3, 4].flatMap((n): Array<[string, string, number]> => [
    [`--sev-${n}-fg`, `--sev-${n}-bg`, 4.5],
    [`--sev-${n}-fg`, '--color-bg', 4.5],
    ['--color-text', `--sev-${n}-bg`, 4.5],
  ]),
];

describe('design tokens', () => {
  it('declares spacing, a CJK type scale with body lines ≥ 1.6, and colours for both themes', () => {
    expect(css).toMatch(/--space-1:\s*4px/);
    expect(css).toMatch(/--font-tc:\s*'Noto Sans CJK TC'/);
    expect(css).toMatch(/--font-sc:\s*'Noto Sans CJK SC'/);
    expect(Number(/--leading-body:\s*([\d.]+)/.exec(css)?.[1])).toBeGreaterThanOrEqual(1.6);
    expect(themes.dark.get('--color-bg')).not.toBe(light.get('--color-bg'));
    expect(luminance(themes.dark.get('--color-bg')!)).toBeLessThan(0.02);
  });

  for (const [name, t] of Object.entries(themes)) {
    it(`${name}: every text pair meets WCAG AA`, () => {
      const failing = PAIRS.flatMap(([fg, bg, min]) => {
        const a = t.get(fg);
        const b = t.get(bg);
        if (!a || !b) return [`${fg} on ${bg}: missing`];
        const ratio = contrast(a, b);
        return ratio >= min ? [] : [`${fg} ${a} on ${bg} ${b}: ${ratio.toFixed(2)} < ${min}`];
      });
      expect(failing).toEqual([]);
    });
  }
});
