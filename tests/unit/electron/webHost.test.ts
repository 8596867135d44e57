// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { isLoopbackHostHeader, startWebHost, type WebHost } from '../../../electron/host/webHost.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security.js';
import { LAN_HOST_STOPPED, type LanHostService, WebHostInfoSchema } from '../../../shared/ipc.js';

let dist: string;
const hosts: WebHost[] = [];

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'crisis-room-webhost-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Crisis Room</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'export {}');
});
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

async function start(lanHost?: LanHostService, port = 0): Promise<WebHost> {
  const host = await startWebHost({ distDir: dist, version: '1.2.3', port, lanHost });
  hosts.push(host);
  return host;
}

/** A raw request, so tests can send any Host header and method. */
function raw(port: number, path: string, init: { host?: string; method?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: { host: init.host ?? `127.0.0.1:${port}` } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('Node host (web mode)', () => {
  it('serves the built app on loopback with the same CSP as Electron', async () => {
    const host = await start();
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('Crisis Room');
    const script = await fetch(new URL('assets/app.js', host.url));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers GET /api/host with the LAN host status', async () => {
    const lanHost: LanHostService = {
      start: async () => LAN_HOST_STOPPED,
      stop: async () => LAN_HOST_STOPPED,
      status: async () => ({ ...LAN_HOST_STOPPED, running: true, port: 5178, urls: ['ws://192.168.1.20:5178/signal'] }),
      nearby: async () => [{ name: 'Legal', url: 'ws://192.168.1.30:5178/signal', seenAt: 5 }],
    };
    const host = await start(lanHost);
    const response = await fetch(new URL('api/host', host.url));
    expect(response.headers.get('cache-control')).toBe('no-store');
    const info = WebHostInfoSchema.parse(await response.json());
    expect(info).toMatchObject({ app: 'crisis-room', version: '1.2.3', lanHost: { running: true, port: 5178 } });
    expect(info.nearby).toHaveLength(1);
  });

  it('reports a stopped LAN host when none is attached', async () => {
    const host = await start();
    const info = WebHostInfoSchema.parse(await (await fetch(new URL('api/host', host.url))).json());
    expect(info.lanHost).toEqual(LAN_HOST_STOPPED);
  });

  it('refuses foreign Host headers (DNS rebinding), other methods and traversal', async () => {
    const host = await start();
    expect((await raw(host.port, '/api/host', { host: 'evil.example' })).status).toBe(421);
    expect((await raw(host.port, '/', { host: '127.0.0.1.evil.com' })).status).toBe(421);
    expect((await raw(host.port, '/', { host: `localhost:${host.port}` })).status).toBe(200);
    expect((await raw(host.port, '/', { method: 'POST' })).status).toBe(405);
    const traversal = await raw(host.port, '/..%2f..%2fetc/passwd');
    expect(traversal.status).toBe(400);
    expect(traversal.body).not.toContain('root:');
  });

  it('recognises loopback Host headers only', () => {
    expect(isLoopbackHostHeader('127.0.0.1:5178')).toBe(true);
    expect(isLoopbackHostHeader('LOCALHOST')).toBe(true);
    expect(isLoopbackHostHeader('[::1]:5178')).toBe(true);
    expect(isLoopbackHostHeader('127.0.0.1.nip.io')).toBe(false);
    expect(isLoopbackHostHeader('192.168.1.20:5178')).toBe(false);
    expect(isLoopbackHostHeader(undefined)).toBe(false);
  });

  it('mounts a WebSocket endpoint on the same port and refuses unknown paths', async () => {
    const host = await start();
    const wss = new WebSocketServer({ noServer: true });
    wss.on('connection', (socket) => socket.on('message', (data) => socket.send(`echo:${String(data)}`)));
    host.attachUpgrade('/signal', (request, socket, head) =>
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)),
    );
    expect(() => host.attachUpgrade('/signal', () => undefined)).toThrow(/already attached/);

    const client = new WebSocket(`ws://127.0.0.1:${host.port}/signal`);
    const reply = await new Promise<string>((resolve, reject) => {
      client.on('open', () => client.send('hello'));
      client.on('message', (data) => resolve(String(data)));
      client.on('error', reject);
    });
    expect(reply).toBe('echo:hello');
    client.close();

    const stray = new WebSocket(`ws://127.0.0.1:${host.port}/other`);
    await expect(
      new Promise((resolve, reject) => {
        stray.on('open', resolve);
        stray.on('error', reject);
      }),
    ).rejects.toThrow(/404/);
    wss.close();
  });

  it('falls back to a free port when the wanted one is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const host = await start(undefined, taken);
      expect(host.port).not.toBe(taken);
      expect((await fetch(host.url)).status).toBe(200);
      await expect(startWebHost({ distDir: dist, version: '1', port: taken, fallbackToFreePort: false })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      blocker.close();
    }
  });
});
