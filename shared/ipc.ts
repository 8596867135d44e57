import { z } from 'zod';
import { IPC_CHANNELS, IPC_EVENTS } from './ipcChannels.js';
import { LANGUAGES } from './languages.js';
import { SignalingUrlSchema } from './sync/settings.js';
import { BytesSchema, DEFAULT_OPEN_LIMIT_BYTES, MAX_FILE_BYTES } from './ipcBytes.js';
import {
  AutoBackupConfigureSchema,
  AutoBackupEntrySchema,
  AutoBackupListSchema,
  AutoBackupReadResultSchema,
  AutoBackupReadSchema,
  AutoBackupSettingsSchema,
  AutoBackupWriteResultSchema,
  AutoBackupWriteSchema,
} from './ipcBackups.js';

export { IPC_CHANNELS, IPC_EVENTS };
export * from './ipcBytes.js';
export * from './ipcBackups.js';

/**
 * The one IPC contract between the renderer and the Electron main process.
 *
 * Every route names its channel and the zod schemas of its request and response. The preload
 * exposes `window.crisisRoom` (typed {@link CrisisRoomApi}) and main validates every request with
 * the route's schema after checking the sender frame (see electron/ipc.ts). The renderer never
 * calls this directly: it goes through renderer/platform, which also has a web implementation.
 */

/** Where the app runs: inside Electron, or in a browser served by the Node host / a dev server. */
export const APP_MODES = ['electron', 'web'] as const;
/** Where the app runs. */
export type AppMode = (typeof APP_MODES)[number];

/**
 * A file name the user may keep or change in the save dialog: no folders, no control characters,
 * no names Windows refuses.
 */
export const FileNameSchema = z
  .string()
  .min(1, 'file name is empty')
  .max(200, 'file name is longer than 200 characters')
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\\/:*?"<>|\u0000-\u001f]/.test(name), 'file name contains a folder separator or a character files cannot have')
  .refine((name) => name !== '.' && name !== '..' && !name.endsWith('.') && !name.endsWith(' '), 'file name is not valid');

/** One filter in a file dialog, e.g. `{ name: 'CSV', extensions: ['csv'] }`. */
export const FileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'extension must be letters and digits')).min(1).max(20),
});

/** Paper for printing and PDF export. */
export const PAGE_SIZES = ['A4', 'A3'] as const;

// ── Requests and responses ────────────────────────────────────────────────────────────────────

/** What the app is and where it runs. */
export const AppInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  mode: z.enum(APP_MODES),
  /** Electron version, in Electron only. */
  electron: z.string().optional(),
});
/** What the app is and where it runs. */
export type AppInfo = z.infer<typeof AppInfoSchema>;

/**
 * Export the current window as PDF. Without `saveAs` the bytes come back to the renderer;
 * with `saveAs` main asks where to save (the name is a suggestion) and writes the file.
 */
export const PdfRequestSchema = z.strictObject({
  pageSize: z.enum(PAGE_SIZES).default('A4'),
  landscape: z.boolean().default(false),
  saveAs: FileNameSchema.optional(),
});
/** Options for a PDF export (defaults: A4 portrait, bytes returned). */
export type PdfRequest = z.input<typeof PdfRequestSchema>;

/** The user picked a place and the file was written there. */
export const SavedSchema = z.strictObject({ kind: z.literal('saved'), path: z.string() });
/** The user closed the dialog without choosing. */
export const CancelledSchema = z.strictObject({ kind: z.literal('cancelled') });

/** A PDF export's outcome. */
export const PdfResultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pdf'), bytes: BytesSchema }),
  SavedSchema,
  CancelledSchema,
]);
/** A PDF export's outcome. */
export type PdfResult = z.infer<typeof PdfResultSchema>;

/** Outcome of the print dialog. The browser does not tell, so web mode answers `unknown`. */
export const PrintResultSchema = z.strictObject({
  outcome: z.enum(['printed', 'cancelled', 'failed', 'unknown']),
  /** Why printing failed, when it did. */
  reason: z.string().optional(),
});
/** Outcome of the print dialog. */
export type PrintResult = z.infer<typeof PrintResultSchema>;

