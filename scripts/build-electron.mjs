// Builds the Electron side into dist-electron/ with esbuild:
//   main.js     ESM, the Electron entry (package.json "main"); npm packages stay external
//   webMain.js  ESM, the Node host for web mode (npm start without Electron)
//   preload.cjs CommonJS, one self-contained file: sandboxed preloads cannot load modules
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @param {{ outdir?: string }} [options] */
export async function buildElectron({ outdir = resolve(root, 'dist-electron') } = {}) {
  const common = { absWorkingDir: root, bundle: true, sourcemap: true, logLevel: 'warning' };
  await Promise.all([
    build({
      ...common,
      entryPoints: { main: 'electron/main.ts', webMain: 'electron/webMain.ts' },
      outdir,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
    }),
    build({
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: resolve(outdir, 'preload.cjs'),
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      external: ['electron'],
    }),
  ]);
  return outdir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outdir = await buildElectron();
  console.log(`Electron code built into ${outdir}`);
}
