import type { LanHostService } from '../shared/ipc.js';
import type { ElectronFacade } from './facade.js';
import { join } from 'node:path';
import { ALLOWED_HOSTS_FILE, createHostAccess, type HostAccess } from './hostAccess.js';
import { confirmHostsDialog } from './hostAccessDialog.js';
import { type CloseGuard, createCloseGuard } from './closeGuard.js';
import { exportBackup, openFile, saveFile } from './files.js';
import { type IpcHandlers, registerIpc } from './ipc.js';
import { print, printToPdf } from './printing.js';
import { registerAppScheme, serveAppProtocol } from './protocol.js';
import { applySessionPolicy, hardenWebContents } from './security.js';
import { createMainWindow, focusWindow } from './windows.js';
import { BACKUP_SETTINGS_FILE, createBackupService } from './backups.js';
import { createVaultKeyHandler, VAULT_KEY_FILE } from './vault.js';
import { CHROMIUM_SWITCHES } from './switches.js';

/** What main.ts hands over besides Electron itself. */
export interface MainProcessOptions {
  /** The built renderer (vite build output). */
  distDir: string;
  /** The bundled, CommonJS preload. */
  preloadPath: string;
  lanHost: LanHostService;
  platform: string;
  electronVersion?: string;
  /** Where the hosts the person allowed are kept (default: `allowed-hosts.json` in the user-data folder). */
  allowedHostsFile?: string;
}

/** Every IPC route's handler, wired to the managers. */
export function createIpcHandlers(
  electron: ElectronFacade,
  options: MainProcessOptions,
  hosts: HostAccess = defaultHostAccess(electron, options),
  closeGuard: CloseGuard = createCloseGuard(electron),
): IpcHandlers {
  const { lanHost } = options;
  const backups = createBackupService({ electron, settingsFile: join(electron.app.getPath('userData'), BACKUP_SETTINGS_FILE) });
  // The CSP follows this machine's own LAN host and the hosts discovered nearby.
  const own = async <T extends { running: boolean; urls: string[]; port: number | null }>(status: Promise<T>): Promise<T> => {
    const st = await status;
    hosts.setOwnHost(st);
    return st;
  };
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
    lanHostStart: (request) => own(lanHost.start(request)),
    lanHostStop: () => own(lanHost.stop()),
    lanHostStatus: () => own(lanHost.status()),
    lanHostNearby: async () => {
      const nearby = await lanHost.nearby();
      hosts.setDiscovered(nearby.map((h) => h.url));
      return nearby;
    },
    allowHosts: (request, caller) => hosts.update(request, confirmHostsDialog(electron, caller.window)),
    editsFlushed: (request, caller) => closeGuard.flushed(request, caller),
    autoBackupSettings: () => backups.settings(),
    autoBackupChooseFolder: (_request, caller) => backups.chooseFolder(caller),
    autoBackupConfigure: (request) => backups.configure(request),
    autoBackupWrite: (request) => backups.write(request),
    autoBackupList: (request) => backups.list(request),
    autoBackupRead: (request) => backups.read(request),
    vaultMasterKey: createVaultKeyHandler({ safeStorage: electron.safeStorage, file: join(electron.app.getPath('userData'), VAULT_KEY_FILE), platform: options.platform }),
  };
}

function defaultHostAccess(electron: ElectronFacade, options: MainProcessOptions): HostAccess {
  const file = options.allowedHostsFile ?? join(electron.app.getPath('userData'), ALLOWED_HOSTS_FILE);
  return createHostAccess({ file, confirm: async () => false });
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
  // A window closes only once its page has stored every edit, or the person chose to (closeGuard.ts).
  const closeGuard = createCloseGuard(electron);
  const openWindow = () => createMainWindow(electron, { preloadPath: options.preloadPath, closeGuard });
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
  // The page's CSP connect-src names exactly the allowed hosts (electron/hostAccess.ts).
  const hosts = defaultHostAccess(electron, options);
  await hosts.load();
  applySessionPolicy(electron.session.defaultSession, { headers: hosts.headers, documentServed: hosts.documentServed, allowsRequest: hosts.allowsRequest });
  serveAppProtocol(electron, options.distDir, hosts);
  registerIpc(electron, createIpcHandlers(electron, options, hosts, closeGuard));
  openWindow();
}
