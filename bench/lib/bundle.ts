/**
 * Builds a browser bundle for a benchmark page with esbuild (from node_modules, no Vite config):
 * `entry` is bundled with everything it imports (the app's real renderer/ and shared/ code
 * included) into `<outDir>/main.js`, next to an `index.html` that loads it. Minified like the
 * app's production build, so timings are those of shipped code.
 */
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/lib/../..). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where benchmark bundles go: .tmp/bench-dist/<name> (git-ignored). */
export function benchDistDir(name: string): string {
  return join(ROOT, '.tmp', 'bench-dist', name);
}

export interface BundleOptions {
  /** Entry module, relative to the repository root or absolute. */
  entry: string;
  /** Bundle name: the output goes to .tmp/bench-dist/<name>. */
  name: string;
  /** Page title. */
  title?: string;
  /** Minify (default true, like `vite build`). */
  minify?: boolean;
}

/** Bundles `entry` and writes index.html; returns the output directory. */
export async function buildBenchBundle(opts: BundleOptions): Promise<string> {
  const outDir = benchDistDir(opts.name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [resolve(ROOT, opts.entry)],
    outfile: join(outDir, 'main.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: opts.minify ?? true,
    sourcemap: false,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.DEV': 'false', 'import.meta.env.PROD': 'true' },
  });
  writeFileSync(
    join(outDir, 'index.html'),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${opts.title ?? opts.name}</title></head>` +
      `<body><script type="module" src="./main.js"></script></body></html>\n`,
  );
  return outDir;
}
