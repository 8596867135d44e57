/**
 * Identity and roster screens on one laptop: the first-start form (validation in zh-TW, name
 * pre-filled from the old free-text field), the profile in Settings with this computer's key
 * fingerprint, claiming a workspace made before rosters existed, and an invite whose creator key
 * differs from the one this laptop trusts (never replaced without an explicit choice).
 */
import { expect, test, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { completeOnboarding, createWorkspace, openApp, unlock, TEST_PASSPHRASE } from './helpers';
import { putWorkspace } from '../unit/roles/seedInBrowser';
import { seedWorkspace } from '../../shared/playbook/seed';
import { metaOf } from '../../shared/doc/workspaceDoc';
import { write } from '../../shared/doc/origins';
import { encodeInvite } from '../../shared/sync/invite';
import { generateRoomKey } from '../../shared/sync/room';
import { keyFingerprint } from '../../shared/governance/fingerprint';
import { generateDeviceKeys } from '../../shared/governance/keys';

const myHex = async (page: Page): Promise<string> => {
  await page.goto('/#/settings');
  const hex = await page.getByTestId('own-fingerprint').getAttribute('data-hex');
  expect(hex).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  return hex!;
};

test('first start asks who you are (validated, in zh-TW); Settings is where the profile changes', async ({ page }) => {
  await page.addInitScript(() => {
    if (!localStorage.getItem('crisis-room.session')) localStorage.setItem('crisis-room.session', JSON.stringify({ state: { language: 'zh-TW', userName: '王小明（公關）' }, version: 1 }));
  });
  await page.goto('/');
  const form = page.getByTestId('onboarding');
  await expect(form.getByRole('heading', { name: '歡迎使用危機作戰室' })).toBeVisible();
  // Nothing of the app is reachable before: no workspace list, no settings link.
  await expect(page.getByTestId('create-workspace')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '設定' })).toHaveCount(0);
  // The name the old settings field held is offered.
  await expect(form.locator('input[name=name]')).toHaveValue('王小明（公關）');
  await form.locator('input[name=name]').fill('   ');
  await form.locator('input[name=email]').fill('not-an-address');
  await form.getByRole('button', { name: '開始使用' }).click();
  await expect(page.getByTestId('profile-error-name')).toHaveText('請輸入你的姓名。');
  await expect(page.getByTestId('profile-error-email')).toHaveText('這不是有效的電子郵件地址。');
  await form.locator('input[name=name]').fill('王小明');
  await form.locator('input[name=unit]').fill('公關部');
  await form.locator('input[name=email]').fill('ming@example.com');
  // The vault passphrase (web mode): too short, then not the same twice, then right.
  await form.locator('input[name=passphrase]').fill('short');
  await form.locator('input[name=passphraseConfirm]').fill('short');
  await form.getByRole('button', { name: '開始使用' }).click();
  await expect(page.getByTestId('passphrase-error')).toHaveText('密語至少需要 10 個字元。');
  await form.locator('input[name=passphrase]').fill(TEST_PASSPHRASE);
  await form.locator('input[name=passphraseConfirm]').fill(`${TEST_PASSPHRASE}!`);
  await form.getByRole('button', { name: '開始使用' }).click();
  await expect(page.getByTestId('passphrase-error')).toHaveText('兩次輸入的密語不一致。');
  await form.locator('input[name=passphraseConfirm]').fill(TEST_PASSPHRASE);
  await form.getByRole('button', { name: '開始使用' }).click();
  await expect(page.locator('.app')).toHaveAttribute('data-identity', 'ready');
  await expect(page.getByTestId('create-workspace')).toBeVisible();

  // After a reload the unlock screen comes first; a wrong passphrase says so and changes nothing.
  await page.reload();
  const unlockForm = page.getByTestId('unlock');
  await unlockForm.locator('input[name=passphrase]').fill('not the passphrase');
  await unlockForm.getByRole('button', { name: '解鎖' }).click();
  await expect(page.getByTestId('unlock-error')).toHaveText('密語不正確，請再試一次。');
  await expect(page.locator('.app')).toHaveAttribute('data-identity', 'locked');
  await unlock(page);
  await completeOnboarding(page);
  await expect(page.getByTestId('onboarding')).toHaveCount(0);

  // Settings: the profile form (no free-text name field elsewhere) and the key fingerprint.
  await page.goto('/#/settings');
  const profile = page.getByTestId('profile-settings');
  await expect(profile.locator('input[name=name]')).toHaveValue('王小明');
  await expect(profile.locator('input[name=unit]')).toHaveValue('公關部');
  await expect(page.getByTestId('own-fingerprint')).toHaveAttribute('data-hex', /^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await expect(page.getByTestId('own-fingerprint').locator('.fingerprint-digits')).toHaveText(/^\d{5} \d{5} \d{5} \d{5}$/);
  const before = await page.getByTestId('own-fingerprint').getAttribute('data-hex');
  await profile.locator('input[name=name]').fill('');
  await profile.getByRole('button', { name: '儲存個人資料' }).click();
  await expect(page.getByTestId('profile-error-name')).toBeVisible();
  await profile.locator('input[name=name]').fill('王小明 Alex');
  await profile.locator('input[name=unit]').fill('企業溝通部');
  await profile.getByRole('button', { name: '儲存個人資料' }).click();
  await expect(page.getByTestId('profile-saved')).toBeVisible();
  await page.reload();
  await unlock(page);
  await expect(page.getByTestId('profile-settings').locator('input[name=name]')).toHaveValue('王小明 Alex');
  // The keys stay: the fingerprint did not change with the profile.
  await expect(page.getByTestId('own-fingerprint')).toHaveAttribute('data-hex', before!);
});

