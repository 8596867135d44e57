import type * as Y from 'yjs';
import { addRecord, childCollection, newId, readChildren, removeRecord, type YCollection, type YRecord } from '../doc/collection.js';
import type { Origin } from '../doc/origins.js';
import { collectionOf } from '../doc/workspaceDoc.js';
import { nestedOf, readStatement } from './store.js';
import { FACT_KINDS, FactRecord, type Fact, type FactInput } from './types.js';

/**
 * Where a statement's key facts live: the facts sheet of its incident (field `facts` of the
 * incident record, shared by every statement about that incident), or its own sheet when it
 * belongs to no incident.
 */

/** The incident record a statement belongs to, if it exists. */
export function incidentOf(doc: Y.Doc, statement: YRecord): YRecord | undefined {
  const id = readStatement(statement).incidentId;
  return id ? collectionOf(doc, 'incidents').get(id) : undefined;
}

/** The facts collection a statement checks against (and where the facts panel adds facts). */
export function factsCollectionFor(doc: Y.Doc, statement: YRecord, origin: Origin = 'system'): YCollection {
  const incident = incidentOf(doc, statement);
  return incident ? childCollection(incident, 'facts', origin) : nestedOf(statement, 'facts');
}

/**
 * Reads facts from a record's `facts` collection. A fact without a known kind, a label or a value
 * (a peer's half-written or foreign record) is left out rather than read with defaults: the
 * statement's text is checked against these.
 */
export function readFacts(owner: YRecord): Fact[] {
  return readChildren(owner, 'facts').flatMap((r): Fact[] => {
    if (!(FACT_KINDS as readonly unknown[]).includes(r.get('kind')) || typeof r.get('label') !== 'string' || typeof r.get('value') !== 'string') return [];
    const { keywords, ...fact } = FactRecord.read(r);
    return [{ ...fact, ...(keywords ? { keywords } : {}) }];
  });
}

/** The facts a statement is checked against. */
export function factsFor(doc: Y.Doc, statement: YRecord): Fact[] {
  const incident = incidentOf(doc, statement);
  return readFacts(incident ?? statement);
}

/**
 * Validates and adds a fact; throws a readable error for bad input (an empty label or value, or
 * RecordFieldError naming the field FactRecord refuses; nothing is written then). Returns its id.
 */
export function addFact(doc: Y.Doc, statement: YRecord, input: FactInput, origin: Origin = 'user'): string {
  const label = input.label.trim();
  const value = input.value.trim();
  if (!label) throw new Error('A fact needs a label');
  if (!value) throw new Error('A fact needs a value');
  const fact = FactRecord.init({ id: newId(), label, value, kind: input.kind, keywords: input.keywords ?? '' });
  return addRecord(factsCollectionFor(doc, statement, origin), fact, origin);
}

export function removeFact(doc: Y.Doc, statement: YRecord, factId: string, origin: Origin = 'user'): void {
  removeRecord(factsCollectionFor(doc, statement, origin), factId, origin);
}
