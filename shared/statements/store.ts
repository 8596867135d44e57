import * as Y from 'yjs';
import { writeSet } from '../doc/sets.js';
import { addRecord, childrenOf, listRecords, newId, type YCollection, type YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { collectionOf } from '../doc/workspaceDoc.js';
import type { Language } from '../languages.js';
import { plainTextToJson, replaceBody, type BodyNode } from './body.js';
import { CHANNEL_KEYS } from './channels.js';
import { DEFAULT_REQUIRED_ROLES, parseRequiredRoles, StatementRecord, type ReviewerRole, type StatementFields, type StatementKind } from './types.js';

/**
 * Reading and creating statement records in the workspace document. Nested collections
 * (approvals, releases, versions, comments, facts) and the body are created together with the
 * record, in one transaction: a collection created lazily by two peers at once would leave one
 * peer's entries in a map the other peer's replaces.
 */
export const NESTED = ['approvals', 'releases', 'versions', 'comments', 'facts'] as const;
export type NestedCollection = (typeof NESTED)[number];

export function statementsOf(doc: Y.Doc): YCollection {
  return collectionOf(doc, 'statements');
}

export function getStatement(doc: Y.Doc, id: string): YRecord | undefined {
  return statementsOf(doc).get(id);
}

/** Statement records in display order. */
export function listStatements(doc: Y.Doc): YRecord[] {
  return listRecords(statementsOf(doc));
}

/** The body fragment of a statement record (undefined only for a damaged record). */
export function bodyOf(rec: YRecord): Y.XmlFragment | undefined {
  const body = rec.get('body');
  return body instanceof Y.XmlFragment ? body : undefined;
}

/** The body fragment, or a clear error when the record has none. */
export function requireBody(rec: YRecord): Y.XmlFragment {
  const body = bodyOf(rec);
  if (!body) throw new Error('This statement has no text body (the record is damaged)');
  return body;
}

/** A nested collection of a statement (created with the record). */
export function nestedOf(rec: YRecord, key: NestedCollection): YCollection {
  // The version history lives in the statement's part (doc/parts.ts) for statements made since schema 5.
  const c = childrenOf(rec, key);
  if (c) return c;
  // Records made before a collection existed: create it (a rare, single-writer repair).
  const doc = rec.doc;
  if (!doc) throw new Error('This statement is not part of a workspace document');
  return write(doc, 'system', () => {
    const created = new Y.Map<YRecord>();
    rec.set(key, created);
    return created;
  });
}

/** Channels in the order the app lists them (a set has none of its own). */
function channelOrder<T extends string>(channels: readonly T[]): T[] {
  const rank = (c: string) => (CHANNEL_KEYS as readonly string[]).indexOf(c);
  return [...channels].sort((a, b) => rank(a) - rank(b));
}

/** Typed, defaulted fields of a statement record (tolerates damaged or older records). */
export function readStatement(rec: YRecord): StatementFields {
  const fields = StatementRecord.read(rec);
  fields.channels = channelOrder(fields.channels);
  fields.requiredRoles = parseRequiredRoles(fields.requiredRoles, fields.kind);
  return fields;
}

/**
 * Key prefix of statements written in a drill. Like a drill incident's (incidents.ts), the
 * prefix is fixed when the statement is created and no write can change it, so a drill
 * statement can never be passed off as a real one by editing its fields.
 */
export const DRILL_STATEMENT_PREFIX = 'drill-';

/** What a new statement starts with. */
export interface NewStatement {
  title: string;
  kind: StatementKind;
  language: Language;
  /** Display name of the author. */
  by: string;
  /** Public key of the author (their device key): recorded as creator and as the last editor. */
  byKey?: string;
  /** Written in a drill: the statement is marked as such for good (see DRILL_STATEMENT_PREFIX). */
  drill?: boolean;
  /** Channel keys (channels.ts); an unknown key is refused. */
  channels?: readonly string[];
  ownerUnitId?: string;
  crisisTypeId?: string;
  incidentId?: string;
  requiredRoles?: ReviewerRole[];
  templateId?: string;
  supersedesId?: string;
  /** Initial text: plain text (one paragraph per line) or body JSON. */
  body?: string | BodyNode;
  at?: number;
}

/** Creates a statement (record, body and nested collections in one transaction). Returns its id. */
export function createStatement(doc: Y.Doc, init: NewStatement, origin: Origin): string {
  const title = init.title.trim();
  if (!title) throw new Error('A statement needs a title');
  const at = init.at ?? Date.now();
  const fields = StatementRecord.init({
    id: init.drill ? DRILL_STATEMENT_PREFIX + newId() : newId(),
    title,
    kind: init.kind,
    language: init.language,
    channels: (init.channels ?? []) as StatementFields['channels'],
    ownerUnitId: init.ownerUnitId ?? '',
    crisisTypeId: init.crisisTypeId ?? '',
    incidentId: init.incidentId ?? '',
    stage: 'draft',
    requiredRoles: init.requiredRoles?.length ? init.requiredRoles : [...DEFAULT_REQUIRED_ROLES[init.kind]],
    templateId: init.templateId ?? '',
    supersedesId: init.supersedesId ?? '',
    supersededById: '',
    drill: init.drill === true,
    createdAt: at,
    createdBy: init.by,
    createdByKey: init.byKey ?? '',
    lastEditorKey: init.byKey ?? '',
  });
  const { channels, requiredRoles, drill, ...primitives } = fields;
  return write(doc, origin, () => {
    const coll = statementsOf(doc);
    // Only what holds something is stored (no incident, template, key… reads the same absent).
    const id = addRecord(coll, { ...StatementRecord.stored(primitives), ...(drill ? { drill } : {}), approvals: [], releases: [], versions: [], comments: [], facts: [] }, origin, 0);
    const rec = coll.get(id)!;
    writeSet(rec, 'channels', channels);
    writeSet(rec, 'requiredRoles', requiredRoles);
    const body = new Y.XmlFragment();
    rec.set('body', body);
    if (init.body !== undefined) replaceBody(body, typeof init.body === 'string' ? plainTextToJson(init.body) : init.body);
    return id;
  });
}
