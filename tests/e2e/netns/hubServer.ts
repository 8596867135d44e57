/**
 * The hub of the namespace lab: serves a built page (static files) and the product's signaling
 * server at /signal on one port. Started inside a namespace by netns.ts:
 *   hubServer.ts --dir <static dir> --port <port> [--host <addr>] [--no-signaling] [--csp]
 * `--host` binds one address (default all); `--no-signaling` serves files only (a laptop's own
 * copy of the app on 127.0.0.1, as Electron loads it from app://); `--csp` sends the headers the
 * app gets in Electron and from the Node host (electron/security.ts), so the page runs under the
 * real Content-Security-Policy. Prints "hub ready <port>" once listening.
 */
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { attachSignaling } from '../../../electron/host/signaling';
import { SECURITY_HEADERS } from '../../../electron/security';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const dir = resolve(arg('dir', '.tmp/sync-lab'));
const port = Number(arg('port', '8080'));
const host = arg('host', '0.0.0.0');
const signaling = !flag('no-signaling');
const extraHeaders: Record<string, string> = flag('csp') ? { ...SECURITY_HEADERS } : {};
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm' };

const server = http.createServer(async (req, res) => {
  const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
  const file = normalize(join(dir, path === '/' ? 'index.html' : path));
  if (!file.startsWith(dir)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...extraHeaders });
    res.end(body);
  } catch {
    res.writeHead(404, extraHeaders).end('not found');
  }
});
// Raw y-webrtc (the labs' baseline, rooms named `…/raw`) cannot prove a room key: only its rooms are open.
if (signaling) attachSignaling(server, { pingIntervalMs: 5000, openTopics: (t) => t.endsWith('/raw') });
server.on('upgrade', (req, socket) => {
  if (!signaling || (req.url ?? '').split('?')[0] !== '/signal') socket.destroy();
});
server.listen(port, host, () => console.log(`hub ready ${port}`));
process.on('SIGTERM', () => process.exit(0));
