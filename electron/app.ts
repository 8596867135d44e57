import type { LanHostService } from '../shared/ipc.js';
import type { ElectronFacade } from './facade.js';
import { exportBackup, openFile, saveFile } from './files.js';
import { type IpcHandlers, registerIpc } from './ipc.js';
import { print, printToPdf } from './printing.js';
import { registerAppScheme, serveAppProtocol } from './protocol.js';
import { applySessionPolicy, hardenWebContents } from './security.js';
import { createMainWindow, focusWindow } from './windows.js';

/** What main.ts hands over besides Electron itself. */
export interface MainProcessOptions {
  /** The built renderer (vite build output). */
  distDir: string;
  /** The bundled, CommonJS preload. */
  preloadPath: string;
  lanHost: LanHostService;
  platform: string;
  electronVersion?: string;
}

/** Chromium hides local IPs behind mDNS names; LAN peers without multicast then never connect. */
export const CHROMIUM_SWITCHES: ReadonlyArray<readonly [string, string]> = [
  ['disable-features', 'WebRtcHideLocalIpsWithMdns'],
];

/** Every IPC route's handler, wired to the managers. */
export function createIpcHandlers(electron: ElectronFacade, options: MainProcessOptions): IpcHandlers {
  const { lanHost } = options;
  return {
    appInfo: () => ({
      name: electron.app.getName(),
      version: electron.app.getVersion(),
      platform: options.platform,
      mode: 'electron',
      ...(options.electronVersion ? { electron: options.electronVersion } : {}),
    }),
    printToPdf: (request, caller) => printToPdf(electron, caller, request),
    print: (_request, caller) => print(caller),
    saveFile: (request, caller) => saveFile(electron, caller, request),
    openFile: (request, caller) => openFile(electron, caller, request),
    exportBackup: (request, caller) => exportBackup(electron, caller, request),
    lanHostStart: (request) => lanHost.start(request),
    lanHostStop: () => lanHost.stop(),
    lanHostStatus: () => lanHost.status(),
    lanHostNearby: () => lanHost.nearby(),
  };
}

/**
 * Starts the main process. Order matters: switches, sandbox and the privileged scheme must be
 * set before `ready`; session policy, protocol and IPC before the first window loads.
 */
export async function startMainProcess(electron: ElectronFacade, options: MainProcessOptions): Promise<void> {
  const { app } = electron;
  for (const [name, value] of CHROMIUM_SWITCHES) app.commandLine.appendSwitch(name, value);
  app.enableSandbox();
  registerAppScheme(electron);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const openWindow = () => createMainWindow(electron, { preloadPath: options.preloadPath });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(electron, contents));
  app.on('second-instance', () => {
    const [window] = electron.BrowserWindow.getAllWindows();
    if (window) focusWindow(window);
  });
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (electron.BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('before-quit', () => {
    options.lanHost.stop().catch((error: unknown) => console.error('Crisis Room: stopping the LAN host failed:', error));
  });

  await app.whenReady();
  applySessionPolicy(electron.session.defaultSession);
  serveAppProtocol(electron, options.distDir);
  registerIpc(electron, createIpcHandlers(electron, options));
  openWindow();
}
