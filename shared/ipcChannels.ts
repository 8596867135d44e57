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
  allowHosts: 'crisis-room:allow-hosts',
  editsFlushed: 'crisis-room:edits-flushed',
  vaultMasterKey: 'crisis-room:vault-master-key',
  autoBackupSettings: 'crisis-room:auto-backup-settings',
  autoBackupChooseFolder: 'crisis-room:auto-backup-choose-folder',
  autoBackupConfigure: 'crisis-room:auto-backup-configure',
  autoBackupWrite: 'crisis-room:auto-backup-write',
  autoBackupList: 'crisis-room:auto-backup-list',
  autoBackupRead: 'crisis-room:auto-backup-read',
} as const;

/**
 * Messages main sends to the page (not routes: the page answers through a route). Validated by
 * the page with the schemas of shared/ipc.ts.
 */
export const IPC_EVENTS = {
  /** Before the window closes: store every edit now, then answer with `editsFlushed`. */
  flushEdits: 'crisis-room:flush-edits',
} as const;
