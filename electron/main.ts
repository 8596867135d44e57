// The Electron entry point: the only main-process module that loads the real `electron` module.
// Everything else takes it as an ElectronFacade parameter (see facade.ts and CONTEXT.md).
import * as electron from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMainProcess } from './app.js';
import type { ElectronFacade } from './facade.js';
import { lanHostUnavailable } from './host/unavailable.js';

const here = dirname(fileURLToPath(import.meta.url));
// The compiler checks here that the real module fits the facade.
const facade: ElectronFacade = electron;

startMainProcess(facade, {
  distDir: join(here, '..', 'dist'),
  preloadPath: join(here, 'preload.cjs'),
  // Wire point: replace with the LAN host from electron/host/ once it exists.
  lanHost: lanHostUnavailable('LAN hosting is not available in this build.'),
  platform: process.platform,
  electronVersion: process.versions.electron,
}).catch((error: unknown) => {
  console.error('Crisis Room could not start:', error);
  electron.dialog.showErrorBox('Crisis Room could not start', error instanceof Error ? error.message : String(error));
  electron.app.exit(1);
});
