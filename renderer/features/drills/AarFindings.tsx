import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { YRecord } from '../../../shared/doc/collection';
import type { Finding } from '../../../shared/drills/aarFindings';
import { acceptAsLesson } from '../../../shared/drills/aarNotes';
import { acceptFinding, editFromDecision, rejectFinding, type ProposedEdit } from '../../../shared/drills/findings';
import { decideFinding, type FindingDecisionRecord } from '../../../shared/drills/run';
import { formatNumber } from '../../i18n/format';
import { useSession } from '../../session/sessionStore';
import { useToasts } from '../../ui/toasts';
import { findingText, type Translate } from './aarFindingText';

type Row = { id: string; what: string; proposal: string; editLine: string; kind: string; hasEdit: boolean; finding: Finding | null; edit: ProposedEdit | null };

/**
 * The review's findings: each says what happened and proposes what fits its cause. Accepting one
 * with a playbook edit applies it (origin 'user'); accepting one without records it as a lesson
 * learned. Decided findings stay listed with their decision.
 */
export function AarFindings({ doc, rec, findings, decisions, unitName }: { doc: Y.Doc; rec: YRecord; findings: Finding[]; decisions: Map<string, FindingDecisionRecord>; unitName: (id: string) => string }) {
  const { t, i18n } = useTranslation('drills');
  const tr = t as unknown as Translate;
  const userName = useSession((s) => s.userName);
  const show = useToasts((s) => s.show);
  const editLine = (e: ProposedEdit | null) => (e === null ? t('review.asLesson') : e.field === 'targetMinutes' ? t('aar.edit.targetMinutes', { from: e.from, to: e.to }) : t('aar.edit.checklist', { to: e.to }));
  const rows: Row[] = findings.map((f) => ({ id: f.id, kind: f.kind, ...findingText(tr, f, unitName, i18n.language), editLine: editLine(f.edit), hasEdit: f.edit !== null, finding: f, edit: f.edit }));
  // Findings decided earlier that the review no longer derives (e.g. after a playbook change): shown from the stored proposal.
  const ids = new Set(rows.map((r) => r.id));
  for (const [id, d] of decisions) {
    if (ids.has(id) || !d.edit) continue;
    const e = editFromDecision(id, d.edit);
    const r = e.rationale;
    const what = t(`aar.rationale.${r.code === 'unansweredWatchChannel' || r.code === 'lateInjectPrepareReply' ? 'missedAddBackup' : r.code}`, { step: e.stepTitle, target: formatNumber(i18n.language, r.targetMinutes, 1), late: formatNumber(i18n.language, r.lateByMinutes, 1), to: e.to, count: r.evidence });
    rows.push({ id, kind: 'decided', what, proposal: '', editLine: editLine(e), hasEdit: true, finding: null, edit: e });
  }
  const decide = (row: Row, accept: boolean) => {
    const now = Date.now();
    try {
      if (row.edit && accept) acceptFinding(doc, rec, row.edit, userName, now, 'user');
      else if (row.edit) rejectFinding(rec, row.edit, userName, now, 'user');
      else if (accept) acceptAsLesson(rec, row.id, `${row.what} ${row.proposal}`, userName, now, 'user');
      else decideFinding(rec, row.id, 'rejected', userName, now, 'user');
    } catch (err) {
      show({ text: (err as Error).message, ttl: 8000 });
    }
  };
  if (rows.length === 0) return <p className="muted">{t('aar.noFindings')}</p>;
  return (
    <ul className="finding-list" data-testid="findings">
      {rows.map((row) => {
        const decision = decisions.get(row.id);
        return (
          <li key={row.id} className="finding" data-testid="finding" data-finding-id={row.id} data-kind={row.kind} data-decision={decision?.decision ?? ''}>
            <p data-testid="finding-what">{row.what}</p>
            {row.proposal && <p data-testid="finding-proposal">{row.proposal}</p>}
            {/* A decided finding shows the edit as it was decided (the playbook may have changed since). */}
            <p className="small muted">{decision?.edit ? editLine(editFromDecision(row.id, decision.edit)) : row.editLine}</p>
            {decision ? (
              <span className={`badge ${decision.decision === 'accepted' ? 'badge-ok' : ''}`}>
                {t(`aar.${decision.decision}`)} · {t('aar.decidedBy', { by: decision.by })}
              </span>
            ) : (
              <span className="row no-print">
                <button type="button" className="primary" data-testid="finding-accept" onClick={() => decide(row, true)}>
                  {row.hasEdit ? t('aar.accept') : t('review.acceptLesson')}
                </button>
                <button type="button" data-testid="finding-reject" onClick={() => decide(row, false)}>
                  {t('aar.reject')}
                </button>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
