import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const temp = mkdtempSync(join(tmpdir(), 'electron-spec-report-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the Electron launch test (tests/e2e/electron.spec.ts)', () => {
  it('never passes silently: where Electron cannot run, the output says NOT RUN and why, and it counts as skipped', () => {
    // Its own config (no web server, output in a temp folder), the list reporter `npm test` uses.
    const config = join(temp, 'pw.config.mjs');
    writeFileSync(config, `export default { testDir: ${JSON.stringify(join(ROOT, 'tests', 'e2e'))}, testMatch: 'electron.spec.ts', outputDir: ${JSON.stringify(join(temp, 'results'))}, reporter: [['list']], workers: 1 };\n`);
    const ran = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--config', config], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1', FORCE_COLOR: '0' }, timeout: 120_000 });
    const out = `${ran.stdout}\n${ran.stderr}`;
    const installed = existsSync(join(ROOT, 'node_modules', 'electron', 'path.txt'));
    if (/\b1 passed\b/.test(out)) {
      // A machine with Electron, a display and a normal user: it ran, and says nothing about not running.
      expect(installed).toBe(true);
      expect(out).not.toContain('NOT RUN');
      return;
    }
    expect(ran.status, out).toBe(0);
    expect(out).toMatch(/║ NOT RUN: Electron launch test \(tests\/e2e\/electron\.spec\.ts\) +║/);
    expect(out).toMatch(/║ Why: .+║/);
    expect(out).toContain('This is NOT a pass');
    if (!installed) expect(out).toContain('the Electron binary is not installed');
    expect(out).toMatch(/\b1 skipped\b/);
    expect(out).not.toMatch(/\bpassed\b/);
  }, 150_000);
});
