import { createElectronPlatform } from './platform.electron';
import type { Platform } from './platform';
import { createWebPlatform } from './platform.web';

export type { AutoBackupControl, HostAccessControl, LanHostControl, PdfOutcome, Platform, PlatformCapabilities, SaveOutcome } from './platform';
export { UnsupportedOnPlatformError } from './platform';

/** Electron when the preload exposed `window.crisisRoom`, the browser otherwise. */
export function choosePlatform(host: { crisisRoom?: Window['crisisRoom'] } = window): Platform {
  return host.crisisRoom ? createElectronPlatform(host.crisisRoom) : createWebPlatform();
}

let current: Platform | null = null;

/** The platform this renderer runs on (chosen once). */
export function getPlatform(): Platform {
  current ??= choosePlatform();
  return current;
}
