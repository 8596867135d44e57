import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// Lints virtual renderer files, so the real eslint.config.js decides: the browser's confirm,
// alert and prompt cannot come back into renderer/ (renderer/ui/confirm.tsx asks instead).
const eslint = new ESLint({ cwd: process.cwd() });

async function dialogErrors(code: string, filePath = 'renderer/features/x/Bad.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-globals' || m.ruleId === 'no-restricted-properties').map((m) => m.message);
}

describe('no native dialogs in renderer/', () => {
  it.each([
    "export const a = () => window.confirm('x');",
    "export const a = () => confirm('x');",
    "export const a = () => globalThis.confirm('x');",
    "export const a = () => alert('x');",
    "export const a = () => window.alert('x');",
    "export const a = () => prompt('x');",
    "export const a = () => window.prompt('x');",
  ])('rejects %s', async (code) => {
    const errors = await dialogErrors(code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('renderer/ui/confirm.tsx');
  });

  it('allows the app’s own confirm()', async () => {
    expect(await dialogErrors("import { confirm } from '../../ui/confirm';\nexport const a = () => confirm({ title: 'x' });")).toEqual([]);
  });
});
