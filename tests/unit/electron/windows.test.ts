// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { APP_START_URL, createMainWindow, mainWindowOptions } from '../../../electron/windows.js';
import { createFakeElectron } from './fakeElectron.js';

describe('main window', () => {
  it('sets every hardening flag explicitly', () => {
    const { webPreferences } = mainWindowOptions('/app/dist-electron/preload.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
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
    });
    expect(Object.keys(webPreferences)).not.toContain('enableBlinkFeatures');
    expect(Object.keys(webPreferences)).not.toContain('additionalArguments');
  });

  it('loads the app from its privileged origin and shows once painted', () => {
    const electron = createFakeElectron();
    createMainWindow(electron, { preloadPath: '/p.cjs' });
    const [window] = electron.windows;
    expect(window?.options.show).toBe(false);
    expect(window?.options.webPreferences.preload).toBe('/p.cjs');
    expect(window?.loadedUrl).toBe('app://crisis-room/index.html');
    expect(APP_START_URL).toBe('app://crisis-room/index.html');
    expect(window?.shown).toBe(false);
    window?.readyToShow();
    expect(window?.shown).toBe(true);
  });
});
