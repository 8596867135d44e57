// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
interface PlatformConfig {
  target: string[];
  icon: string;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  directories: { output: string };
  files: string[];
  extraMetadata: { main: string };
  electronFuses: Record<string, boolean>;
  linux: PlatformConfig;
  win: PlatformConfig;
  mac: PlatformConfig;
}
const config = load(readFileSync(`${root}electron-builder.yml`, 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { main: string };

type Validate = (config: unknown, logger: { add(): void; isEnabled: boolean }) => Promise<void>;
const { validateConfiguration } = createRequire(import.meta.url)('app-builder-lib/out/util/config/config') as {
  validateConfiguration: Validate;
};

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema (and the schema catches mistakes)', async () => {
    const logger = { add() {}, isEnabled: false };
    await expect(validateConfiguration(structuredClone(config), logger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), productname: 'typo' }, logger)).rejects.toThrow(/productname/);
  });

  it('names the app and packs only the build output, in an asar', () => {
    expect(config).toMatchObject({ appId: expect.stringMatching(/^[a-z]+(\.[a-z]+)+$/), productName: 'Crisis Room', asar: true });
    expect(config.directories.output).toBe('release');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'dist-electron/**', 'package.json']));
    expect(config.files.some((f) => /^(electron|renderer|shared|node_modules)\b/.test(f))).toBe(false);
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(pkg.main).toBe('dist-electron/main.js');
  });

  it('builds for Linux (AppImage, deb), Windows (nsis) and macOS (dmg) with an icon that exists', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    for (const os of ['linux', 'win', 'mac'] as const) expect(existsSync(`${root}${config[os].icon}`), os).toBe(true);
  });

  it('turns off Node-as-runtime fuses in the package', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });
});
