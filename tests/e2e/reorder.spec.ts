/**
 * Drag-to-reorder (renderer/ui/sortable.tsx, dnd-kit) instead of thirteen clicks on ↑: in the
 * default playbook's 13 crisis types, the 5th is dragged to the top with the mouse, then another
 * is moved two places down with the keyboard alone (Tab to its handle, Space, ↓ ↓, Space) while a
 * live region says where it is in zh-TW; Ctrl+Z undoes the keyboard move (a drop is the person's
 * own write, origin 'user') and Ctrl+Shift+Z redoes it; after a reload the order is still there.
 * A step of a crisis type is reordered with the keyboard too (the same handle inside every list).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createWorkspace, openApp, unlock, waitSaved } from './helpers';

const move = <T,>(list: T[], from: number, to: number): T[] => {
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
};

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function dragWithMouse(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await center(from);
  const b = await center(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  // Past the 4 px activation distance first, then on over the target in small steps.
  await page.mouse.move(a.x, a.y - 8, { steps: 4 });
  await page.mouse.move(b.x, b.y - 4, { steps: 20 });
  await page.mouse.up();
}

test('crisis types reorder by mouse and by keyboard, with announcements, undo, and the order survives a reload', async ({ page }) => {
  await openApp(page, 'zh-TW');
  await createWorkspace(page, '排序測試');
  const links = page.getByTestId('crisis-type-link');
  await expect(links).toHaveCount(13);
  const initial = await links.allTextContents();
  const handles = page.locator('.master-list [data-testid=drag-handle]');
  await expect(handles).toHaveCount(13);
  await expect(handles.nth(4)).toHaveAccessibleName(`拖曳排序：${initial[4]}`);

  // Mouse: the 5th type to the top.
  await dragWithMouse(page, handles.nth(4), handles.nth(0));
  const afterMouse = move(initial, 4, 0);
  await expect(links).toHaveText(afterMouse);

  // Keyboard: the 2nd type two places down (Space picks up, ↓ ↓ moves, Space drops).
  await handles.nth(1).focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(`已拿起「${afterMouse[1]}」，目前在第 2 項，共 13 項。`)).toBeAttached();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByText(`「${afterMouse[1]}」移到第 3 項，共 13 項。`)).toBeAttached();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByText(`「${afterMouse[1]}」移到第 4 項，共 13 項。`)).toBeAttached();
  await page.keyboard.press('Space');
  const afterKeys = move(afterMouse, 1, 3);
  await expect(links).toHaveText(afterKeys);
  await expect(page.getByText(`「${afterMouse[1]}」已放在第 4 項，共 13 項。`)).toBeAttached();

  // Escape cancels a keyboard drag: nothing moves.
  await handles.nth(0).focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(`已拿起「${afterKeys[0]}」，目前在第 1 項，共 13 項。`)).toBeAttached();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByText(`「${afterKeys[0]}」移到第 2 項，共 13 項。`)).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(page.getByText(`已取消，「${afterKeys[0]}」回到第 1 項。`)).toBeAttached();
  await expect(links).toHaveText(afterKeys);

  // The drop was this person's own edit: Ctrl+Z takes it back, Ctrl+Shift+Z puts it again.
  await page.locator('h1').first().click();
  await page.keyboard.press('Control+z');
  await expect(links).toHaveText(afterMouse);
  await page.keyboard.press('Control+Shift+z');
  await expect(links).toHaveText(afterKeys);

  await waitSaved(page);
  await page.reload();
  await unlock(page);
  await expect(links).toHaveText(afterKeys);
});

test('a step of a crisis type moves with the keyboard through its drag handle', async ({ page }) => {
  await openApp(page, 'en');
  await createWorkspace(page, 'Step order');
  const titles = page.getByTestId('step-title');
  await expect(titles.first()).toBeVisible();
  const before = await titles.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(before.length).toBeGreaterThanOrEqual(3);
  const handle = page.getByTestId('step').first().locator('.record-row [data-testid=drag-handle]').first();
  await expect(handle).toHaveAccessibleName(`Drag to reorder: ${before[0]}`);
  await handle.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Picked up “${before[0]}”, item 1 of ${before.length}.`)).toBeAttached();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByText(`“${before[0]}” moved to position 2 of ${before.length}.`)).toBeAttached();
  await page.keyboard.press('Enter');
  await expect.poll(() => titles.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(move(before, 0, 1));
  await expect(page.getByText(`“${before[0]}” dropped at position 2 of ${before.length}.`)).toBeAttached();
  await waitSaved(page);
  await page.reload();
  await unlock(page);
  await expect.poll(() => titles.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(move(before, 0, 1));
});
