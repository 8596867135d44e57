import { readdir, readFile, rm, stat, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AutoBackupNameSchema,
  AutoBackupSettingsSchema,
  MAX_FILE_BYTES,
  type AutoBackupEntry,
  type AutoBackupSettings,
  type IpcParsedRequest,
} from '../shared/ipc.js';
import type { ElectronFacade } from './facade.js';
import { writeFileSafely } from './files.js';
import { IpcRejection, type IpcCaller } from './ipc.js';

/**
 * Automatic backups, main-process side. The renderer makes the encrypted bytes (it holds the
 * document and the keys; main never sees plaintext) and main writes them into the folder the
 * person picked, atomically (temp file + rename), then keeps only the last K of that workspace.
 * File names carry only the workspace id and the time, never the workspace's name.
 */

export const BACKUP_SETTINGS_FILE = 'backup-settings.json';
export const DEFAULT_AUTO_BACKUP: AutoBackupSettings = { folder: null, intervalMinutes: 10, keep: 24 };

const NAME = /^crisisroom-([A-Za-z0-9_-]{1,100})-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})\.crisisroom$/;

/** `crisisroom-<id>-<UTC yyyymmddThhmmssSSS>.crisisroom` */
export function autoBackupName(workspaceId: string, at: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${at.getUTCFullYear()}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}T${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}${p(at.getUTCMilliseconds(), 3)}`;
  return `crisisroom-${workspaceId}-${stamp}.crisisroom`;
}

/** The workspace id and time of an automatic backup's name, or null for any other file. */
export function parseAutoBackupName(name: string): { workspaceId: string; at: number } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, id, y, mo, d, h, mi, s, ms] = m;
  const at = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms));
  return Number.isFinite(at) ? { workspaceId: id!, at } : null;
}

export interface BackupServiceOptions {
  electron: Pick<ElectronFacade, 'dialog'>;
  settingsFile: string;
  now?: () => Date;
}

export interface BackupService {
  settings(): Promise<AutoBackupSettings>;
  chooseFolder(caller: IpcCaller): Promise<AutoBackupSettings>;
  configure(request: IpcParsedRequest<'autoBackupConfigure'>): Promise<AutoBackupSettings>;
  write(request: IpcParsedRequest<'autoBackupWrite'>): Promise<{ written: AutoBackupEntry; deleted: string[] }>;
  list(request: IpcParsedRequest<'autoBackupList'>): Promise<AutoBackupEntry[]>;
  read(request: IpcParsedRequest<'autoBackupRead'>): Promise<{ name: string; size: number; bytes: Uint8Array }>;
}

export function createBackupService(opts: BackupServiceOptions): BackupService {
  const now = opts.now ?? (() => new Date());
  let last = 0;

  async function settings(): Promise<AutoBackupSettings> {
    try {
      const parsed = AutoBackupSettingsSchema.safeParse(JSON.parse(await readFile(opts.settingsFile, 'utf8')));
      return parsed.success ? parsed.data : { ...DEFAULT_AUTO_BACKUP };
    } catch {
      return { ...DEFAULT_AUTO_BACKUP };
    }
  }
  async function save(next: AutoBackupSettings): Promise<AutoBackupSettings> {
    await writeFileSafely(opts.settingsFile, JSON.stringify(AutoBackupSettingsSchema.parse(next), null, 2));
    return next;
  }
  async function folder(): Promise<string> {
    const f = (await settings()).folder;
    if (!f) throw new IpcRejection('no backup folder chosen yet');
    return f;
  }
  async function entries(dir: string, workspaceId?: string): Promise<AutoBackupEntry[]> {
    const out: AutoBackupEntry[] = [];
    for (const name of await readdir(dir)) {
      const parsed = parseAutoBackupName(name);
      if (!parsed || (workspaceId && parsed.workspaceId !== workspaceId)) continue;
      try {
        const st = await stat(join(dir, name));
        if (st.isFile()) out.push({ name, workspaceId: parsed.workspaceId, size: st.size, at: parsed.at });
      } catch {
        // Deleted meanwhile.
      }
    }
    return out.sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : -1));
  }

  return {
    settings,
    async chooseFolder(caller) {
      if (caller.window === null) throw new IpcRejection('no window to attach the dialog to');
      const picked = await opts.electron.dialog.showOpenDialog(caller.window, { properties: ['openDirectory', 'createDirectory'] });
      const dir = picked.filePaths[0];
      const current = await settings();
      if (picked.canceled || dir === undefined) return current;
      await mkdir(dir, { recursive: true });
      return save({ ...current, folder: dir });
    },
    async configure(request) {
      return save({ ...(await settings()), ...request });
    },
    async write(request) {
      const dir = await folder();
      const { keep } = await settings();
      // Two backups within one millisecond still get distinct names.
      const at = new Date(Math.max(now().getTime(), last + 1));
      last = at.getTime();
      const name = autoBackupName(request.workspaceId, at);
      await writeFileSafely(join(dir, name), request.bytes);
      const all = await entries(dir, request.workspaceId);
      const deleted: string[] = [];
      for (const old of all.slice(keep)) {
        await rm(join(dir, old.name), { force: true });
        deleted.push(old.name);
      }
      return { written: { name, workspaceId: request.workspaceId, size: request.bytes.byteLength, at: at.getTime() }, deleted };
    },
    async list(request) {
      const f = (await settings()).folder;
      if (!f) return [];
      try {
        return await entries(f, request.workspaceId);
      } catch {
        return [];
      }
    },
    async read(request) {
      const name = AutoBackupNameSchema.parse(request.name);
      const path = join(await folder(), name);
      const st = await stat(path);
      if (st.size > MAX_FILE_BYTES) throw new IpcRejection('backup file is too large');
      const bytes = await readFile(path);
      return { name, size: bytes.byteLength, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    },
  };
}
