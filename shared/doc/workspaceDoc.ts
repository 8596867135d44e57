import * as Y from 'yjs';
import type { YCollection } from './collection.js';

/**
 * The layout of a workspace's Y.Doc (a record's part, ./parts.ts, is a document of its own stored
 * inside its record). Every collection is a root-level named type, so two
 * peers that each touch a collection for the first time never create competing nested maps.
 * Features add their own roots here (one line each) and never nest a shared root inside another.
 */
export const ROOTS = {
  meta: 'meta',
  severities: 'playbook.severities',
  crisisTypes: 'playbook.crisisTypes',
  signals: 'playbook.signals',
  principles: 'playbook.principles',
  units: 'roles.units',
  raci: 'roles.raci',
  members: 'roles.members',
  statements: 'statements',
  statementPhrases: 'statements.phrases',
  incidents: 'incidents',
  scenarios: 'drills.scenarios',
  /** Restricted rooms' documents only: incident notes kept among the room's members (shared/rooms/notes.ts). */
  roomNotes: 'rooms.notes',
  /** Incident attachments (files), in the workspace's or a restricted room's document (shared/attachments). */
  attachments: 'attachments',
} as const;
export type RootName = keyof typeof ROOTS;

/** Workspace-wide settings that travel with the document. */
export interface WorkspaceMeta {
  /** Language the workspace's content was seeded in. */
  contentLanguage?: string;
  /** Schema version of the document layout, for migrations. */
  schemaVersion?: number;
  createdAt?: number;
}

export const SCHEMA_VERSION = 5;

export function metaOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOTS.meta);
}

export function collectionOf(doc: Y.Doc, root: Exclude<RootName, 'meta'>): YCollection {
  return doc.getMap(ROOTS[root]) as YCollection;
}

/** The playbook's four top-level collections. */
export function playbookOf(doc: Y.Doc) {
  return {
    severities: collectionOf(doc, 'severities'),
    crisisTypes: collectionOf(doc, 'crisisTypes'),
    signals: collectionOf(doc, 'signals'),
    principles: collectionOf(doc, 'principles'),
  };
}
