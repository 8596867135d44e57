/**
 * IPC channel names, kept apart from the schemas in shared/ipc.ts so the sandboxed preload can
 * import them without bundling zod. shared/ipc.ts is the contract; it pairs every name here with
 * its schemas, and the compiler checks both lists match.
 */
export const IPC_CHANNELS = {
  appInfo: 'crisis-room:app-info',
  printToPdf: 'crisis-room:print-to-pdf',
  print: 'crisis-room:print',
  saveFile: 'crisis-room:save-file',
  openFile: 'crisis-room:open-file',
  exportBackup: 'crisis-room:export-backup',
  lanHostStart: 'crisis-room:lan-host-start',
  lanHostStop: 'crisis-room:lan-host-stop',
  lanHostStatus: 'crisis-room:lan-host-status',
  lanHostNearby: 'crisis-room:lan-host-nearby',
} as const;
