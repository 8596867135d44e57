// The Electron entry point: the only main-process module that loads the real `electron` module.
// Everything else takes it as an ElectronFacade parameter (see facade.ts and CONTEXT.md).
import * as electron from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMainProcess } from './app.js';
import type { ElectronFacade } from './facade.js';
import { createLanHostService } from './host/lan.js';

const here = dirname(fileURLToPath(import.meta.url));
// The compiler checks here that the real module fits the facade.
const facade: ElectronFacade = electron;

// Any member's app can host the team's signaling server on the LAN (started from the UI).
const lanHost = createLanHostService({ appVersion: electron.app.getVersion() });
electron.app.on('will-quit', () => void lanHost.dispose());

startMainProcess(facade, {
  distDir: join(here, '..', 'dist'),
  preloadPath: join(here, 'preload.cjs'),
  lanHost,
  platform: process.platform,
  electronVersion: process.versions.electron,
}).catch((error: unknown) => {
  console.error('Crisis Room could not start:', error);
  electron.dialog.showErrorBox('Crisis Room could not start', error instanceof Error ? error.message : String(error));
  electron.app.exit(1);
});
