/**
 * Every page is keyboard-reachable: on each stop of the page tour (pageTour.ts, the same pages
 * and overlays the axe and overflow checks visit), Tab alone, pressed repeatedly from the top of
 * the page (or from where an open dialog put focus), reaches every visible interactive element —
 * button, a[href], input, select, textarea, [role=button], [tabindex] ≥ 0, contenteditable; in an
 * open modal dialog only the dialog's own (the rest is rightly out of reach); one radio per group —
 * and each shows a visible focus indicator while focused from the keyboard (outline or box-shadow
 * not none). Unreached elements and invisible focus are printed per page.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';
import { seedWorkspace, tourStops } from './pageTour';

interface Probe {
  total: number;
  missing: string[];
  invisible: string[];
}

/** Marks every element that receives focus, and whether its focus could be seen then. */
async function install(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __kb?: { reached: WeakSet<Element>; invisible: string[] } };
    const state = { reached: new WeakSet<Element>(), invisible: [] as string[] };
    w.__kb = state;
    document.addEventListener(
      'focusin',
      (e) => {
        const el = e.target as HTMLElement;
        state.reached.add(el);
        // Radix's focus guards (empty spans at a dialog's edges) hand focus straight back inside.
        if (el.hasAttribute('data-radix-focus-guard')) return;
        const cs = getComputedStyle(el);
        const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
        const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
        if (!outline && !shadow) state.invisible.push(`${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`);
      },
      true,
    );
  });
}

/** The visible, enabled, tabbable elements of the page (of the open modal dialog, if any) and which were reached. */
async function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    const w = window as unknown as { __kb: { reached: WeakSet<Element>; invisible: string[] } };
    const dialogs = [...document.querySelectorAll<HTMLElement>('[role=dialog][aria-modal=true], [role=alertdialog], dialog[open]')].filter((d) => d.checkVisibility());
    const root: ParentNode = dialogs.at(-1) ?? document;
    const selector = 'button, a[href], input, select, textarea, [role=button], [tabindex], [contenteditable=true]';
    const candidates = [...root.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      if (el.matches(':disabled, [data-radix-focus-guard]') || el.tabIndex < 0 || el.closest('[inert], [aria-hidden=true]')) return false;
      if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
      const r = el.getBoundingClientRect();
      return el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true }) && r.width > 0 && r.height > 0;
    });
    const describe = (el: HTMLElement) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;
    const reached = (el: HTMLElement) => {
      if (w.__kb.reached.has(el)) return true;
      // A radio group is one tab stop: the arrow keys move within it.
      if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) return [...document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape(el.name)}"]`)].some((r) => w.__kb.reached.has(r));
      // Focus inside (an editor's inner node) counts for its host.
      return [...el.querySelectorAll('*')].some((d) => w.__kb.reached.has(d));
    };
    return { total: candidates.length, missing: candidates.filter((el) => !reached(el)).map(describe), invisible: [...new Set(w.__kb.invisible)] };
  });
}

test('Tab reaches every interactive element on every page, with a visible focus', async ({ page }) => {
  test.setTimeout(900_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, 'zh-TW');
  const seeded = await seedWorkspace(page);
  const report: Array<{ page: string; elements: number; presses: number; missing: number; invisible: number }> = [];
  const failures: string[] = [];

  // KB_STOPS="search palette,runbook" checks only those stops (for a quick look at one page).
  const only = process.env.KB_STOPS?.split(',');
  for (const stop of tourStops(seeded).filter((s) => !only || only.includes(s.name))) {
    await stop.go(page);
    await install(page);
    const inDialog = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[role=dialog][aria-modal=true], [role=alertdialog], dialog[open]')].some((d) => d.checkVisibility()));
    // Start from the top of the page; an open dialog keeps the focus it gave (it traps Tab).
    if (!inDialog) await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const { total } = await probe(page);
    const budget = total + 20;
    let presses = 0;
    let result = await probe(page);
    while (presses < budget) {
      for (let i = 0; i < 20 && presses < budget; i++, presses++) await page.keyboard.press('Tab');
      result = await probe(page);
      if (result.missing.length === 0 && presses >= 3) break;
    }
    report.push({ page: stop.name, elements: result.total, presses, missing: result.missing.length, invisible: result.invisible.length });
    for (const m of result.missing) failures.push(`${stop.name}: not reached by Tab: ${m}`);
    for (const m of result.invisible) failures.push(`${stop.name}: focus not visible: ${m}`);
    // Leave overlays closed for the next stop.
    await page.keyboard.press('Escape');
  }

  console.table(report);
  for (const f of failures) console.log(`- ${f}`);
  if (!only) expect(report.length).toBeGreaterThanOrEqual(30);
  expect(failures, 'elements Tab does not reach, or whose focus cannot be seen').toEqual([]);
});
