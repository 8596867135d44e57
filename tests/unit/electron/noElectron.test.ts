// @vitest-environment node
// Unit tests must never load the real `electron` module (it tries to download its binary).
// Every main-process module except the entry points must be loadable without it.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const trap = vi.hoisted(() => ({ loaded: false }));
vi.mock('electron', () => {
  trap.loaded = true;
  throw new Error('the real electron module was loaded in a unit test');
});

const electronDir = fileURLToPath(new URL('../../../electron/', import.meta.url));
const ENTRY_POINTS = new Set(['main.ts', 'preload.ts']);

/** A value import of `electron` (type-only imports are erased and allowed). */
const RUNTIME_ELECTRON_IMPORT =
  /^\s*import\s+(?!type\b)[^;]*?\bfrom\s+['"]electron['"]|^\s*import\s+['"]electron['"]|\brequire\(\s*['"]electron['"]\s*\)|\bimport\(\s*['"]electron['"]\s*\)/m;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the real electron module stays out of Node tests', () => {
  it('only the entry points import electron at run time', () => {
    const importers = sources(electronDir)
      .filter((file) => RUNTIME_ELECTRON_IMPORT.test(readFileSync(file, 'utf8')))
      .map((file) => relative(electronDir, file));
    expect(importers.sort()).toEqual([...ENTRY_POINTS].sort());
  });

  it('loads every other main-process module without touching electron', async () => {
    const modules = import.meta.glob(['../../../electron/**/*.ts', '!../../../electron/main.ts', '!../../../electron/preload.ts']);
    expect(Object.keys(modules).length).toBeGreaterThan(8);
    await Promise.all(Object.values(modules).map((load) => load()));
    expect(trap.loaded).toBe(false);
    const require = createRequire(import.meta.url);
    expect(Object.keys(require.cache).filter((path) => /[\\/]node_modules[\\/]electron[\\/]/.test(path))).toEqual([]);
  });

  it('has a trap that would have caught a load', async () => {
    await expect(import('electron')).rejects.toThrow(/mock/);
    expect(trap.loaded).toBe(true);
  });
});
