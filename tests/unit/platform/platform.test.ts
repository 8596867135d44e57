// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { choosePlatform } from '../../../renderer/platform/index';
import { createElectronPlatform } from '../../../renderer/platform/platform.electron';
import { createWebPlatform, type WebEnv } from '../../../renderer/platform/platform.web';
import { UnsupportedOnPlatformError } from '../../../renderer/platform/platform';
import { type CrisisRoomApi, LAN_HOST_STOPPED, type WebHostInfo } from '../../../shared/ipc';

function fakeEnv(overrides: Partial<WebEnv> = {}) {
  const downloads: Array<{ blob: Blob; name: string }> = [];
  const styles: string[] = [];
  const events: string[] = [];
  const env: WebEnv = {
    fetch: async () => new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    print: () => void events.push(`print with ${styles.join(' ')}`),
    addPageStyle: (css) => {
      styles.push(css);
      return () => void styles.splice(styles.indexOf(css), 1);
    },
    download: (blob, name) => void downloads.push({ blob, name }),
    pickFile: async () => null,
    platformName: 'Linux x86_64',
    ...overrides,
  };
  return { env, downloads, styles, events };
}

describe('web platform', () => {
  it('downloads saved files and backups instead of asking where to save', async () => {
    const { env, downloads } = fakeEnv();
    const web = createWebPlatform(env);
    await expect(web.saveFile({ suggestedName: '聲明.txt', mime: 'text/plain', text: '我們深感抱歉' })).resolves.toEqual({
      kind: 'downloaded',
      name: '聲明.txt',
    });
    expect(await downloads[0]?.blob.text()).toBe('我們深感抱歉');
    expect(downloads[0]?.blob.type).toBe('text/plain');
    const backup = await web.exportBackup({ workspaceName: 'Drill', bytes: new Uint8Array([9, 8]) });
    expect(backup.kind === 'downloaded' && backup.name).toMatch(/^Drill-\d{4}-\d{2}-\d{2}-\d{4}\.crisisroom$/);
    expect([...new Uint8Array(await downloads[1]!.blob.arrayBuffer())]).toEqual([9, 8]);
  });

  it('checks requests with the same schemas as main', async () => {
    const { env, downloads } = fakeEnv();
    const web = createWebPlatform(env);
    await expect(web.saveFile({ suggestedName: '../x.txt', mime: 'text/plain', text: 'x' })).rejects.toThrow();
    await expect(web.openFile({ as: 'text', maxBytes: -5 })).rejects.toThrow();
    expect(downloads).toEqual([]);
  });

  it('opens files with the size limit and the filters as accept list', async () => {
    const accepts: string[] = [];
    const file = new File(['a,b\n1,2\n'], 'roles.csv', { type: 'text/csv' });
    const { env } = fakeEnv({ pickFile: async (accept) => (accepts.push(accept), file) });
    const web = createWebPlatform(env);
    await expect(web.openFile({ as: 'text', filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }] })).resolves.toEqual({
      kind: 'text',
      name: 'roles.csv',
      size: 8,
      text: 'a,b\n1,2\n',
    });
    expect(accepts).toEqual(['.csv,.txt']);
    await expect(web.openFile({ as: 'bytes', maxBytes: 4 })).resolves.toEqual({ kind: 'too-large', name: 'roles.csv', size: 8, maxBytes: 4 });
    const bytes = await web.openFile({ as: 'bytes' });
    expect(bytes.kind === 'bytes' && [...bytes.bytes]).toEqual([...new TextEncoder().encode('a,b\n1,2\n')]);
  });

  it('reports a cancelled file choice', async () => {
    await expect(createWebPlatform(fakeEnv().env).openFile({ as: 'text' })).resolves.toEqual({ kind: 'cancelled' });
  });

  it('prints to PDF through the print dialog with the chosen paper, then removes the page style', async () => {
    const { env, events, styles } = fakeEnv();
    const web = createWebPlatform(env);
    await expect(web.printToPdf({ pageSize: 'A3', landscape: true })).resolves.toEqual({ kind: 'print-dialog' });
    expect(events).toEqual(['print with @page { size: A3 landscape; }']);
    expect(styles).toEqual([]);
    await expect(web.print()).resolves.toEqual({ outcome: 'unknown' });
  });

  it('reads the LAN host from the Node host, and says when there is none', async () => {
    const info: WebHostInfo = {
      app: 'crisis-room',
      version: '1',
      lanHost: { ...LAN_HOST_STOPPED, running: true, port: 5178, urls: ['ws://10.0.0.2:5178/signal'] },
      nearby: [{ name: 'PR agency', url: 'ws://10.0.0.3:5178/signal', seenAt: 1 }],
    };
    const hosted = createWebPlatform(fakeEnv({ fetch: async () => Response.json(info) }).env);
    await expect(hosted.lanHost.status()).resolves.toMatchObject({ running: true, port: 5178 });
    await expect(hosted.lanHost.nearby()).resolves.toEqual(info.nearby);

    // A dev or preview server answers index.html for every path.
    const preview = createWebPlatform(fakeEnv().env);
    await expect(preview.lanHost.status()).resolves.toMatchObject({ running: false, error: expect.stringMatching(/not served/) });
    const offline = createWebPlatform(fakeEnv({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) }).env);
    await expect(offline.lanHost.nearby()).resolves.toEqual([]);
    await expect(offline.lanHost.start()).rejects.toBeInstanceOf(UnsupportedOnPlatformError);
    expect(offline.can.hostControl).toBe(false);
  });

  it('answers app info as web', async () => {
    await expect(createWebPlatform(fakeEnv().env).appInfo()).resolves.toMatchObject({ mode: 'web', platform: 'Linux x86_64' });
  });
});

