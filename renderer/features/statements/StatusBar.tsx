import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { navigate, workspacePath } from '../../app/router';
import { useSession } from '../../session/sessionStore';
import type { YRecord } from '../../../shared/doc/collection';
import type { GateState } from '../../../shared/statements/approval';
import { addVersion } from '../../../shared/statements/history';
import type { StatementFields } from '../../../shared/statements/types';
import { release, returnToDraft, startRevision, submitForReview } from '../../../shared/statements/workflow';
import { runAction } from './actions';
import { ApprovalLine, approvalReason } from './ApprovalPanel';
import { Dialog } from './Dialog';
import { formatDateTime } from './format';
import { printPath } from './PrintView';
import { runSigned, useSigner } from './signoff';

/** Why the release button is not available, or null when it is. */
function releaseBlock(gate: GateState & { checking: boolean }, spokesperson: boolean): string | null {
  if (gate.drill) return 'actions.releaseDrill';
  if (gate.status !== 'approved') return 'actions.releaseNeedsApproval';
  if ((gate.gates?.blocksRelease.length ?? 0) > 0) return 'actions.releaseGates';
  if (!spokesperson) return 'actions.releaseNeedsSpokesperson';
  return null;
}

/** The derived status, what voided it, and the next workflow steps (release after confirming, signed). */
export const StatusBar = memo(function StatusBar({ doc, wsId, rec, fields, gate }: { doc: Y.Doc; wsId: string; rec: YRecord; fields: StatementFields; gate: GateState & { checking: boolean } }) {
  const { t } = useTranslation('statements');
  const userName = useSession((s) => s.userName);
  const language = useSession((s) => s.language);
  const signer = useSigner();
  const by = signer.name || userName || t('someone');
  const role = (r: string) => t(`role.${r}`);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const blocked = releaseBlock(gate, signer.isSpokesperson);

  /** Releases (signed); with `thenPrint`, opens the print view, which starts printing once it is ready. */
  const doRelease = async (thenPrint: boolean) => {
    const ctx = signer.context();
    if (!ctx) return;
    setBusy(true);
    try {
      if (await runSigned(t, () => release(doc, fields.id, { ...ctx, expectedHash: gate.hash }))) {
        setConfirming(false);
        if (thenPrint) navigate(printPath(wsId, fields.id, true));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`status-bar status-${gate.status}`} data-testid="status-bar" data-status={gate.status} data-hash={gate.hash} data-checking={gate.checking || gate.pending ? 'true' : 'false'}>
      {gate.drill && (
        <span className="drill-badge" data-testid="drill-badge">
          {t('drill.badge')}
        </span>
      )}
      <span className={`status-badge status-${gate.status}`} data-testid="statement-status">
        {t(`status.${gate.status}`)}
      </span>
      {(gate.checking || gate.pending) && gate.stage === 'in_review' && <span className="muted small">{t('gate.checking')}</span>}
      {gate.voided.map((a) => (
        <span key={a.item.index} className="voided" data-testid="approval-void" role="status">
          {t('gate.voided', { role: role(a.payload!.role), by: a.signer?.name ?? '', at: formatDateTime(a.payload!.at, language) })}
        </span>
      ))}
      {gate.changedSinceRelease && (
        <span className="voided" role="status">
          {t('gate.changedSinceRelease')}
        </span>
      )}
      {gate.release && gate.releaseCheck !== 'verified' && (
        <span className={gate.releaseCheck === 'verifying' ? 'muted small' : 'voided'} role="status" data-testid="release-check" data-state={gate.releaseCheck}>
          {t(`gate.release.${gate.releaseCheck}`)}
        </span>
      )}
      <span className="spacer" />
      {fields.stage === 'draft' && (
        <button type="button" data-testid="submit-review" onClick={() => runAction(t, () => submitForReview(doc, fields.id, by))}>
          {t('actions.submit')}
        </button>
      )}
      {fields.stage === 'in_review' && (
        <button type="button" onClick={() => runAction(t, () => returnToDraft(doc, fields.id, by))}>
          {t('actions.toDraft')}
        </button>
      )}
      {fields.stage === 'in_review' && (
        <button type="button" className="primary" data-testid="release" disabled={blocked !== null} title={blocked ? t(blocked) : undefined} onClick={() => setConfirming(true)}>
          {t('actions.release')}
        </button>
      )}
      {fields.stage === 'in_review' && blocked && (gate.status === 'approved' || gate.drill) && (
        <span className="muted small" data-testid="release-blocked">
          {t(blocked)}
        </span>
      )}
      {fields.stage === 'released' && (
        <button
          type="button"
          onClick={() =>
            runAction(t, () => {
              const id = startRevision(doc, fields.id, by, t('actions.revisionTitle', { title: fields.title }), 'user', signer.key || undefined);
              navigate(workspacePath(wsId, 'statements', id));
            })
          }
        >
          {t('actions.revise')}
        </button>
      )}
      {(fields.stage === 'draft' || fields.stage === 'in_review') && (
        <button type="button" data-testid="save-version" onClick={() => runAction(t, () => addVersion(rec, { by, reason: 'manual', label: '' }, 'user'))}>
          {t('actions.saveVersion')}
        </button>
      )}
      <a className="button-link" data-testid="export-pdf" href={printPath(wsId, fields.id)}>
        {t('actions.export')}
      </a>
      <Dialog open={confirming} title={t('release.title')} onClose={() => setConfirming(false)} testId="release-dialog">
        <p>{t('release.intro', { title: fields.title })}</p>
        <ul className="approval-log">
          {gate.roles.map((r) => (
            <li key={r.role}>{r.approval ? <ApprovalLine a={r.approval} /> : r.approvals[0] ? approvalReason(t, r.approvals[0]) : t('approval.waiting')}</li>
          ))}
        </ul>
        {(gate.gates?.gates ?? []).filter((g) => g.override).length > 0 && (
          <p className="warn small">{t('release.withOverrides', { gates: gate.gates!.gates.filter((g) => g.override).map((g) => t(`gates.${g.gate}`)).join(t('listSeparator')) })}</p>
        )}
        <p className="muted small">{t('release.signNote', { name: signer.name, fingerprint: signer.me?.fingerprint.hex ?? '' })}</p>
        <p className="muted small">{t('release.printNote')}</p>
        <div className="row dialog-actions">
          <button type="button" onClick={() => setConfirming(false)}>
            {t('dialog.cancel')}
          </button>
          <button type="button" data-testid="release-confirm" disabled={busy || blocked !== null} onClick={() => void doRelease(false)}>
            {t('release.confirm')}
          </button>
          <button type="button" className="primary" data-testid="release-print" disabled={busy || blocked !== null} onClick={() => void doRelease(true)}>
            {t('release.confirmPrint')}
          </button>
        </div>
      </Dialog>
    </div>
  );
});
