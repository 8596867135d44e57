import type * as Y from 'yjs';
import { addRecord, type YCollection } from '../doc/collection.js';
import { write } from '../doc/origins.js';
import { collectionOf, metaOf, playbookOf, SCHEMA_VERSION } from '../doc/workspaceDoc.js';
import type { Language } from '../languages.js';
import { recordInitOf } from './accessors.js';
import { defaultPlaybook } from './defaultPlaybook.js';

export { defaultPlaybook };

/**
 * Starts a new workspace from the shipped playbook in `lang`: meta (content language, schema
 * version, creation time), the crisis team's units and the whole playbook, written in one
 * transaction with origin 'system'. Unit keys are resolved to the generated unit ids.
 *
 * Idempotent: a document whose meta already has a schema version (seeded, imported, or synced
 * from a peer) is left alone. Call it only when creating a workspace, never when joining one:
 * two peers seeding independently would each add a full playbook.
 *
 * @returns whether anything was written.
 */
export function seedWorkspace(doc: Y.Doc, lang: Language, now: number = Date.now()): boolean {
  return write(doc, 'system', () => {
    const meta = metaOf(doc);
    if (meta.get('schemaVersion') !== undefined) return false;
    meta.set('contentLanguage', lang);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('createdAt', now);

    const playbook = defaultPlaybook(lang);
    const pb = playbookOf(doc);
    const append = (coll: YCollection, records: object[]) => {
      for (const record of records) addRecord(coll, recordInitOf(record), 'system');
    };
    append(collectionOf(doc, 'units'), playbook.units);
    append(pb.severities, playbook.severities);
    append(pb.crisisTypes, playbook.crisisTypes);
    append(pb.signals, playbook.signals);
    append(pb.principles, playbook.principles);
    return true;
  });
}
