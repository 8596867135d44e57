import { expect, type Page } from '@playwright/test';

/** Who a test laptop's person is (the first-start form's fields). */
export interface TestProfile {
  name: string;
  unit?: string;
  phone?: string;
  email?: string;
}

/** The passphrase every test laptop protects its vault with (web mode: renderer/vault). */
export const TEST_PASSPHRASE = 'crisis-room test passphrase';

/** What the app shows before it is ready: first start, the vault's unlock or setup screen, or ready. */
const STAGES = /^(none|locked|setup|ready)$/;

/**
 * Answers whatever the app asks before it is ready — the first-start form (profile + device key,
 * and the vault passphrase where it asks for one), the unlock screen after a reload or a new
 * browser process, the passphrase setup of a laptop with data from before encryption — and waits
 * until the app is ready. Call after every `page.goto`/reload/relaunch; on a laptop that is
 * ready it only waits. Works in every UI language (fields are found by name).
 */
export async function completeOnboarding(page: Page, profile: TestProfile = { name: 'Tester' }, passphrase = TEST_PASSPHRASE): Promise<void> {
  const app = page.locator('.app[data-identity]');
  // A full-screen view (print, projector) is shown only once the app is ready.
  const stageNow = async () => ((await page.locator('.fullscreen').count()) > 0 ? 'ready' : await app.getAttribute('data-identity', { timeout: 1000 }).catch(() => null));
  for (let step = 0; step < 4; step++) {
    await expect.poll(stageNow, { timeout: 30_000 }).toMatch(STAGES);
    const stage = await stageNow();
    if (stage === 'ready') return;
    if (stage === 'locked') {
      const form = page.getByTestId('unlock');
      await form.locator('input[name=passphrase]').fill(passphrase);
      await form.locator('button[type=submit]').click();
    } else if (stage === 'setup') {
      const form = page.getByTestId('vault-setup');
      await form.locator('input[name=passphrase]').fill(passphrase);
      await form.locator('input[name=passphraseConfirm]').fill(passphrase);
      await form.locator('button[type=submit]').click();
    } else {
      const form = page.getByTestId('onboarding');
      for (const field of ['name', 'unit', 'phone', 'email'] as const) await form.locator(`input[name=${field}]`).fill(profile[field] ?? '');
      if ((await form.locator('input[name=passphrase]').count()) > 0) {
        await form.locator('input[name=passphrase]').fill(passphrase);
        await form.locator('input[name=passphraseConfirm]').fill(passphrase);
      }
      await form.locator('button[type=submit]').click();
    }
    // Wait until that screen is gone (Argon2id takes a moment), then look again.
    await expect.poll(stageNow, { timeout: 30_000 }).not.toBe(stage);
  }
  await expect.poll(stageNow, { timeout: 15_000 }).toBe('ready');
}

/**
 * After a reload, a new page or a relaunch of a profile that has a vault: types the passphrase
 * into the unlock screen if it shows (another unlocked tab of the same browser may hand the key
 * over instead) and waits until the app is ready.
 */
export async function unlock(page: Page, passphrase = TEST_PASSPHRASE): Promise<void> {
  await completeOnboarding(page, { name: 'Tester' }, passphrase);
}

/** Opens the app with a clean slate in this browser context and the given UI language, past the first-start form. */
export async function openApp(page: Page, language: 'zh-TW' | 'zh-CN' | 'en' = 'zh-TW', profile: TestProfile = { name: 'Tester' }): Promise<void> {
  await page.addInitScript((lang) => {
    if (!localStorage.getItem('crisis-room.session')) {
      localStorage.setItem('crisis-room.session', JSON.stringify({ state: { language: lang, userName: 'Tester', userColor: '#0369a1' }, version: 1 }));
    }
  }, language);
  await page.goto('/');
  await completeOnboarding(page, profile);
}

/** Creates a workspace from the list page and waits until its playbook is shown. Returns its id. */
export async function createWorkspace(page: Page, name: string): Promise<string> {
  await page.goto('/#/');
  const input = page.locator('[data-testid=create-workspace] input');
  await input.fill(name);
  await page.locator('[data-testid=create-workspace] button[type=submit]').click();
  await expect(page).toHaveURL(/#\/w\/[^/]+\/playbook/);
  await expect(page.getByTestId('workspace-title')).toHaveText(name);
  const id = /#\/w\/([^/]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`No workspace id in ${page.url()}`);
  return decodeURIComponent(id);
}

/** Waits until every local edit is confirmed written to IndexedDB. */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

/**
 * Answers the app's confirmation dialog (renderer/ui/confirm.tsx, never the browser's own):
 * waits for it (role alertdialog), clicks its action ('accept') or Cancel ('dismiss'), waits
 * until it is gone, and returns its text (title and body) for checks.
 */
export async function confirmDialog(page: Page, answer: 'accept' | 'dismiss' = 'accept'): Promise<string> {
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  const text = (await dialog.textContent()) ?? '';
  await dialog.getByTestId(answer === 'accept' ? 'confirm-ok' : 'confirm-cancel').click();
  await expect(dialog).toHaveCount(0);
  return text;
}

/**
 * Records every native dialog (alert, confirm, prompt; a page that asks before unloading aside)
 * the page opens, and dismisses it. The returned list should stay empty: the app asks in its own
 * dialog.
 */
export function recordNativeDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', (d) => {
    // Dismissed as Playwright does with no listener; only a page asking before unloading is not counted.
    if (d.type() !== 'beforeunload') opened.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  return opened;
}

/**
 * Runs `create` (the click on "Create invite code") and returns the code it made — never the code
 * the team page showed before the click (CI once read the previous invite's, already used, code
 * for the next laptop, whose join request then could not be admitted automatically).
 */
export async function newInviteCode(page: Page, create: () => Promise<void>): Promise<string> {
  const code = page.getByTestId('invite-code');
  const before = (await code.count()) > 0 ? ((await code.first().textContent()) ?? '').trim() : '';
  await create();
  await expect(code).toBeVisible({ timeout: 15_000 });
  if (before) await expect(code).not.toHaveText(before, { timeout: 15_000 });
  return ((await code.textContent()) ?? '').trim();
}
