import type { PayloadOf, ValidItem } from './entries.js';
import { authorityReason, basicReason, type Governance, type Judged } from './governance.js';
import { INCIDENT_ROLES } from './roles.js';

/**
 * Signed incident events: who declared an incident (and whether it is a drill), and each
 * severity change. A coordinator or an owner signs them. The first valid declaration fixes the
 * drill flag, so no later entry can turn a drill into a real incident or back.
 */

export type IncidentPayload = PayloadOf<'incident.declare'> | PayloadOf<'incident.severity'>;

export interface IncidentGovernance {
  incidentId: string;
  /** The declaration that counts. */
  declared?: Judged<PayloadOf<'incident.declare'>>;
  /** Drill flag from the declaration (undefined: not validly declared). */
  drill?: boolean;
  /** Severity in force: the declaration's, or the latest valid change. */
  severity?: number;
  /** Every entry about the incident, in replay order, with its standing. */
  entries: Judged<IncidentPayload>[];
}

/** Incident entries of every incident, judged (keyed by incident id). */
export function deriveIncidents(gov: Governance): Map<string, IncidentGovernance> {
  const out = new Map<string, IncidentGovernance>();
  for (const item of gov.ordered) {
    const pl = item.payload;
    if (pl.kind !== 'incident.declare' && pl.kind !== 'incident.severity') continue;
    let inc = out.get(pl.incidentId);
    if (!inc) out.set(pl.incidentId, (inc = { incidentId: pl.incidentId, entries: [] }));
    let reason = basicReason(gov, item) ?? authorityReason(gov, item as ValidItem, INCIDENT_ROLES);
    if (!reason && pl.kind === 'incident.declare' && inc.declared) reason = 'alreadyDeclared';
    if (!reason && pl.kind === 'incident.severity' && !inc.declared) reason = 'notDeclared';
    const j: Judged<IncidentPayload> = { item, payload: pl, valid: !reason, ...(reason ? { reason } : {}) };
    inc.entries.push(j);
    if (reason) continue;
    if (pl.kind === 'incident.declare') {
      inc.declared = j as Judged<PayloadOf<'incident.declare'>>;
      inc.drill = pl.drill;
    }
    inc.severity = pl.severity;
  }
  return out;
}

/** One incident's signed events. */
export function deriveIncident(gov: Governance, incidentId: string): IncidentGovernance {
  return deriveIncidents(gov).get(incidentId) ?? { incidentId, entries: [] };
}
