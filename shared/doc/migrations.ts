import * as Y from 'yjs';
import { write, type Origin } from './origins.js';
import { holdsNothing } from './yjsInternals.js';
import { readSet, writeSet } from './sets.js';
import { metaOf, ROOTS, SCHEMA_VERSION } from './workspaceDoc.js';
import { compactVersions } from '../statements/history.js';

/**
 * Document schema migrations. `meta.schemaVersion` says which layout a workspace's (or a restricted
 * room's) document was written in; opening it runs every migration above that version, in order,
 * in one transaction, and records the new version. Migrations are idempotent and commute with a
 * concurrent copy of themselves on another laptop (both write the same result). A document written
 * by a newer version than this one is not migrated and is reported (`newer`), never rewritten.
 *
 * To change the layout: add a migration here with the next version, bump SCHEMA_VERSION
 * (workspaceDoc.ts), keep readers tolerant of the old form (a laptop on the previous release may
 * still write it during a sync), and add a fixture saved by the previous release to
 * tests/fixtures with a test that opens it (tests/unit/doc/migrations.test.ts).
 */

export interface Migration {
  /** The version the document has after this migration. */
  to: number;
  what: string;
  run(doc: Y.Doc): void;
}

const SET_FIELDS = ['channels', 'requiredRoles'] as const;

export const MIGRATIONS: readonly Migration[] = [
  {
    to: 2,
    what: "statements' channels and required roles: comma-separated strings → sets (Y.Map)",
    run(doc) {
      const statements = doc.getMap<Y.Map<unknown>>(ROOTS.statements);
      for (const rec of statements.values()) {
        if (!(rec instanceof Y.Map)) continue;
        for (const field of SET_FIELDS) {
          const value = rec.get(field);
          if (typeof value === 'string') writeSet(rec, field, readSet(value));
        }
      }
    },
  },
  {
    to: 3,
    what: "records are stored under their id without an id field (readers take the key, collection.ts recordId); nothing is rewritten: an older record's id field equals its key",
    run() {
      // The version alone says that this document may hold records a schema-2 laptop reads without an id.
    },
  },
  {
    to: 4,
    what: "statement versions are deltas to the version before them, not copies (statements/history.ts); those stored in full become deltas where they read back the same, and lose their text copy",
    run(doc) {
      const statements = doc.getMap<Y.Map<unknown>>(ROOTS.statements);
      for (const rec of statements.values()) if (rec instanceof Y.Map) compactVersions(rec);
    },
  },
  {
    to: 5,
    what: "a crisis type's steps and escalation, and a statement's versions, live in the record's part, a document of its own stored as the log of its updates (doc/parts.ts); nothing is moved: a record written before keeps them in place, and both are read",
    run() {
      // Moving them would be a copy two laptops could make at once, each into a log of its own (one
      // replacing the other, with whatever was edited there meanwhile). New records have parts; the
      // version says that this document may hold types a schema-4 laptop shows without steps.
    },
  },
];

export type MigrationResult = { status: 'current' | 'migrated'; from: number; to: number } | { status: 'newer'; from: number; to: number };

/** The schema version a document says it was written in (1 when it says nothing: before versions). */
export function schemaVersionOf(doc: Y.Doc): number {
  const v = metaOf(doc).get('schemaVersion');
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/** Brings `doc` to SCHEMA_VERSION (see above). An empty document (nothing loaded yet) is left alone. */
export function migrateDoc(doc: Y.Doc, origin: Origin = 'system', migrations: readonly Migration[] = MIGRATIONS, target = SCHEMA_VERSION): MigrationResult {
  const from = schemaVersionOf(doc);
  if (from > target) return { status: 'newer', from, to: target };
  const pending = migrations.filter((m) => m.to > from && m.to <= target).sort((a, b) => a.to - b.to);
  // Nothing loaded yet (no client has written anything): nothing to migrate, and no version to claim.
  if (pending.length === 0 || holdsNothing(doc)) return { status: 'current', from, to: from };
  write(doc, origin, () => {
    for (const m of pending) m.run(doc);
    metaOf(doc).set('schemaVersion', target);
  });
  return { status: 'migrated', from, to: target };
}