test('a workspace from before rosters can be claimed: the claimer becomes its first owner', async ({ page }) => {
  await openApp(page, 'en', { name: 'Ops Lead', unit: 'Operations' });
  const hex = await myHex(page);
  const doc = new Y.Doc();
  write(doc, 'system', () => {
    seedWorkspace(doc, 'en');
    metaOf(doc).set('name', 'Old plan');
    metaOf(doc).set('roomKey', generateRoomKey());
  });
  await putWorkspace(page, doc, 'legacy-ws', 'Old plan');
  await page.goto('/#/w/legacy-ws/members');
  const claim = page.getByTestId('claim-workspace');
  await expect(claim).toContainText('created before rosters existed');
  await claim.getByRole('button', { name: 'Claim this workspace (become its first owner)' }).click();
  const me = page.getByTestId('member-row');
  await expect(me).toHaveCount(1);
  await expect(me.getByTestId('member-roles')).toHaveAttribute('data-roles', 'owner');
  await expect(me).toContainText('Ops Lead');
  await expect(me).toContainText('Operations');
  await expect(me.getByTestId('member-fingerprint')).toHaveAttribute('data-hex', hex);
  await expect(page.getByTestId('anchor-fingerprint')).toHaveAttribute('data-hex', hex);
  await expect(page.getByTestId('claim-workspace')).toHaveCount(0);
});

test('an invite naming another creator key than the one trusted here changes nothing until the person chooses', async ({ page }) => {
  await openApp(page, 'en', { name: 'Mei Lin' });
  const hex = await myHex(page);
  const id = await createWorkspace(page, 'Recall');
  const stranger = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  const code = await encodeInvite({ hosts: ['ws://10.9.9.9:4444/signal'], workspaceId: id, workspaceName: 'Recall', roomKey: generateRoomKey(), genesisKey: stranger }, await generateDeviceKeys());
  await page.goto('/#/');
  const join = async () => {
    await page.getByRole('textbox', { name: 'Join a workspace with an invite code' }).fill(code);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
  };
  await join();
  const warning = page.getByTestId('invite-review');
  await expect(warning).toContainText('would change "Recall"');
  await expect(warning.getByTestId('review-key')).toHaveAttribute('data-changed', 'true');
  await expect(warning.getByTestId('review-signer')).toHaveAttribute('data-standing', 'notMember');
  await expect(warning.getByTestId('anchor-trusted')).toHaveAttribute('data-hex', hex);
  await expect(warning.getByTestId('anchor-offered')).toHaveAttribute('data-hex', keyFingerprint(stranger).hex);
  await warning.getByRole('button', { name: 'Keep everything as it is' }).click();
  await expect(warning).toHaveCount(0);
  await expect(page).toHaveURL(/#\/$/);
  await page.goto(`/#/w/${id}/members`);
  await expect(page.getByTestId('anchor-fingerprint')).toHaveAttribute('data-hex', hex);
  await expect(page.getByTestId('member-row')).toHaveCount(1);

  // Choosing the invite's key is explicit, and then the roster is judged from that key.
  await page.goto('/#/');
  await join();
  await page.getByTestId('invite-review').getByRole('button', { name: 'Use the invite’s key, hosts and creator key' }).click();
  await expect(page).toHaveURL(new RegExp(`#/w/${id}/sync`));
  await page.goto(`/#/w/${id}/members`);
  await expect(page.getByTestId('anchor-fingerprint')).toHaveAttribute('data-hex', keyFingerprint(stranger).hex);
  await expect(page.getByTestId('member-row')).toHaveCount(0);
  await expect(page.locator('[data-testid=rejected-entry][data-kind="roster.genesis"][data-reason="untrustedGenesis"]')).toHaveCount(1);
  await expect(page.getByTestId('my-standing')).toHaveAttribute('data-state', 'outside');
});
