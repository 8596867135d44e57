import type * as Y from 'yjs';
import { addRecord, childCollection, readChildren, removeRecord, type YCollection, type YRecord } from '../doc/collection.js';
import type { Origin } from '../doc/origins.js';
import { collectionOf } from '../doc/workspaceDoc.js';
import { nestedOf, readStatement } from './store.js';
import { factInputSchema, factKindSchema, type Fact, type FactInput } from './types.js';

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

/** Reads facts from a record's `facts` collection (skips malformed ones). */
export function readFacts(owner: YRecord): Fact[] {
  return readChildren(owner, 'facts').flatMap((r): Fact[] => {
    const kind = factKindSchema.safeParse(r.get('kind'));
    const label = r.get('label');
    const value = r.get('value');
    if (!kind.success || typeof label !== 'string' || typeof value !== 'string') return [];
    const keywords = r.get('keywords');
    return [{ id: String(r.get('id')), label, value, kind: kind.data, ...(typeof keywords === 'string' && keywords ? { keywords } : {}) }];
  });
}

/** The facts a statement is checked against. */
export function factsFor(doc: Y.Doc, statement: YRecord): Fact[] {
  const incident = incidentOf(doc, statement);
  return readFacts(incident ?? statement);
}

/** Validates and adds a fact; throws a readable error for bad input. Returns its id. */
export function addFact(doc: Y.Doc, statement: YRecord, input: FactInput, origin: Origin = 'user'): string {
  const parsed = factInputSchema.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  return addRecord(factsCollectionFor(doc, statement, origin), { ...parsed.data, keywords: parsed.data.keywords ?? '' }, origin);
}

export function removeFact(doc: Y.Doc, statement: YRecord, factId: string, origin: Origin = 'user'): void {
  removeRecord(factsCollectionFor(doc, statement, origin), factId, origin);
}
