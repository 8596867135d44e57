import type * as Y from 'yjs';
import type { YRecord } from '../doc/collection.js';
import { collectionOf } from '../doc/workspaceDoc.js';
import type { Governance } from '../governance/governance.js';
import { deriveIncident } from '../governance/incidents.js';
import { DRILL_PREFIX, REAL_PREFIX, isDrillKey } from '../incidents/incidents.js';
import { DRILL_STATEMENT_PREFIX } from './store.js';
import { recordId } from '../doc/collection.js';

/**
 * Whether a statement belongs to a drill (演練). A drill statement is marked as such on screen
 * and on every printed page, and can never be released as real (the `drill` release gate, which
 * no override lifts). It is a drill when any of these says so — none can be undone by a write:
 * its key was made with the drill prefix (statements written in a drill), the sticky `drill`
 * field, or the incident it names is a drill (by the incident's key, or by the incident's signed
 * declaration for an incident key without a known prefix).
 */
export function isDrillStatement(doc: Y.Doc | null, rec: YRecord, gov?: Governance | null): boolean {
  const id = recordId(rec);
  if (typeof id === 'string' && id.startsWith(DRILL_STATEMENT_PREFIX)) return true;
  if (rec.get('drill') === true) return true;
  const incidentId = rec.get('incidentId');
  if (typeof incidentId !== 'string' || !incidentId) return false;
  if (incidentId.startsWith(DRILL_PREFIX)) return true;
  if (incidentId.startsWith(REAL_PREFIX)) return false;
  const stored = doc ? collectionOf(doc, 'incidents').get(incidentId)?.get('drill') : undefined;
  if (isDrillKey(incidentId, stored)) return true;
  return gov ? deriveIncident(gov, incidentId).drill === true : false;
}
