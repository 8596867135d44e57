/**
 * Two laptops of a crisis team, for the sign-off end-to-end test (signoff.spec.ts) and the S1
 * benchmark: each a Chromium process in its own network namespace (createNetnsLab) with its own
 * profile and device key, driving the built app in zh-TW through its own screens — first-start
 * profile, workspace creation (signed genesis), roles on the Members page, the host connection,
 * a one-time invite with a role and the join.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { NetnsLab } from './netns/netns';
import { completeOnboarding, type TestProfile } from './helpers';
import { membersLocales } from '../../renderer/features/members/locales';
import { syncLocales } from '../../renderer/features/sync/locales';

const ZH = {
  members: membersLocales['zh-TW'] as { roles: Record<string, string> },
  sync: syncLocales['zh-TW'] as { host: Record<string, string>; invite: Record<string, string> },
};

export interface LaptopOptions {
  /** Installs the app's test hooks (a modified client that may sign anything it can). */
  testHooks?: boolean;
  /** Replaces window.print with a counter (headless: note that the print dialog was asked for). */
  countPrints?: boolean;
}

/** Launches laptop `index` of the lab, opens the app in zh-TW and answers the first-start form. */
export async function openLaptop(lab: NetnsLab, index: number, profile: TestProfile, opts: LaptopOptions = {}): Promise<Page> {
  const browser = await lab.launch(index);
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await page.addInitScript(
    ([hooks, prints]) => {
      if (!localStorage.getItem('crisis-room.session')) localStorage.setItem('crisis-room.session', JSON.stringify({ state: { language: 'zh-TW' }, version: 1 }));
      if (hooks) localStorage.setItem('crisis-room.test-hooks', '1');
      if (prints) window.print = () => void ((window as unknown as { __printed: number }).__printed = ((window as unknown as { __printed?: number }).__printed ?? 0) + 1);
    },
    [opts.testHooks ?? false, opts.countPrints ?? false] as const,
  );
  await page.goto(lab.url);
  await completeOnboarding(page, profile);
  return page;
}

/** Goes to an app route (`w/<id>/statements`…) on a lab laptop. */
export const go = (lab: NetnsLab, page: Page, path: string) => page.goto(`${lab.url}#/${path}`);

/** The roster row of a member, by name. */
export const memberRow = (page: Page, name: string) => page.getByTestId('member-row').filter({ has: page.getByTestId('member-name').getByText(name, { exact: true }) });

/** Creates a workspace from the workspace list; the creator is its owner. Returns its id. */
export async function createWorkspaceOn(lab: NetnsLab, page: Page, name: string): Promise<string> {
  await go(lab, page, '');
  await page.locator('[data-testid=create-workspace] input').fill(name);
  await page.locator('[data-testid=create-workspace] button[type=submit]').click();
  await expect(page).toHaveURL(/#\/w\/[^/]+\//);
  return decodeURIComponent(/#\/w\/([^/]+)/.exec(page.url())![1]!);
}

/** Sets a member's roles on the Members page (as an owner) and waits until they count. */
export async function setRoles(lab: NetnsLab, page: Page, ws: string, name: string, roles: string[]): Promise<void> {
  await go(lab, page, `w/${ws}/members`);
  const r = memberRow(page, name);
  await r.getByTestId('change-roles').click();
  for (const [role, label] of Object.entries(ZH.members.roles)) {
    const box = r.getByRole('checkbox', { name: label, exact: true });
    if ((await box.count()) === 0 || (await box.isDisabled())) continue;
    await box.setChecked(roles.includes(role));
  }
  await r.getByRole('button', { name: ZH.members.roles.save }).click();
  await expect(r.getByTestId('member-roles')).toHaveAttribute('data-roles', roles.join(' '));
}

/**
 * The owner on `a` connects the workspace to the lab's host and invites `joiner` (on `b`) with a
 * one-time admission for `role`; `b` joins with the code, `a`'s laptop admits them. Returns the
 * joiner's key fingerprint (hex) as the roster shows it.
 */
export async function inviteAndJoin(lab: NetnsLab, a: Page, b: Page, ws: string, joiner: string, role: string): Promise<string> {
  const indicator = (p: Page) => p.getByTestId('sync-indicator');
  await go(lab, a, `w/${ws}/sync`);
  await a.getByRole('textbox', { name: ZH.sync.host.address }).fill(`${lab.hubIp}:${lab.port}`);
  await a.getByRole('button', { name: ZH.sync.host.connect, exact: true }).click();
  await expect(indicator(a)).toHaveAttribute('data-state', 'alone', { timeout: 10_000 });
  await a.getByTestId('invite-role').selectOption(role);
  await a.getByRole('button', { name: ZH.sync.invite.make }).click();
  const code = (await a.getByTestId('invite-code').textContent())!.trim();
  await go(lab, b, '');
  await b.getByRole('textbox', { name: ZH.sync.invite.joinTitle }).fill(code);
  await b.getByRole('button', { name: ZH.sync.invite.join, exact: true }).click();
  await expect(b).toHaveURL(new RegExp(`#/w/${ws}/sync`));
  await expect(indicator(b)).toHaveAttribute('data-state', 'inSync', { timeout: 20_000 });
  await go(lab, a, `w/${ws}/members`);
  await expect(memberRow(a, joiner).getByTestId('member-roles')).toHaveAttribute('data-roles', role, { timeout: 20_000 });
  return (await memberRow(a, joiner).getByTestId('member-fingerprint').getAttribute('data-hex'))!;
}

/**
 * The page as printed (page.pdf with the CSS page size: the Chromium printing Electron's
 * printToPDF shares), read back with pdftotext, one string per page without whitespace (CJK lines
 * wrap anywhere).
 */
export async function pdfPages(page: Page, dir: string, name: string): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
  );
}
