import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import {
  BACKUP_EXTENSION,
  backupFileName,
  type IpcParsedRequest,
  type OpenFileResult,
  type SaveResult,
} from '../shared/ipc.js';
import type { BaseWindowLike, ElectronFacade, FileDialogFilterLike } from './facade.js';
import { IpcRejection, type IpcCaller } from './ipc.js';

/** What the file managers need from Electron. */
export type FilesElectron = Pick<ElectronFacade, 'dialog' | 'app'>;

function windowOf(caller: IpcCaller): BaseWindowLike {
  if (caller.window === null) throw new IpcRejection('no window to attach the dialog to');
  return caller.window;
}

/** A dialog filter from the suggested name's extension (`.csv` → CSV), when it has one. */
export function filtersFor(suggestedName: string, filters?: FileDialogFilterLike[]): FileDialogFilterLike[] | undefined {
  if (filters && filters.length > 0) return filters;
  const ext = extname(suggestedName).slice(1);
  return ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : undefined;
}

/** Asks where to save; `null` when the user cancels. */
export async function askSavePath(
  electron: FilesElectron,
  caller: IpcCaller,
  suggestedName: string,
  filters?: FileDialogFilterLike[],
): Promise<string | null> {
  const result = await electron.dialog.showSaveDialog(windowOf(caller), {
    defaultPath: join(electron.app.getPath('documents'), suggestedName),
    filters: filtersFor(suggestedName, filters),
  });
  return result.canceled || !result.filePath ? null : result.filePath;
}

/**
 * Writes next to the target first and then renames, so a failed write (disk full) never leaves a
 * half-written file in place of a good one.
 */
export async function writeFileSafely(path: string, data: Uint8Array | string): Promise<void> {
  const partial = `${path}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await writeFile(partial, data);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Save dialog, then write the text or bytes. */
export async function saveFile(
  electron: FilesElectron,
  caller: IpcCaller,
  request: IpcParsedRequest<'saveFile'>,
): Promise<SaveResult> {
  const path = await askSavePath(electron, caller, request.suggestedName, request.filters);
  if (path === null) return { kind: 'cancelled' };
  await writeFileSafely(path, request.bytes ?? request.text ?? '');
  return { kind: 'saved', path };
}

/** Open dialog, then read one file as text (UTF-8) or bytes unless it is over the limit. */
export async function openFile(
  electron: FilesElectron,
  caller: IpcCaller,
  request: IpcParsedRequest<'openFile'>,
): Promise<OpenFileResult> {
  const picked = await electron.dialog.showOpenDialog(windowOf(caller), {
    properties: ['openFile'],
    filters: request.filters,
  });
  const path = picked.filePaths[0];
  if (picked.canceled || path === undefined) return { kind: 'cancelled' };
  const name = basename(path);
  const { size } = await stat(path);
  if (size > request.maxBytes) return { kind: 'too-large', name, size, maxBytes: request.maxBytes };
  // Read at most maxBytes + 1 so a file that grew after stat() is still caught.
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(size, request.maxBytes) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > request.maxBytes) return { kind: 'too-large', name, size: bytesRead, maxBytes: request.maxBytes };
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
    return request.as === 'text'
      ? { kind: 'text', name, size: bytesRead, text: new TextDecoder('utf-8').decode(bytes) }
      : { kind: 'bytes', name, size: bytesRead, bytes };
  } finally {
    await handle.close();
  }
}

/** Save dialog for a workspace backup, with a dated default name. */
export async function exportBackup(
  electron: FilesElectron,
  caller: IpcCaller,
  request: IpcParsedRequest<'exportBackup'>,
  now: Date = new Date(),
): Promise<SaveResult> {
  const filters = [{ name: 'Crisis Room backup', extensions: [BACKUP_EXTENSION] }];
  const path = await askSavePath(electron, caller, backupFileName(request.workspaceName, now), filters);
  if (path === null) return { kind: 'cancelled' };
  await writeFileSafely(path, request.bytes);
  return { kind: 'saved', path };
}