/** Save text or bytes through the save dialog. */
export const SaveFileRequestSchema = z
  .strictObject({
    suggestedName: FileNameSchema,
    mime: z.string().max(100).regex(/^[\w.+-]+\/[\w.+-]+$/, 'not a MIME type'),
    text: z.string().optional(),
    bytes: BytesSchema.optional(),
    filters: z.array(FileFilterSchema).max(10).optional(),
  })
  .refine((r) => (r.text === undefined) !== (r.bytes === undefined), 'give exactly one of text or bytes')
  .refine(
    (r) => (r.bytes?.byteLength ?? (r.text?.length ?? 0) * 3) <= MAX_FILE_BYTES,
    `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`,
  );
/** Save text or bytes through the save dialog. */
export type SaveFileRequest = z.input<typeof SaveFileRequestSchema>;

/** A save's outcome. */
export const SaveResultSchema = z.discriminatedUnion('kind', [SavedSchema, CancelledSchema]);
/** A save's outcome. */
export type SaveResult = z.infer<typeof SaveResultSchema>;

/** Let the user pick one file; read it as text (UTF-8) or bytes, refusing files over `maxBytes`. */
export const OpenFileRequestSchema = z.strictObject({
  as: z.enum(['text', 'bytes']),
  filters: z.array(FileFilterSchema).max(10).optional(),
  maxBytes: z.number().int().positive().max(MAX_FILE_BYTES).default(DEFAULT_OPEN_LIMIT_BYTES),
});
/** Let the user pick one file. */
export type OpenFileRequest = z.input<typeof OpenFileRequestSchema>;

/** An open's outcome; `too-large` leaves the file unread. */
export const OpenFileResultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), name: z.string(), size: z.number(), text: z.string() }),
  z.strictObject({ kind: z.literal('bytes'), name: z.string(), size: z.number(), bytes: BytesSchema }),
  z.strictObject({ kind: z.literal('too-large'), name: z.string(), size: z.number(), maxBytes: z.number() }),
  CancelledSchema,
]);
/** An open's outcome. */
export type OpenFileResult = z.infer<typeof OpenFileResultSchema>;

/** Save a workspace backup (bytes made by the renderer) under a dated name the user can change. */
export const BackupExportRequestSchema = z.strictObject({
  workspaceName: z.string().min(1).max(200),
  bytes: BytesSchema.refine((b) => b.byteLength <= MAX_FILE_BYTES, 'backup is too large'),
});
/** Save a workspace backup. */
export type BackupExportRequest = z.input<typeof BackupExportRequestSchema>;

/** File extension of Crisis Room backups. */
export const BACKUP_EXTENSION = 'crisisroom';

/**
 * Default file name of a backup: the workspace name made safe for every file system, then the
 * local date and time. `Night shift/drill` at 2025-03-09 14:05 →
 * `Night shift_drill-2025-03-09-1405.crisisroom`.
 */
export function backupFileName(workspaceName: string, at: Date): string {
  const safe =
    workspaceName
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .trim()
      .replace(/[. ]+$/, '')
      .slice(0, 100) || 'workspace';
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  return `${safe}-${stamp}.${BACKUP_EXTENSION}`;
}

// ── LAN host ─────────────────────────────────────────────────────────────────────────────────

/** Start hosting the signaling server on this machine, optionally advertised on the LAN. */
export const LanHostStartSchema = z.strictObject({
  /** 0 or absent: any free port. */
  port: z.number().int().min(0).max(65535).optional(),
  /** Advertise on the LAN (mDNS) so colleagues see this host nearby. Never reveals room keys. */
  advertise: z.boolean().default(true),
  /**
   * Accepted for older renderers and ignored: the LAN host advertises a random instance name,
   * never a person's or computer's name (electron/host/lan.ts).
   */
  name: z.string().min(1).max(64).optional(),
});
/** Start hosting. */
export type LanHostStart = z.input<typeof LanHostStartSchema>;

/** The LAN host on this machine. */
export const LanHostStatusSchema = z.object({
  running: z.boolean(),
  port: z.number().int().nullable(),
  /** Signaling URLs colleagues can use, e.g. `ws://192.168.1.20:4444/signal`. */
  urls: z.array(z.string()),
  advertised: z.boolean(),
  name: z.string().nullable(),
  /** Open signaling connections. */
  connections: z.number().int().min(0),
  /** Why the host is not running, when it failed. */
  error: z.string().optional(),
});
/** The LAN host on this machine. */
export type LanHostStatus = z.infer<typeof LanHostStatusSchema>;

