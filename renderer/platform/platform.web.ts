import { version } from '../../package.json';
import {
  AllowHostsRequestSchema,
  BackupExportRequestSchema,
  backupFileName,
  LAN_HOST_STOPPED,
  OpenFileRequestSchema,
  PdfRequestSchema,
  SaveFileRequestSchema,
  WebHostInfoSchema,
  type LanHostStatus,
  type OpenFileResult,
  type WebHostInfo,
} from '../../shared/ipc';
import { type Platform, type SaveOutcome, UnsupportedOnPlatformError } from './platform';

/** The browser features the web platform uses; tests pass a fake. */
export interface WebEnv {
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /** Opens the print dialog; returns when it closes. */
  print(): void;
  /** Adds a stylesheet to the page; the returned function removes it. */
  addPageStyle(css: string): () => void;
  /** Hands a file to the browser's downloads. */
  download(blob: Blob, name: string): void;
  /** Lets the user pick one file; `null` when they cancel. */
  pickFile(accept: string): Promise<File | null>;
  platformName: string;
}

/** The real browser. */
export function browserEnv(): WebEnv {
  return {
    fetch: (url, init) => fetch(url, init),
    print: () => window.print(),
    addPageStyle(css) {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
      return () => style.remove();
    },
    download(blob, name) {
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.rel = 'noopener';
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
      // Revoking at once can cancel the download in some browsers.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    pickFile(accept) {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = accept;
        input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
        input.addEventListener('cancel', () => resolve(null), { once: true });
        input.click();
      });
    },
    platformName: typeof navigator === 'undefined' ? 'unknown' : navigator.platform,
  };
}

/** The LAN host status error when the page does not come from the Node host (UI translates it). */
export const NOT_HOSTED = 'This page is not served by the Crisis Room host (npm start), so there is no LAN host.';

/**
 * The platform in a browser: downloads instead of a save dialog, a file input instead of an open
 * dialog, the print dialog for PDF, and the LAN host's status from the Node host's `/api/host`.
 * Requests are checked with the same schemas main uses, so web mode fails the same way.
 */
export function createWebPlatform(env: WebEnv = browserEnv()): Platform {
  async function hostInfo(): Promise<WebHostInfo | null> {
    try {
      const response = await env.fetch('/api/host', { cache: 'no-store', headers: { Accept: 'application/json' } });
      if (!response.ok) return null;
      const parsed = WebHostInfoSchema.safeParse(await response.json());
      return parsed.success ? parsed.data : null;
    } catch {
      // Not served by the Node host (dev server, preview, file): no host to ask.
      return null;
    }
  }
  async function lanStatus(): Promise<LanHostStatus> {
    return (await hostInfo())?.lanHost ?? { ...LAN_HOST_STOPPED, error: NOT_HOSTED };
  }
  function download(data: Uint8Array | string, mime: string, name: string): SaveOutcome {
    env.download(new Blob([data as BlobPart], { type: mime }), name);
    return { kind: 'downloaded', name };
  }

  return {
    mode: 'web',
    can: { pdfFile: false, chooseSaveLocation: false, hostControl: false },
    async appInfo() {
      return { name: 'Crisis Room', version, platform: env.platformName, mode: 'web' };
    },
    async printToPdf(request = {}) {
      const { pageSize, landscape } = PdfRequestSchema.parse(request);
      const removeStyle = env.addPageStyle(`@page { size: ${pageSize} ${landscape ? 'landscape' : 'portrait'}; }`);
      try {
        env.print();
      } finally {
        removeStyle();
      }
      return { kind: 'print-dialog' };
    },
    async print() {
      env.print();
      return { outcome: 'unknown' };
    },
    async saveFile(request) {
      const { suggestedName, mime, text, bytes } = SaveFileRequestSchema.parse(request);
      return download(bytes ?? text ?? '', mime, suggestedName);
    },
    async openFile(request): Promise<OpenFileResult> {
      const { as, filters, maxBytes } = OpenFileRequestSchema.parse(request);
      const accept = (filters ?? [])
        .flatMap((filter) => filter.extensions.filter((ext) => ext !== '*').map((ext) => `.${ext}`))
        .join(',');
      const file = await env.pickFile(accept);
      if (file === null) return { kind: 'cancelled' };
      const { name, size } = file;
      if (size > maxBytes) return { kind: 'too-large', name, size, maxBytes };
      return as === 'text'
        ? { kind: 'text', name, size, text: await file.text() }
        : { kind: 'bytes', name, size, bytes: new Uint8Array(await file.arrayBuffer()) };
    },
    async exportBackup(request) {
      const { workspaceName, bytes } = BackupExportRequestSchema.parse(request);
      return download(bytes, 'application/octet-stream', backupFileName(workspaceName, new Date()));
    },
    // A page cannot write into a folder on its own: backups are downloaded on request.
    autoBackup: null,
    lanHost: {
      async start() {
        throw new UnsupportedOnPlatformError('In web mode the LAN host runs with the Node host (npm start), not from the page.');
      },
      async stop() {
        throw new UnsupportedOnPlatformError('In web mode the LAN host stops with the Node host (Ctrl+C where npm start runs).');
      },
      status: lanStatus,
      nearby: async () => (await hostInfo())?.nearby ?? [],
    },
    // The Node host cannot tell the person's configured hosts from ones injected script would
    // report, and has no way to ask the person outside the page: nothing is restricted here.
    hosts: {
      enforced: false,
      allow: async (request) => {
        AllowHostsRequestSchema.parse(request);
        return { origins: [], declined: [], invalid: [], reloadNeeded: false };
      },
    },
    // Nothing asks before a browser tab closes: pagehide and beforeunload cover it.
    onCloseRequest: () => () => undefined,
  };
}
