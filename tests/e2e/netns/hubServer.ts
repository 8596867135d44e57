/**
 * The hub of the namespace lab: serves a built page (static files) and the product's signaling
 * server at /signal on one port. Started inside the hub namespace by netns.ts:
 *   hubServer.ts --dir <static dir> --port <port>
 * Prints "hub ready <port>" once listening.
 */
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { attachSignaling } from '../../../electron/host/signaling';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const dir = resolve(arg('dir', '.tmp/sync-lab'));
const port = Number(arg('port', '8080'));
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
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
attachSignaling(server, { pingIntervalMs: 5000 });
server.on('upgrade', (req, socket) => {
  if ((req.url ?? '').split('?')[0] !== '/signal') socket.destroy();
});
server.listen(port, '0.0.0.0', () => console.log(`hub ready ${port}`));
process.on('SIGTERM', () => process.exit(0));
