import { useEffect, useMemo, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { useY, useYVersion, type AnyYType } from '../../hooks/useY';
import type { YRecord } from '../../../shared/doc/collection';
import type { Governance } from '../../../shared/governance';
import { deriveGate, requiredRolesOf, type GateState } from '../../../shared/statements/approval';
import type { AnchoredComment } from '../../../shared/statements/comments';
import { isDrillStatement } from '../../../shared/statements/drill';
import { flagsFrom } from '../../../shared/statements/gateFlags';
import { readStatement, statementsOf } from '../../../shared/statements/store';
import type { StatementFields } from '../../../shared/statements/types';
import { BodyAnalyzer, type AnalysisSnapshot, type BodyAnalysis } from './analysis';

export type { BodyAnalysis } from './analysis';

/**
 * Subscriptions for the statement studio. The body is never observed by React directly: the
 * analyzer notes each edit and runs the checks (hash, lint, facts, counts) once typing pauses.
 * Until it has caught up, the gate cannot show "approved" — a stale hash is never trusted.
 */

export type { AnyYType } from '../../hooks/useY';

/** A set field's Y.Map (schema 2), or null while it is still a string (schema 1) or missing. */
function setOf(rec: YRecord, key: string): AnyYType | null {
  const v = rec.get(key);
  return v instanceof Y.Map ? v : null;
}

/** A statement record by id (undefined when it does not exist or was removed). */
export function useStatementRecord(doc: Y.Doc, id: string): YRecord | undefined {
  const coll = statementsOf(doc);
  return useY(coll, (c) => c.get(id), 'shallow');
}

/** The statement's primitive fields. */
export function useStatementFields(rec: YRecord): StatementFields {
  // Its own keys, and the sets it holds (channels, required roles: Y.Maps since schema 2) — never
  // the body, so typing does not re-render what shows the fields.
  const own = useYVersion(rec, 'shallow');
  const channels = useYVersion(setOf(rec, 'channels'));
  const roles = useYVersion(setOf(rec, 'requiredRoles'));
  return useMemo(() => {
    void own;
    void channels;
    void roles;
    return readStatement(rec);
  }, [rec, own, channels, roles]);
}

/** Re-renders on any change inside a nested collection (approvals, comments, …) or root. */
export const useDeepVersion = (type: AnyYType | null | undefined): number => useYVersion(type, 'deep');

/**
 * Body analysis that follows edits (see BodyAnalyzer): the latest analysis and whether the body
 * changed since. Re-renders only when it turns stale and when a new analysis arrives.
 */
export function useBodyAnalysis(doc: Y.Doc, rec: YRecord, fields: StatementFields): AnalysisSnapshot {
  const analyzer = useMemo(() => new BodyAnalyzer(doc, rec), [doc, rec]);
  useEffect(() => analyzer.start(), [analyzer]);
  const channels = fields.channels.join(',');
  useEffect(() => analyzer.setInputs(fields.language, channels, fields.incidentId), [analyzer, fields.language, channels, fields.incidentId]);
  return useSyncExternalStore(analyzer.subscribe, analyzer.getSnapshot, analyzer.getSnapshot);
}

/** The gate to show: never "approved" while the analysed hash may be behind the text. */
export function shownGate(derived: GateState, stale: boolean): GateState & { checking: boolean } {
  return stale && derived.status === 'approved' ? { ...derived, status: 'in_review', checking: true } : { ...derived, checking: stale };
}

/** What decides whether the shown gate changed (cheap to compare, unlike the derived objects). */
function gateSignature(g: GateState & { checking: boolean }): string {
  const a = (x: { item: { index: number }; reason?: string } | undefined) => (x ? `${x.item.index}:${x.reason ?? 'ok'}` : '-');
  return [
    g.status,
    g.stage,
    g.hash,
    g.checking,
    g.pending,
    g.governed,
    g.drill,
    g.requiredRoles.join(','),
    g.policyRoles.join(','),
    g.roles.map((r) => `${r.role}=${a(r.approval)}`).join(','),
    g.approvals.map(a).join(','),
    g.legacy.length,
    g.gates ? g.gates.gates.map((x) => `${x.gate}:${x.count}:${x.override ? x.override.item.index : '-'}`).join(',') : 'no-gates',
    g.overrides.map(a).join(','),
    g.release?.id ?? '',
    g.releaseCheck ?? '',
    g.changedSinceRelease,
  ].join('|');
}

/**
 * The gate as shown: derived from the workspace's signed log with the analysed hash and the
 * release-gate flags of the analysed text, and never "approved" while the analysis lags behind
 * the text (then `checking` is true).
 */
export function useGate(rec: YRecord, analysis: BodyAnalysis | null, stale: boolean, gov: Governance | null, comments: readonly AnchoredComment[]): GateState & { checking: boolean } {
  const approvalsVersion = useDeepVersion(rec.get('approvals') as AnyYType | undefined);
  const releasesVersion = useDeepVersion(rec.get('releases') as AnyYType | undefined);
  const fieldsVersion = useY(rec, () => `${rec.get('stage')}|${rec.get('lastEditorKey')}|${rec.get('incidentId')}|${rec.get('drill')}`, 'shallow');
  const rolesVersion = useYVersion(setOf(rec, 'requiredRoles'));
  const rolesField = useY(rec, () => rec.get('requiredRoles'), 'shallow');
  void approvalsVersion;
  void releasesVersion;
  void fieldsVersion;
  void rolesVersion;
  void rolesField;
  const drill = isDrillStatement(rec.doc, rec, gov);
  const flags = analysis ? flagsFrom(analysis, comments, requiredRolesOf(rec, gov), gov, drill) : null;
  const gate = shownGate(deriveGate(rec, { gov, hash: analysis?.hash ?? '', flags, drill }), stale);
  // The same gate keeps the same object, so memoized panels skip re-rendering while typing.
  const signature = gateSignature(gate);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the value's signature
  return useMemo(() => gate, [signature]);
}

/** The derived gate of a statement outside the studio (list, print, incident room). */
export function gateOf(rec: YRecord, gov: Governance | null): GateState {
  return deriveGate(rec, { gov });
}