/** A host a colleague advertises on the LAN. */
export const NearbyHostSchema = z.object({
  name: z.string(),
  /** Signaling URL to join, e.g. `ws://192.168.1.21:4444/signal`. */
  url: z.string(),
  /** When it was last seen (ms since epoch). */
  seenAt: z.number(),
});
/** A host a colleague advertises on the LAN. */
export type NearbyHost = z.infer<typeof NearbyHostSchema>;

/** The status of a host that runs nothing. */
export const LAN_HOST_STOPPED: LanHostStatus = {
  running: false,
  port: null,
  urls: [],
  advertised: false,
  name: null,
  connections: 0,
};

/**
 * The LAN host (signaling server + LAN discovery) as main and the Node host use it. Implemented
 * in electron/host/ by the sync layer; main and the web host only delegate to it.
 */
export interface LanHostService {
  start(options: z.output<typeof LanHostStartSchema>): Promise<LanHostStatus>;
  stop(): Promise<LanHostStatus>;
  status(): Promise<LanHostStatus>;
  /** Hosts colleagues advertise on the LAN right now. */
  nearby(): Promise<NearbyHost[]>;
}

/** What `GET /api/host` on the Node host (web mode) answers. */
export const WebHostInfoSchema = z.object({
  app: z.literal('crisis-room'),
  version: z.string(),
  lanHost: LanHostStatusSchema,
  nearby: z.array(NearbyHostSchema).default([]),
});
/** What `GET /api/host` on the Node host answers. */
export type WebHostInfo = z.infer<typeof WebHostInfoSchema>;

// ── Hosts the page may connect to (Electron CSP) ──────────────────────────────────────────────

/**
 * Every signaling host the renderer has configured (all workspaces' hosts and the extra signaling
 * servers): main allows exactly these (plus this machine's own and discovered hosts), asking the
 * person in a native dialog before it allows one it has not allowed before.
 */
export const AllowHostsRequestSchema = z.strictObject({
  hosts: z.array(SignalingUrlSchema).max(256),
  /** Language of the confirmation dialog. */
  language: z.enum(LANGUAGES),
});
/** The renderer's configured hosts. */
export type AllowHostsRequest = z.infer<typeof AllowHostsRequestSchema>;

/** What the page may connect to now. */
export const AllowHostsResultSchema = z.strictObject({
  /** CSP sources allowed (ws/wss and their http/https twins). */
  origins: z.array(z.string()),
  /** New hosts the person did not allow (WebSocket origins). */
  declined: z.array(z.string()),
  /** Configured URLs a CSP cannot name (e.g. IPv6 literals). */
  invalid: z.array(z.string()),
  /** The loaded page's CSP lacks an allowed host: it can connect there only after a reload. */
  reloadNeeded: z.boolean(),
});
/** What the page may connect to now. */
export type AllowHostsResult = z.infer<typeof AllowHostsResultSchema>;

// ── Closing without losing an edit ───────────────────────────────────────────────────────────

/**
 * Main → page (`IPC_EVENTS.flushEdits`) when the window is about to close: write what fields
 * still hold (an IME composition) and wait for every write to be confirmed, then answer with
 * the `editsFlushed` route. Main waits a bounded time, then asks the person.
 */
export const FlushEditsRequestSchema = z.strictObject({ id: z.number().int().min(1).max(2 ** 31) });
/** Main → page: store everything now. */
export type FlushEditsRequest = z.infer<typeof FlushEditsRequestSchema>;

/** The page's answer to one flush request. */
export const EditsFlushedSchema = z.strictObject({
  id: z.number().int().min(1).max(2 ** 31),
  /** Everything the page shows is stored. */
  saved: z.boolean(),
  /** Writes still waiting for IndexedDB. */
  pending: z.number().int().min(0).max(1_000_000),
  /** The storage error in words, when storing failed. */
  error: z.string().max(1000).nullable(),
  /** The page's language, for the question main may ask. */
  language: z.enum(LANGUAGES),
});
/** The page's answer to one flush request. */
export type EditsFlushed = z.infer<typeof EditsFlushedSchema>;

// ── The at-rest vault's master key (OS key store) ───────────────────────────────────────────

