/**
 * The part of Electron the main process uses, as plain structural types.
 *
 * Only main.ts imports the real `electron` module and passes it down as an `ElectronFacade`
 * (the compiler checks the real module fits). Every other main-process module takes the facade
 * as a parameter, so unit tests run under plain Node with a fake and never load Electron.
 */

/** Anything with a cancellable default action (navigation, redirects, webview attach). */
export interface PreventableEvent {
  preventDefault(): void;
}

/** A frame that sent an IPC message. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** The `event` an `ipcMain.handle` listener receives. */
export interface InvokeEventLike {
  readonly sender: WebContentsLike;
  readonly senderFrame: FrameLike | null;
}

/** Options we pass to `printToPDF` (a subset of Electron's). */
export interface PdfOptionsLike {
  pageSize?: 'A4' | 'A3';
  landscape?: boolean;
  printBackground?: boolean;
  preferCSSPageSize?: boolean;
  /** Inches. */
  margins?: { top: number; bottom: number; left: number; right: number };
}

/** Options we pass to `print` (a subset of Electron's). */
export interface PrintOptionsLike {
  silent?: boolean;
  printBackground?: boolean;
}

/** What `setWindowOpenHandler` gets and may answer. */
export interface WindowOpenDetailsLike {
  url: string;
}
export interface WindowOpenResponseLike {
  action: 'deny';
}

/** A window's (or any frame's) web contents. */
export interface WebContentsLike {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  /** The page's beforeunload asked to stay; preventing this event leaves anyway. */
  on(event: 'will-prevent-unload', listener: (event: PreventableEvent) => void): unknown;
  /** A message to the page (the preload forwards only the IPC_EVENTS it knows). */
  send(channel: string, ...args: unknown[]): void;
  reload(): void;
  setWindowOpenHandler(handler: (details: WindowOpenDetailsLike) => WindowOpenResponseLike): void;
  printToPDF(options: PdfOptionsLike): Promise<Uint8Array>;
  print(options: PrintOptionsLike, callback: (success: boolean, failureReason: string) => void): void;
}

/** `webPreferences` we set on every window. Every hardening flag is spelled out. */
export interface HardenedWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: boolean;
  backgroundThrottling: boolean;
}

/** Options for the main window. */
export interface WindowOptionsLike {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: HardenedWebPreferences;
}

/** Any top-level window (dialogs attach to one). */
export interface BaseWindowLike {
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
}

export interface BrowserWindowLike extends BaseWindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  /** Closing was asked for (button, shortcut, quit); preventing it keeps the window open. */
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
}

export interface BrowserWindowStatic {
  new (options: WindowOptionsLike): BrowserWindowLike;
  getAllWindows(): BrowserWindowLike[];
  fromWebContents(contents: WebContentsLike): BrowserWindowLike | null;
}

/** A scheme registered with `protocol.registerSchemesAsPrivileged`. */
export interface PrivilegedSchemeLike {
  scheme: string;
  privileges: {
    standard?: boolean;
    secure?: boolean;
    supportFetchAPI?: boolean;
    corsEnabled?: boolean;
    stream?: boolean;
    codeCache?: boolean;
    bypassCSP?: boolean;
    allowServiceWorkers?: boolean;
  };
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: PrivilegedSchemeLike[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/** Headers as `webRequest.onHeadersReceived` sees them. */
export type ResponseHeadersLike = Record<string, string[]>;

export interface SessionLike {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; resourceType?: string; responseHeaders?: ResponseHeadersLike },
        callback: (response: { responseHeaders?: ResponseHeadersLike; cancel?: boolean }) => void,
      ) => void,
    ): void;
    /** Every request of the session (WebSockets too), before it is sent. */
    onBeforeRequest(
      listener: (details: { url: string; resourceType?: string }, callback: (response: { cancel?: boolean }) => void) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (
      contents: WebContentsLike | null,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (contents: WebContentsLike | null, permission: string, requestingOrigin: string) => boolean,
  ): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

export interface FileDialogFilterLike {
  name: string;
  extensions: string[];
}

export interface DialogLike {
  showSaveDialog(
    window: BaseWindowLike,
    options: { defaultPath?: string; filters?: FileDialogFilterLike[]; title?: string },
  ): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(
    window: BaseWindowLike,
    options: { properties: Array<'openFile' | 'openDirectory' | 'createDirectory'>; filters?: FileDialogFilterLike[]; title?: string },
  ): Promise<{ canceled: boolean; filePaths: string[] }>;
  showMessageBox(
    window: BaseWindowLike,
    options: { type?: 'none' | 'info' | 'error' | 'question' | 'warning'; title?: string; message: string; detail?: string; buttons: string[]; defaultId?: number; cancelId?: number; noLink?: boolean },
  ): Promise<{ response: number }>;
}

export interface AppLike {
  readonly commandLine: { appendSwitch(name: string, value?: string): void };
  enableSandbox(): void;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'before-quit', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
  quit(): void;
  getName(): string;
  getVersion(): string;
  getPath(name: 'documents' | 'userData'): string;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The slice of the `electron` module the main process uses. */
/** Electron's `safeStorage`: strings encrypted with a key the OS keeps (Keychain, DPAPI, libsecret/kwallet). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which store holds the key; 'basic_text' means a hard-coded key (no protection). */
  getSelectedStorageBackend?(): string;
}

export interface ElectronFacade {
  app: AppLike;
  safeStorage: SafeStorageLike;
  BrowserWindow: BrowserWindowStatic;
  ipcMain: IpcMainLike;
  protocol: ProtocolLike;
  session: { readonly defaultSession: SessionLike };
  dialog: DialogLike;
  shell: { openExternal(url: string): Promise<void> };
}
