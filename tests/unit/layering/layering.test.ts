import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// Lints virtual files placed in each layer, so the real eslint.config.js decides.
const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rule', () => {
  const violations: Array<[string, string, string]> = [
    ['shared/bad.ts', "import { app } from 'electron';\nexport const a = app;", 'shared/'],
    ['shared/bad.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'shared/'],
    ['shared/bad.ts', "import { readFileSync } from 'fs';\nexport const r = readFileSync;", 'shared/'],
    ['shared/doc/bad.ts', "import { App } from '../../renderer/app/App';\nexport const a = App;", 'shared/'],
    ['shared/bad.ts', "import { create } from 'zustand';\nexport const c = create;", 'shared/'],
    ['renderer/bad.ts', "import { app } from 'electron';\nexport const a = app;", 'renderer/'],
    ['renderer/features/x/bad.ts', "import { registerIpc } from '../../../electron/ipc';\nexport const r = registerIpc;", 'renderer/'],
    ['renderer/bad.ts', "import { spawn } from 'node:child_process';\nexport const s = spawn;", 'renderer/'],
    ['electron/bad.ts', "import { App } from '../renderer/app/App';\nexport const a = App;", 'electron/'],
    ['electron/preload.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'preload'],
    ['electron/preload.ts', "import { createMainWindow } from './windows';\nexport const w = createMainWindow;", 'preload'],
  ];

  it.each(violations)('%s: rejects the import (%#)', async (file, code, layer) => {
    const errors = await layeringErrors(file, code);
    expect(errors.length).toBe(1);
    expect(errors[0]).toContain('Bad layering');
    expect(errors[0]).toContain(layer);
  });

  const allowed: Array<[string, string]> = [
    ['shared/ok.ts', "import * as Y from 'yjs';\nexport const d = new Y.Doc();"],
    ['renderer/ok.ts', "import { write } from '../shared/doc/origins';\nexport const w = write;"],
    ['electron/ok.ts', "import { readFileSync } from 'node:fs';\nimport { write } from '../shared/doc/origins.js';\nexport const r = [readFileSync, write];"],
    ['electron/preload.ts', "import { contextBridge } from 'electron';\nimport { IPC } from '../shared/ipc.js';\nexport const c = [contextBridge, IPC];"],
  ];

  it.each(allowed)('%s: allows a permitted import (%#)', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });

  it('flags a Yjs transaction without an origin', async () => {
    const [result] = await eslint.lintText("import * as Y from 'yjs';\nconst doc = new Y.Doc();\ndoc.transact(() => doc.getMap('m').set('a', 1));\n", { filePath: 'shared/no-origin.ts' });
    expect(result?.messages.map((m) => m.message)).toContain('Every Yjs write carries a transaction origin: use write(doc, origin, fn).');
  });
});
