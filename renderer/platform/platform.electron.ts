import { FlushEditsRequestSchema, type CrisisRoomApi } from '../../shared/ipc';
import type { Platform } from './platform';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts; absent in a browser. */
    readonly crisisRoom?: CrisisRoomApi;
  }
}

const REMOTE_PREFIX = /^Error invoking remote method '[^']*': (?:\w*(?:Error|Rejection): )?/;

/** Electron wraps main's errors in "Error invoking remote method …"; keep only main's words. */
async function call<T>(invoke: () => Promise<T>): Promise<T> {
  try {
    return await invoke();
  } catch (error) {
    if (error instanceof Error && REMOTE_PREFIX.test(error.message)) {
      throw new Error(error.message.replace(REMOTE_PREFIX, ''), { cause: error });
    }
    throw error;
  }
}

/** The platform inside Electron: everything goes through the preload's `window.crisisRoom`. */
export function createElectronPlatform(api: CrisisRoomApi): Platform {
  return {
    mode: 'electron',
    can: { pdfFile: true, chooseSaveLocation: true, hostControl: true },
    appInfo: () => call(() => api.appInfo()),
    printToPdf: (request = {}) => call(() => api.printToPdf(request)),
    print: () => call(() => api.print()),
    saveFile: (request) => call(() => api.saveFile(request)),
    openFile: (request) => call(() => api.openFile(request)),
    exportBackup: (request) => call(() => api.exportBackup(request)),
    lanHost: {
      start: (options = {}) => call(() => api.lanHostStart(options)),
      stop: () => call(() => api.lanHostStop()),
      status: () => call(() => api.lanHostStatus()),
      nearby: () => call(() => api.lanHostNearby()),
    },
    autoBackup: {
      settings: () => call(() => api.autoBackupSettings()),
      chooseFolder: () => call(() => api.autoBackupChooseFolder()),
      configure: (request) => call(() => api.autoBackupConfigure(request)),
      write: (request) => call(() => api.autoBackupWrite(request)),
      list: (request) => call(() => api.autoBackupList(request)),
      read: (request) => call(() => api.autoBackupRead(request)),
    },
    hosts: {
      enforced: true,
      allow: (request) => call(() => api.allowHosts(request)),
    },
    onCloseRequest: (flush) =>
      api.onFlushEdits?.((raw) => {
        // From main, still checked: only a well-formed request gets an answer.
        const request = FlushEditsRequestSchema.safeParse(raw);
        if (!request.success) return;
        void flush()
          .then((answer) => api.editsFlushed({ ...answer, id: request.data.id }))
          .catch((error: unknown) => console.error('[storage] could not answer the close request', error));
      }) ?? (() => undefined),
  };
}
