import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { LAN_HOST_STOPPED, type LanHostService, type WebHostInfo } from '../../shared/ipc.js';
import { SECURITY_HEADERS } from '../security.js';
import { serveStatic } from '../staticFiles.js';

/**
 * The Node host for web mode (`npm start` where Electron cannot run): serves the built app on
 * loopback with the same headers as Electron's `app://` protocol, answers `GET /api/host`, and
 * lets the sync layer mount WebSocket endpoints (the signaling server at `/signal`) on the same
 * port through {@link WebHost.attachUpgrade}.
 */

/** Takes over an HTTP upgrade (e.g. `wss.handleUpgrade`). */
export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface WebHostOptions {
  distDir: string;
  version: string;
  /** Interface to listen on; loopback by default (the page is only a secure context there). */
  host?: string;
  /** Port to try first; default 5178. */
  port?: number;
  /** When the port is taken, listen on any free port instead of failing. Default true. */
  fallbackToFreePort?: boolean;
  lanHost?: LanHostService;
}

export interface WebHost {
  /** Where to open the app, e.g. `http://127.0.0.1:5178/`. */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Routes WebSocket upgrades for `path` to `handler`; returns a function that unmounts it. */
  attachUpgrade(path: string, handler: UpgradeHandler): () => void;
  close(): Promise<void>;
}

export const DEFAULT_WEB_PORT = 5178;

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Pages and the API answer only to loopback Host headers: another site cannot reach them by
 * pointing its own name at 127.0.0.1 (DNS rebinding).
 */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return name !== undefined && LOOPBACK_NAMES.has(name.toLowerCase());
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body?: Uint8Array | string): void {
  response.writeHead(status, headers);
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  send(response, status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra }, text);
}

async function handleRequest(options: WebHostOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!isLoopbackHostHeader(request.headers.host)) {
    return sendText(response, 421, 'Crisis Room is served to this computer only: open it at 127.0.0.1.');
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendText(response, 405, 'method not allowed', { Allow: 'GET, HEAD' });
  }
  const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (pathname === '/api/host') {
    const info: WebHostInfo = {
      app: 'crisis-room',
      version: options.version,
      lanHost: options.lanHost ? await options.lanHost.status() : LAN_HOST_STOPPED,
      nearby: options.lanHost ? await options.lanHost.nearby() : [],
    };
    const headers = { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
    return send(response, 200, headers, request.method === 'HEAD' ? undefined : JSON.stringify(info));
  }
  const answer = await serveStatic(options.distDir, pathname);
  send(response, answer.status, answer.headers, request.method === 'HEAD' ? undefined : answer.body);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Starts the Node host. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const upgrades = new Map<string, UpgradeHandler>();
  // Loopback only, but a page that hangs a request must not hold a socket for Node's default minutes.
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 2000 }, (request, response) => {
    handleRequest(options, request, response).catch((error: unknown) => {
      console.error('Crisis Room host: request failed:', error);
      if (!response.headersSent) sendText(response, 500, 'internal error');
      else response.destroy();
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const handler = upgrades.get(pathname);
    if (handler) return handler(request, socket, head);
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });

  try {
    await listen(server, options.port ?? DEFAULT_WEB_PORT, host);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.fallbackToFreePort === false) throw error;
    await listen(server, 0, host);
  }
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}/`,
    port,
    server,
    attachUpgrade(path, handler) {
      if (upgrades.has(path)) throw new Error(`an upgrade handler for ${path} is already attached`);
      upgrades.set(path, handler);
      return () => void upgrades.delete(path);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
