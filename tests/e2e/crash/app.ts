/**
 * The app as the crash trials use it: a profile that has been through the first-start form, with
 * one workspace and one blank statement, and the places the trials type into.
 */
import type { Locator, Page } from '@playwright/test';

export interface Fixture {
  workspaceId: string;
  statementId: string;
}

/** Where a trial types: how to get there, focus the caret at the end, and read what is stored. */
export interface Target {
  name: 'statement' | 'playbook-description' | 'playbook-name';
  /** Hash route of the page with the field. */
  route(f: Fixture): string;
  locate(page: Page): Locator;
  /** Puts the caret at the end of the field's text. */
  focusEnd(page: Page): Promise<void>;
  read(page: Page): Promise<string>;
}

const T = 15_000;

/** The vault passphrase of test laptops (tests/e2e/helpers.ts TEST_PASSPHRASE). */
const PASSPHRASE = 'crisis-room test passphrase';

/** Answers the first-start form (with the vault passphrase) or the unlock screen after a relaunch. */
async function completeOnboardingIfShown(page: Page): Promise<void> {
  const app = page.locator('.app[data-identity]');
  await app.waitFor({ timeout: T });
  let answered = '';
  for (let i = 0; i < 300; i++) {
    const state = await app.getAttribute('data-identity');
    if (state === 'ready') return;
    if (state === 'none' && answered !== 'none') {
      answered = 'none';
      const form = page.getByTestId('onboarding');
      await form.locator('input[name=name]').fill('Crash Tester');
      await form.locator('input[name=unit]').fill('QA');
      if ((await form.locator('input[name=passphrase]').count()) > 0) {
        await form.locator('input[name=passphrase]').fill(PASSPHRASE);
        await form.locator('input[name=passphraseConfirm]').fill(PASSPHRASE);
      }
      await form.locator('button[type=submit]').click();
    }
    if (state === 'locked' && answered !== 'locked') {
      answered = 'locked';
      const form = page.getByTestId('unlock');
      await form.locator('input[name=passphrase]').fill(PASSPHRASE);
      await form.locator('button[type=submit]').click();
    }
    if (state !== 'none' && state !== 'locked') answered = '';
    await page.waitForTimeout(100);
  }
  throw new Error('The app never became ready (first-start form or unlock screen)');
}

async function waitForUrl(page: Page, re: RegExp): Promise<RegExpExecArray> {
  for (let i = 0; i < 150; i++) {
    const m = re.exec(page.url());
    if (m) return m;
    await page.waitForTimeout(100);
  }
  throw new Error(`URL never matched ${re}: ${page.url()}`);
}

/** Waits until every local edit is confirmed written (the save indicator says so). */
export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid=save-status][data-status=saved]').waitFor({ timeout: T });
}

/** Leaving a page that asks first (beforeunload) goes ahead, as a person confirming would. */
export function confirmLeaving(page: Page): void {
  page.on('dialog', (d) => void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()).catch(() => undefined));
}

/** First start, a workspace, and a blank statement. */
export async function prepareFixture(page: Page, baseUrl: string): Promise<Fixture> {
  await page.goto(`${baseUrl}#/`);
  await completeOnboardingIfShown(page);
  await page.locator('[data-testid=create-workspace] input').fill('Crash drill');
  await page.locator('[data-testid=create-workspace] button[type=submit]').click();
  const workspaceId = decodeURIComponent((await waitForUrl(page, /#\/w\/([^/]+)\/playbook/))[1]!);
  await page.getByTestId('crisis-type-detail').waitFor({ timeout: T });
  await waitSaved(page);
  await page.goto(`${baseUrl}#/w/${workspaceId}/statements`);
  await page.getByTestId('new-statement').click();
  await page.getByTestId('template-blank').check();
  await page.getByTestId('new-title').fill('Crash statement');
  await page.getByTestId('create-statement').click();
  const statementId = decodeURIComponent((await waitForUrl(page, /#\/w\/[^/]+\/statements\/([^/?]+)$/))[1]!);
  await page.getByTestId('statement-body').waitFor({ timeout: T });
  await waitSaved(page);
  return { workspaceId, statementId };
}

/** Opens `target`'s page and waits until its field shows the stored document. */
export async function openTarget(page: Page, baseUrl: string, fixture: Fixture, target: Target): Promise<void> {
  confirmLeaving(page);
  await page.goto(`${baseUrl}${target.route(fixture)}`);
  await completeOnboardingIfShown(page);
  await target.locate(page).waitFor({ timeout: T });
}

const playbookRoute = (f: Fixture) => `#/w/${f.workspaceId}/playbook`;

/** The crisis type's description: the first multi-line field of the selected type. */
const description = (page: Page) => page.getByTestId('crisis-type-detail').locator('textarea').first();

async function focusInputEnd(locator: Locator): Promise<void> {
  await locator.click();
  await locator.evaluate((el: HTMLInputElement | HTMLTextAreaElement) => {
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  });
}

export const TARGETS: Record<Target['name'], Target> = {
  statement: {
    name: 'statement',
    route: (f) => `#/w/${f.workspaceId}/statements/${f.statementId}`,
    locate: (page) => page.getByTestId('statement-body'),
    async focusEnd(page) {
      await page.getByTestId('statement-body').click();
      await page.keyboard.press('Control+End');
    },
    read: (page) => page.getByTestId('statement-body').evaluate((el) => el.textContent ?? ''),
  },
  'playbook-description': {
    name: 'playbook-description',
    route: playbookRoute,
    locate: description,
    focusEnd: (page) => focusInputEnd(description(page)),
    read: (page) => description(page).inputValue(),
  },
  'playbook-name': {
    name: 'playbook-name',
    route: playbookRoute,
    locate: (page) => page.getByTestId('crisis-name'),
    focusEnd: (page) => focusInputEnd(page.getByTestId('crisis-name')),
    read: (page) => page.getByTestId('crisis-name').inputValue(),
  },
};
