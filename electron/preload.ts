// Runs in the sandboxed renderer before the page, in an isolated world. It exposes exactly the
// contract of shared/ipc.ts as `window.crisisRoom` and nothing else: no ipcRenderer, no Node.
import { contextBridge, ipcRenderer } from 'electron';
import { type CrisisRoomApi, IPC } from '../shared/ipc.js';

const api = {
  appInfo: () => ipcRenderer.invoke(IPC.appInfo.channel),
  printToPdf: (request) => ipcRenderer.invoke(IPC.printToPdf.channel, request),
  print: () => ipcRenderer.invoke(IPC.print.channel),
  saveFile: (request) => ipcRenderer.invoke(IPC.saveFile.channel, request),
  openFile: (request) => ipcRenderer.invoke(IPC.openFile.channel, request),
  exportBackup: (request) => ipcRenderer.invoke(IPC.exportBackup.channel, request),
  lanHostStart: (request) => ipcRenderer.invoke(IPC.lanHostStart.channel, request),
  lanHostStop: () => ipcRenderer.invoke(IPC.lanHostStop.channel),
  lanHostStatus: () => ipcRenderer.invoke(IPC.lanHostStatus.channel),
  lanHostNearby: () => ipcRenderer.invoke(IPC.lanHostNearby.channel),
} satisfies CrisisRoomApi;

contextBridge.exposeInMainWorld('crisisRoom', api);
