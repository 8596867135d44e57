/**
 * An invite for a workspace already on this laptop that carries other hosts, or another room key,
 * changes nothing until the person has seen what would change (old and new hosts, whether the key
 * differs, who signed the code) and chosen explicitly. A tampered code is refused outright.
 * Hosts are loopback addresses nobody listens on: no traffic leaves this machine.
 */
import { expect, test, type Page } from '@playwright/test';
import { createWorkspace, openApp } from './helpers';
import { encodeInvite } from '../../shared/sync/invite';
import { generateRoomKey } from '../../shared/sync/room';
import { generateDeviceKeys } from '../../shared/governance/keys';

const CURRENT = 'ws://127.0.0.1:45991/signal';
const OFFERED = 'ws://127.0.0.2:45992/signal';

/** The workspace's stored updates (y-dexie's table), as the page reads them back (they are stored encrypted). */
async function storedUpdates(page: Page, id: string): Promise<Uint8Array[]> {
  const rows = await page.evaluate((wsId) => window.__crisisRoomVaultTest!.storedUpdates(wsId), id);
  return rows.map((r) => Uint8Array.from(r));
}

async function roomKeyOf(page: Page, id: string): Promise<string> {
  return (await page.evaluate((wsId) => window.__crisisRoomGovernanceTest!.roomKey(wsId), id))!;
}

const hostsOf = (page: Page, id: string) =>
  page.evaluate((wsId) => (JSON.parse(localStorage.getItem('crisis-room.sync-settings') ?? '{}') as { hosts?: Record<string, string[]> }).hosts?.[wsId] ?? [], id);

test('an invite with other hosts or another key for a workspace already here changes nothing until the person chooses', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('crisis-room.test-hooks', '1'));
  await openApp(page, 'en', { name: 'Mei Lin' });
  const id = await createWorkspace(page, 'Recall');
  await page.goto(`/#/w/${id}/sync`);
  await page.getByRole('textbox', { name: 'Host address' }).fill('127.0.0.1:45991');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect.poll(() => hostsOf(page, id)).toEqual([CURRENT]);

  const myKey = (await page.evaluate(() => window.__crisisRoomGovernanceTest!.publicKey()))!;
  const roomKey = await roomKeyOf(page, id);
  expect(roomKey).toMatch(/^[A-Za-z0-9_-]{22,}$/);
  const stranger = await generateDeviceKeys();
  const code = await encodeInvite({ hosts: [OFFERED], workspaceId: id, workspaceName: 'Recall', roomKey, genesisKey: myKey }, stranger);

  const box = page.getByRole('textbox', { name: 'Join a workspace with an invite code' });
  const join = async (text: string) => {
    await box.fill(text);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
  };

  // A code whose hosts were changed after it was made is refused (its MAC no longer matches).
  const [prefix, body, sig, mac] = code.split('.');
  const fields = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
  const tampered = `${prefix}.${Buffer.from(JSON.stringify({ ...fields, h: ['ws://127.0.0.3:45993/signal'] })).toString('base64url')}.${sig}.${mac}`;
  await join(tampered);
  await expect(page.getByTestId('join-invite').getByRole('alert')).toContainText('authentication code does not match');

  // Other hosts, same key: the warning says what would change and who signed; nothing changes yet.
  const updatesBefore = (await storedUpdates(page, id)).length;
  await join(code);
  const review = page.getByTestId('invite-review');
  await expect(review).toBeVisible();
  await expect(review).toHaveAttribute('role', 'alertdialog');
  await expect(review).toContainText('would change "Recall"');
  await expect(review.getByTestId('review-hosts-before')).toHaveText(CURRENT);
  await expect(review.getByTestId('review-hosts-after')).toHaveText(OFFERED);
  await expect(review.getByTestId('review-key')).toHaveAttribute('data-changed', 'false');
  await expect(review.getByTestId('review-signer')).toHaveAttribute('data-standing', 'notMember');
  await expect(review.getByTestId('review-signer')).toContainText('NOT in this workspace’s roster');
  await expect(review.getByRole('button', { name: 'Use the invite’s key, hosts and creator key' })).toHaveCount(0);
  expect(await hostsOf(page, id)).toEqual([CURRENT]);
  expect((await storedUpdates(page, id)).length).toBe(updatesBefore);

  // Keeping changes nothing.
  await review.getByRole('button', { name: 'Keep everything as it is' }).click();
  await expect(review).toHaveCount(0);
  expect(await hostsOf(page, id)).toEqual([CURRENT]);
  expect((await storedUpdates(page, id)).length).toBe(updatesBefore);
  await expect(page.getByText(CURRENT, { exact: false }).first()).toBeVisible();

  // Another room key: the suspicious case. Only "keep" or, deliberately, "take it all" are offered.
  const otherKey = await encodeInvite({ hosts: [OFFERED], workspaceId: id, workspaceName: 'Recall', roomKey: generateRoomKey(), genesisKey: myKey }, stranger);
  await join(otherKey);
  await expect(review.getByTestId('review-key')).toHaveAttribute('data-changed', 'true');
  await expect(review.getByRole('button', { name: 'Use the invite’s hosts' })).toHaveCount(0);
  await expect(review.getByRole('button', { name: 'Use the invite’s key, hosts and creator key' })).toBeVisible();
  await review.getByRole('button', { name: 'Keep everything as it is' }).click();
  expect(await hostsOf(page, id)).toEqual([CURRENT]);
  expect(await roomKeyOf(page, id)).toBe(roomKey);

  // The explicit choice applies the hosts, and only them; the joiner sees who signed the code.
  await join(code);
  await review.getByRole('button', { name: 'Use the invite’s hosts' }).click();
  await expect(review).toHaveCount(0);
  await expect.poll(() => hostsOf(page, id)).toEqual([OFFERED]);
  expect((await storedUpdates(page, id)).length).toBeGreaterThan(updatesBefore);
  const notice = page.getByTestId('inviter-notice');
  await expect(notice).toHaveAttribute('data-standing', 'notMember');
  await expect(notice.getByTestId('inviter-key')).toBeVisible();
});
