import { APP_ORIGIN } from '../shared/ipc.js';
import type { CloseGuard } from './closeGuard.js';
import type { BrowserWindowLike, ElectronFacade, WindowOptionsLike } from './facade.js';

/** The page the main window opens. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Options for the main window; every hardening flag is set explicitly, not left to defaults. */
export function mainWindowOptions(preloadPath: string): WindowOptionsLike {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Crisis Room',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Peers keep syncing (heartbeats, state checks) while the window is in the background.
      backgroundThrottling: false,
    },
  };
}

/**
 * Opens the main window on the app's start page; it shows once the first paint is ready. With a
 * `closeGuard`, closing waits until the page has stored every edit (closeGuard.ts).
 */
export function createMainWindow(
  electron: Pick<ElectronFacade, 'BrowserWindow'>,
  opts: { preloadPath: string; url?: string; closeGuard?: CloseGuard },
): BrowserWindowLike {
  const window = new electron.BrowserWindow(mainWindowOptions(opts.preloadPath));
  window.once('ready-to-show', () => window.show());
  opts.closeGuard?.attach(window);
  const url = opts.url ?? APP_START_URL;
  window.loadURL(url).catch((error: unknown) => console.error(`Crisis Room: could not load ${url}:`, error));
  return window;
}

/** Brings an existing window to the front (second launch, dock click). */
export function focusWindow(window: BrowserWindowLike): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
