import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from './security.js';

/**
 * Serving the built renderer (dist/) safely: used by the `app://` protocol in Electron and by the
 * Node host in web mode, so both answer the same files with the same headers.
 */

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Where a request path leads inside dist/, or why it may not be served. */
export type StaticPath =
  | { ok: true; file: string }
  | { ok: false; status: 400 | 403; reason: string };

/**
 * Maps a URL pathname (still percent-encoded) to a file under `distDir`. Refuses encoded slashes,
 * backslashes, NUL, `..` segments and anything that resolves outside `distDir`.
 */
export function resolveStaticPath(distDir: string, pathname: string): StaticPath {
  if (/%(2f|5c|00)/i.test(pathname)) return { ok: false, status: 400, reason: 'encoded separator in path' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) {
    return { ok: false, status: 400, reason: 'not a plain path' };
  }
  if (decoded.split('/').some((segment) => segment === '..')) {
    return { ok: false, status: 403, reason: 'path leaves the app folder' };
  }
  const root = resolve(distDir);
  const file = resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  if (!file.startsWith(root + sep)) return { ok: false, status: 403, reason: 'path leaves the app folder' };
  return { ok: true, file };
}

/** A response to send, independent of Electron's `Response` and Node's `http`. */
export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

function textResponse(status: number, text: string): StaticResponse {
  return { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body: text };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Answers a GET for `pathname` from `distDir`. Paths without a file extension that match no file
 * get index.html, so a reload on an in-app route still opens the app.
 */
export async function serveStatic(distDir: string, pathname: string): Promise<StaticResponse> {
  const target = resolveStaticPath(distDir, pathname);
  if (!target.ok) return textResponse(target.status, target.reason);
  const index = resolve(distDir, 'index.html');
  let file = target.file;
  if (!(await isFile(file))) {
    if (extname(file) !== '' && file !== index) return textResponse(404, 'not found');
    file = index;
    if (!(await isFile(file))) {
      return textResponse(503, 'The app is not built yet: run `npx vite build` (or `npm start`).');
    }
  }
  const body = await readFile(file);
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'Content-Type': mimeTypeFor(file),
    'Cache-Control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  return { status: 200, headers, body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
}
