/**
 * One small design system (issue 13): every colour in the renderer's style sheets comes from a
 * token (var(--color-…), var(--sev-…)) declared at the top of renderer/styles.css. A hex, rgb(),
 * hsl() or other colour literal anywhere else fails here, so literals cannot creep back. Allowed:
 * the token declarations themselves (the `:root` and `[data-theme='dark']` blocks of styles.css)
 * and the documented print sheets, whose black-on-white colours are deliberate for paper.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(__dirname, '../../../renderer');

/** Print sheets: fixed ink on paper in every theme. Each says so in its opening comment. */
const PRINT_SHEETS = ['features/roles/poster.css', 'features/statements/statementPrint.css'];

const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/gi;

/** Comments blanked out (newlines kept, so line numbers stay right). */
function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
}

/** In styles.css, blank the custom-property declarations of the two token blocks (the only place colours are defined). */
function blankTokenBlocks(css: string): string {
  let out = css;
  for (const selector of [':root {', "[data-theme='dark'] {"]) {
    const start = out.indexOf(selector);
    if (start < 0) throw new Error(`styles.css: no ${selector} block`);
    const end = out.indexOf('\n}', start);
    const body = out.slice(start, end).replace(/--[\w-]+\s*:[^;]*;/g, (d) => d.replace(/[^\n]/g, ' '));
    out = out.slice(0, start) + body + out.slice(end);
  }
  return out;
}

/** `file:line: literal` for every colour literal outside the allowed places. */
function colourLiterals(file: string, css: string): string[] {
  const text = file === 'styles.css' ? blankTokenBlocks(stripComments(css)) : stripComments(css);
  return [...text.matchAll(COLOUR_LITERAL)].map((m) => `${file}:${text.slice(0, m.index).split('\n').length}: ${m[0]}`);
}

function cssFiles(): string[] {
  return readdirSync(RENDERER, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    // Sources only: not a stray build output (renderer/.tmp) or installed packages.
    .filter((f) => f.endsWith('.css') && !f.split('/').some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort();
}

describe('renderer style sheets take their colours from the design tokens', () => {
  it('no hex/rgb/hsl colour literal outside the token blocks of styles.css and the print sheets', () => {
    const files = cssFiles();
    expect(files).toContain('styles.css');
    expect(files.length).toBeGreaterThan(5);
    const found = files.filter((f) => !PRINT_SHEETS.includes(f)).flatMap((f) => colourLiterals(f, readFileSync(join(RENDERER, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('each print sheet exists and says in its opening comment why its colours stay literal', () => {
    for (const f of PRINT_SHEETS) {
      const head = /^\/\*([\s\S]*?)\*\//.exec(readFileSync(join(RENDERER, f), 'utf8'))?.[1] ?? '';
      expect(head, f).toMatch(/print/i);
      expect(head, f).toMatch(/literal/i);
    }
  });

  it('the check catches literals in any form, and only outside comments and token declarations', () => {
    expect(colourLiterals('a.css', '.x { color: #fff; }\n.y { background: rgb(0 0 0 / 20%); border-color: #B91C1C; }')).toEqual(['a.css:1: #fff', 'a.css:2: rgb(', 'a.css:2: #B91C1C']);
    expect(colourLiterals('a.css', '.x { box-shadow: 0 0 4px rgba(0, 0, 0, 0.3); color: hsl(0 0% 0%); }')).toEqual(['a.css:1: rgba(', 'a.css:1: hsl(']);
    expect(colourLiterals('a.css', '/* on #292524 */\n.x { color: var(--color-text); }')).toEqual([]);
    const styles = ":root {\n  --color-text: #1c1917;\n}\n[data-theme='dark'] {\n  --color-text: #fafaf9;\n}\n.topbar { --color-focus: #fde68a; color: #000; }";
    expect(colourLiterals('styles.css', styles)).toEqual(['styles.css:7: #fde68a', 'styles.css:7: #000']);
  });
});
