// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createVaultKeyHandler, VAULT_KEY_FILE } from '../../../electron/vault.js';
import { registerIpc } from '../../../electron/ipc.js';
import { createIpcHandlers } from '../../../electron/app.js';
import { IPC } from '../../../shared/ipc.js';
import { createFakeElectron, frame } from './fakeElectron.js';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'vault-key-'));
  dirs.push(dir);
  return join(dir, VAULT_KEY_FILE);
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the master key kept by main (safeStorage)', () => {
  it('makes a key once, keeps it only wrapped by the OS key store, and gives the same key back', async () => {
    const electron = createFakeElectron();
    const file = tempFile();
    const handler = createVaultKeyHandler({ safeStorage: electron.safeStorage, file, platform: 'linux' });
    expect(await handler({ create: false })).toMatchObject({ status: 'missing' });
    const made = await handler({ create: true });
    expect(made.status).toBe('ok');
    const key = made.status === 'ok' ? made.key : new Uint8Array();
    expect(key.length).toBe(32);
    const stored = readFileSync(file, 'utf8');
    expect(stored).not.toContain(Buffer.from(key).toString('base64'));
    expect(stored).not.toContain(Buffer.from(key).toString('hex'));
    const again = await createVaultKeyHandler({ safeStorage: electron.safeStorage, file, platform: 'linux' })({ create: true });
    expect(again).toEqual({ status: 'ok', key });
  });

  it("says unavailable (the page uses a passphrase) without an OS store or with Linux's basic_text", async () => {
    const electron = createFakeElectron();
    electron.safeStorageBackend = 'basic_text';
    const file = tempFile();
    expect(await createVaultKeyHandler({ safeStorage: electron.safeStorage, file, platform: 'linux' })({ create: true })).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('basic_text') });
    electron.safeStorageBackend = 'gnome_libsecret';
    electron.safeStorageAvailable = false;
    expect(await createVaultKeyHandler({ safeStorage: electron.safeStorage, file, platform: 'linux' })({ create: true })).toMatchObject({ status: 'unavailable' });
    expect(() => readFileSync(file)).toThrow();
  });

  it('is an IPC route: sender checked, request validated, answer validated', async () => {
    const electron = createFakeElectron();
    new electron.BrowserWindow({} as never);
    const handlers = createIpcHandlers(electron, { lanHost: {} as never, platform: 'linux', preloadPath: '/p', allowedHostsFile: tempFile() } as never);
    const dispose = registerIpc(electron, handlers);
    const listener = electron.ipcHandlers.get(IPC.vaultMasterKey.channel)!;
    const window = electron.windows[0]!;
    const from = (url: string) => ({ sender: window.webContents, senderFrame: frame(url) }) as never;
    await expect(listener(from('https://evil.example/'), { create: true })).rejects.toThrow();
    await expect(listener(from('app://crisis-room/index.html'), { create: 'yes' })).rejects.toThrow(/create/);
    dispose();
  });
});
