// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler, registerAppScheme, serveAppProtocol } from '../../../electron/protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security.js';
import { resolveStaticPath } from '../../../electron/staticFiles.js';
import { createFakeElectron } from './fakeElectron.js';

let base: string;
let dist: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'crisis-room-protocol-'));
  dist = join(base, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Crisis Room</title>');
  writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(dist, 'assets', 'font.woff2'), 'w');
  writeFileSync(join(dist, 'assets', '報告.svg'), '<svg/>');
  writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
  mkdirSync(join(base, 'dist-evil'));
  writeFileSync(join(base, 'dist-evil', 'x.js'), 'EVIL');
  handle = createAppRequestHandler(dist);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves the app with the right MIME types and the CSP', async () => {
    const cases: Array<[string, string]> = [
      ['app://crisis-room/index.html', 'text/html; charset=utf-8'],
      ['app://crisis-room/', 'text/html; charset=utf-8'],
      ['app://crisis-room/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['app://crisis-room/assets/index-abc.css', 'text/css; charset=utf-8'],
      ['app://crisis-room/assets/font.woff2', 'font/woff2'],
      ['app://crisis-room/assets/%E5%A0%B1%E5%91%8A.svg', 'image/svg+xml'],
    ];
    for (const [url, type] of cases) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
    expect(await (await get('app://crisis-room/assets/index-abc.js')).text()).toBe('console.log(1)');
  });

  it('falls back to index.html for in-app routes, 404 for missing files', async () => {
    expect(await (await get('app://crisis-room/playbook/types')).text()).toContain('Crisis Room');
    expect((await get('app://crisis-room/assets/missing.js')).status).toBe(404);
  });

  it.each([
    'app://crisis-room/..%2f..%2fsecret.txt',
    'app://crisis-room/..%2Fsecret.txt',
    'app://crisis-room/assets/..%2f..%2f..%2fsecret.txt',
    'app://crisis-room/%2e%2e/secret.txt',
    'app://crisis-room/%2e%2e%2fsecret.txt',
    'app://crisis-room/..%5csecret.txt',
    'app://crisis-room/..\\secret.txt',
    'app://crisis-room/%2fetc%2fpasswd',
    'app://crisis-room//etc/passwd',
    `app://crisis-room/${encodeURIComponent('/etc/passwd')}`,
    'app://crisis-room/../secret.txt',
    'app://crisis-room/../dist-evil/x.js',
    'app://crisis-room/%252e%252e/secret.txt',
    'app://crisis-room/index.html%00.js',
    'app://crisis-room/%E0%A4%A',
  ])('never serves anything outside dist/: %s', async (url) => {
    const response = await get(url);
    const body = await response.text();
    expect(body).not.toContain('TOP SECRET');
    expect(body).not.toContain('EVIL');
    expect(body).not.toContain('root:');
    expect(response.status === 200 ? body : '').not.toMatch(/secret|passwd/i);
  });

  it('refuses other hosts, credentials and methods', async () => {
    expect((await get('app://evil-host/index.html')).status).toBe(404);
    expect((await get('app://crisis-room.evil/index.html')).status).toBe(404);
    // Request() refuses credentials; Chromium could still hand such a URL over.
    const withCredentials = { url: 'app://user:pw@crisis-room/index.html', method: 'GET' } as Request;
    expect((await handle(withCredentials)).status).toBe(404);
    expect((await get('app://crisis-room/index.html', 'POST')).status).toBe(405);
    const head = await get('app://crisis-room/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('registers before ready and serves after', () => {
    const electron = createFakeElectron();
    registerAppScheme(electron);
    serveAppProtocol(electron, dist);
    expect(electron.log).toEqual(['registerSchemesAsPrivileged', 'protocol.handle app']);
    expect(electron.protocolHandlers.has('app')).toBe(true);
  });
});

describe('resolveStaticPath', () => {
  it('refuses absolute and escaping paths outright', () => {
    expect(resolveStaticPath('/srv/dist', '/../etc/passwd')).toMatchObject({ ok: false, status: 403 });
    expect(resolveStaticPath('/srv/dist', '/..%2fetc/passwd')).toMatchObject({ ok: false, status: 400 });
    expect(resolveStaticPath('/srv/dist', 'etc/passwd')).toMatchObject({ ok: false, status: 400 });
    expect(resolveStaticPath('/srv/dist', '/a/%5c..%5c..%5cx')).toMatchObject({ ok: false, status: 400 });
    expect(resolveStaticPath('/srv/dist', '/%ZZ')).toMatchObject({ ok: false, status: 400 });
  });

  it('keeps lawful paths inside dist/', () => {
    expect(resolveStaticPath('/srv/dist', '/assets/a.js')).toEqual({ ok: true, file: '/srv/dist/assets/a.js' });
    expect(resolveStaticPath('/srv/dist', '/')).toEqual({ ok: true, file: '/srv/dist/index.html' });
    expect(resolveStaticPath('/srv/dist', '/docs/')).toEqual({ ok: true, file: '/srv/dist/docs/index.html' });
  });
});
