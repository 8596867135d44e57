import * as Y from 'yjs';
import { write } from '../doc/origins.js';
import { hasPendingUpdates } from '../doc/yjsInternals.js';
import { metaOf } from '../doc/workspaceDoc.js';
import { BackupError } from './errors.js';
import type { BackupManifest } from './schemas.js';
import { diffSections, type ChangeSummary } from './sections.js';

/**
 * A whole-workspace payload is the workspace document's full Yjs state (encodeStateAsUpdateV2).
 * Restoring applies it to a fresh document; merging applies it to the open one as a CRDT merge
 * (origin 'import') after a preview computed on a scratch copy.
 */

export const encodeWorkspace = (doc: Y.Doc): Uint8Array => Y.encodeStateAsUpdateV2(doc);

/**
 * The payload as a document, checked: a Yjs update that applies completely (no missing
 * dependencies) and holds a workspace (a name in its meta). Throws invalidPayload.
 */
export function decodeWorkspace(payload: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  try {
    Y.applyUpdateV2(doc, payload, 'import');
  } catch {
    doc.destroy();
    throw new BackupError('invalidPayload');
  }
  const meta = metaOf(doc);
  const incomplete = hasPendingUpdates(doc);
  if (incomplete || typeof meta.get('name') !== 'string') {
    doc.destroy();
    throw new BackupError('invalidPayload');
  }
  return doc;
}

/** A merge that waits for the person's go-ahead: what it changes per section. */
export interface MergePlan {
  summary: ChangeSummary;
  payload: Uint8Array;
}

/**
 * Previews merging a workspace backup into the open document `doc` of workspace `workspaceId`:
 * applies the current state and the payload to a scratch document and compares. Nothing is
 * written to `doc`. Throws otherWorkspace / wrongKind / invalidPayload.
 */
export function planMerge(doc: Y.Doc, workspaceId: string, manifest: BackupManifest, payload: Uint8Array): MergePlan {
  if (manifest.kind !== 'workspace') throw new BackupError('wrongKind');
  if (manifest.workspace.id !== workspaceId) throw new BackupError('otherWorkspace', { name: manifest.workspace.name });
  decodeWorkspace(payload).destroy();
  const before = new Y.Doc();
  const after = new Y.Doc();
  try {
    const state = Y.encodeStateAsUpdateV2(doc);
    Y.applyUpdateV2(before, state, 'import');
    Y.applyUpdateV2(after, state, 'import');
    Y.applyUpdateV2(after, payload, 'import');
    return { summary: diffSections(before, after), payload };
  } finally {
    before.destroy();
    after.destroy();
  }
}

/** Applies a planned merge to the open document, as one 'import' transaction. */
export function applyMerge(doc: Y.Doc, plan: MergePlan): void {
  write(doc, 'import', () => Y.applyUpdateV2(doc, plan.payload, 'import'));
}
