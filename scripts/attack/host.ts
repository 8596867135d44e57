/**
 * The attack suite's target: the web-mode host as `npm start` runs it where Electron cannot
 * (electron/webMain.ts): the Node host serving the app on loopback and the LAN host (signaling on
 * 0.0.0.0:4444, mDNS) beside it. The LAN host is started through the same service, with the hub
 * kept in reach so the suite can print its counters (`stats` on stdin). Runs inside the host's
 * network namespace; prints `host ready <pid>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createLanHostService } from '../../electron/host/lan';
import { startWebHost } from '../../electron/host/webHost';
import { startSignalingServer, type StandaloneSignaling } from '../../electron/host/signaling';
import { onLines, PORT } from './common';

const dist = join(tmpdir(), `crattack-dist-${process.pid}`);
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Crisis Room</title>');
let signaling: StandaloneSignaling | null = null;
const lanHost = createLanHostService({
  appVersion: 'attack',
  startSignaling: async (port) => {
    signaling = await startSignalingServer({ host: '0.0.0.0', port });
    return { port: signaling.port, close: signaling.close, connections: () => signaling!.hub.stats().connections };
  },
});
const web = await startWebHost({ distDir: dist, version: 'attack', lanHost, port: 0 });
const lan = await lanHost.start({ port: PORT, advertise: true });
if (!lan.running) throw new Error(`LAN host did not start: ${lan.error}`);
// The host's event-loop lag since the last `stats` (is the host itself stalled?).
let lastBeat = performance.now();
let maxLagMs = 0;
setInterval(() => {
  const now = performance.now();
  maxLagMs = Math.max(maxLagMs, Math.round(now - lastBeat - 100));
  lastBeat = now;
}, 100).unref();
onLines((line) => {
  if (line !== 'stats') return;
  console.log(`stats ${JSON.stringify({ ...signaling!.hub.stats(), ...signaling!.sockets(), maxLagMs })}`);
  maxLagMs = 0;
});
process.on('SIGTERM', () => {
  void lanHost.dispose().then(() => web.close()).finally(() => process.exit(0));
});
console.log(`host ready ${process.pid}`);
