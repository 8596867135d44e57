import { parsePlaybookFile, PlaybookImportError, type PlaybookIssue } from '../../../shared/playbook/accessors';

/**
 * Reading an imported playbook file before anything is written: UTF-8 decoding, JSON parsing and
 * the full validation of shared/playbook/schema.ts (shapes, limits, duplicate ids, unit
 * references). Runs in a Web Worker (./playbookImport.worker.ts) so that a file of several
 * megabytes does not freeze the page; the same code is the fallback where no worker can start.
 */

/** Steps of an import, in order: the first three run here, `write` on the page. */
export const IMPORT_STAGES = ['read', 'decode', 'parse', 'validate', 'write'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

export type PlaybookCheck =
  | { ok: true; text: string; crisisTypes: number; units: number }
  | { ok: false; reason: 'notUtf8' }
  | { ok: false; reason: 'notJson'; message: string }
  | { ok: false; reason: 'invalid'; issues: PlaybookIssue[] };

/** Messages from the worker to the page. */
export type WorkerMessage = { type: 'stage'; stage: ImportStage } | { type: 'result'; result: PlaybookCheck };

/** Checks the bytes of a playbook file; reports each stage as it starts. */
export function checkPlaybookBytes(bytes: Uint8Array, onStage: (stage: ImportStage) => void = () => {}): PlaybookCheck {
  onStage('decode');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'notUtf8' };
  }
  onStage('parse');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: 'notJson', message: (err as Error).message };
  }
  onStage('validate');
  try {
    const file = parsePlaybookFile(json);
    return { ok: true, text, crisisTypes: file.crisisTypes.length, units: file.units.length };
  } catch (err) {
    if (err instanceof PlaybookImportError) return { ok: false, reason: 'invalid', issues: err.issues };
    throw err;
  }
}
