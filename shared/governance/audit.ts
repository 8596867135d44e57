import { toSafeCsv } from '../csvSafe.js';
import { APPROVER_ROLE, RELEASE_ROLE } from './roles.js';
import type { EntryKind, LogItem, MalformedReason, Payload, ValidItem } from './entries.js';
import { authorityReason, basicReason, type Governance } from './governance.js';
import { OVERRIDABLE_GATES } from './gates.js';
import { deriveIncidents } from './incidents.js';
import { offerReason, requestReason } from './admissions.js';
import { rekeyReason } from './roomKeys.js';
import { deriveCompartments, type Compartments } from './compartments.js';
import type { EntryReason } from './reasons.js';
import type { Verdict } from './verifier.js';

/**
 * The audit trail (稽核軌跡): every entry of the log with its signature check and whether it
 * counts, for display and CSV export. Approvals are judged here on signature and signer
 * authority only; whether one matches a statement's current text is for deriveApprovals.
 */

/** Entries dated more than this after `now` are flagged (a clock far ahead, or a forged date). */
export const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

export interface AuditRow {
  /** Position in the document's array. */
  index: number;
  at?: number;
  kind?: string;
  /** Signer's public key (claimed, for a malformed entry). */
  by?: string;
  /** Signer's name and key fingerprint, when in the roster. */
  signerName?: string;
  fingerprint?: string;
  /** Statement, incident or member the entry is about. */
  subject?: string;
  /** The statement or incident the entry is about, when any. */
  statementId?: string;
  incidentId?: string;
  /** Compact, language-neutral description of the payload (e.g. `role=legal hash=1a2b3c4d`). */
  detail: string;
  /** Signature check; `malformed` when the entry could not be read. */
  verdict: Verdict | 'malformed';
  /** Whether the entry counts. */
  counted: boolean;
  reason?: EntryReason | MalformedReason;
  /** Dated more than FUTURE_TOLERANCE_MS after now. */
  future: boolean;
  signature?: string;
}

export interface AuditFilter {
  kinds?: readonly EntryKind[];
  statementId?: string;
  incidentId?: string;
  /** Signer's public key. */
  by?: string;
  /** Inclusive time range (ms). */
  from?: number;
  to?: number;
  /** Only entries that do not count. */
  problemsOnly?: boolean;
}

function subjectOf(pl: Payload, gov: Governance): string {
  switch (pl.kind) {
    case 'roster.genesis':
    case 'roster.add':
      return pl.member.name;
    case 'roster.roles':
    case 'roster.remove':
      return gov.roster.byKey.get(pl.key)?.name ?? pl.key;
    case 'policy.set':
      return '';
    case 'approval':
    case 'override':
    case 'release':
      return pl.statementId;
    case 'incident.declare':
    case 'incident.severity':
      return pl.incidentId;
    case 'admission.offer':
      return pl.admissionId;
    case 'admission.request':
      return pl.member.name;
    case 'room.rekey':
      return pl.rekeyId;
    case 'compartment.create':
      return pl.name;
    case 'compartment.key':
      return pl.compartmentId;
  }
}

function detailOf(pl: Payload): string {
  switch (pl.kind) {
    case 'roster.genesis':
      return `key=${pl.member.key} unit=${pl.member.unit} roles=${pl.member.roles.join('|')}`;
    case 'roster.add':
      return `key=${pl.member.key} unit=${pl.member.unit} roles=${pl.member.roles.join('|')}${pl.admissionId ? ` admission=${pl.admissionId}` : ''}`;
    case 'roster.roles':
      return `key=${pl.key} roles=${pl.roles.join('|')}`;
    case 'roster.remove':
      return `key=${pl.key}`;
    case 'policy.set':
      return `separationOfDuties=${pl.policy.separationOfDuties} ${Object.entries(pl.policy.requiredRoles)
        .map(([k, r]) => `${k}=${r.join('|')}`)
        .join(' ')}`.trim();
    case 'approval':
      return `role=${pl.role} hash=${pl.hash.slice(0, 8)}`;
    case 'override':
      return `gate=${pl.gate} reason=${pl.reason}`;
    case 'release':
      return `hash=${pl.hash.slice(0, 8)}`;
    case 'incident.declare':
      return `severity=${pl.severity} drill=${pl.drill}`;
    case 'incident.severity':
      return `severity=${pl.severity}${pl.reason ? ` reason=${pl.reason}` : ''}`;
    case 'admission.offer':
      return `admission=${pl.admissionId} role=${pl.role} oneTime=${pl.oneTime}`;
    case 'admission.request':
      return `key=${pl.member.key} unit=${pl.member.unit}${pl.admissionId ? ` admission=${pl.admissionId}` : ''}`;
    case 'room.rekey':
      return `rekey=${pl.rekeyId} sealedTo=${pl.seals.length}`;
    case 'compartment.create':
      return `room=${pl.compartmentId}`;
    case 'compartment.key':
      return `room=${pl.compartmentId} key=${pl.keyId} sealedTo=${pl.seals.length}`;
  }
}

