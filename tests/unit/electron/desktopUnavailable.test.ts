import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyDesktopFailure, desktopUnavailableMessage, terminalLanguage, withoutDeveloperAdvice, type DesktopFailureKind } from '../../../electron/host/unavailable.js';

const ROOT = resolve(__dirname, '../../..');
/** What Electron's npm package says when its binary cannot be downloaded (advice meant for developers). */
const ELECTRON_SAYS = 'Electron binary not installed; download failed: TypeError: fetch failed → Error: Electron failed to install correctly. Please delete `node_modules/electron` and run "npx install-electron --no" manually.';
const DEVELOPER_ADVICE = /node_modules|install-electron|delete/i;
const URL = 'http://127.0.0.1:5178/';

describe('when the desktop app cannot start (npm start)', () => {
  it('sorts the failure by what the person can do about it', () => {
    expect(classifyDesktopFailure(false, ELECTRON_SAYS)).toBe('notInstalled');
    expect(classifyDesktopFailure(true, 'Electron exited with code 1: [1234:0101/120000.000:ERROR:ozone_platform_x11.cc(240)] Missing X server or $DISPLAY')).toBe('noDisplay');
    expect(classifyDesktopFailure(true, 'Electron exited with code 1: Running as root without --no-sandbox is not supported.')).toBe('runningAsRoot');
    expect(classifyDesktopFailure(true, 'Electron exited with code 139: Segmentation fault')).toBe('crashed');
  });

  it('drops the advice meant for developers from the technical detail', () => {
    expect(withoutDeveloperAdvice(ELECTRON_SAYS)).toBe('Electron binary not installed; download failed: TypeError: fetch failed → Error: Electron failed to install correctly.');
  });

  it('says plainly, in each language, that the desktop app is unavailable, where the same app runs in the browser, and what to do', () => {
    const expected = {
      en: ['desktop app is not available on this computer', 'same app is running for your web browser', 'Chromium or Chrome', 'To get the desktop app: connect this computer to the internet and run `npm install` once'],
      'zh-TW': ['無法使用危機作戰室桌面版', '同一個程式已在瀏覽器版執行', 'Chromium 或 Chrome', '若要使用桌面版：讓這台電腦連上網際網路'],
      'zh-CN': ['无法使用危机作战室桌面版', '同一个程序已在浏览器版运行', 'Chromium 或 Chrome', '如需使用桌面版：让这台电脑连接互联网'],
    } as const;
    for (const [language, phrases] of Object.entries(expected) as [keyof typeof expected, readonly string[]][]) {
      const text = desktopUnavailableMessage({ kind: 'notInstalled', detail: ELECTRON_SAYS }, URL, language);
      for (const phrase of phrases) expect(text, language).toContain(phrase);
      expect(text).toContain(`    ${URL}`);
      // The only mention of Electron's own words is the technical detail, without its advice.
      expect(text.replace(/.*(Technical detail|技術細節|技术细节).*/, '')).not.toMatch(DEVELOPER_ADVICE);
      expect(text).not.toMatch(/delete|node_modules|install-electron/);
    }
    const kinds: DesktopFailureKind[] = ['notInstalled', 'noDisplay', 'runningAsRoot', 'crashed'];
    const whys = kinds.map((kind) => desktopUnavailableMessage({ kind, detail: '' }, URL).split('\n')[2]);
    expect(new Set(whys).size).toBe(kinds.length);
    expect(desktopUnavailableMessage({ kind: 'noDisplay', detail: '' }, URL)).toContain('run `npm start` from a desktop session');
  });

  it('speaks the terminal’s language', () => {
    expect(terminalLanguage({ LANG: 'zh_TW.UTF-8' })).toBe('zh-TW');
    expect(terminalLanguage({ LC_ALL: 'zh_HK.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-TW');
    expect(terminalLanguage({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(terminalLanguage({ LANG: 'C.UTF-8' })).toBe('en');
    expect(terminalLanguage({})).toBe('en');
  });
});

describe('npm start on a machine where Electron cannot start (scripts/start.mjs)', () => {
  const temp = mkdtempSync(join(tmpdir(), 'start-test-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('serves the app for the browser and prints the message for end users, never Electron’s developer advice', async () => {
    // A copy of the entry point beside this repository's packages, a tiny app build and the built Node host.
    mkdirSync(join(temp, 'scripts'));
    for (const f of ['start.mjs', 'build-electron.mjs']) copyFileSync(join(ROOT, 'scripts', f), join(temp, 'scripts', f));
    copyFileSync(join(ROOT, 'package.json'), join(temp, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(temp, 'node_modules'));
    mkdirSync(join(temp, 'dist'));
    writeFileSync(join(temp, 'dist', 'index.html'), '<!doctype html><title>Crisis Room</title>');
    const built = spawnSync(process.execPath, ['-e', `import(${JSON.stringify(join(ROOT, 'scripts', 'build-electron.mjs'))}).then((m) => m.buildElectron({ outdir: ${JSON.stringify(join(temp, 'dist-electron'))} }))`], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);

    // ELECTRON_OVERRIDE_DIST_PATH at a folder without Electron: the package reports a missing binary without downloading.
    const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(temp, 'no-electron'), CRISIS_ROOM_LAN: 'off', PORT: '0', LANG: 'en_US.UTF-8', LC_ALL: '' };
    const child = spawn(process.execPath, [join(temp, 'scripts', 'start.mjs'), '--no-build'], { cwd: temp, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      const until = Date.now() + 30_000;
      while (!/─{72}\n[\s\S]*─{72}/.test(out) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain('The Crisis Room desktop app is not available on this computer.');
      expect(out).toContain('Why: its desktop program (Electron) is not installed here');
      expect(out).not.toMatch(DEVELOPER_ADVICE);
      const url = /^ {4}(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out)?.[1];
      expect(url, out).toBeDefined();
      const page = await fetch(url!);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Crisis Room</title>');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});
