// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { startMainProcess, type MainProcessOptions } from '../../../electron/app.js';
import { lanHostUnavailable } from '../../../electron/host/unavailable.js';
import { IPC, LAN_HOST_STOPPED, type LanHostService } from '../../../shared/ipc.js';
import { createFakeElectron, frame } from './fakeElectron.js';

const APP_FRAME = frame('app://crisis-room/index.html');

function options(overrides: Partial<MainProcessOptions> = {}): MainProcessOptions {
  return {
    distDir: '/app/dist',
    preloadPath: '/app/dist-electron/preload.cjs',
    lanHost: lanHostUnavailable('not in this test'),
    platform: 'linux',
    electronVersion: '45.4.1',
    ...overrides,
  };
}

async function started(overrides: Partial<MainProcessOptions> = {}) {
  const electron = createFakeElectron();
  const running = startMainProcess(electron, options(overrides));
  electron.ready();
  await running;
  return electron;
}

describe('main process start-up', () => {
  it('sets switches, sandbox and the privileged scheme before ready, the rest after', async () => {
    const electron = await started();
    const log = electron.log;
    const ready = log.indexOf('ready');
    expect(ready).toBeGreaterThan(0);
    for (const early of ['appendSwitch disable-features=WebRtcHideLocalIpsWithMdns,BackgroundResourceFetch', 'appendSwitch js-flags=--max-semi-space-size=4', 'enableSandbox', 'registerSchemesAsPrivileged']) {
      expect(log.indexOf(early), early).toBeGreaterThanOrEqual(0);
      expect(log.indexOf(early), early).toBeLessThan(ready);
    }
    for (const late of ['onHeadersReceived', 'protocol.handle app', `ipc ${IPC.appInfo.channel}`, 'new BrowserWindow']) {
      expect(log.indexOf(late), late).toBeGreaterThan(ready);
    }
    // The window loads only after the protocol, policy and IPC are in place.
    expect(log.indexOf('new BrowserWindow')).toBe(log.length - 1);
  });

  it('registers the app scheme as a secure, standard, fetchable origin', async () => {
    const electron = await started();
    expect(electron.privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: true }),
      }),
    ]);
    expect(electron.privilegedSchemes[0]?.privileges.bypassCSP).toBeUndefined();
  });

  it('handles every route of the contract', async () => {
    const electron = await started();
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(Object.values(IPC).map((r) => r.channel).sort());
  });

  it('hardens every web contents created later', async () => {
    const electron = await started();
    const { FakeWebContents } = await import('./fakeElectron.js');
    const contents = new FakeWebContents();
    electron.fireApp('web-contents-created', {}, contents);
    expect(contents.fire('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('answers app info as Electron', async () => {
    const electron = await started();
    await expect(electron.invoke(IPC.appInfo.channel, APP_FRAME)).resolves.toEqual({
      name: 'Crisis Room',
      version: '9.9.9',
      platform: 'linux',
      mode: 'electron',
      electron: '45.4.1',
    });
  });

  it('delegates the LAN host routes to the injected service with defaults applied', async () => {
    const calls: unknown[] = [];
    const running = { ...LAN_HOST_STOPPED, running: true, port: 4444, urls: ['ws://192.168.1.20:4444/signal'], advertised: true };
    const lanHost: LanHostService = {
      start: async (o) => (calls.push(['start', o]), running),
      stop: async () => (calls.push(['stop']), LAN_HOST_STOPPED),
      status: async () => running,
      nearby: async () => [{ name: 'Mei', url: 'ws://192.168.1.21:4444/signal', seenAt: 1 }],
    };
    const electron = await started({ lanHost });
    await expect(electron.invoke(IPC.lanHostStart.channel, APP_FRAME, { name: 'Ops laptop' })).resolves.toEqual(running);
    await expect(electron.invoke(IPC.lanHostNearby.channel, APP_FRAME)).resolves.toHaveLength(1);
    await electron.invoke(IPC.lanHostStop.channel, APP_FRAME);
    expect(calls).toEqual([['start', { name: 'Ops laptop', advertise: true }], ['stop']]);
    await expect(electron.invoke(IPC.lanHostStart.channel, APP_FRAME, { port: 99999 })).rejects.toThrow(/port/);
  });

  it('quits at once when another instance holds the lock, and focuses that one instead', async () => {
    const electron = createFakeElectron();
    electron.singleInstance = false;
    await startMainProcess(electron, options());
    expect(electron.log).toContain('quit');
    expect(electron.log).not.toContain('new BrowserWindow');

    const first = await started();
    first.fireApp('second-instance');
    expect(first.windows[0]?.shown).toBe(true);
  });

  it('quits when the last window closes except on macOS', async () => {
    const linux = await started();
    linux.fireApp('window-all-closed');
    expect(linux.log.at(-1)).toBe('quit');
    const mac = await started({ platform: 'darwin' });
    mac.fireApp('window-all-closed');
    expect(mac.log).not.toContain('quit');
  });
});
