// npm start: build the app, then run it in Electron; where Electron cannot start (no binary, no
// display, …) serve the same build from the Node host on 127.0.0.1 and tell the person, in their
// terminal's language, that the desktop app is unavailable here, where the browser version runs and
// what to do to get the desktop app (electron/host/unavailable.ts).
//   --web        skip Electron, serve in web mode
//   --no-build   reuse dist/ and dist-electron/ as they are
//   PORT=…       web-mode port (default 5178; a free port if taken)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildElectron } from './build-electron.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const flags = new Set(process.argv.slice(2));
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

/** The error lines of a failed child's output, without stack frames. */
function errorSummary(text) {
  const lines = text.split('\n').map((l) => l.trim());
  const errors = lines.filter((l) => /^(\w*Error|\[cause\])\b|^Missing |^\[\d+:\d+/.test(l));
  return (errors.length > 0 ? errors : lines.filter(Boolean).slice(-3)).join(' → ');
}

/** Asks the `electron` package for its binary in a child process (it may try to download it). */
function findElectron() {
  console.log('Looking for the Electron binary (npm may download it once)…');
  const result = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n' + require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.error) return { ok: false, reason: result.error.message };
  if (result.status !== 0) {
    const downloading = result.stdout.includes('Downloading Electron binary');
    const summary = errorSummary(`${result.stderr}\n${result.stdout}`);
    return { ok: false, reason: downloading ? `Electron binary not installed; download failed: ${summary}` : summary };
  }
  const binary = result.stdout.trim().split('\n').pop() ?? '';
  if (!existsSync(binary)) return { ok: false, reason: `Electron binary missing at ${binary}` };
  return { ok: true, binary };
}

/**
 * Runs Electron until it quits. An exit with an error within a few seconds means it could not
 * start (missing display, missing libraries, sandbox refused): reported back, not fatal.
 */
function runElectron(binary) {
  return new Promise((done) => {
    const startedAt = Date.now();
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(binary, [root], { cwd: root, env, stdio: ['inherit', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      stderr = (stderr + chunk).slice(-4000);
    });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('error', (error) => done({ started: false, reason: error.message }));
    child.on('exit', (code, signal) => {
      const failedEarly = code !== 0 && signal === null && Date.now() - startedAt < 10_000;
      if (failedEarly) done({ started: false, reason: `Electron exited with code ${code}: ${errorSummary(stderr)}` });
      else done({ started: true, code: code ?? 1 });
    });
  });
}

/** Starts the Node host serving dist/; returns it with the web-mode module (for its messages). */
async function startWeb({ quiet = false } = {}) {
  const port = process.env.PORT === undefined ? undefined : Number(process.env.PORT);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new Error(`PORT must be a port number, not ${JSON.stringify(process.env.PORT)}`);
  }
  const web = await import(pathToFileURL(resolve(root, 'dist-electron/webMain.js')).href);
  const host = await web.startWebMode({ distDir: resolve(root, 'dist'), version, port });
  if (port !== undefined && port !== 0 && host.port !== port) console.log(`Port ${port} is taken; using ${host.port}.`);
  if (!quiet) console.log(`\nCrisis Room (web mode) is running at ${host.url}\nOpen it in Chromium or Chrome. Press Ctrl+C to stop.`);
  if (host.lan?.running) console.log(`Team signaling (LAN host) at ${host.lan.urls.join(', ') || `port ${host.lan.port}`}: colleagues join with this address or an invite.`);
  else if (host.lan?.error) console.log(`The LAN host did not start: ${host.lan.error}`);
  const stop = () => host.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { host, web };
}

async function main() {
  if (!flags.has('--no-build')) {
    console.log('Building the app…');
    const { build } = await import('vite');
    await build({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
    await buildElectron();
  }
  /** Why the desktop app did not start ({ installed, detail }), or null. */
  let failed = null;
  if (!flags.has('--web')) {
    const found = findElectron();
    const run = found.ok ? await runElectron(found.binary) : found;
    if (run.started) process.exit(run.code);
    failed = { installed: found.ok, detail: run.reason };
  }
  const { host, web } = await startWeb({ quiet: failed !== null });
  if (failed) {
    // For the person at the keyboard: what is unavailable, that the app runs in the browser, what to do.
    const failure = { kind: web.classifyDesktopFailure(failed.installed, failed.detail), detail: failed.detail };
    console.log(`\n${web.desktopUnavailableMessage(failure, host.url, web.terminalLanguage(process.env))}`);
  }
}

main().catch((error) => {
  console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
