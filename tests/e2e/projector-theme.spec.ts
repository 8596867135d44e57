/**
 * The projector view in its dark theme (design tokens under [data-theme=dark], styles.css): for a
 * real incident and for a drill, at 1024×768 (a projector), the board's computed background is
 * dark and its text light, body text is at least 28 px, and axe-core (WCAG 2 A/AA, colour contrast
 * included and actually evaluated) finds no serious or critical violation. The board's switch turns
 * it light (still AA-clean), the choice survives a reload on this laptop, and it switches back.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, unlock } from './helpers';
import { seedWorkspace } from './pageTour';

/** WCAG relative luminance of a computed `rgb(…)`/`rgba(…)` colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

async function look(page: Page) {
  return page.getByTestId('projector').evaluate((el) => {
    const cs = getComputedStyle(el);
    const item = el.querySelector('.projector-grid li');
    return { theme: el.getAttribute('data-theme'), bg: cs.backgroundColor, fg: cs.color, itemPx: item ? parseFloat(getComputedStyle(item).fontSize) : 0, lineHeight: parseFloat(cs.lineHeight) / parseFloat(cs.fontSize) };
  });
}

async function axeBlocking(page: Page, name: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('[data-testid=projector]').withTags(['wcag2a', 'wcag2aa']).analyze();
  // The contrast rule must have looked at the board's text, not skipped it.
  expect(result.passes.map((r) => r.id), `${name}: color-contrast evaluated`).toContain('color-contrast');
  const found = result.violations.map((v) => `${name} / ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  for (const f of found) console.log(f);
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name} / ${v.id}`);
}

test('the projector is dark, large and AA-clean; a light screen can be chosen and is kept', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp(page, 'zh-TW');
  const seeded = await seedWorkspace(page);
  const blocking: string[] = [];

  for (const [name, url] of [['incident', seeded.incidentUrl], ['drill', seeded.drillUrl]] as const) {
    await page.goto(`${url}/projector`);
    await expect(page.getByTestId('projector')).toBeVisible();
    const dark = await look(page);
    expect(dark.theme, name).toBe('dark');
    expect(luminance(dark.bg), `${name} background ${dark.bg}`).toBeLessThan(0.02);
    expect(luminance(dark.fg), `${name} text ${dark.fg}`).toBeGreaterThan(0.8);
    expect(dark.itemPx, `${name} body text px`).toBeGreaterThanOrEqual(28);
    expect(dark.lineHeight, `${name} line height`).toBeGreaterThanOrEqual(1.6);
    blocking.push(...(await axeBlocking(page, `${name} dark`)));
  }

  // The drill board is open: switch it to light.
  await page.getByTestId('projector-theme').click();
  const light = await look(page);
  expect(light.theme).toBe('light');
  expect(luminance(light.bg), `light background ${light.bg}`).toBeGreaterThan(0.9);
  expect(luminance(light.fg), `light text ${light.fg}`).toBeLessThan(0.05);
  blocking.push(...(await axeBlocking(page, 'drill light')));

  await page.reload();
  await unlock(page);
  await expect(page.getByTestId('projector')).toHaveAttribute('data-theme', 'light');
  await page.getByTestId('projector-theme').click();
  await expect(page.getByTestId('projector')).toHaveAttribute('data-theme', 'dark');
  expect(luminance((await look(page)).bg)).toBeLessThan(0.02);

  expect(blocking, 'serious or critical axe violations on the projector').toEqual([]);
});
