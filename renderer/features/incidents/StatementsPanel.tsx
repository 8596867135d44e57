import { useEffect, useMemo, useRef, useState } from 'react';
import type { Governance } from '../../../shared/governance';
import { useIdentity } from '../../identity/identity';
import { useGovernance } from '../../identity/useGovernance';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { YRecord } from '../../../shared/doc/collection';
import { draftHoldingStatement } from '../../../shared/incidents/holdingDraft';
import { recordStatementApproval } from '../../../shared/incidents/incidents';
import type { Incident } from '../../../shared/incidents/types';
import { isLanguage, type Language } from '../../../shared/languages';
import { deriveGate } from '../../../shared/statements/approval';
import type { DisplayedStatus } from '../../../shared/statements/types';
import { listStatements, readStatement, statementsOf } from '../../../shared/statements/store';
import { navigate, workspacePath } from '../../app/router';
import { useYSnapshot } from '../../hooks/useY';
import { useSession } from '../../session/sessionStore';
import { useToasts } from '../../ui/toasts';
import { exerciseTimeAt, incidentNowFor } from '../../exerciseClock/useExerciseClock';
import { useCompanyProfile } from './hooks';
import { companyNameFor, readCompany } from '../../../shared/company/profile';

interface LinkedStatement {
  id: string;
  title: string;
  status: DisplayedStatus;
  /** The latest approval valid for the current text (approved or released). */
  approval: { by: string; at: number; hash: string } | null;
}

/**
 * Statements of an incident with their displayed status and latest verified approval (signed
 * sign-off: only approvals that count under the workspace's roster, see shared/statements/approval.ts).
 */
export function linkedStatements(doc: Y.Doc, incident: Incident, gov: Governance | null): LinkedStatement[] {
  const ids = new Set(incident.statementIds);
  return listStatements(doc).flatMap((rec): LinkedStatement[] => {
    const fields = readStatement(rec);
    if (fields.incidentId !== incident.id && !ids.has(fields.id)) return [];
    const gate = deriveGate(rec, { gov });
    const valid = gate.roles
      .flatMap((r) => (r.approval?.payload ? [{ by: r.approval.signer?.name ?? '', at: r.approval.payload.at, hash: r.approval.payload.hash }] : []))
      .sort((a, b) => b.at - a.at)[0];
    const approved = gate.status === 'approved' || gate.status === 'released';
    return [{ id: fields.id, title: fields.title, status: gate.status, approval: approved && valid ? valid : null }];
  });
}

/** The incident's statements, kept current with the statements and the signed log. */
export function useLinkedStatements(doc: Y.Doc, incident: Incident | null): LinkedStatement[] {
  const gov = useGovernance();
  // A fresh object on every change of any statement (useYSnapshot's contract), to key the memo.
  const version = useYSnapshot(statementsOf(doc), () => ({}));
  return useMemo(() => {
    void version;
    return incident ? linkedStatements(doc, incident, gov) : [];
  }, [doc, incident, gov, version]);
}

/**
 * Notes approvals of linked statements in the incident log (for the review's "time to an approved
 * statement"). A real incident uses the approval's own time. A drill runs on exercise time, which
 * only the laptops watching can tell: the approval is noted when this room sees it happen (several
 * laptops noting it write the same entry id, so it appears once).
 */
export function useApprovalNotes(rec: YRecord | null, incident: Incident | null, statements: LinkedStatement[]): void {
  const { t } = useTranslation('incidents');
  // Per statement: whether its approval was already known (verified) at the last look.
  const seen = useRef<Map<string, boolean> | null>(null);
  useEffect(() => {
    const before = seen.current;
    if (!rec || !incident) {
      seen.current = null;
      return;
    }
    for (const s of statements) {
      if (!s.approval || incident.state === 'closed') continue;
      const text = t('statements.approvedNote', { title: s.title });
      if (!incident.drill) {
        recordStatementApproval(rec, s.id, s.approval.hash, s.approval.at, s.approval.by, text, 'system', s.title);
        continue;
      }
      // The approval appeared since the last look (its status may read 'approved' a moment before
      // the signature is verified: what counts is the verified approval).
      const sawItHappen = before !== null && before.get(s.id) !== true;
      if (sawItHappen) recordStatementApproval(rec, s.id, s.approval.hash, incidentNowFor(rec, true), s.approval.by, text, 'system', s.title);
      else if (before === null) {
        // Approved while this view was not watching (another screen, another laptop): note it at
        // the exercise time it was signed, once (the entry id is per statement and text), unless
        // it was approved before the drill began.
        const at = exerciseTimeAt(rec, s.approval.at);
        if (at >= incident.t0) recordStatementApproval(rec, s.id, s.approval.hash, at, s.approval.by, text, 'system', s.title);
      }
    }
    seen.current = new Map(statements.map((s) => [s.id, s.approval !== null]));
  }, [rec, incident, statements, t]);
}

/** Statements linked to the incident, and the one-click holding statement from the template. */
export function StatementsPanel({ doc, rec, incident, workspaceId, crisisTypeKey }: { doc: Y.Doc; rec: YRecord; incident: Incident; workspaceId: string; crisisTypeKey: string }) {
  const { t } = useTranslation('incidents');
  const userName = useSession((s) => s.userName);
  const profileName = useIdentity((s) => s.profile?.name ?? '');
  const myKey = useIdentity((s) => s.keys?.publicKey ?? '');
  const uiLanguage = useSession((s) => s.language);
  const profile = useCompanyProfile(doc);
  const show = useToasts((s) => s.show);
  const [busy, setBusy] = useState(false);
  // Statements name their incident (incidentId); the snapshot follows every statement change.
  const linked = useLinkedStatements(doc, incident);
  useApprovalNotes(rec, incident, linked);

  const draft = () => {
    setBusy(true);
    try {
      const language: Language = isLanguage(profile.contentLanguage) ? profile.contentLanguage : uiLanguage;
      const { statementId, missing } = draftHoldingStatement(
        doc,
        rec,
        { language, crisisTypeKey, companyName: companyNameFor(readCompany(doc), language), contact: profile.contact, by: profileName || userName, ...(myKey ? { byKey: myKey } : {}), now: Date.now() },
        'user',
      );
      show({ text: missing.length ? `${t('statements.drafted')} · ${t('statements.missing', { fields: missing.join(', ') })}` : t('statements.drafted'), ttl: 6000 });
      navigate(workspacePath(workspaceId, 'statements', statementId));
    } catch (err) {
      show({ text: t('errors.generic', { message: (err as Error).message }), ttl: 8000 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel statements-panel" aria-labelledby="statements-title">
      <h2 id="statements-title">{t('statements.title')}</h2>
      {incident.state === 'active' && (
        <button type="button" className="primary" onClick={draft} disabled={busy} data-testid="draft-holding">
          {t('statements.draftHolding')}
        </button>
      )}
      {linked.length === 0 ? (
        <p className="muted">{t('statements.empty')}</p>
      ) : (
        <ul className="statement-list">
          {linked.map((s) => (
            <li key={s.id} className="row" data-testid="linked-statement" data-status={s.status} data-approval={s.approval ? 'verified' : 'none'}>
              {incident.drill && <span className="badge drill">{t('badge.drill')}</span>}
              <a href={workspacePath(workspaceId, 'statements', s.id)}>{s.title}</a>
              <span className={`badge status-${s.status}`}>{t(`statements.status.${s.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
