// Runs in the sandboxed renderer before the page, in an isolated world. It exposes exactly the
// contract of shared/ipc.ts as `window.crisisRoom` and nothing else: no ipcRenderer, no Node.
import { contextBridge, ipcRenderer } from 'electron';
import type { CrisisRoomApi } from '../shared/ipc.js';
import { IPC_CHANNELS } from '../shared/ipcChannels.js';

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
} satisfies CrisisRoomApi;

contextBridge.exposeInMainWorld('crisisRoom', api);
