import type {
  AllowHostsRequest,
  AllowHostsResult,
  AppInfo,
  AppMode,
  AutoBackupEntry,
  AutoBackupSettings,
  BackupExportRequest,
  EditsFlushed,
  LanHostStart,
  LanHostStatus,
  NearbyHost,
  OpenFileRequest,
  OpenFileResult,
  PdfRequest,
  PdfResult,
  PrintResult,
  SaveFileRequest,
  SaveResult,
} from '../../shared/ipc';

/**
 * What the renderer may ask of the machine it runs on. Electron (platform.electron.ts) and the
 * browser (platform.web.ts) each implement it; features use `getPlatform()` from ./index and never
 * test for Electron themselves.
 */

/** Saving in a browser downloads the file: there is no path and no way to know about cancelling. */
export type SaveOutcome = SaveResult | { kind: 'downloaded'; name: string };

/** A browser cannot make PDF bytes: it opens the print dialog, where "Save as PDF" is offered. */
export type PdfOutcome = PdfResult | { kind: 'print-dialog' };

/** What this platform can do, so screens offer only what works. */
export interface PlatformCapabilities {
  /** printToPdf can return bytes or save a file (otherwise it opens the print dialog). */
  pdfFile: boolean;
  /** Saving asks where to save (otherwise the browser downloads). */
  chooseSaveLocation: boolean;
  /** The app can start and stop the LAN host (otherwise it is started with the Node host). */
  hostControl: boolean;
}

export interface LanHostControl {
  start(options?: LanHostStart): Promise<LanHostStatus>;
  stop(): Promise<LanHostStatus>;
  status(): Promise<LanHostStatus>;
  nearby(): Promise<NearbyHost[]>;
}

/**
 * Which hosts the page may connect to. In Electron main builds the page's CSP `connect-src` from
 * exactly the allowed hosts and asks the person before allowing a new one; in web mode nothing
 * is enforced (README: "Connections the page may make").
 */
export interface HostAccessControl {
  readonly enforced: boolean;
  /** Tells main every configured host; the answer says what is allowed and whether a reload is needed. */
  allow(request: AllowHostsRequest): Promise<AllowHostsResult>;
}

/**
 * Automatic backups into a folder the person picked (Electron main writes the files the page
 * encrypted, electron/backups.ts). Absent in a browser, which can only download a backup.
 */
export interface AutoBackupControl {
  settings(): Promise<AutoBackupSettings>;
  chooseFolder(): Promise<AutoBackupSettings>;
  configure(request: { intervalMinutes: number; keep: number }): Promise<AutoBackupSettings>;
  write(request: { workspaceId: string; bytes: Uint8Array }): Promise<{ written: AutoBackupEntry; deleted: string[] }>;
  list(request: { workspaceId?: string }): Promise<AutoBackupEntry[]>;
  read(request: { name: string }): Promise<{ name: string; size: number; bytes: Uint8Array }>;
}

export interface Platform {
  readonly mode: AppMode;
  readonly can: PlatformCapabilities;
  appInfo(): Promise<AppInfo>;
  printToPdf(request?: PdfRequest): Promise<PdfOutcome>;
  print(): Promise<PrintResult>;
  saveFile(request: SaveFileRequest): Promise<SaveOutcome>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  exportBackup(request: BackupExportRequest): Promise<SaveOutcome>;
  readonly lanHost: LanHostControl;
  readonly hosts: HostAccessControl;
  /** Automatic backups into a folder (Electron); null in a browser. */
  readonly autoBackup: AutoBackupControl | null;
  /**
   * Answers main's "store every edit, the window is closing" (Electron, electron/closeGuard.ts):
   * `flush` runs and its answer goes back to main. Returns a function that stops answering. In a
   * browser nothing asks (the page's pagehide and beforeunload cover closing): a no-op there.
   */
  onCloseRequest(flush: () => Promise<Omit<EditsFlushed, 'id'>>): () => void;
}

/** The platform cannot do this at all (check `platform.can` first). */
export class UnsupportedOnPlatformError extends Error {
  override name = 'UnsupportedOnPlatformError';
}