/** Page → main: this profile's master key, kept by main wrapped with the OS key store (safeStorage). */
export const VaultKeyRequestSchema = z.strictObject({
  /** Make a new key when none is stored yet (first start). */
  create: z.boolean(),
});
/** Main → page: the key, or why there is none (`unavailable`: the page protects its key with a passphrase instead). */
export const VaultKeyResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('ok'), key: BytesSchema.refine((b) => b.length === 32, 'the key must be 32 bytes') }),
  z.strictObject({ status: z.literal('missing'), reason: z.string().max(500) }),
  z.strictObject({ status: z.literal('unavailable'), reason: z.string().max(500) }),
]);
export type VaultKeyResult = z.infer<typeof VaultKeyResultSchema>;

// ── The contract ─────────────────────────────────────────────────────────────────────────────

const NoInput = z.undefined();

function route<Req extends z.ZodType, Res extends z.ZodType>(route: keyof typeof IPC_CHANNELS, request: Req, response: Res) {
  return { channel: IPC_CHANNELS[route], request, response } as const;
}

interface Route {
  channel: string;
  request: z.ZodType;
  response: z.ZodType;
}

/** Every IPC route: `window.crisisRoom[name](request)` → channel → main's handler. */
export const IPC = {
  appInfo: route('appInfo', NoInput, AppInfoSchema),
  printToPdf: route('printToPdf', PdfRequestSchema, PdfResultSchema),
  print: route('print', NoInput, PrintResultSchema),
  saveFile: route('saveFile', SaveFileRequestSchema, SaveResultSchema),
  openFile: route('openFile', OpenFileRequestSchema, OpenFileResultSchema),
  exportBackup: route('exportBackup', BackupExportRequestSchema, SaveResultSchema),
  lanHostStart: route('lanHostStart', LanHostStartSchema, LanHostStatusSchema),
  lanHostStop: route('lanHostStop', NoInput, LanHostStatusSchema),
  lanHostStatus: route('lanHostStatus', NoInput, LanHostStatusSchema),
  lanHostNearby: route('lanHostNearby', NoInput, z.array(NearbyHostSchema)),
  allowHosts: route('allowHosts', AllowHostsRequestSchema, AllowHostsResultSchema),
  editsFlushed: route('editsFlushed', EditsFlushedSchema, z.null()),
  vaultMasterKey: route('vaultMasterKey', VaultKeyRequestSchema, VaultKeyResultSchema),
  autoBackupSettings: route('autoBackupSettings', NoInput, AutoBackupSettingsSchema),
  autoBackupChooseFolder: route('autoBackupChooseFolder', NoInput, AutoBackupSettingsSchema),
  autoBackupConfigure: route('autoBackupConfigure', AutoBackupConfigureSchema, AutoBackupSettingsSchema),
  autoBackupWrite: route('autoBackupWrite', AutoBackupWriteSchema, AutoBackupWriteResultSchema),
  autoBackupList: route('autoBackupList', AutoBackupListSchema, z.array(AutoBackupEntrySchema)),
  autoBackupRead: route('autoBackupRead', AutoBackupReadSchema, AutoBackupReadResultSchema),
} as const satisfies { [K in keyof typeof IPC_CHANNELS]: Route };

/** Name of an IPC route. */
export type IpcRoute = keyof typeof IPC;
/** What the renderer sends for a route. */
export type IpcRequest<K extends IpcRoute> = z.input<(typeof IPC)[K]['request']>;
/** What main's handler receives for a route (defaults applied). */
export type IpcParsedRequest<K extends IpcRoute> = z.output<(typeof IPC)[K]['request']>;
/** What the renderer gets back for a route. */
export type IpcResponse<K extends IpcRoute> = z.output<(typeof IPC)[K]['response']>;

/** The object the preload exposes as `window.crisisRoom`. */
export type CrisisRoomApi = {
  readonly [K in IpcRoute]: IpcRequest<K> extends undefined
    ? () => Promise<IpcResponse<K>>
    : (request: IpcRequest<K>) => Promise<IpcResponse<K>>;
} & {
  /**
   * Listens to main's `IPC_EVENTS.flushEdits` (the payload is unchecked: validate it with
   * FlushEditsRequestSchema). Returns a function that stops listening. Optional so a page
   * without it still runs; main then waits its bounded time and asks the person.
   */
  readonly onFlushEdits?: (listener: (request: unknown) => void) => () => void;
};

/** The origin the Electron app is served from (privileged custom protocol, a secure context). */
export const APP_SCHEME = 'app';
/** Host part of the app's origin. */
export const APP_HOST = 'crisis-room';
/** The app's origin, `app://crisis-room`. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