function fakeApi(overrides: Partial<CrisisRoomApi> = {}): CrisisRoomApi {
  const unused = () => Promise.reject(new Error('not used'));
  return {
    appInfo: async () => ({ name: 'Crisis Room', version: '1', platform: 'win32', mode: 'electron' }),
    printToPdf: unused,
    print: unused,
    saveFile: unused,
    openFile: unused,
    exportBackup: unused,
    vaultMasterKey: unused,
    autoBackupSettings: unused,
    autoBackupChooseFolder: unused,
    autoBackupConfigure: unused,
    autoBackupWrite: unused,
    autoBackupList: unused,
    autoBackupRead: unused,
    lanHostStart: unused,
    lanHostStop: unused,
    lanHostStatus: unused,
    lanHostNearby: unused,
    allowHosts: unused,
    editsFlushed: unused,
    ...overrides,
  };
}

describe('Electron platform', () => {
  it('delegates to window.crisisRoom, filling in defaults', async () => {
    const printToPdf = vi.fn(async () => ({ kind: 'cancelled' as const }));
    const lanHostStart = vi.fn(async () => LAN_HOST_STOPPED);
    const electron = createElectronPlatform(fakeApi({ printToPdf, lanHostStart }));
    expect(electron.mode).toBe('electron');
    expect(electron.can).toEqual({ pdfFile: true, chooseSaveLocation: true, hostControl: true });
    await electron.printToPdf();
    await electron.lanHost.start();
    expect(printToPdf).toHaveBeenCalledWith({});
    expect(lanHostStart).toHaveBeenCalledWith({});
  });

  it('shows main’s own words when a call is refused', async () => {
    const saveFile = async () => {
      throw new Error("Error invoking remote method 'crisis-room:save-file': IpcRejection: crisis-room:save-file refused: invalid request");
    };
    const electron = createElectronPlatform(fakeApi({ saveFile }));
    await expect(electron.saveFile({ suggestedName: 'a.txt', mime: 'text/plain', text: '' })).rejects.toThrow(
      /^crisis-room:save-file refused: invalid request$/,
    );
  });
});

describe('choosing the platform', () => {
  it('uses Electron only when the preload exposed crisisRoom', () => {
    expect(choosePlatform({ crisisRoom: fakeApi() }).mode).toBe('electron');
    expect(choosePlatform({}).mode).toBe('web');
  });
});
