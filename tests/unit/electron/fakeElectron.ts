// A fake Electron facade for Node unit tests: records what main does, lets tests fire events.
import type {
  BrowserWindowLike,
  DialogLike,
  ElectronFacade,
  FrameLike,
  InvokeEventLike,
  PdfOptionsLike,
  PrintOptionsLike,
  PrivilegedSchemeLike,
  SessionLike,
  WebContentsLike,
  WindowOpenDetailsLike,
  WindowOpenResponseLike,
  WindowOptionsLike,
} from '../../../electron/facade.js';

type Listener = (...args: never[]) => unknown;

/** An event whose default can be prevented, as Electron passes to `will-navigate`. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents implements WebContentsLike {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: WindowOpenDetailsLike) => WindowOpenResponseLike) | null = null;
  readonly pdfCalls: PdfOptionsLike[] = [];
  readonly printCalls: PrintOptionsLike[] = [];
  pdfBytes = new TextEncoder().encode('%PDF-1.7 fake');
  printAnswer: [boolean, string] = [true, ''];
  /** Messages main sent to the page. */
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  reloads = 0;

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  /** Fires `event` like Electron would; returns the event so tests see `defaultPrevented`. */
  fire(event: string, ...args: unknown[]): FakeEvent {
    const e = fakeEvent();
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(e, ...args);
    return e;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  reload(): void {
    this.reloads++;
  }
  setWindowOpenHandler(handler: (details: WindowOpenDetailsLike) => WindowOpenResponseLike): void {
    this.windowOpenHandler = handler;
  }
  async printToPDF(options: PdfOptionsLike): Promise<Uint8Array> {
    this.pdfCalls.push(options);
    return this.pdfBytes;
  }
  print(options: PrintOptionsLike, callback: (success: boolean, failureReason: string) => void): void {
    this.printCalls.push(options);
    callback(...this.printAnswer);
  }
}

export interface FakeWindow extends BrowserWindowLike {
  readonly options: WindowOptionsLike;
  readonly webContents: FakeWebContents;
  loadedUrl: string | null;
  shown: boolean;
  /** Times close() went through (not prevented). */
  closed: number;
  readyToShow(): void;
  /** Asks to close as the close button would; returns the event (`defaultPrevented`: kept open). */
  requestClose(): FakeEvent;
}

/** A frame as `event.senderFrame` gives it. */
export function frame(url: string, parent: FrameLike | null = null): FrameLike {
  return { url, parent };
}

export interface FakeElectron extends ElectronFacade {
  /** Everything main did, in order. */
  readonly log: string[];
  readonly windows: FakeWindow[];
  readonly ipcHandlers: Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>;
  readonly privilegedSchemes: PrivilegedSchemeLike[];
  protocolHandlers: Map<string, (request: Request) => Response | Promise<Response>>;
  readonly sessionHandlers: {
    headers?: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0];
    beforeRequest?: Parameters<SessionLike['webRequest']['onBeforeRequest']>[0];
    permissionRequest?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
    permissionCheck?: Parameters<SessionLike['setPermissionCheckHandler']>[0];
    device?: Parameters<SessionLike['setDevicePermissionHandler']>[0];
  };
  readonly appListeners: Map<string, Listener[]>;
  readonly openedExternally: string[];
  /** What the next save/open dialog answers. */
  dialogAnswers: { save: { canceled: boolean; filePath?: string }; open: { canceled: boolean; filePaths: string[] }; message: { response: number } };
  readonly dialogCalls: Array<{ kind: 'save' | 'open' | 'message'; options: unknown }>;
  singleInstance: boolean;
  /** What the fake `safeStorage` says about the OS key store. */
  safeStorageAvailable: boolean;
  safeStorageBackend: string;
  /** Resolves `app.whenReady()`. */
  ready(): void;
  /** Calls an IPC route as the renderer would, from `senderFrame`. */
  invoke(channel: string, senderFrame: FrameLike | null, ...args: unknown[]): Promise<unknown>;
  fireApp(event: string, ...args: unknown[]): void;
}

