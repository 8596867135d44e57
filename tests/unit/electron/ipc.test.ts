// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { type IpcHandlers, registerIpc } from '../../../electron/ipc.js';
import { IPC, LAN_HOST_STOPPED } from '../../../shared/ipc.js';
import { createFakeElectron, frame } from './fakeElectron.js';

const APP = frame('app://crisis-room/index.html');

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  return {
    appInfo: () => ({ name: 'Crisis Room', version: '1', platform: 'linux', mode: 'electron' }),
    printToPdf: () => ({ kind: 'cancelled' }),
    print: () => ({ outcome: 'printed' }),
    saveFile: () => ({ kind: 'cancelled' }),
    openFile: () => ({ kind: 'cancelled' }),
    exportBackup: () => ({ kind: 'cancelled' }),
    lanHostStart: async () => LAN_HOST_STOPPED,
    lanHostStop: async () => LAN_HOST_STOPPED,
    lanHostStatus: async () => LAN_HOST_STOPPED,
    lanHostNearby: async () => [],
    allowHosts: async () => ({ origins: [], declined: [], invalid: [], reloadNeeded: false }),
    editsFlushed: () => null,
    vaultMasterKey: async () => ({ status: 'unavailable', reason: 'test' }),
    autoBackupSettings: async () => ({ folder: null, intervalMinutes: 10, keep: 24 }),
    autoBackupChooseFolder: async () => ({ folder: null, intervalMinutes: 10, keep: 24 }),
    autoBackupConfigure: async () => ({ folder: null, intervalMinutes: 10, keep: 24 }),
    autoBackupWrite: async () => Promise.reject(new Error('not used')),
    autoBackupList: async () => [],
    autoBackupRead: async () => Promise.reject(new Error('not used')),
    ...overrides,
  };
}

function setup(overrides: Partial<IpcHandlers> = {}) {
  const electron = createFakeElectron();
  new electron.BrowserWindow({} as never);
  const dispose = registerIpc(electron, handlers(overrides));
  return { electron, dispose };
}

describe('IPC sender checks', () => {
  const foreign = [
    ['another origin', frame('https://evil.example/')],
    ['a look-alike host', frame('app://crisis-room.evil/index.html')],
    ['a file page', frame('file:///tmp/index.html')],
    ['about:blank', frame('about:blank')],
    ['a data URL', frame('data:text/html,hi')],
    ['the app inside an iframe', frame('app://crisis-room/index.html', APP)],
    ['a foreign iframe in the app', frame('https://evil.example/', APP)],
  ] as const;

  it.each(foreign)('refuses %s and never runs the handler', async (_label, sender) => {
    const saveFile = vi.fn(() => ({ kind: 'cancelled' as const }));
    const { electron } = setup({ saveFile });
    await expect(
      electron.invoke(IPC.saveFile.channel, sender, { suggestedName: 'a.txt', mime: 'text/plain', text: 'x' }),
    ).rejects.toThrow(/refused/);
    expect(saveFile).not.toHaveBeenCalled();
  });

  it('refuses a sender whose frame is gone', async () => {
    const { electron } = setup();
    await expect(electron.invoke(IPC.appInfo.channel, null)).rejects.toThrow(/frame is gone/);
  });

  it('accepts the app top frame', async () => {
    const { electron } = setup();
    await expect(electron.invoke(IPC.appInfo.channel, APP)).resolves.toMatchObject({ mode: 'electron' });
  });
});

