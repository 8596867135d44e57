import type * as Y from 'yjs';
import { exportPlaybook } from '../../../shared/playbook/accessors';
import { withoutUnknownUnitReferences } from '../../../shared/playbook/schema';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import type { OpenFileResult } from '../../../shared/ipc';
import { getPlatform, type SaveOutcome } from '../../platform';

/**
 * The playbook's file exchange with the platform (save and open dialogs), kept out of the
 * components (renderer/CONTEXT.md: side effects live in services).
 */

/** Saves the playbook as one JSON file named after the workspace. */
export function savePlaybookJson(doc: Y.Doc): Promise<SaveOutcome> {
  const name = String(metaOf(doc).get('name') ?? 'playbook');
  const text = JSON.stringify(withoutUnknownUnitReferences(exportPlaybook(doc)), null, 2);
  return getPlatform().saveFile({ suggestedName: `${name}-playbook.json`, mime: 'application/json', text, filters: [{ name: 'JSON', extensions: ['json'] }] });
}

/** Lets the person pick a playbook JSON file (bytes, up to `maxBytes`). */
export function pickPlaybookFile(maxBytes: number): Promise<OpenFileResult> {
  return getPlatform().openFile({ as: 'bytes', filters: [{ name: 'JSON', extensions: ['json'] }], maxBytes });
}