/** Why a well-formed entry does not count (undefined: it counts). */
function reasonOf(gov: Governance, item: ValidItem, rejected: Map<LogItem, EntryReason>, incidents: Map<LogItem, EntryReason | undefined>, rooms: Compartments): EntryReason | undefined {
  const pl = item.payload;
  switch (pl.kind) {
    case 'roster.genesis':
    case 'roster.add':
    case 'roster.roles':
    case 'roster.remove':
    case 'policy.set':
      return rejected.get(item);
    case 'approval':
      return basicReason(gov, item) ?? authorityReason(gov, item, [APPROVER_ROLE[pl.role]]);
    case 'override':
      return basicReason(gov, item) ?? (OVERRIDABLE_GATES.includes(pl.gate) ? authorityReason(gov, item, ['owner']) : 'notOverridable');
    case 'release':
      return basicReason(gov, item) ?? authorityReason(gov, item, [RELEASE_ROLE]);
    case 'incident.declare':
    case 'incident.severity':
      return incidents.get(item);
    case 'admission.offer':
      return offerReason(gov, item);
    case 'admission.request':
      return requestReason(gov, item);
    case 'room.rekey':
      return rekeyReason(gov, item);
    case 'compartment.create':
    case 'compartment.key':
      return rooms.rejected.get(item);
  }
}

/** Every entry, in replay order (duplicates after the entry they repeat, malformed last), filtered. */
export function auditTrail(gov: Governance, filter: AuditFilter = {}): AuditRow[] {
  const rejected = new Map<LogItem, EntryReason>();
  for (const r of [...gov.roster.rejected, ...gov.policy.rejected]) rejected.set(r.item, r.reason);
  const incidents = new Map<LogItem, EntryReason | undefined>();
  for (const inc of deriveIncidents(gov).values()) for (const e of inc.entries) incidents.set(e.item, e.reason);
  const dupOf = new Map<string, ValidItem[]>();
  for (const d of gov.duplicates) {
    const k = `${d.entry.s}.${d.entry.p}`;
    dupOf.set(k, [...(dupOf.get(k) ?? []), d]);
  }
  const rooms = deriveCompartments(gov);
  const future = (at: number | undefined): boolean => at !== undefined && at > gov.input.now + FUTURE_TOLERANCE_MS;

  const rows: AuditRow[] = [];
  const wellFormedRow = (item: ValidItem, reason: EntryReason | undefined): AuditRow => {
    const pl = item.payload;
    const signer = gov.roster.byKey.get(pl.by);
    return {
      index: item.index,
      at: pl.at,
      kind: pl.kind,
      by: pl.by,
      ...(signer ? { signerName: signer.name, fingerprint: signer.fingerprint.hex } : {}),
      subject: subjectOf(pl, gov),
      ...('statementId' in pl ? { statementId: pl.statementId } : {}),
      ...('incidentId' in pl ? { incidentId: pl.incidentId } : {}),
      detail: detailOf(pl),
      verdict: gov.input.verdict(item.entry),
      counted: reason === undefined,
      ...(reason ? { reason } : {}),
      future: future(pl.at),
      signature: item.entry.s,
    };
  };
  for (const item of gov.ordered) {
    rows.push(wellFormedRow(item, reasonOf(gov, item, rejected, incidents, rooms)));
    for (const d of dupOf.get(`${item.entry.s}.${item.entry.p}`) ?? []) rows.push(wellFormedRow(d, 'duplicate'));
  }
  for (const item of gov.malformed) {
    const h = item.hint ?? {};
    rows.push({
      index: item.index,
      ...(h.at !== undefined ? { at: h.at } : {}),
      ...(h.kind !== undefined ? { kind: h.kind } : {}),
      ...(h.by !== undefined ? { by: h.by } : {}),
      ...(h.statementId ?? h.incidentId ? { subject: h.statementId ?? h.incidentId } : {}),
      ...(h.statementId !== undefined ? { statementId: h.statementId } : {}),
      ...(h.incidentId !== undefined ? { incidentId: h.incidentId } : {}),
      detail: '',
      verdict: 'malformed',
      counted: false,
      reason: item.malformed ?? 'badPayload',
      future: future(h.at),
    });
  }
  return rows.filter((r) => matches(r, filter));
}

function matches(row: AuditRow, f: AuditFilter): boolean {
  if (f.kinds && !(row.kind && (f.kinds as readonly string[]).includes(row.kind))) return false;
  if (f.statementId !== undefined && row.statementId !== f.statementId) return false;
  if (f.incidentId !== undefined && row.incidentId !== f.incidentId) return false;
  if (f.by !== undefined && row.by !== f.by) return false;
  if (f.from !== undefined && (row.at === undefined || row.at < f.from)) return false;
  if (f.to !== undefined && (row.at === undefined || row.at > f.to)) return false;
  if (f.problemsOnly && row.counted) return false;
  return true;
}

export const AUDIT_CSV_COLUMNS = ['time_utc', 'at_ms', 'kind', 'signer', 'fingerprint', 'signer_key', 'subject', 'detail', 'signature_check', 'counted', 'reason', 'future', 'signature'] as const;

const MAX_DATE_MS = 8.64e15;

/**
 * The audit trail as CSV: UTF-8 with a BOM (spreadsheet apps then read Chinese names
 * correctly), CRLF line ends, every field quoted and every cell that a spreadsheet could run as
 * a formula escaped (`../csvSafe.ts`, OWASP), since names and reasons come from peers.
 */
export function auditCsv(rows: readonly AuditRow[]): string {
  const table: string[][] = [[...AUDIT_CSV_COLUMNS]];
  for (const r of rows) {
    table.push([
      r.at !== undefined && r.at <= MAX_DATE_MS ? new Date(r.at).toISOString() : '',
      r.at !== undefined ? String(r.at) : '',
      r.kind ?? '',
      r.signerName ?? '',
      r.fingerprint ?? '',
      r.by ?? '',
      r.subject ?? '',
      r.detail,
      r.verdict,
      r.counted ? 'yes' : 'no',
      r.reason ?? '',
      r.future ? 'yes' : '',
      r.signature ?? '',
    ]);
  }
  return toSafeCsv(table);
}