describe('IPC payload validation', () => {
  const bad: Array<[string, keyof typeof IPC, unknown[]]> = [
    ['an argument where none is taken', 'appInfo', [{ x: 1 }]],
    ['two arguments', 'lanHostStart', [{}, {}]],
    ['a string instead of options', 'printToPdf', ['A4']],
    ['an unknown page size', 'printToPdf', [{ pageSize: 'Letter' }]],
    ['an unknown option', 'printToPdf', [{ pageSize: 'A4', scale: 3 }]],
    ['a save name with a folder', 'saveFile', [{ suggestedName: '../../.bashrc', mime: 'text/plain', text: 'x' }]],
    ['a save name with a Windows folder', 'saveFile', [{ suggestedName: 'C:\\evil.txt', mime: 'text/plain', text: 'x' }]],
    ['both text and bytes', 'saveFile', [{ suggestedName: 'a.txt', mime: 'text/plain', text: 'x', bytes: new Uint8Array(1) }]],
    ['neither text nor bytes', 'saveFile', [{ suggestedName: 'a.txt', mime: 'text/plain' }]],
    ['bytes that are not bytes', 'saveFile', [{ suggestedName: 'a.bin', mime: 'application/octet-stream', bytes: [1, 2, 3] }]],
    ['a bad MIME type', 'saveFile', [{ suggestedName: 'a.txt', mime: 'text plain', text: 'x' }]],
    ['a filter with a path in its extension', 'openFile', [{ as: 'text', filters: [{ name: 'x', extensions: ['../x'] }] }]],
    ['an unknown read mode', 'openFile', [{ as: 'json' }]],
    ['a limit above the maximum', 'openFile', [{ as: 'bytes', maxBytes: 10 * 1024 * 1024 * 1024 }]],
    ['a negative limit', 'openFile', [{ as: 'bytes', maxBytes: -1 }]],
    ['a backup without bytes', 'exportBackup', [{ workspaceName: 'Drill' }]],
    ['a backup with an empty name', 'exportBackup', [{ workspaceName: '', bytes: new Uint8Array(1) }]],
    ['a port out of range', 'lanHostStart', [{ port: 70000 }]],
    ['a port that is not an integer', 'lanHostStart', [{ port: 44.5 }]],
    ['a prototype-polluting key', 'lanHostStart', [JSON.parse('{"__proto__": {"admin": true}, "name": "x"}')]],
    ['null', 'printToPdf', [null]],
  ];

  it.each(bad)('refuses %s with a clear error', async (_label, route, args) => {
    const handler = vi.fn();
    const { electron } = setup({ [route]: handler } as Partial<IpcHandlers>);
    await expect(electron.invoke(IPC[route].channel, APP, ...args)).rejects.toThrow(
      new RegExp(`${IPC[route].channel} refused`),
    );
    expect(handler).not.toHaveBeenCalled();
  });

  it('names the bad field in the error', async () => {
    const { electron } = setup();
    await expect(electron.invoke(IPC.printToPdf.channel, APP, { pageSize: 'Letter' })).rejects.toThrow(/pageSize/);
  });

  it('hands the handler the parsed request with defaults and the calling window', async () => {
    const printToPdf = vi.fn(() => ({ kind: 'cancelled' as const }));
    const { electron } = setup({ printToPdf });
    await electron.invoke(IPC.printToPdf.channel, APP, { landscape: true });
    expect(printToPdf).toHaveBeenCalledWith(
      { pageSize: 'A4', landscape: true },
      { contents: electron.windows[0]?.webContents, window: electron.windows[0] },
    );
  });

  it('accepts bytes from another realm (as Buffer)', async () => {
    const saveFile = vi.fn(() => ({ kind: 'saved' as const, path: '/tmp/a.bin' }));
    const { electron } = setup({ saveFile });
    await expect(
      electron.invoke(IPC.saveFile.channel, APP, { suggestedName: 'a.bin', mime: 'application/octet-stream', bytes: Buffer.from([1, 2]) }),
    ).resolves.toEqual({ kind: 'saved', path: '/tmp/a.bin' });
  });

  it('refuses to send back an answer that breaks the contract', async () => {
    const { electron } = setup({ appInfo: () => ({ name: 'x', mode: 'desktop' }) as never });
    await expect(electron.invoke(IPC.appInfo.channel, APP)).rejects.toThrow();
  });

  it('removes every handler when disposed', () => {
    const { electron, dispose } = setup();
    expect(electron.ipcHandlers.size).toBe(Object.keys(IPC).length);
    dispose();
    expect(electron.ipcHandlers.size).toBe(0);
  });
});
