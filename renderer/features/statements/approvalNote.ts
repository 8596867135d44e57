import type * as Y from 'yjs';
import { incidentsOf, readIncident, recordStatementApproval } from '../../../shared/incidents/incidents';
import { incidentNowFor } from '../../exerciseClock/useExerciseClock';

/**
 * The approver's laptop notes its approval in the linked incident's log at once (on the incident's
 * clock: exercise time in a drill), when its own approval completed the sign-off. Other laptops
 * note it when they see it verified (features/incidents useApprovalNotes); the entry id is per
 * statement and text, so the log holds it once.
 */
export function noteApprovalInIncident(wsDoc: Y.Doc, statement: { id: string; title: string; incidentId: string }, hash: string, by: string, text: string): boolean {
  if (!statement.incidentId) return false;
  const rec = incidentsOf(wsDoc).get(statement.incidentId);
  if (!rec) return false;
  const incident = readIncident(rec);
  if (incident.state === 'closed') return false;
  return recordStatementApproval(rec, statement.id, hash, incidentNowFor(rec, incident.drill), by, text, 'system', statement.title);
}
