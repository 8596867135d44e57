import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autoBackupName, createBackupService, parseAutoBackupName } from '../../../electron/backups';
import { IpcRejection, parseRequest, type IpcCaller } from '../../../electron/ipc';
import type { DialogLike } from '../../../electron/facade';

let dir: string;
let picked: string | null;
const dialog = {
  showOpenDialog: async () => (picked ? { canceled: false, filePaths: [picked] } : { canceled: true, filePaths: [] }),
} as unknown as DialogLike;
const caller = { contents: {}, window: {} } as unknown as IpcCaller;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cr-backups-'));
  picked = join(dir, 'folder');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function service(start = Date.UTC(2026, 0, 2, 3, 4, 5, 6)) {
  let t = start;
  return createBackupService({ electron: { dialog }, settingsFile: join(dir, 'settings.json'), now: () => new Date((t += 60_000)) });
}

describe('automatic backups in main', () => {
  it('names carry only the workspace id and UTC time, and parse back', () => {
    const name = autoBackupName('ab-12_x', new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)));
    expect(name).toBe('crisisroom-ab-12_x-20260102T030405006.crisisroom');
    expect(parseAutoBackupName(name)).toEqual({ workspaceId: 'ab-12_x', at: Date.UTC(2026, 0, 2, 3, 4, 5, 6) });
    expect(parseAutoBackupName('notes.txt')).toBeNull();
  });

  it('defaults (10 minutes, keep 24), survives a damaged settings file, cancel keeps the folder', async () => {
    const s = service();
    expect(await s.settings()).toEqual({ folder: null, intervalMinutes: 10, keep: 24 });
    await writeFile(join(dir, 'settings.json'), '{"folder": 12');
    expect((await s.settings()).intervalMinutes).toBe(10);
    expect((await s.chooseFolder(caller)).folder).toBe(picked);
    picked = null;
    expect((await s.chooseFolder(caller)).folder).toBe(join(dir, 'folder'));
  });

  it('refuses to write before a folder is chosen', async () => {
    await expect(service().write({ workspaceId: 'w1', bytes: new Uint8Array([1]) })).rejects.toThrow('no backup folder');
  });

  it('writes atomically and keeps only the last K of each workspace', async () => {
    const s = service();
    await s.chooseFolder(caller);
    await s.configure({ intervalMinutes: 5, keep: 3 });
    const written: string[] = [];
    for (let i = 0; i < 5; i++) written.push((await s.write({ workspaceId: 'w1', bytes: new Uint8Array([i, i]) })).written.name);
    await s.write({ workspaceId: 'w2', bytes: new Uint8Array([9]) });
    const files = (await readdir(join(dir, 'folder'))).sort();
    expect(files.filter((f) => f.includes('-w1-'))).toEqual(written.slice(2).sort());
    expect(files.some((f) => f.endsWith('.partial'))).toBe(false);
    const list = await s.list({ workspaceId: 'w1' });
    expect(list.map((e) => e.name)).toEqual(written.slice(2).reverse());
    expect(list[0]).toMatchObject({ size: 2, workspaceId: 'w1' });
    expect((await s.list({})).length).toBe(4);
    const read = await s.read({ name: written[4]! });
    expect([...read.bytes]).toEqual([4, 4]);
    expect(await readFile(join(dir, 'folder', written[4]!))).toEqual(Buffer.from([4, 4]));
  });

  it('IPC refuses names outside the folder, bad ids and bad settings before any handler runs', () => {
    expect(() => parseRequest('autoBackupRead', [{ name: '../settings.json' }])).toThrow(IpcRejection);
    expect(() => parseRequest('autoBackupRead', [{ name: 'crisisroom-../../x-20260102T030405006.crisisroom' }])).toThrow(IpcRejection);
    expect(() => parseRequest('autoBackupWrite', [{ workspaceId: 'a/b', bytes: new Uint8Array([1]) }])).toThrow(IpcRejection);
    expect(() => parseRequest('autoBackupWrite', [{ workspaceId: 'ab', bytes: new Uint8Array(0) }])).toThrow(IpcRejection);
    expect(() => parseRequest('autoBackupConfigure', [{ intervalMinutes: 0, keep: 24 }])).toThrow(IpcRejection);
    expect(() => parseRequest('autoBackupConfigure', [{ intervalMinutes: 10, keep: 24, folder: '/etc' }])).toThrow(IpcRejection);
    expect(parseRequest('autoBackupRead', [{ name: 'crisisroom-w1-20260102T030405006.crisisroom' }])).toEqual({ name: 'crisisroom-w1-20260102T030405006.crisisroom' });
  });
});
