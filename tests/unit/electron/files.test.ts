// @vitest-environment node
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, openFile, saveFile } from '../../../electron/files.js';
import type { IpcCaller } from '../../../electron/ipc.js';
import { print, printToPdf } from '../../../electron/printing.js';
import { backupFileName, FileNameSchema, OpenFileRequestSchema, PdfRequestSchema } from '../../../shared/ipc.js';
import { createFakeElectron, type FakeElectron, type FakeWindow } from './fakeElectron.js';

let dir: string;
let electron: FakeElectron;
let window: FakeWindow;
let caller: IpcCaller;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crisis-room-files-'));
  electron = createFakeElectron();
  new electron.BrowserWindow({} as never);
  window = electron.windows[0]!;
  caller = { contents: window.webContents, window };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('saving', () => {
  it('writes text where the user chose and leaves no partial file', async () => {
    const target = join(dir, 'statement.txt');
    electron.dialogAnswers.save = { canceled: false, filePath: target };
    const result = await saveFile(electron, caller, { suggestedName: 'statement.txt', mime: 'text/plain', text: '致歉聲明' });
    expect(result).toEqual({ kind: 'saved', path: target });
    expect(readFileSync(target, 'utf8')).toBe('致歉聲明');
    expect(readdirSync(dir)).toEqual(['statement.txt']);
    expect(electron.dialogCalls[0]?.options).toMatchObject({
      defaultPath: '/home/team/Documents/statement.txt',
      filters: [{ name: 'TXT', extensions: ['txt'] }],
    });
  });

  it('writes nothing when the user cancels', async () => {
    const result = await saveFile(electron, caller, { suggestedName: 'a.csv', mime: 'text/csv', text: 'x' });
    expect(result).toEqual({ kind: 'cancelled' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a failed write and leaves no partial file behind', async () => {
    // Renaming a file onto a folder fails after the data was written next to it.
    const target = join(dir, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'old');
    electron.dialogAnswers.save = { canceled: false, filePath: target };
    await expect(saveFile(electron, caller, { suggestedName: 'a.txt', mime: 'text/plain', text: 'new' })).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(dir)).toEqual(['occupied']);
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('old');
  });

  it('saves a backup under a dated, safe name', async () => {
    const target = join(dir, 'backup.crisisroom');
    electron.dialogAnswers.save = { canceled: false, filePath: target };
    const bytes = new Uint8Array([1, 2, 3, 250]);
    await expect(exportBackup(electron, caller, { workspaceName: '夜班/演練', bytes }, new Date(2025, 2, 9, 14, 5))).resolves.toEqual({
      kind: 'saved',
      path: target,
    });
    expect([...readFileSync(target)]).toEqual([1, 2, 3, 250]);
    expect(electron.dialogCalls[0]?.options).toMatchObject({
      defaultPath: '/home/team/Documents/夜班_演練-2025-03-09-1405.crisisroom',
      filters: [{ name: 'Crisis Room backup', extensions: ['crisisroom'] }],
    });
  });

  it('makes backup names every file system accepts', () => {
    const at = new Date(2025, 0, 2, 3, 4);
    for (const name of ['a/b', 'C:\\x', 'con?', 'trailing. ', '   ', '\u0000', 'x'.repeat(300), '..']) {
      const file = backupFileName(name, at);
      expect(FileNameSchema.safeParse(file).success, file).toBe(true);
      expect(file.endsWith('-2025-01-02-0304.crisisroom')).toBe(true);
    }
  });
});

describe('opening', () => {
  it('reads text (UTF-8, BOM dropped) and bytes', async () => {
    const file = join(dir, 'contacts.csv');
    writeFileSync(file, '\uFEFF姓名,電話\n');
    electron.dialogAnswers.open = { canceled: false, filePaths: [file] };
    await expect(openFile(electron, caller, OpenFileRequestSchema.parse({ as: 'text' }))).resolves.toEqual({
      kind: 'text',
      name: 'contacts.csv',
      size: 17,
      text: '姓名,電話\n',
    });
    const bytes = await openFile(electron, caller, OpenFileRequestSchema.parse({ as: 'bytes' }));
    expect(bytes.kind === 'bytes' && bytes.bytes.byteLength).toBe(17);
  });

  it('refuses a file over the limit without reading it', async () => {
    const file = join(dir, 'huge.bin');
    writeFileSync(file, Buffer.alloc(2048));
    electron.dialogAnswers.open = { canceled: false, filePaths: [file] };
    await expect(openFile(electron, caller, OpenFileRequestSchema.parse({ as: 'bytes', maxBytes: 1024 }))).resolves.toEqual({
      kind: 'too-large',
      name: 'huge.bin',
      size: 2048,
      maxBytes: 1024,
    });
  });

  it('reports a cancelled dialog', async () => {
    await expect(openFile(electron, caller, OpenFileRequestSchema.parse({ as: 'text' }))).resolves.toEqual({ kind: 'cancelled' });
  });
});

describe('printing', () => {
  it('returns PDF bytes with the chosen paper, not the stylesheet’s', async () => {
    const result = await printToPdf(electron, caller, PdfRequestSchema.parse({ pageSize: 'A3', landscape: true }));
    expect(result).toEqual({ kind: 'pdf', bytes: window.webContents.pdfBytes });
    expect(window.webContents.pdfCalls).toEqual([
      { pageSize: 'A3', landscape: true, printBackground: true, preferCSSPageSize: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } },
    ]);
  });

  it('asks first and saves the PDF, adding .pdf', async () => {
    const target = join(dir, 'playbook.pdf');
    electron.dialogAnswers.save = { canceled: false, filePath: target };
    const result = await printToPdf(electron, caller, PdfRequestSchema.parse({ saveAs: 'playbook' }));
    expect(result).toEqual({ kind: 'saved', path: target });
    expect(readFileSync(target, 'utf8')).toContain('%PDF');
    expect(electron.dialogCalls[0]?.options).toMatchObject({ defaultPath: '/home/team/Documents/playbook.pdf' });
  });

  it('renders nothing when the save dialog is cancelled', async () => {
    const result = await printToPdf(electron, caller, PdfRequestSchema.parse({ saveAs: 'playbook.pdf' }));
    expect(result).toEqual({ kind: 'cancelled' });
    expect(window.webContents.pdfCalls).toEqual([]);
  });

  it('tells printed, cancelled and failed apart', async () => {
    await expect(print(caller)).resolves.toEqual({ outcome: 'printed' });
    window.webContents.printAnswer = [false, 'cancelled'];
    await expect(print(caller)).resolves.toEqual({ outcome: 'cancelled' });
    window.webContents.printAnswer = [false, 'Printer is offline'];
    await expect(print(caller)).resolves.toEqual({ outcome: 'failed', reason: 'Printer is offline' });
    expect(window.webContents.printCalls[0]).toEqual({ silent: false, printBackground: true });
  });
});
