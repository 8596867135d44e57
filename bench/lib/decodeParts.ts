/**
 * P13's estimate for a design that decodes less at open (issue 14): the generated workspace's
 * state without the parts a view could load on demand, as a migration that moved them to another
 * document would leave it — their items deleted, so only Yjs's compact tombstones remain.
 *
 * - `details`: every crisis type's steps (with their checklists) and escalation — about half of
 *   the 100× workspace's structs, read only by the playbook editor, runbook, incidents' tasks,
 *   drills and search.
 * - `details+bodies+logs`: also every statement's body, versions and releases, and every
 *   incident's log.
 */
import * as Y from 'yjs';
import { write } from '../../shared/doc/origins';
import { collectionOf, playbookOf } from '../../shared/doc/workspaceDoc';

export type LeftOut = 'details' | 'details+bodies+logs';

/** The V2 state of `update`'s document without the parts `leftOut` names. */
export function withoutParts(update: Uint8Array, leftOut: LeftOut): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, update, 'system');
  write(doc, 'system', () => {
    for (const [, type] of playbookOf(doc).crisisTypes.entries()) {
      if (!(type instanceof Y.Map)) continue;
      type.delete('steps');
      type.delete('escalation');
    }
    if (leftOut === 'details') return;
    for (const [, statement] of collectionOf(doc, 'statements').entries()) {
      if (!(statement instanceof Y.Map)) continue;
      for (const key of ['body', 'versions', 'releases']) statement.delete(key);
    }
    for (const [, incident] of collectionOf(doc, 'incidents').entries()) if (incident instanceof Y.Map) incident.delete('log');
  });
  const out = Y.encodeStateAsUpdateV2(doc);
  doc.destroy();
  return out;
}
