/**
 * A minimal static file server on 127.0.0.1 for benchmark bundles. Each server is its own web
 * origin (its own port), so each has its own IndexedDB: start one per contender to keep their
 * stores apart while measuring them interleaved. Pages get the app's Content-Security-Policy.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { serveStatic as serveAppFile } from '../../electron/staticFiles';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  /** Base URL, ending in '/'. */
  url: string;
  close: () => Promise<void>;
}

/** Serves `dir` on 127.0.0.1 (`port` 0 = any free port). */
export async function serveStatic(dir: string, port = 0): Promise<StaticServer> {
  const root = normalize(dir + sep);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            'cache-control': 'no-store',
            // The app's own policy: code runs as it does in the app (no eval, so e.g. zod validates without compiling schemas).
            ...(extname(file) === '.html' ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
          })
          .end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  return listen(server, port);
}

/**
 * Serves the built app on 127.0.0.1 exactly as the app serves itself — electron/staticFiles.ts,
 * the handler behind the Electron `app://` protocol and the web host of `npm start`: its security
 * headers and caching (hashed assets immutable, so Chromium keeps their compiled code between
 * opens, as the app's protocol does with its `codeCache` privilege; index.html revalidated).
 */
export async function serveApp(dir: string, port = 0): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    serveAppFile(dir, path).then(
      (r) => res.writeHead(r.status, r.headers).end(r.body),
      () => res.writeHead(500).end('error'),
    );
  });
  return listen(server, port);
}

/** Listens on 127.0.0.1:`port` (0 = any free port). */
async function listen(server: Server, port: number): Promise<StaticServer> {
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
