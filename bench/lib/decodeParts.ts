/**
 * P13's estimate for a design that decodes less at open (issue 14): the generated workspace's
 * state without the parts a view could load on demand, as a migration that moved them to another
 * document would leave it — their items deleted, so only Yjs's compact tombstones remain.
 *
 * - `details`: every crisis type's steps (with their checklists) and escalation — about half of
 *   the 100× workspace's structs, read only by the playbook editor, runbook, incidents' tasks,
 *   drills and search. Since parts (shared/doc/parts.ts) the workspace keeps them in each type's
 *   part log, which the open does not decode: leaving them out saves only their bytes.
 * - `details+bodies+logs`: also every statement's body, versions and releases, and every
 *   incident's log.
 */
import * as Y from 'yjs';
import { write } from '../../shared/doc/origins';
import { PART_FIELD } from '../../shared/doc/parts';
import { collectionOf, playbookOf, ROOTS, type RootName } from '../../shared/doc/workspaceDoc';

export type LeftOut = 'details' | 'details+bodies+logs';

/** The V2 state of `update`'s document without the parts `leftOut` names. */
export function withoutParts(update: Uint8Array, leftOut: LeftOut): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, update, 'system');
  write(doc, 'system', () => {
    for (const [, type] of playbookOf(doc).crisisTypes.entries()) {
      if (!(type instanceof Y.Map)) continue;
      // Kept in the type's part (shared/doc/parts.ts), or in the type itself when written before parts.
      type.delete(PART_FIELD);
      type.delete('steps');
      type.delete('escalation');
    }
    if (leftOut === 'details') return;
    for (const [, statement] of collectionOf(doc, 'statements').entries()) {
      if (!(statement instanceof Y.Map)) continue;
      for (const key of ['body', 'versions', 'releases', PART_FIELD]) statement.delete(key);
    }
    for (const [, incident] of collectionOf(doc, 'incidents').entries()) if (incident instanceof Y.Map) incident.delete('log');
  });
  const out = Y.encodeStateAsUpdateV2(doc);
  doc.destroy();
  return out;
}

/** The roots the playbook section reads: its four collections and the units its editor lists. */
const PLAYBOOK_ROOTS: readonly RootName[] = ['meta', 'severities', 'crisisTypes', 'signals', 'principles', 'units'];

/**
 * The V2 state of a new document holding only the playbook section's roots of `update`'s document,
 * copied (no tombstones of the rest): what a design with one document per section would decode to
 * open the playbook, the other sections' documents loaded when they are visited.
 */
export function playbookAlone(update: Uint8Array): Uint8Array {
  const src = new Y.Doc();
  Y.applyUpdateV2(src, update, 'system');
  const out = new Y.Doc();
  write(out, 'system', () => {
    for (const root of PLAYBOOK_ROOTS) {
      const to = out.getMap(ROOTS[root]);
      for (const [key, value] of src.getMap(ROOTS[root]).entries()) to.set(key, value instanceof Y.AbstractType ? value.clone() : value);
    }
  });
  const state = Y.encodeStateAsUpdateV2(out);
  src.destroy();
  out.destroy();
  return state;
}