export function createFakeElectron(): FakeElectron {
  const log: string[] = [];
  const windows: FakeWindow[] = [];
  const ipcHandlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const appListeners = new Map<string, Listener[]>();
  let resolveReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));

  class FakeBrowserWindow implements FakeWindow {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    shown = false;
    focused = false;
    closed = 0;
    private readyListeners: Array<() => void> = [];
    private closeListeners: Array<(event: FakeEvent) => void> = [];
    constructor(readonly options: WindowOptionsLike) {
      log.push('new BrowserWindow');
      windows.push(this);
    }
    static getAllWindows(): BrowserWindowLike[] {
      return [...windows];
    }
    static fromWebContents(contents: WebContentsLike): BrowserWindowLike | null {
      return windows.find((w) => w.webContents === contents) ?? null;
    }
    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
    }
    once(_event: 'ready-to-show', listener: () => void): this {
      this.readyListeners.push(listener);
      return this;
    }
    readyToShow(): void {
      this.readyListeners.forEach((l) => l());
    }
    on(_event: 'close', listener: (event: FakeEvent) => void): this {
      this.closeListeners.push(listener);
      return this;
    }
    requestClose(): FakeEvent {
      const e = fakeEvent();
      this.closeListeners.forEach((l) => l(e));
      return e;
    }
    close(): void {
      if (!this.requestClose().defaultPrevented) this.closed++;
    }
    isDestroyed(): boolean {
      return this.closed > 0;
    }
    show(): void {
      this.shown = true;
    }
    focus(): void {
      this.focused = true;
    }
    restore(): void {}
    isMinimized(): boolean {
      return false;
    }
  }

  const fake: FakeElectron = {
    log,
    windows,
    ipcHandlers,
    appListeners,
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    sessionHandlers: {},
    openedExternally: [],
    dialogAnswers: { save: { canceled: true }, open: { canceled: true, filePaths: [] }, message: { response: 1 } },
    dialogCalls: [],
    singleInstance: true,
    app: {
      commandLine: { appendSwitch: (name, value) => void log.push(`appendSwitch ${name}=${value ?? ''}`) },
      enableSandbox: () => void log.push('enableSandbox'),
      requestSingleInstanceLock: () => fake.singleInstance,
      whenReady: () => {
        log.push('whenReady');
        return readyPromise.then(() => void log.push('ready'));
      },
      on(event: string, listener: Listener) {
        appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
        return this;
      },
      quit: () => void log.push('quit'),
      getName: () => 'Crisis Room',
      getVersion: () => '9.9.9',
      getPath: () => '/home/team/Documents',
    },
    // A reversible stand-in for the OS key store (tests check the file never holds the key in clear).
    safeStorage: {
      isEncryptionAvailable: () => fake.safeStorageAvailable,
      encryptString: (plain: string) => new Uint8Array(Buffer.from(`os:${Buffer.from(plain).reverse().toString('hex')}`)),
      decryptString: (encrypted: Buffer) => {
        const text = Buffer.from(encrypted).toString();
        if (!text.startsWith('os:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return Buffer.from(text.slice(3), 'hex').reverse().toString();
      },
      getSelectedStorageBackend: () => fake.safeStorageBackend,
    },
    safeStorageAvailable: true,
    safeStorageBackend: 'gnome_libsecret',
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel, listener) => {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        log.push(`ipc ${channel}`);
        ipcHandlers.set(channel, listener);
      },
      removeHandler: (channel) => void ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes) => {
        log.push('registerSchemesAsPrivileged');
        fake.privilegedSchemes.push(...schemes);
      },
      handle: (scheme, handler) => {
        log.push(`protocol.handle ${scheme}`);
        fake.protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: (listener) => {
            log.push('onHeadersReceived');
            fake.sessionHandlers.headers = listener;
          },
          onBeforeRequest: (listener) => {
            log.push('onBeforeRequest');
            fake.sessionHandlers.beforeRequest = listener;
          },
        },
        setPermissionRequestHandler: (handler) => void (fake.sessionHandlers.permissionRequest = handler),
        setPermissionCheckHandler: (handler) => void (fake.sessionHandlers.permissionCheck = handler),
        setDevicePermissionHandler: (handler) => void (fake.sessionHandlers.device = handler),
      },
    },
    dialog: {
      showSaveDialog: async (_window, options) => {
        fake.dialogCalls.push({ kind: 'save', options });
        return fake.dialogAnswers.save;
      },
      showOpenDialog: async (_window, options) => {
        fake.dialogCalls.push({ kind: 'open', options });
        return fake.dialogAnswers.open;
      },
      showMessageBox: async (_window, options) => {
        fake.dialogCalls.push({ kind: 'message', options });
        return fake.dialogAnswers.message;
      },
    } satisfies DialogLike,
    shell: {
      openExternal: async (url) => void fake.openedExternally.push(url),
    },
    ready: () => resolveReady(),
    async invoke(channel, senderFrame, ...args) {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      const sender = windows[0]?.webContents ?? new FakeWebContents();
      return handler({ sender, senderFrame }, ...args);
    },
    fireApp(event, ...args) {
      for (const listener of appListeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
    },
  };
  return fake;
}
