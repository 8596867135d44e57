// Runs in the sandboxed renderer before the page, in an isolated world. It exposes exactly the
// contract of shared/ipc.ts as `window.crisisRoom` and nothing else: no ipcRenderer, no Node.
import { contextBridge, ipcRenderer } from 'electron';
import type { CrisisRoomApi } from '../shared/ipc.js';
import { IPC_CHANNELS, IPC_EVENTS } from '../shared/ipcChannels.js';

const api = {
  appInfo: () => ipcRenderer.invoke(IPC_CHANNELS.appInfo),
  printToPdf: (request) => ipcRenderer.invoke(IPC_CHANNELS.printToPdf, request),
  print: () => ipcRenderer.invoke(IPC_CHANNELS.print),
  saveFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.openFile, request),
  exportBackup: (request) => ipcRenderer.invoke(IPC_CHANNELS.exportBackup, request),
  lanHostStart: (request) => ipcRenderer.invoke(IPC_CHANNELS.lanHostStart, request),
  lanHostStop: () => ipcRenderer.invoke(IPC_CHANNELS.lanHostStop),
  lanHostStatus: () => ipcRenderer.invoke(IPC_CHANNELS.lanHostStatus),
  lanHostNearby: () => ipcRenderer.invoke(IPC_CHANNELS.lanHostNearby),
  allowHosts: (request) => ipcRenderer.invoke(IPC_CHANNELS.allowHosts, request),
  editsFlushed: (request) => ipcRenderer.invoke(IPC_CHANNELS.editsFlushed, request),
  vaultMasterKey: (request) => ipcRenderer.invoke(IPC_CHANNELS.vaultMasterKey, request),
  autoBackupSettings: () => ipcRenderer.invoke(IPC_CHANNELS.autoBackupSettings),
  autoBackupChooseFolder: () => ipcRenderer.invoke(IPC_CHANNELS.autoBackupChooseFolder),
  autoBackupConfigure: (request) => ipcRenderer.invoke(IPC_CHANNELS.autoBackupConfigure, request),
  autoBackupWrite: (request) => ipcRenderer.invoke(IPC_CHANNELS.autoBackupWrite, request),
  autoBackupList: (request) => ipcRenderer.invoke(IPC_CHANNELS.autoBackupList, request),
  autoBackupRead: (request) => ipcRenderer.invoke(IPC_CHANNELS.autoBackupRead, request),
  // Only the payload reaches the page (never the IPC event and its sender).
  onFlushEdits: (listener: (request: unknown) => void) => {
    const forward = (_event: unknown, request: unknown) => listener(request);
    ipcRenderer.on(IPC_EVENTS.flushEdits, forward);
    return () => void ipcRenderer.removeListener(IPC_EVENTS.flushEdits, forward);
  },
} satisfies CrisisRoomApi;

contextBridge.exposeInMainWorld('crisisRoom', api);
